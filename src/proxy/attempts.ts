// Tries the planned links until one answers. Connection errors, timeouts, 429 and 5xx move on to the
// next link before anything reaches the client; once every link was tried, links with retries left
// (`options.max_retries`) are tried again after a jittered exponential backoff, all within the
// gateway-wide request deadline. Links whose circuit is open are skipped. Client errors (400, 404) are
// final: another link would refuse the same request.
import { GatewayError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics/registry.ts";
import type { JsonObject, Operation } from "../providers/types.ts";
import type { RouteCandidate, Router } from "../routing/router.ts";
import { backoffMs, retryPolicy, sleep } from "./retry.ts";
import { type LinkTimeouts, linkTimeouts, sendUpstream } from "./upstream.ts";

export interface AttemptRecord {
  link: string;
  outcome: "ok" | "error" | "timeout" | "rate_limited" | "connection" | "circuit_open";
  status: number | null;
  ms: number;
}

export type AttemptsResult =
  | {
      ok: true;
      candidate: RouteCandidate;
      response: Response;
      controller: AbortController;
      clearTotal: () => void;
      timeouts: LinkTimeouts;
      /** When the successful attempt was sent (performance.now()). */
      sentAt: number;
      attempts: AttemptRecord[];
    }
  | { ok: false; error: GatewayError; candidate: RouteCandidate | null; attempts: AttemptRecord[]; clientGone: boolean };

export interface AttemptContext {
  requestId: string;
  operation: Operation;
  body: JsonObject;
  plan: RouteCandidate[];
  clientSignal: AbortSignal;
  router: Router;
  metrics: Metrics;
  log: Logger;
  random?: () => number;
}

/** The upstream may answer differently in a moment: worth another try on the same link. */
function transientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** One attempt's verdict, as the loop needs it. */
type Tried =
  | { kind: "served"; result: AttemptsResult & { ok: true } }
  | { kind: "final"; error: GatewayError }
  | { kind: "failed"; error: GatewayError; retrySame: boolean }
  | { kind: "aborted"; error: GatewayError };

async function tryOnce(context: AttemptContext, candidate: RouteCandidate, remainingMs: number, attempts: AttemptRecord[]): Promise<Tried> {
  const { adapter, config } = candidate.link;
  const request = adapter.buildRequest(context.operation, config, context.body, candidate.upstreamModel);
  // The request cannot be expressed for this provider: the client must change it, not the gateway.
  if (request instanceof GatewayError) return { kind: "final", error: request };
  const configured = linkTimeouts(config.options);
  // The deadline bounds the wait for headers; a stream that has started runs on the link's own timeouts.
  const timeouts = { ...configured, firstByteMs: Math.max(1, Math.min(configured.firstByteMs, remainingMs)) };
  const sentAt = performance.now();
  context.router.begin(candidate);
  const outcome = await sendUpstream(request, timeouts, context.clientSignal);
  const ms = performance.now() - sentAt;
  if (!outcome.ok) {
    context.router.end(candidate);
    if (outcome.kind === "aborted") return { kind: "aborted", error: outcome.error };
    context.router.report(candidate, "failed", ms, `${outcome.kind}: ${outcome.error.message}`);
    context.metrics.upstreamAttempt(config.provider, config.name, outcome.kind);
    attempts.push({ link: config.name, outcome: outcome.kind, status: null, ms: Math.round(ms) });
    return { kind: "failed", error: outcome.error, retrySame: true };
  }
  const { response } = outcome;
  if (response.ok) {
    context.router.report(candidate, "ok", ms);
    context.metrics.upstreamAttempt(config.provider, config.name, "ok");
    attempts.push({ link: config.name, outcome: "ok", status: response.status, ms: Math.round(ms) });
    const result = {
      ok: true as const,
      candidate,
      response,
      controller: outcome.controller,
      clearTotal: outcome.clearTotal,
      timeouts: configured,
      sentAt,
      attempts,
    };
    return { kind: "served", result };
  }
  const text = await response.text().catch(() => "");
  outcome.clearTotal();
  context.router.end(candidate);
  const error = adapter.normalizeError(response.status, text, config);
  const kind = response.status === 429 ? "rate_limited" : "error";
  context.metrics.upstreamAttempt(config.provider, config.name, kind);
  attempts.push({ link: config.name, outcome: kind, status: response.status, ms: Math.round(ms) });
  const transient = transientStatus(response.status);
  // Rejected credentials, an exhausted account or a wrong endpoint are the link's fault (a 5xx to the
  // client): another link may serve, though retrying this one would not help.
  if (!transient && error.status < 500) {
    context.router.report(candidate, "ok", ms);
    return { kind: "final", error };
  }
  context.router.report(candidate, "failed", ms, `HTTP ${response.status}: ${error.message}`);
  return { kind: "failed", error, retrySame: transient };
}

export async function attemptUpstreams(context: AttemptContext): Promise<AttemptsResult> {
  const attempts: AttemptRecord[] = [];
  const started = performance.now();
  const deadline = started + context.router.settings.requestDeadlineMs;
  let lastError: GatewayError | null = null;
  let lastCandidate: RouteCandidate | null = null;
  let pending = context.plan;
  const retriesUsed = new Map<string, number>();
  const fail = (error: GatewayError, clientGone = false): AttemptsResult => {
    if (!clientGone && attempts.length > 0) {
      context.log.warn("every link failed", { requestId: context.requestId, status: error.status, attempts });
    }
    return { ok: false, error, candidate: lastCandidate, attempts, clientGone };
  };

  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) {
      const first = pending[0];
      const delay = backoffMs(round, retryPolicy(first?.link.config.options ?? {}), context.random);
      if (performance.now() + delay >= deadline) break;
      if (!(await sleep(delay, context.clientSignal)))
        return fail(new GatewayError("upstream_error", "client closed the connection"), true);
    }
    const again: RouteCandidate[] = [];
    for (const candidate of pending) {
      const { adapter, config } = candidate.link;
      if (!adapter.operations.has(context.operation)) {
        lastCandidate ??= candidate;
        lastError ??= new GatewayError("unsupported_operation", `provider ${config.provider} does not support ${context.operation}`);
        continue;
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      if (!context.router.admit(candidate)) {
        attempts.push({ link: config.name, outcome: "circuit_open", status: null, ms: 0 });
        continue;
      }
      lastCandidate = candidate;
      const tried = await tryOnce(context, candidate, remaining, attempts);
      if (tried.kind === "served") {
        if (attempts.length > 1) context.log.info("served after fallback", { requestId: context.requestId, attempts });
        return tried.result;
      }
      if (tried.kind === "aborted") return fail(tried.error, true);
      if (tried.kind === "final") return { ok: false, error: tried.error, candidate, attempts, clientGone: false };
      lastError = tried.error;
      const used = retriesUsed.get(config.id) ?? 0;
      if (tried.retrySame && used < retryPolicy(config.options).maxRetries) {
        retriesUsed.set(config.id, used + 1);
        again.push(candidate);
      }
    }
    pending = again;
  }

  if (performance.now() >= deadline && attempts.some((attempt) => attempt.outcome !== "circuit_open")) {
    return fail(
      new GatewayError(
        "upstream_timeout",
        `no provider link answered within the request deadline of ${context.router.settings.requestDeadlineMs} ms`,
      ),
    );
  }
  if (lastError === null) {
    // Every link was cooling down after repeated failures: nothing was sent.
    return fail(
      new GatewayError(
        "upstream_unavailable",
        "every provider link for this model is cooling down after repeated failures; retry shortly",
        { headers: { "retry-after": "1" } },
      ),
    );
  }
  return fail(lastError);
}
