// The native path of /v1/messages. When the chosen link's upstream speaks the Messages API itself (its
// adapter has `messages`), the client's body is forwarded as written and the answer, JSON or SSE, goes
// back as the upstream sent it: thinking blocks, server tools, cache_control, stop sequences and cache
// usage survive, which no round trip through the chat format can promise. Only `model` changes, upstream
// to the link's name and back to the client's behind an alias.
//
// The request is still translated to the chat format for the gates (scanning, token estimates) and for
// links that need it. A request that only the native path can carry (server tools, file sources, …) is
// translated leniently for the gates and goes only to native links.

import { GatewayError } from "../../errors.ts";
import { anthropicErrorDetails, mergeAnthropicUsage, usageFromAnthropic } from "../../providers/anthropic/index.ts";
import { streamError } from "../../providers/shared/errors.ts";
import { isJsonObject, parseJson, stringField } from "../../providers/shared/json.ts";
import { TranslatingStream } from "../../providers/shared/translating-stream.ts";
import type { JsonObject, UpstreamRequest, Usage } from "../../providers/types.ts";
import type { RouteCandidate } from "../../routing/router.ts";
import { encodeSseEvent, SseParser, type SseEvent } from "../../streaming/sse.ts";
import { anthropicErrorEvent, anthropicErrorType } from "./errors.ts";
import { anthropicToOpenAIRequest } from "./request.ts";

/** Whether the candidate's upstream takes /v1/messages bodies as they are. */
export function servesNatively(candidate: RouteCandidate): boolean {
  return candidate.link.adapter.messages !== undefined;
}

/** A /v1/messages request as the pipeline needs it. */
export interface MessagesIntake {
  /** The request in the chat format: what the gates scan and estimate, and what translated links get. */
  body: JsonObject;
  /** Why links that need the chat format cannot take this request; null when they can. */
  untranslatable: GatewayError | null;
  /** The upstream request for a native candidate; null for the others, which get the translation. */
  nativeRequest(candidate: RouteCandidate): UpstreamRequest | null;
}

/** Reads a /v1/messages body: a malformed one is refused; one without a chat form is left to native links. */
export function readMessagesRequest(raw: JsonObject, clientHeaders: Headers): MessagesIntake | GatewayError {
  const nativeRequest = (candidate: RouteCandidate): UpstreamRequest | null =>
    candidate.link.adapter.messages?.buildRequest(candidate.link.config, raw, candidate.upstreamModel, clientHeaders) ?? null;
  const strict = anthropicToOpenAIRequest(raw);
  if (!(strict instanceof GatewayError)) return { body: strict, untranslatable: null, nativeRequest };
  const lenient = anthropicToOpenAIRequest(raw, { lenient: true });
  if (lenient instanceof GatewayError) return lenient;
  return { body: lenient, untranslatable: strict, nativeRequest };
}

/** A non-stream native answer: the upstream's message, renamed behind an alias, and its usage. */
export interface NativeAnswer {
  body: JsonObject;
  usage: Usage | null;
  /** The message's text, for an estimate when the upstream reported no usage. */
  completionText: string;
}

export function nativeMessageAnswer(upstreamJson: unknown, model: string, renameModel: boolean): NativeAnswer | GatewayError {
  if (!isJsonObject(upstreamJson) || !Array.isArray(upstreamJson.content)) {
    return new GatewayError("upstream_error", "The upstream answered with a body that is not an Anthropic message.");
  }
  if (renameModel) upstreamJson.model = model;
  const usage = isJsonObject(upstreamJson.usage) && countsTokens(upstreamJson.usage) ? usageFromAnthropic(upstreamJson.usage) : null;
  let completionText = "";
  if (usage === null) for (const block of upstreamJson.content) completionText += blockText(block);
  return { body: upstreamJson, usage, completionText };
}

const USAGE_COUNTS = ["input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"] as const;

/**
 * Whether an Anthropic usage object holds any count: an empty one (some compatible servers send `{}`, a
 * JSON answer re-told as a stream may have none) means unknown, to be estimated, not 0 tokens.
 */
function countsTokens(usage: JsonObject): boolean {
  return USAGE_COUNTS.some((key) => typeof usage[key] === "number");
}

/** What a content block (or a block's start or delta) contributes to the completion's token count. */
function blockText(block: unknown): string {
  if (!isJsonObject(block)) return "";
  let text = "";
  for (const key of ["text", "thinking", "partial_json", "name"]) {
    const value = block[key];
    if (typeof value === "string") text += value;
  }
  if (isJsonObject(block.input) && Object.keys(block.input).length > 0) text += JSON.stringify(block.input);
  return text;
}

function sse(payload: JsonObject): string {
  return encodeSseEvent(String(payload.type), JSON.stringify(payload));
}

/**
 * A whole message re-told as the stream Anthropic would have sent, for an upstream that answered a
 * stream request with one JSON body. Each block opens with its empty form, gets its content in one delta
 * and closes; blocks without deltas (redacted thinking, server tool results) open whole.
 */
export function messageToSse(message: JsonObject): string {
  const { content, stop_reason: stopReason, stop_sequence: stopSequence, usage, ...head } = message;
  let out = sse({ type: "message_start", message: { ...head, content: [], stop_reason: null, stop_sequence: null, usage: usage ?? {} } });
  const blocks = Array.isArray(content) ? content : [];
  for (const [index, block] of blocks.entries()) {
    if (!isJsonObject(block)) continue;
    const deltas: JsonObject[] = [];
    let start: JsonObject = block;
    if (block.type === "text" && typeof block.text === "string") {
      start = { ...block, text: "" };
      deltas.push({ type: "text_delta", text: block.text });
    } else if (block.type === "thinking" && typeof block.thinking === "string") {
      start = { ...block, thinking: "", signature: "" };
      deltas.push({ type: "thinking_delta", thinking: block.thinking });
      if (typeof block.signature === "string" && block.signature.length > 0) deltas.push({ type: "signature_delta", signature: block.signature });
    } else if (isJsonObject(block.input)) {
      // tool_use, server_tool_use, mcp_tool_use: the input arrives as JSON text.
      start = { ...block, input: {} };
      deltas.push({ type: "input_json_delta", partial_json: JSON.stringify(block.input) });
    }
    out += sse({ type: "content_block_start", index, content_block: start });
    for (const delta of deltas) out += sse({ type: "content_block_delta", index, delta });
    out += sse({ type: "content_block_stop", index });
  }
  out += sse({ type: "message_delta", delta: { stop_reason: stopReason ?? "end_turn", stop_sequence: stopSequence ?? null }, usage: usage ?? {} });
  return out + sse({ type: "message_stop" });
}

export interface NativeStreamOptions {
  /** The model the client asked for. */
  model: string;
  /** The client asked for an alias: message_start names `model` instead of the upstream's target. */
  renameModel: boolean;
}

/**
 * Forwards an Anthropic Messages stream untouched (padding, pings and event order included), reading
 * what the gateway must know: usage (message_start, then message_delta's cumulative counts), the end
 * (message_stop) and errors. Only message_start is re-serialised, and only behind an alias.
 */
export class AnthropicPassthroughStream extends TranslatingStream {
  protected readonly parser: SseParser;
  private readonly rawUsage: JsonObject = {};
  private collected = "";
  /** Block starts and deltas are forwarded unparsed; read only if the usage has to be estimated. */
  private unparsed: string[] = [];

  constructor(private readonly options: NativeStreamOptions) {
    super();
    this.parser = new SseParser({
      onEvent: (event) => this.onEvent(event),
      onSkipped: (raw) => {
        this.out += raw;
      },
    });
  }

  /** The client reads Anthropic SSE: a stream cut before message_stop ends with Anthropic's error event. */
  protected override fail(error: GatewayError): void {
    this.error = error;
    this.out += anthropicErrorEvent(anthropicErrorType(error.status), error.message);
  }

  get completionText(): string {
    for (const data of this.unparsed) {
      const payload = parseJson(data);
      if (isJsonObject(payload)) this.collected += blockText(payload.delta) + blockText(payload.content_block);
    }
    this.unparsed = [];
    return this.collected;
  }

  private onEvent(event: SseEvent): void {
    const name = event.event;
    // The hot path: deltas go out as they came, unparsed.
    if (name === "content_block_delta" || name === "content_block_start") {
      this.unparsed.push(event.data);
      this.out += event.raw;
      return;
    }
    if (name === "ping" || name === "content_block_stop") {
      this.out += event.raw;
      return;
    }
    // Anthropic pads its JSON with spaces: parse it, never match strings.
    const payload = parseJson(event.data);
    if (!isJsonObject(payload)) {
      this.out += event.raw;
      return;
    }
    switch (stringField(payload, "type") ?? name) {
      case "message_start": {
        const message = payload.message;
        if (isJsonObject(message) && isJsonObject(message.usage)) this.addUsage(message.usage);
        if (this.options.renameModel && isJsonObject(message)) {
          message.model = this.options.model;
          this.out += encodeSseEvent(name === "message" ? "message_start" : name, JSON.stringify(payload));
          return;
        }
        break;
      }
      case "message_delta":
        if (isJsonObject(payload.usage)) this.addUsage(payload.usage);
        break;
      case "message_stop":
        this.finished = true;
        break;
      case "error":
        this.error = streamError(anthropicErrorDetails(payload));
        break;
      case "content_block_delta":
      case "content_block_start":
        this.unparsed.push(event.data);
        break;
      default:
        break;
    }
    this.out += event.raw;
  }

  private addUsage(usage: JsonObject): void {
    mergeAnthropicUsage(this.rawUsage, usage);
    if (countsTokens(this.rawUsage)) this.usage = usageFromAnthropic(this.rawUsage);
  }
}
