// Gateway errors in Anthropic's envelope, for clients of the Anthropic-compatible /v1/messages ingress.

import { ERROR_CODES, type GatewayError } from "../../errors.ts";
import { encodeSseEvent } from "../../streaming/sse.ts";

export interface AnthropicErrorBody {
  type: "error";
  /**
   * `type` is Anthropic's, by status; `code` is the gateway's own reason, the one the OpenAI envelope
   * carries (`content_policy_violation`, `insufficient_quota` vs `rate_limit_exceeded`, …), which the
   * status alone does not tell apart. Anthropic's SDKs keep the object as it is.
   */
  error: { type: string; message: string; code: string };
  request_id?: string;
}

/** Anthropic's error `type` for an HTTP status, as its SDKs expect to find it. */
export function anthropicErrorType(status: number): string {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 402:
      return "billing_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 503:
    case 529:
      return "overloaded_error";
    default:
      return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

export function anthropicErrorBody(error: GatewayError, requestId?: string): AnthropicErrorBody {
  const body: AnthropicErrorBody = { type: "error", error: { type: anthropicErrorType(error.status), message: error.message, code: error.code } };
  if (requestId) body.request_id = requestId;
  return body;
}

export function anthropicErrorResponse(error: GatewayError, requestId?: string): Response {
  const headers: Record<string, string> = { "content-type": "application/json", ...error.headers };
  // Anthropic's own header, and the gateway's, which every response carries.
  if (requestId) {
    headers["request-id"] = requestId;
    headers["x-request-id"] = requestId;
  }
  return new Response(JSON.stringify(anthropicErrorBody(error, requestId)), { status: error.status, headers });
}

/** The `event: error` SSE event that ends an Anthropic stream. */
export function anthropicErrorEvent(type: string, message: string): string {
  return encodeSseEvent("error", JSON.stringify({ type: "error", error: { type, message } }));
}

/** The Anthropic error type for an OpenAI-format error object seen inside a stream. */
export function anthropicErrorTypeForCode(code: unknown): string {
  if (typeof code === "string" && Object.hasOwn(ERROR_CODES, code)) {
    return anthropicErrorType(ERROR_CODES[code as keyof typeof ERROR_CODES].status);
  }
  return "api_error";
}
