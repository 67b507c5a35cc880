// What a request may cost before it runs: prompt tokens plus the completion it may produce (max_tokens /
// max_completion_tokens, or the configured default). Both limit gates need it, so it is memoised per body.
//
// Two prompt figures: `quick` is an upper bound with no tokenizer (every token is at least one UTF-8
// byte, a UTF-16 code unit at most three; message framing counted generously) for plain-text requests;
// `precise` is the tiktoken estimate (src/usage/tokens.ts). Gates reserve the quick bound while their
// local slices have room — it never under-reserves, and settlement trues it up — and fall back to the
// precise estimate near a limit, where admission must not be pessimistic.
import type { JsonObject } from "../providers/types.ts";
import type { GateInput } from "../proxy/gate.ts";
import { estimatePromptTokens } from "../usage/estimate.ts";

export interface Reservation {
  promptTokens: number;
  completionTokens: number;
}

/** Bytes per UTF-16 code unit, at most; every BPE token covers at least one byte. */
const MAX_BYTES_PER_UNIT = 3;
/** Cookbook framing is 3 per message + 1 per name + 3 priming; counted with room to spare. */
const FRAMING_PER_MESSAGE = 8;
const FRAMING = 8;

function textBound(value: unknown): number | null {
  if (typeof value === "string") return MAX_BYTES_PER_UNIT * value.length;
  if (!Array.isArray(value)) return null;
  let total = 0;
  for (const item of value) {
    if (typeof item === "string") total += MAX_BYTES_PER_UNIT * item.length;
    else if (typeof item === "number") total += 1;
    else if (Array.isArray(item) && item.every((token) => typeof token === "number")) total += item.length;
    else return null;
  }
  return total;
}

/** Null when a byte count cannot bound the prompt (images, tools, structured content). */
export function quickPromptBound(input: GateInput): number | null {
  const body: JsonObject = input.body;
  if (input.operation === "completions") return textBound(body.prompt);
  if (input.operation === "embeddings") return textBound(body.input);
  if (body.tools !== undefined || body.functions !== undefined || !Array.isArray(body.messages)) return null;
  let total = FRAMING;
  for (const message of body.messages) {
    if (message === null || typeof message !== "object" || Array.isArray(message)) return null;
    const { role, content, name } = message as JsonObject;
    if (typeof content !== "string" || typeof role !== "string" || (message as JsonObject).tool_calls !== undefined) return null;
    total += FRAMING_PER_MESSAGE + MAX_BYTES_PER_UNIT * (role.length + content.length + (typeof name === "string" ? name.length : 0));
  }
  return total;
}

interface Costs {
  quick: Reservation | null;
  precise: Reservation | null;
}

/**
 * Both gates ask about the same body one after the other, so the last body's costs are kept at hand; the
 * WeakMap holds only tokenizer estimates (worth keeping when a gate went async in between), so the common
 * path adds no WeakMap entry per request. Recomputing a quick bound is cheap and gives the same answer.
 */
const memo = new WeakMap<object, Costs>();
let lastBody: object | null = null;
let lastCosts: Costs = { quick: null, precise: null };

function costsOf(input: GateInput): Costs {
  const body = input.body;
  if (body === lastBody) return lastCosts;
  const costs = memo.get(body) ?? { quick: null, precise: null };
  lastBody = body;
  lastCosts = costs;
  return costs;
}

function completionTokens(input: GateInput, defaultMaxTokens: number): number {
  // Embeddings produce no completion tokens.
  return input.operation === "embeddings" ? 0 : (input.maxTokens ?? defaultMaxTokens);
}

/** The tokenizer estimate. */
export function reservationFor(input: GateInput, defaultMaxTokens: number): Reservation {
  const costs = costsOf(input);
  if (costs.precise === null) {
    costs.precise = { promptTokens: estimatePromptTokens(input.operation, input.model, input.body), completionTokens: completionTokens(input, defaultMaxTokens) };
    memo.set(input.body, costs);
  }
  return costs.precise;
}

/** The tokenizer-free upper bound when there is one, else the tokenizer estimate. */
export function quickReservationFor(input: GateInput, defaultMaxTokens: number): Reservation {
  const costs = costsOf(input);
  if (costs.quick !== null) return costs.quick;
  const bound = quickPromptBound(input);
  costs.quick = bound === null ? reservationFor(input, defaultMaxTokens) : { promptTokens: bound, completionTokens: completionTokens(input, defaultMaxTokens) };
  return costs.quick;
}

/** Below this many requests of the size at hand left in a budget, reservations use the tokenizer. */
export const NEAR_LIMIT_REQUESTS = 1_000;

/**
 * Whether what is left of a budget (this instance's best estimate, see Budget.remaining) would cover
 * fewer than NEAR_LIMIT_REQUESTS requests of `amount`. Then the quick upper bound could refuse, or hold
 * back, requests the tokenizer's estimate admits; further from the limit the bound costs nothing, and
 * the tokenizer (and, on first use, building its encoder: a fraction of a second of CPU) is skipped —
 * notably at the start of every rate window, when no slice is leased yet. On an instance whose budget
 * is fresh while other instances spent most of it, the estimate is optimistic until the first lease
 * says otherwise: those first requests reserve the quick bound.
 */
export function nearItsLimit(budget: { remaining(): number }, amount: number): boolean {
  return budget.remaining() < amount * NEAR_LIMIT_REQUESTS;
}
