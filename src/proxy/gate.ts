// Checks that run on every proxy request after authentication and before routing: quotas and rate
// limits, prompt scanning. Each may refuse the request, add response headers, and settle afterwards.
import type { KeyRecord } from "../auth/key-cache.ts";
import type { GatewayError } from "../errors.ts";
import type { JsonObject, Operation } from "../providers/types.ts";
import type { UsageRelease } from "../usage/writer.ts";

export type IngressFormat = "openai" | "anthropic";

export interface GateInput {
  requestId: string;
  key: KeyRecord;
  operation: Operation;
  format: IngressFormat;
  model: string;
  /** The request in OpenAI format (after translation for /v1/messages). */
  body: JsonObject;
  maxTokens: number | null;
}

export interface SettledUsage {
  promptTokens: number;
  completionTokens: number;
  waddleaiTokens: number;
  status: number;
  /**
   * Set by the pass that holds a quota reservation when the request spent WaddleAI tokens (only then is a
   * usage event recorded with tokens): the handler hands it over with the request's usage event. null
   * until a pass sets it; at most one pass does.
   */
  release: UsageRelease | null;
}

export interface GatePass {
  /** Headers to add to the response (e.g. x-ratelimit-*); copied, never modified. */
  headers?: Record<string, string>;
  /**
   * Called exactly once when the request has finished, with what it really used (shared by all the passes:
   * read it, do not keep it; only `release` may be set).
   */
  settle?(usage: SettledUsage): void;
}

export interface RequestGate {
  readonly name: string;
  check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError>;
}
