// Tries the planned links until one answers. Connection errors, timeouts, 429 and 5xx move on to the
// next link before anything reaches the client; once every link was tried, links with retries left
// (`options.max_retries`) are tried again after a jittered exponential backoff, all within the
// gateway-wide request deadline. Links whose circuit is open are skipped. Client errors (400, 404) are
// final: another link would refuse the same request.
//
// A 429/503 carrying a retry hint (retry-after and kin) puts the link to rest for every request; within
// this one, the link is retried only after the hint, and only if that still fits the deadline. When
// every link is resting or refused, the client hears when the first comes back, not an upstream's body.
// An upstream 429 passed on to the client always carries retry-after: the link's rest when the upstream
// hinted one, else the error mapping's short default.
//
// An overload (Anthropic's 529) is a moment's lack of capacity, not a limit on the link's account: the
// next link is tried, and the overloaded one rests only briefly (OVERLOAD_REST_MS) whatever it hints.
//
// A stream request answered with a JSON body (some OpenAI-compatible servers do that) is read here: an
// error envelope fails like an HTTP error of the status it names, a completion is handed over as `json`.
import { GatewayError } from "../errors.ts";
import { errorEnvelopeStatus, isOverloaded, OVERLOADED_STATUS } from "../providers/shared/errors.ts";
import { parseJson } from "../providers/shared/json.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics/registry.ts";
import type { JsonObject, Operation, UpstreamRequest } from "../providers/types.ts";
import type { RouteCandidate, Router } from "../routing/router.ts";
import { backoffMs, retryPolicy, sleep } from "./retry.ts";
import { retryHintMs } from "./retry-after.ts";
import { type LinkTimeouts, linkTimeouts, sendUpstream } from "./upstream.ts";

export interface AttemptRecord {
  link: string;
  outcome: "ok" | "error" | "timeout" | "rate_limited" | "overloaded" | "connection" | "circuit_open" | "resting";
  status: number | null;
  ms: number;
  /** The upstream's retry hint, when it gave one. */
  retryAfterMs?: number;
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
      /**
       * Set when a stream request was answered with a JSON completion instead of a stream: the body, already
       * read (the response's own body is used up).
       */
      json?: unknown;
      attempts: AttemptRecord[];
    }
  | { ok: false; error: GatewayError; candidate: RouteCandidate | null; attempts: AttemptRecord[]; clientGone: boolean };

export interface AttemptContext {
  requestId: string;
  operation: Operation;
  body: JsonObject;
  /** The client asked for a stream (a JSON answer is then read here, see the file's head). */
  stream?: boolean;
  plan: RouteCandidate[];
  /** Builds a candidate's upstream request; by default its adapter's, from `body`. */
  build?: (candidate: RouteCandidate) => UpstreamRequest | GatewayError;
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

/** Statuses whose retry hint is about the link as a whole (rate limited, unavailable), so it rests. */
function restingStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/** How long an overloaded link rests, at most: long enough to spare it a burst, short enough not to idle it. */
export const OVERLOAD_REST_MS = 1_000;

/** A JSON answer where an event stream was asked for. */
function isJsonAnswer(response: Response): boolean {
  const type = response.headers.get("content-type") ?? "";
  return /^application\/json\b/i.test(type.trim());
}

/** A web page (a proxy's, a captive portal's, a wrong endpoint_url's): never an API answer, even with a 200. */
function isHtmlAnswer(response: Response): boolean {
  const type = response.headers.get("content-type") ?? "";
  return /^text\/html\b/i.test(type.trim());
}

/** One attempt's verdict, as the loop needs it. */
type Tried =
  | { kind: "served"; result: AttemptsResult & { ok: true } }
  | { kind: "final"; error: GatewayError }
  | { kind: "failed"; error: GatewayError; retrySame: boolean }
  | { kind: "aborted"; error: GatewayError };

async function tryOnce(context: AttemptContext, candidate: RouteCandidate, remainingMs: number, attempts: AttemptRecord[]): Promise<Tried> {
  const { adapter, config } = candidate.link;
  const request = context.build ? context.build(candidate) : adapter.buildRequest(context.operation, config, context.body, candidate.upstreamModel);
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
  if (response.ok && isHtmlAnswer(response)) {
    // Passed on, the page would reach the client inside its event stream: the link failed, another may serve.
    await response.body?.cancel().catch(() => {});
    outcome.clearTotal();
    context.router.end(candidate);
    const error = new GatewayError("upstream_error", `the provider answered with a web page, not an API response; check the endpoint_url of provider link "${config.name}"`);
    return unreadableAnswer(context, candidate, error, response.status, ms, attempts);
  }
  let json: unknown;
  if (response.ok && context.stream === true && isJsonAnswer(response)) {
    const read = await readJsonAnswer(response, outcome.controller.signal);
    const status = read.ok ? errorEnvelopeStatus(read.json) : null;
    if (!read.ok || status !== null) {
      outcome.clearTotal();
      context.router.end(candidate);
      if (!read.ok) {
        if (context.clientSignal.aborted) return { kind: "aborted", error: new GatewayError("upstream_error", "client closed the connection") };
        return unreadableAnswer(context, candidate, read.error, response.status, ms, attempts);
      }
      return failedAnswer(context, candidate, status ?? 500, response.headers, read.text, ms, attempts);
    }
    json = read.json;
  }
  if (response.ok) {
    context.router.report(candidate, "ok", ms);
    context.metrics.upstreamAttempt(config.provider, config.name, "ok");
    attempts.push({ link: config.name, outcome: "ok", status: response.status, ms: Math.round(ms) });
    const result: AttemptsResult & { ok: true } = {
      ok: true,
      candidate,
      response,
      controller: outcome.controller,
      clearTotal: outcome.clearTotal,
      timeouts: configured,
      sentAt,
      attempts,
    };
    if (json !== undefined) result.json = json;
    return { kind: "served", result };
  }
  const text = await response.text().catch(() => "");
  outcome.clearTotal();
  context.router.end(candidate);
  return failedAnswer(context, candidate, response.status, response.headers, text, ms, attempts);
}

/** A 200 that is no usable answer (cut short, not JSON, a web page): the link failed; it may be tried again. */
function unreadableAnswer(context: AttemptContext, candidate: RouteCandidate, error: GatewayError, status: number, ms: number, attempts: AttemptRecord[]): Tried {
  const { config } = candidate.link;
  context.router.report(candidate, "failed", ms, error.message);
  context.metrics.upstreamAttempt(config.provider, config.name, "error");
  attempts.push({ link: config.name, outcome: "error", status, ms: Math.round(ms) });
  return { kind: "failed", error, retrySame: true };
}

type JsonRead = { ok: true; json: unknown; text: string } | { ok: false; error: GatewayError };

/** The whole JSON body of an answer; a body cut short (timeout, reset) or not JSON is a failed attempt. */
async function readJsonAnswer(response: Response, signal: AbortSignal): Promise<JsonRead> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    const timedOut = signal.reason instanceof DOMException && signal.reason.name === "TimeoutError";
    return timedOut
      ? { ok: false, error: new GatewayError("upstream_timeout", "the provider did not answer in time") }
      : { ok: false, error: new GatewayError("upstream_error", "the provider's answer was cut short") };
  }
  const json = parseJson(text);
  if (json === undefined) return { ok: false, error: new GatewayError("upstream_error", "the provider sent a response that is not valid JSON") };
  return { ok: true, json, text };
}

/** An answer that failed with `status` (an HTTP error, or an error envelope in a 200): rest, record, decide. */
function failedAnswer(context: AttemptContext, candidate: RouteCandidate, status: number, headers: Headers, text: string, ms: number, attempts: AttemptRecord[]): Tried {
  const { adapter, config } = candidate.link;
  let error = adapter.normalizeError(status, text, config);
  const overloaded = isOverloaded(error);
  const kind = status === 429 ? "rate_limited" : "error";
  context.metrics.upstreamAttempt(config.provider, config.name, kind);
  const record: AttemptRecord = { link: config.name, outcome: overloaded ? "overloaded" : kind, status, ms: Math.round(ms) };
  const hint = overloaded || restingStatus(status) ? retryHintMs(headers, Date.now()) : null;
  if (overloaded) {
    // A brief rest whatever the hint: the other links take the next requests, this one is back soon.
    const rest = Math.min(hint ?? OVERLOAD_REST_MS, OVERLOAD_REST_MS);
    context.router.rest(candidate, rest, "overload");
    record.retryAfterMs = rest;
    error = withRetryAfter(error, Math.max(rest, context.router.restMs(candidate)));
  } else if (hint !== null) {
    context.router.rest(candidate, hint);
    record.retryAfterMs = hint;
    // Should this 429 reach the client, it says when the link is tried again (without a hint, the
    // adapter's short default retry-after stands).
    if (error.code === "rate_limit_exceeded") error = withRetryAfter(error, context.router.restMs(candidate));
  }
  attempts.push(record);
  const transient = transientStatus(status) || overloaded;
  // Rejected credentials, an exhausted account or a wrong endpoint are the link's fault (a 5xx to the
  // client): another link may serve, though retrying this one would not help.
  if (!transient && error.status < 500) {
    context.router.report(candidate, "ok", ms);
    return { kind: "final", error };
  }
  context.router.report(candidate, "failed", ms, `HTTP ${status}: ${error.message}`);
  return { kind: "failed", error, retrySame: transient };
}

/** A retry on the same link and when it may go (performance.now()): after its backoff and its link's rest as known at the round's start. */
interface Retry {
  candidate: RouteCandidate;
  readyAt: number;
}

/** The retries of a round, soonest first: each waits out its own backoff and its link's rest. */
function schedule(context: AttemptContext, pending: readonly RouteCandidate[], round: number): Retry[] {
  const now = performance.now();
  const retries = pending.map((candidate) => {
    const backoff = backoffMs(round, retryPolicy(candidate.link.config.options), context.random);
    return { candidate, readyAt: now + Math.max(backoff, context.router.restMs(candidate)) };
  });
  return retries.sort((a, b) => a.readyAt - b.readyAt);
}

/**
 * Sleeps until the retry may go: its backoff is over and its link no longer rests (another request may
 * have extended the rest meanwhile, hence the loop). "late" when that would pass the deadline: the link
 * is then not retried, and the gateway never sleeps past the deadline.
 */
async function waitFor(context: AttemptContext, retry: Retry, deadline: number): Promise<"ready" | "late" | "gone"> {
  for (;;) {
    const now = performance.now();
    const wait = Math.max(retry.readyAt - now, context.router.restMs(retry.candidate));
    if (wait <= 0) return "ready";
    if (now + wait >= deadline) return "late";
    if (!(await sleep(wait, context.clientSignal))) return "gone";
  }
}

/**
 * When no link that could serve is usable now: how long until the first is (ms), and whether any rests
 * on an upstream's hint (then the client is rate limited, not facing an outage). Null if one is usable.
 */
function everyLinkAway(context: AttemptContext): { waitMs: number; resting: boolean; overloaded: boolean } | null {
  let waitMs = Number.POSITIVE_INFINITY;
  let resting = false;
  let overloaded = false;
  for (const candidate of context.plan) {
    if (!candidate.link.adapter.operations.has(context.operation)) continue;
    const wait = context.router.waitMs(candidate);
    if (wait <= 0) return null;
    waitMs = Math.min(waitMs, wait);
    if (context.router.restMs(candidate) <= 0) continue;
    if (context.router.restCause(candidate) === "overload") overloaded = true;
    else resting = true;
  }
  return Number.isFinite(waitMs) ? { waitMs, resting, overloaded } : null;
}

/** The retry-after value for a wait: whole seconds, rounded up, at least 1. */
function retryAfter(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}

/** The same error, telling the client to come back after `ms`. */
function withRetryAfter(error: GatewayError, ms: number): GatewayError {
  return new GatewayError(error.code, error.message, { param: error.param, status: error.status, headers: { ...error.headers, "retry-after": retryAfter(ms) } });
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
    const turns = round === 0 ? pending.map((candidate) => ({ candidate, readyAt: started })) : schedule(context, pending, round);
    const again: RouteCandidate[] = [];
    for (const turn of turns) {
      const { candidate } = turn;
      const { adapter, config } = candidate.link;
      if (!adapter.operations.has(context.operation)) {
        lastCandidate ??= candidate;
        lastError ??= new GatewayError("unsupported_operation", `provider ${config.provider} does not support ${context.operation}`);
        continue;
      }
      if (round > 0) {
        const waited = await waitFor(context, turn, deadline);
        if (waited === "gone") return fail(new GatewayError("upstream_error", "client closed the connection"), true);
        if (waited === "late") continue;
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      if (!context.router.admit(candidate)) {
        const outcome = context.router.restMs(candidate) > 0 ? "resting" : "circuit_open";
        attempts.push({ link: config.name, outcome, status: null, ms: 0 });
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

  const away = everyLinkAway(context);
  // An overload this request met is what its client hears, even if another link rests on a rate limit.
  if (away?.resting && !isOverloaded(lastError)) {
    // The upstreams said when to come back: pass that on (the soonest link), not their error bodies.
    const message = "every provider link for this model is rate limited by its upstream; retry after the time in retry-after";
    return fail(new GatewayError("rate_limit_exceeded", message, { headers: { "retry-after": retryAfter(away.waitMs) } }));
  }
  if (away?.overloaded && lastError === null) {
    // Links left alone for a moment after an overload: the overload, not a rate limit, is the answer.
    return fail(
      new GatewayError("upstream_unavailable", "every provider link for this model is overloaded; retry shortly", {
        status: OVERLOADED_STATUS,
        headers: { "retry-after": retryAfter(away.waitMs) },
      }),
    );
  }
  const sent = attempts.some((attempt) => attempt.outcome !== "circuit_open" && attempt.outcome !== "resting");
  if (performance.now() >= deadline && sent) {
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
        { headers: { "retry-after": retryAfter(away?.waitMs ?? 1000) } },
      ),
    );
  }
  return fail(lastError);
}
