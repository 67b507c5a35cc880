// Local token estimates with js-tiktoken: the fallback for when an upstream reports no usage or the client
// disconnects before the usage chunk. Upstream-reported usage always wins; nothing here is on the normal path.
//
// The rank tables are plain string modules imported statically (cheap to parse, and `bun build --compile`
// embeds them); the expensive part — building the BPE maps, ~100 ms for cl100k and ~250 ms for o200k plus
// ~80 MB each — happens on the first estimate for that encoding, so a process that never estimates never
// pays it. `warmTokenizers()` lets a caller move that cost off a request if it prefers.
import { Tiktoken } from "js-tiktoken/lite";
import cl100kBase from "js-tiktoken/ranks/cl100k_base";
import o200kBase from "js-tiktoken/ranks/o200k_base";

export type EncodingName = "o200k_base" | "cl100k_base";

/**
 * Image parts have no text to count and their real cost depends on pixel size, which a gateway does not
 * know without decoding. `detail: "low"` is a flat 85 tokens at OpenAI; anything else is estimated as one
 * 1024×1024 image at high detail (85 base + 4 tiles × 170 = 765), the most common size after resizing.
 */
export const IMAGE_TOKENS_LOW = 85;
export const IMAGE_TOKENS_HIGH = 765;

/** Cookbook constants: `<|start|>{role/name}\n{content}<|end|>\n` costs 3, a name 1, the reply priming 3. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;

// Families that use o200k_base; everything else (gpt-4, gpt-3.5, embeddings, non-OpenAI) uses cl100k_base.
// A provider prefix ("openai/gpt-4o", "azure/…") and a fine-tune prefix ("ft:gpt-4o-mini:…") are ignored.
const O200K_MODEL = /^(?:ft:)?(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o1|o3|o4)(?:[-.:_@]|$)/;

export function encodingForModel(model: string): EncodingName {
  const slash = model.lastIndexOf("/");
  const bare = (slash >= 0 ? model.slice(slash + 1) : model).toLowerCase();
  return O200K_MODEL.test(bare) ? "o200k_base" : "cl100k_base";
}

const encoders = new Map<EncodingName, Tiktoken>();

function encoder(name: EncodingName): Tiktoken {
  let enc = encoders.get(name);
  if (enc === undefined) {
    enc = new Tiktoken(name === "o200k_base" ? o200kBase : cl100kBase);
    encoders.set(name, enc);
  }
  return enc;
}

/** Build the encoders ahead of need (e.g. at idle after start); each takes 0.1–0.3 s of CPU once. */
export function warmTokenizers(names: EncodingName[] = ["o200k_base", "cl100k_base"]): void {
  for (const name of names) encoder(name);
}

// js-tiktoken's byte-pair merge is quadratic in the length of one regex piece: a 16 000-char run of one
// letter takes ~15 s. Pieces never cross a whitespace/non-whitespace boundary by more than one character,
// so long runs of either kind are cut into short slices (counts stay within a token or two of exact), and
// after a budget of such slow characters the rest of the runs is estimated by length instead.
const LONG_RUN = /\S{64,}|\s{64,}/g;
const RUN_SLICE = 32;
const SLOW_CHAR_BUDGET = 32_768;
const CHARS_PER_TOKEN_GUESS = 3;

class TokenCounter {
  private slowBudget = SLOW_CHAR_BUDGET;
  constructor(private readonly enc: Tiktoken) {}

  text(text: string): number {
    if (text.length === 0) return 0;
    try {
      if (text.length < 64) return this.encodeLength(text);
      let total = 0;
      let from = 0;
      LONG_RUN.lastIndex = 0;
      for (let m = LONG_RUN.exec(text); m !== null; m = LONG_RUN.exec(text)) {
        if (m.index > from) total += this.encodeLength(text.slice(from, m.index));
        total += this.longRun(m[0]);
        from = m.index + m[0].length;
      }
      if (from < text.length) total += this.encodeLength(from === 0 ? text : text.slice(from));
      return total;
    } catch {
      return Math.ceil(text.length / CHARS_PER_TOKEN_GUESS);
    }
  }

  private longRun(run: string): number {
    let total = 0;
    let i = 0;
    for (; i < run.length && this.slowBudget > 0; i += RUN_SLICE, this.slowBudget -= RUN_SLICE) {
      total += this.encodeLength(run.slice(i, i + RUN_SLICE));
    }
    if (i >= run.length) return total;
    // Out of budget: extrapolate this run's own ratio so far, or guess when nothing of it was encoded.
    const rest = run.length - i;
    return total + Math.ceil(i > 0 ? (rest * total) / i : rest / CHARS_PER_TOKEN_GUESS);
  }

  private encodeLength(text: string): number {
    // Special-token text ("<|endoftext|>") in user input is counted as ordinary text, never thrown on.
    return this.enc.encode(text, [], []).length;
  }
}

function counterFor(model: string): TokenCounter {
  return new TokenCounter(encoder(encodingForModel(typeof model === "string" ? model : "")));
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(counter: TokenCounter, value: unknown): number {
  return typeof value === "string" ? counter.text(value) : 0;
}

function json(counter: TokenCounter, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value === "string") return counter.text(value);
  try {
    const text = JSON.stringify(value);
    return typeof text === "string" ? counter.text(text) : 0;
  } catch {
    return 0;
  }
}

function imageTokens(part: Obj): number {
  const image = part["image_url"];
  const detail = isObj(image) ? image["detail"] : part["detail"];
  return detail === "low" ? IMAGE_TOKENS_LOW : IMAGE_TOKENS_HIGH;
}

/** One content part: OpenAI chat / Responses parts and Anthropic blocks (this gateway accepts both). */
function partTokens(counter: TokenCounter, part: unknown, depth: number): number {
  if (typeof part === "string") return counter.text(part);
  if (!isObj(part)) return 0;
  switch (part["type"]) {
    case "image_url":
    case "input_image":
    case "image":
      return imageTokens(part);
    case "refusal":
      return str(counter, part["refusal"]);
    case "tool_use":
      return str(counter, part["name"]) + json(counter, part["input"]);
    case "tool_result":
      return contentTokens(counter, part["content"], depth + 1);
    default:
      // "text", "input_text", "output_text" and unknown types with a text field; audio/files have no
      // countable text and are left at 0.
      return str(counter, part["text"]);
  }
}

function contentTokens(counter: TokenCounter, content: unknown, depth = 0): number {
  if (typeof content === "string") return counter.text(content);
  if (!Array.isArray(content) || depth > 4) return 0;
  let total = 0;
  for (const part of content) total += partTokens(counter, part, depth);
  return total;
}

function functionCallTokens(counter: TokenCounter, call: unknown): number {
  if (!isObj(call)) return 0;
  const fn = isObj(call["function"]) ? call["function"] : call;
  return str(counter, fn["name"]) + json(counter, fn["arguments"]);
}

function messageTokens(counter: TokenCounter, message: unknown): number {
  if (!isObj(message)) return TOKENS_PER_MESSAGE;
  let total = TOKENS_PER_MESSAGE + str(counter, message["role"]) + contentTokens(counter, message["content"]);
  if (typeof message["name"] === "string") total += counter.text(message["name"]) + TOKENS_PER_NAME;
  const toolCalls = message["tool_calls"];
  if (Array.isArray(toolCalls)) for (const call of toolCalls) total += functionCallTokens(counter, call);
  // Legacy single `function_call` on assistant messages.
  total += functionCallTokens(counter, message["function_call"]);
  return total;
}

/** Plain text in the model's encoding. */
export function countTextTokens(model: string, text: string): number {
  if (typeof text !== "string" || text.length === 0) return 0;
  return counterFor(model).text(text);
}

/**
 * Prompt tokens of a chat request by the OpenAI cookbook rule: 3 per message + each of role, content and
 * name (+1 for a name) + 3 for the reply priming. Tool calls count their function name and arguments; the
 * `tools` definitions count as their JSON serialisation (an approximation: OpenAI renders them as a
 * TypeScript-like namespace, which is of similar size). Never throws; what is not countable counts 0.
 */
export function countChatPromptTokens(model: string, messages: unknown, tools?: unknown): number {
  const counter = counterFor(model);
  let total = 0;
  if (Array.isArray(messages)) {
    for (const message of messages) total += messageTokens(counter, message);
    total += REPLY_PRIMING;
  }
  if (Array.isArray(tools) && tools.length > 0) total += json(counter, tools);
  return total;
}

function promptTokens(model: string, input: unknown): number {
  if (typeof input === "string") return input.length === 0 ? 0 : counterFor(model).text(input);
  if (!Array.isArray(input) || input.length === 0) return 0;
  let counter: TokenCounter | undefined;
  let total = 0;
  for (const item of input) {
    if (typeof item === "number") total += 1;
    else if (typeof item === "string") {
      counter ??= counterFor(model);
      total += counter.text(item);
    } else if (Array.isArray(item)) {
      // A pre-tokenised input: its length is its token count; nested strings are not valid here.
      for (const token of item) if (typeof token === "number") total += 1;
    }
  }
  return total;
}

/** `/v1/completions` `prompt`: a string, an array of strings, a token array, or an array of token arrays. */
export function countCompletionPromptTokens(model: string, prompt: unknown): number {
  return promptTokens(model, prompt);
}

/** `/v1/embeddings` `input`: a string, an array of strings, a token array, or an array of token arrays. */
export function countEmbeddingInputTokens(model: string, input: unknown): number {
  return promptTokens(model, input);
}
