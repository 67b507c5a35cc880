// Maps an upstream's HTTP error onto the gateway's error vocabulary, the same way for every provider.
//
// Adapters extract what their provider's error body says; this module decides what a client may see.
// Client mistakes (400) keep the upstream's words; problems with the link itself (credentials, quota,
// rate limits of the operator's account) get gateway wording, because upstream text there names the
// operator's account and is no business of the client.

import { GatewayError } from "../../errors.ts";
import type { LinkConfig } from "../types.ts";
import { encodeSseData } from "../../streaming/sse.ts";
import { isJsonObject } from "./json.ts";

export interface UpstreamErrorDetails {
  message: string | null;
  /** The upstream's error type (`invalid_request_error`, `overloaded_error`, `tokens`, …). */
  type: string | null;
  /** The upstream's error code (`model_not_found`, `insufficient_quota`, …). */
  code: string | null;
  param: string | null;
}

export const NO_DETAILS: UpstreamErrorDetails = { message: null, type: null, code: null, param: null };

/**
 * The `retry-after` (seconds) of an upstream 429 passed on to the client: every 429 carries one. This is
 * the default for an upstream that gave no hint; the core puts the upstream's own hint in its place.
 */
export const UPSTREAM_429_RETRY_AFTER_S = 1;

const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:sk|pk|rk)-[A-Za-z0-9_*.-]{6,}/g,
  /\borg-[A-Za-z0-9]{8,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/*-]+=*/gi,
  /\b(api[_-]?key["']?\s*[:=]\s*["']?)[A-Za-z0-9._*-]{8,}/gi,
];

/** Removes anything that looks like a credential (and the link's own key) from upstream text. */
export function redactSecrets(text: string, link: LinkConfig | null): string {
  let result = text;
  const key = link?.apiKey;
  if (key && key.length >= 4) result = result.split(key).join("[redacted]");
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}[redacted]` : "[redacted]",
    );
  }
  return result;
}

function linkLabel(link: LinkConfig): string {
  return `provider link "${link.name}"`;
}

/**
 * Anthropic's 529 `overloaded_error`: the provider as a whole is short of capacity for a moment, which
 * says nothing about the link's account or the request. The error keeps the status 529, which
 * /v1/messages answers as Anthropic does; OpenAI-format clients get 503 (see `forOpenAIClients`).
 */
export const OVERLOADED_STATUS = 529;

export function overloadedError(link: LinkConfig): GatewayError {
  return new GatewayError("upstream_unavailable", `The upstream of ${linkLabel(link)} is overloaded; retry shortly.`, { status: OVERLOADED_STATUS });
}

export function isOverloaded(error: GatewayError | null): boolean {
  return error?.status === OVERLOADED_STATUS;
}

/**
 * The error as an OpenAI-format client sees it: 529 is Anthropic's own status, unknown to OpenAI's
 * SDKs and to most HTTP tooling, so an overload is the standard 503 there (retried by those SDKs).
 */
export function forOpenAIClients(error: GatewayError): GatewayError {
  if (!isOverloaded(error)) return error;
  return new GatewayError(error.code, error.message, { param: error.param, status: 503, headers: error.headers });
}

/** The HTTP status an upstream error type stands for, for error bodies that came with a 200. */
const STATUS_BY_ERROR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  tokens: 429,
  requests: 429,
  insufficient_quota: 429,
  overloaded_error: OVERLOADED_STATUS,
};

/**
 * When a JSON answer is an error envelope (OpenAI `{"error":…}`, Anthropic `{"type":"error",…}`, vLLM
 * `{"object":"error",…}`, Ollama `{"error":"…"}`): the HTTP status it should have come with, taken from a
 * status-like number in it, else from its type (500 when neither tells). Null for anything else.
 */
export function errorEnvelopeStatus(parsed: unknown): number | null {
  if (!isJsonObject(parsed)) return null;
  const nested = parsed.error;
  const isError = (isJsonObject(nested) || typeof nested === "string") && parsed.choices === undefined && parsed.content === undefined;
  if (!isError && parsed.object !== "error" && parsed.type !== "error") return null;
  const source = isJsonObject(nested) ? nested : parsed;
  for (const field of ["status", "code"]) {
    const value = source[field] ?? parsed[field];
    if (typeof value === "number" && Number.isInteger(value) && value >= 400 && value <= 599) return value;
  }
  // OpenAI's unknown model is an invalid_request_error by type; its code tells it apart.
  if (source.code === "model_not_found") return 404;
  const type = source.type;
  return (typeof type === "string" ? STATUS_BY_ERROR_TYPE[type] : undefined) ?? 500;
}

/** The gateway error for an upstream answer with HTTP status ≥ 400. */
export function upstreamStatusError(status: number, details: UpstreamErrorDetails, link: LinkConfig): GatewayError {
  const upstreamMessage = details.message ? redactSecrets(details.message, link) : null;
  const code = details.code ?? "";
  const type = details.type ?? "";

  if (status === 401 || status === 403) {
    return new GatewayError(
      "upstream_auth_error",
      `The upstream rejected the credentials configured for ${linkLabel(link)} (HTTP ${status}).`,
    );
  }
  if (code === "insufficient_quota" || type === "insufficient_quota" || status === 402) {
    return new GatewayError("upstream_error", `The upstream account of ${linkLabel(link)} has no quota or credit left.`);
  }
  if (status === 429) {
    return new GatewayError("rate_limit_exceeded", `The upstream is rate limiting ${linkLabel(link)}; retry later.`, {
      headers: { "retry-after": String(UPSTREAM_429_RETRY_AFTER_S) },
    });
  }
  if (status === OVERLOADED_STATUS || type === "overloaded_error") return overloadedError(link);
  if (status === 503) {
    return new GatewayError("upstream_unavailable", `The upstream of ${linkLabel(link)} is overloaded or unavailable.`);
  }
  if (status === 504 || status === 408) {
    return new GatewayError("upstream_timeout", `The upstream of ${linkLabel(link)} timed out.`);
  }
  if (status === 404) {
    // A JSON error body means the API answered (unknown model); anything else means the URL is wrong.
    if (upstreamMessage !== null) return new GatewayError("model_not_found", upstreamMessage);
    return new GatewayError(
      "upstream_error",
      `The upstream of ${linkLabel(link)} answered 404; check the link's endpoint_url.`,
    );
  }
  if (status === 413) {
    return new GatewayError("request_too_large", upstreamMessage ?? "The request is too large for the upstream.");
  }
  if (status === 400 || status === 409 || status === 422) {
    return new GatewayError("invalid_request_error", upstreamMessage ?? `The upstream rejected the request (HTTP ${status}).`, {
      param: details.param,
    });
  }
  const suffix = upstreamMessage ? `: ${upstreamMessage}` : ".";
  return new GatewayError("upstream_error", `The upstream of ${linkLabel(link)} failed (HTTP ${status})${suffix}`);
}

/** The gateway error for an error reported inside a stream that has already answered 200. */
export function streamError(details: UpstreamErrorDetails): GatewayError {
  const message = details.message ?? "The upstream reported an error mid-stream.";
  const type = details.type ?? "";
  if (type === "overloaded_error") return new GatewayError("upstream_unavailable", message);
  return new GatewayError("upstream_error", message);
}

/** A stream that stopped before its end marker: the client must hear about it, never a silent cut. */
export function truncatedStreamError(): GatewayError {
  return new GatewayError("upstream_error", "The upstream stream ended before it was complete.");
}

/** The OpenAI-format SSE error event for a gateway error. */
export function errorEvent(error: GatewayError): string {
  return encodeSseData(JSON.stringify(error.toBody()));
}
