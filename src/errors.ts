// The one error vocabulary: a code, its HTTP status and OpenAI error `type`, one envelope.

export const ERROR_CODES = {
  invalid_request_error: { status: 400, type: "invalid_request_error" },
  content_policy_violation: { status: 400, type: "invalid_request_error" },
  invalid_api_key: { status: 401, type: "invalid_request_error" },
  unauthorized: { status: 401, type: "authentication_error" },
  forbidden: { status: 403, type: "permission_error" },
  model_not_allowed: { status: 403, type: "permission_error" },
  not_found: { status: 404, type: "invalid_request_error" },
  model_not_found: { status: 404, type: "invalid_request_error" },
  conflict: { status: 409, type: "invalid_request_error" },
  request_too_large: { status: 413, type: "invalid_request_error" },
  rate_limit_exceeded: { status: 429, type: "rate_limit_error" },
  insufficient_quota: { status: 429, type: "insufficient_quota" },
  too_many_login_attempts: { status: 429, type: "rate_limit_error" },
  internal_error: { status: 500, type: "server_error" },
  upstream_error: { status: 502, type: "upstream_error" },
  upstream_auth_error: { status: 502, type: "upstream_error" },
  upstream_unavailable: { status: 503, type: "upstream_error" },
  upstream_timeout: { status: 504, type: "upstream_error" },
  unsupported_operation: { status: 400, type: "invalid_request_error" },
  service_unavailable: { status: 503, type: "server_error" },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

/** An expected failure carried as a value; only the HTTP edge turns it into a response. */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { param?: string | null; status?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "GatewayError";
    this.code = code;
    this.status = options.status ?? ERROR_CODES[code].status;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    return {
      error: { message: this.message, type: ERROR_CODES[this.code].type, param: this.param, code: this.code },
    };
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

export function errorResponse(error: GatewayError, requestId?: string): Response {
  const headers: Record<string, string> = { "content-type": "application/json", ...error.headers };
  if (requestId) headers["x-request-id"] = requestId;
  return new Response(JSON.stringify(error.toBody()), { status: error.status, headers });
}
