// One attempt against one upstream: the request with its timeouts and the client's abort wired in.
import { GatewayError } from "../errors.ts";
import type { UpstreamRequest } from "../providers/types.ts";

export interface LinkTimeouts {
  /** Until the upstream's response headers arrive. */
  firstByteMs: number;
  /** Between two chunks of a streamed body. */
  idleMs: number;
  /** The whole exchange, body included. */
  totalMs: number;
}

const DEFAULTS: LinkTimeouts = { firstByteMs: 120_000, idleMs: 120_000, totalMs: 600_000 };

function positive(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Per-link network settings from `options`, with defaults filled in one place. */
export function linkTimeouts(options: Record<string, unknown>): LinkTimeouts {
  return {
    firstByteMs: positive(options.first_byte_timeout_ms, DEFAULTS.firstByteMs),
    idleMs: positive(options.idle_timeout_ms, DEFAULTS.idleMs),
    totalMs: positive(options.timeout_ms, DEFAULTS.totalMs),
  };
}

export type AttemptOutcome =
  | { ok: true; response: Response; controller: AbortController; clearTotal: () => void }
  | { ok: false; error: GatewayError; kind: "timeout" | "connection" | "aborted" };

/**
 * Sends the request. The returned controller aborts the upstream (client gone, idle timeout); the total
 * timeout keeps running over the body until `clearTotal` is called.
 */
export async function sendUpstream(request: UpstreamRequest, timeouts: LinkTimeouts, clientSignal: AbortSignal): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const onClientAbort = () => controller.abort(new DOMException("client closed the connection", "AbortError"));
  if (clientSignal.aborted) onClientAbort();
  clientSignal.addEventListener("abort", onClientAbort, { once: true });
  let timedOut = false;
  const total = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException("upstream total timeout", "TimeoutError"));
  }, timeouts.totalMs);
  const firstByte = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException("upstream first-byte timeout", "TimeoutError"));
  }, timeouts.firstByteMs);
  const clearTotal = () => {
    clearTimeout(total);
    clientSignal.removeEventListener("abort", onClientAbort);
  };
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      // Bun decompresses; the bytes we forward are plain, so no content-encoding is passed on.
      decompress: true,
    });
    clearTimeout(firstByte);
    return { ok: true, response, controller, clearTotal };
  } catch (error) {
    clearTimeout(firstByte);
    clearTotal();
    if (clientSignal.aborted) return { ok: false, error: new GatewayError("upstream_error", "client closed the connection"), kind: "aborted" };
    if (timedOut) return { ok: false, error: new GatewayError("upstream_timeout", "the provider did not answer in time"), kind: "timeout" };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new GatewayError("upstream_unavailable", `could not reach the provider: ${reason}`), kind: "connection" };
  }
}
