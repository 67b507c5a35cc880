// Per-request plumbing shared by both listeners: a request id on every response, the client IP, one
// error-to-response mapping, and one access-log line per request (5xx logged as errors).
import { Elysia } from "elysia";
import { GatewayError } from "../errors.ts";
import type { Logger } from "../log.ts";

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Time-ordered (UUIDv7), so usage rows land at the right edge of the request_id index. */
export function newRequestId(): string {
  return `req_${Bun.randomUUIDv7().replaceAll("-", "")}`;
}

/**
 * The request's id: always one the gateway made, since usage events, quota releases and security events
 * are keyed by it and a client's id need not be unique. A well-formed client `x-request-id` is kept for
 * correlation after the gateway's part, `req_<32 hex>.<client id>`: after, not before, so ids stay
 * time-ordered.
 */
export function requestIdFrom(headers: Headers): string {
  const own = newRequestId();
  const incoming = headers.get("x-request-id");
  return incoming && INCOMING_ID.test(incoming) ? `${own}.${incoming}` : own;
}

function validationMessage(error: unknown): string {
  if (error && typeof error === "object" && "valueError" in error) {
    const valueError = (error as { valueError?: { path?: string; message?: string } }).valueError;
    if (valueError?.message) return `${valueError.path ? `${valueError.path.replace(/^\//, "")}: ` : ""}${valueError.message}`;
  }
  return "request body does not match the expected schema";
}

/** Request id and client IP for every route; named, so Elysia registers it once however often used. */
export function requestInfo() {
  return new Elysia({ name: "request-info" }).derive({ as: "global" }, ({ request, server, set }) => {
    const requestId = requestIdFrom(request.headers);
    set.headers["x-request-id"] = requestId;
    const ip = server?.requestIP(request)?.address ?? "unknown";
    return { requestId, ip, startedAt: performance.now() };
  });
}

export function requestContext(log: Logger) {
  return new Elysia({ name: "request-context" })
    .use(requestInfo())
    .onError({ as: "global" }, ({ error, code, set, request, path }) => {
      // Unknown routes and unparsable bodies fail before the derive above has run: the id is made here.
      const requestId = String(set.headers["x-request-id"] ?? requestIdFrom(request.headers));
      set.headers["x-request-id"] = requestId;
      let failure: GatewayError;
      if (error instanceof GatewayError) failure = error;
      else if (code === "VALIDATION") failure = new GatewayError("invalid_request_error", validationMessage(error));
      else if (code === "PARSE") failure = new GatewayError("invalid_request_error", "request body is not valid JSON");
      else if (code === "NOT_FOUND") failure = new GatewayError("not_found", `no route for ${request.method} ${path}`);
      else {
        log.error("unhandled error", { requestId, method: request.method, path, error });
        failure = new GatewayError("internal_error", "internal error", {});
      }
      set.status = failure.status;
      for (const [name, value] of Object.entries(failure.headers)) set.headers[name] = value;
      set.headers["content-type"] = "application/json";
      return failure.toBody();
    })
    .onAfterResponse({ as: "global" }, ({ request, path, set, requestId, startedAt }) => {
      const status = typeof set.status === "number" ? set.status : 200;
      const fields = { requestId, method: request.method, path, status, ms: Math.round(performance.now() - (startedAt ?? 0)) };
      if (status >= 500) log.error("request", fields);
      else log.debug("request", fields);
    });
}
