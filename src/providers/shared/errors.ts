// Maps an upstream's HTTP error onto the gateway's error vocabulary, the same way for every provider.
//
// Adapters extract what their provider's error body says; this module decides what a client may see.
// Client mistakes (400) keep the upstream's words; problems with the link itself (credentials, quota,
// rate limits of the operator's account) get gateway wording, because upstream text there names the
// operator's account and is no business of the client.

import { GatewayError } from "../../errors.ts";
import type { LinkConfig } from "../types.ts";
import { encodeSseData } from "../../streaming/sse.ts";

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
  if (status === 529 || status === 503 || type === "overloaded_error") {
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
