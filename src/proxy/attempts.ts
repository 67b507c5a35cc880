// Tries the planned links in order until one answers: connection errors, timeouts, 429 and 5xx move on
// to the next link before anything reaches the client; other upstream errors are final.
import { GatewayError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics/registry.ts";
import type { JsonObject, Operation } from "../providers/types.ts";
import type { RouteCandidate, Router } from "../routing/router.ts";
import { linkTimeouts, sendUpstream, type LinkTimeouts } from "./upstream.ts";

export interface AttemptRecord {
  link: string;
  outcome: "ok" | "error" | "timeout" | "rate_limited" | "connection";
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
}

function retryable(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export async function attemptUpstreams(context: AttemptContext): Promise<AttemptsResult> {
  const attempts: AttemptRecord[] = [];
  let lastError: GatewayError | null = null;
  let lastCandidate: RouteCandidate | null = null;
  for (const candidate of context.plan) {
    const { adapter, config } = candidate.link;
    lastCandidate = candidate;
    if (!adapter.operations.has(context.operation)) {
      lastError = new GatewayError("unsupported_operation", `provider ${config.provider} does not support ${context.operation}`);
      continue;
    }
    const request = adapter.buildRequest(context.operation, config, context.body, candidate.upstreamModel);
    // The request cannot be expressed for this provider: the client must change it, not the gateway.
    if (request instanceof GatewayError) return { ok: false, error: request, candidate, attempts, clientGone: false };
    const timeouts = linkTimeouts(config.options);
    const sentAt = performance.now();
    context.router.begin(candidate);
    const outcome = await sendUpstream(request, timeouts, context.clientSignal);
    const ms = performance.now() - sentAt;
    if (!outcome.ok) {
      context.router.end(candidate);
      if (outcome.kind === "aborted") return { ok: false, error: outcome.error, candidate, attempts, clientGone: true };
      context.router.report(candidate, "failed", ms);
      context.metrics.upstreamAttempt(config.provider, config.name, outcome.kind);
      attempts.push({ link: config.name, outcome: outcome.kind, status: null, ms: Math.round(ms) });
      lastError = outcome.error;
      continue;
    }
    const { response } = outcome;
    if (response.ok) {
      context.metrics.upstreamAttempt(config.provider, config.name, "ok");
      attempts.push({ link: config.name, outcome: "ok", status: response.status, ms: Math.round(ms) });
      return { ok: true, candidate, response, controller: outcome.controller, clearTotal: outcome.clearTotal, timeouts, sentAt, attempts };
    }
    const text = await response.text().catch(() => "");
    outcome.clearTotal();
    context.router.end(candidate);
    const error = adapter.normalizeError(response.status, text, config);
    const kind = response.status === 429 ? "rate_limited" : "error";
    context.metrics.upstreamAttempt(config.provider, config.name, kind);
    attempts.push({ link: config.name, outcome: kind, status: response.status, ms: Math.round(ms) });
    if (!retryable(response.status)) {
      context.router.report(candidate, "ok", ms);
      return { ok: false, error, candidate, attempts, clientGone: false };
    }
    context.router.report(candidate, "failed", ms);
    lastError = error;
  }
  if (attempts.length > 1) context.log.warn("every link failed", { requestId: context.requestId, attempts });
  return {
    ok: false,
    error: lastError ?? new GatewayError("upstream_unavailable", "no provider link could serve the request"),
    candidate: lastCandidate,
    attempts,
    clientGone: false,
  };
}
