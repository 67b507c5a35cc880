// The contract between the generic proxy core and each provider adapter.
//
// Adapters are pure: they build the upstream request, parse its response, translate its stream and
// normalise its errors. The core owns fetch, timeouts, retries, aborts, metrics and logs.

import type { GatewayError } from "../errors.ts";

/** Operations the proxy offers; an adapter that lacks one returns an `unsupported_operation` error. */
export type Operation = "chat" | "completions" | "embeddings";

/** A JSON object as received from a client or an upstream. */
export type JsonObject = Record<string, unknown>;

/** A provider link as the core hands it to an adapter (secrets already decrypted, in memory only). */
export interface LinkConfig {
  id: string;
  name: string;
  /** Adapter name: "openai", "anthropic", "ollama", "azure", or any OpenAI-compatible alias. */
  provider: string;
  /** Base URL, e.g. https://api.openai.com/v1, https://api.anthropic.com, http://localhost:11434. */
  endpointUrl: string;
  apiKey: string | null;
  /** Models served; empty means "whatever the upstream lists" where the adapter can discover them. */
  modelList: string[];
  /** Provider-specific settings (e.g. Azure `api_version`, extra headers). */
  options: JsonObject;
}

export interface UpstreamRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

/** Token usage as reported by an upstream, normalised to OpenAI's accounting. */
export interface Usage {
  /** Includes cached tokens (OpenAI accounting; Anthropic's cache reads/writes are added in). */
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the provider's cache. */
  cachedTokens: number;
  /** Prompt tokens written to the provider's cache (Anthropic cache_creation, OpenAI cache_write). */
  cacheWriteTokens: number;
  /** Completion tokens spent on reasoning (included in completionTokens). */
  reasoningTokens: number;
}

/** A parsed non-stream upstream answer, already in OpenAI format. */
export interface ParsedResponse {
  /** The OpenAI-format body (chat.completion, text_completion or embedding list). */
  body: JsonObject;
  /** The upstream's usage, or null when it reported none (the core then estimates and sets `body.usage`). */
  usage: Usage | null;
}

export interface StreamOptions {
  /** The client asked for `stream_options.include_usage`: emit the usage chunk, else drop it. */
  includeUsage: boolean;
  /** Called on the usage object of the usage chunk before it is sent, to add `waddleai_tokens`. */
  decorateUsage: (usage: JsonObject, parsed: Usage) => void;
  /** The model name the client asked for, to echo in translated chunks. */
  model: string;
  /**
   * The client asked for an alias: chunks passed through name `model` instead of the target the
   * upstream echoes, as non-stream answers do.
   */
  renameModel?: boolean;
  /**
   * Estimates usage from the completion text when the upstream reported none. Used only when
   * `includeUsage` is set, so the client still gets a usage chunk before `[DONE]`; `usage` stays null.
   */
  estimateUsage?: (completionText: string) => Usage;
}

/**
 * Turns an upstream stream into OpenAI chat/completions SSE text. The core decodes upstream bytes to
 * text (streaming UTF-8 decoder), calls `push` per network chunk and forwards what it returns at once.
 */
export interface StreamTranslator {
  /** Feed one chunk of upstream text; returns OpenAI-format SSE text to forward now (may be ""). */
  push(text: string): string;
  /**
   * The upstream body ended. Returns any text still to send: for providers without a `[DONE]` marker,
   * the final chunks and `data: [DONE]\n\n`. If the stream ended without a proper end, `error` is set.
   */
  finish(): string;
  /** Upstream-reported usage, once seen. */
  readonly usage: Usage | null;
  /** Completion text and tool-call arguments seen so far, for estimating usage when none is reported. */
  readonly completionText: string;
  /**
   * An error reported inside the stream, or the stream ending without its end marker. Whenever it is
   * set, the matching SSE `data: {"error":…}` event is already in the text `push`/`finish` returned.
   */
  readonly error: GatewayError | null;
  /** True once the upstream's end marker was seen (`[DONE]`, `message_stop`, `done: true`). */
  readonly finished: boolean;
}

/**
 * An upstream that speaks the Anthropic Messages API itself: a /v1/messages request is forwarded as the
 * client wrote it instead of being translated to the chat format and back.
 */
export interface NativeMessagesApi {
  /**
   * The upstream request for a client's Messages body: the body as sent with only `model` replaced, the
   * link's credentials instead of the client's, and the client's `anthropic-version`/`anthropic-beta`.
   */
  buildRequest(link: LinkConfig, body: JsonObject, model: string, clientHeaders: Headers): UpstreamRequest;
}

export interface ProviderAdapter {
  /** Adapter name as used in a link's `provider` field. */
  readonly name: string;
  /** Which operations this adapter supports. */
  readonly operations: ReadonlySet<Operation>;
  /** Present when the upstream serves the Anthropic Messages API natively. */
  readonly messages?: NativeMessagesApi;
  /**
   * Build the upstream request for an OpenAI-format client body. `model` is the upstream model name
   * (after alias resolution). Streaming requests must ask the upstream for usage where it can.
   */
  buildRequest(operation: Operation, link: LinkConfig, body: JsonObject, model: string): UpstreamRequest | GatewayError;
  /** Parse a successful non-stream upstream body (already JSON-parsed). */
  parseResponse(operation: Operation, body: unknown, request: JsonObject, model: string): ParsedResponse | GatewayError;
  /** A translator for one streaming response. */
  createStreamTranslator(operation: Operation, options: StreamOptions): StreamTranslator;
  /** Normalise an upstream error answer (status ≥ 400) into the gateway's vocabulary. */
  normalizeError(status: number, bodyText: string, link: LinkConfig): GatewayError;
  /** Request for discovering models when the link's model_list is empty; null if not supported. */
  buildListModelsRequest(link: LinkConfig): UpstreamRequest | null;
  /** Parse the discovery answer into model ids. */
  parseModelList(body: unknown): string[];
}
