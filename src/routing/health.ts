// Live health of every provider link in this process: a circuit breaker per link plus the numbers the
// strategies and the health endpoint read (in-flight, latency EWMA, last error, last success).
//
//   closed ──(N consecutive failures, or failure rate over the recent window)──▶ open
//   open ──(cool-down elapsed: one request admitted as a probe)──▶ half_open
//   half_open ──probe succeeds──▶ closed        half_open ──probe fails──▶ open (cool-down restarts)
//
// Apart from the breaker, a link can be resting: its upstream answered 429/503 saying when to come back
// (retry-after and kin), so it is left alone until then, whatever the circuit's state. Resting is the
// upstream's word, not a verdict on the link's health: it is capped, and no outcome ends it early.

export type BreakerState = "closed" | "open" | "half_open";

export interface BreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** Failure rate over the window that opens the circuit, once the window holds `minRequests`. */
  failureRate: number;
  minRequests: number;
  /** How many recent outcomes the failure rate looks at. */
  window: number;
  /** How long an open circuit refuses traffic before one probe is let through. */
  cooldownMs: number;
  /** Longest rest an upstream's retry hint can impose (0 = ignore hints): a wild hint must not idle a link for long. */
  maxRestMs: number;
}

export const DEFAULT_BREAKER: BreakerSettings = {
  failureThreshold: 5,
  failureRate: 0.5,
  minRequests: 20,
  window: 50,
  cooldownMs: 30_000,
  maxRestMs: 60_000,
};
const MAX_REST_CAP_MS = 3_600_000;

function positiveNumber(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** Breaker settings from a link's `options`, defaults filled in one place. */
export function breakerSettings(options: Record<string, unknown>): BreakerSettings {
  return {
    failureThreshold: Math.round(positiveNumber(options.breaker_failures, DEFAULT_BREAKER.failureThreshold)),
    failureRate: positiveNumber(options.breaker_failure_rate, DEFAULT_BREAKER.failureRate, 1),
    minRequests: Math.round(positiveNumber(options.breaker_min_requests, DEFAULT_BREAKER.minRequests)),
    window: Math.round(positiveNumber(options.breaker_window, DEFAULT_BREAKER.window, 10_000)),
    cooldownMs: positiveNumber(options.breaker_cooldown_ms, DEFAULT_BREAKER.cooldownMs),
    // 0 is meaningful here (never rest on a hint), so not positiveNumber.
    maxRestMs:
      typeof options.retry_after_max_ms === "number" && Number.isFinite(options.retry_after_max_ms) && options.retry_after_max_ms >= 0
        ? Math.min(Math.round(options.retry_after_max_ms), MAX_REST_CAP_MS)
        : DEFAULT_BREAKER.maxRestMs,
  };
}

/** Weight of the newest latency sample in the moving average. */
export const EWMA_ALPHA = 0.3;

export interface LinkHealthSnapshot {
  state: BreakerState;
  consecutiveFailures: number;
  inFlight: number;
  ewmaLatencyMs: number | null;
  /** Failures among the recent outcomes the breaker looks at (0–1), null while there are none. */
  recentFailureRate: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  lastSuccessAt: number | null;
  /** When the circuit last opened; null while closed. */
  openedAt: number | null;
  /** Until when the link rests on its upstream's retry hint; null when it is not resting. */
  restingUntil: number | null;
}

/** Why a link rests: its account is rate limited (429/503 with a hint), or its upstream is overloaded (529). */
export type RestCause = "limited" | "overload";

class LinkHealth {
  state: BreakerState = "closed";
  consecutiveFailures = 0;
  inFlight = 0;
  ewmaMs: number | null = null;
  lastError: string | null = null;
  lastErrorAt: number | null = null;
  lastSuccessAt: number | null = null;
  openedAt: number | null = null;
  /** Until when (epoch ms) the upstream asked to be left alone; may lie in the past. */
  restingUntil: number | null = null;
  /** The cause of the rest that ends last (the one restingUntil reports). */
  restCause: RestCause = "limited";
  /** When the half-open probe was let through; another is admitted if it never reports back. */
  probeAt: number | null = null;
  /** Recent outcomes, oldest first, true = failure; at most the breaker's window. */
  outcomes: boolean[] = [];

  record(failed: boolean, window: number): void {
    this.outcomes.push(failed);
    while (this.outcomes.length > window) this.outcomes.shift();
  }

  failureRate(): number | null {
    if (this.outcomes.length === 0) return null;
    return this.outcomes.filter(Boolean).length / this.outcomes.length;
  }

  resetWindow(): void {
    this.outcomes = [];
  }
}

export type StateListener = (linkId: string, state: BreakerState) => void;

export class HealthBook {
  private readonly links = new Map<string, LinkHealth>();

  constructor(
    private readonly onStateChange: StateListener = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  private entry(linkId: string): LinkHealth {
    let health = this.links.get(linkId);
    if (!health) {
      health = new LinkHealth();
      this.links.set(linkId, health);
      this.onStateChange(linkId, "closed");
    }
    return health;
  }

  private move(linkId: string, health: LinkHealth, state: BreakerState): void {
    if (health.state === state) return;
    health.state = state;
    this.onStateChange(linkId, state);
  }

  /** False while the link rests, or its circuit is open and cooling down (or its half-open probe is still out). */
  available(linkId: string, settings: BreakerSettings): boolean {
    return this.waitMs(linkId, settings) === 0;
  }

  /** Milliseconds until the link's rest ends; 0 when it is not resting. */
  restMs(linkId: string): number {
    const until = this.links.get(linkId)?.restingUntil ?? null;
    return until === null ? 0 : Math.max(0, until - this.now());
  }

  /** Milliseconds until `admit` could say yes: the longer of the rest and the breaker's cool-down. */
  waitMs(linkId: string, settings: BreakerSettings): number {
    const health = this.links.get(linkId);
    if (!health) return 0;
    const rest = this.restMs(linkId);
    if (health.state === "closed") return rest;
    const now = this.now();
    // Open: cooling down since it opened. Half-open: another probe once the outstanding one is overdue.
    const since = health.state === "open" ? (health.openedAt ?? now) : health.probeAt;
    const cooling = since === null ? 0 : Math.max(0, since + settings.cooldownMs - now);
    return Math.max(rest, cooling);
  }

  /**
   * The upstream asked us to stay away for `ms`: the link rests that long (capped); an earlier rest is
   * never shortened. The cause is that of whichever rest ends last.
   */
  rest(linkId: string, ms: number, settings: BreakerSettings, cause: RestCause = "limited"): void {
    const capped = Math.min(ms, settings.maxRestMs);
    if (!(capped > 0)) return;
    const health = this.entry(linkId);
    const until = this.now() + capped;
    if (this.restMs(linkId) === 0 || until >= (health.restingUntil ?? 0)) health.restCause = cause;
    health.restingUntil = Math.max(health.restingUntil ?? 0, until);
  }

  /** Why the link rests now; null when it does not. */
  restCause(linkId: string): RestCause | null {
    return this.restMs(linkId) > 0 ? (this.links.get(linkId)?.restCause ?? null) : null;
  }

  /**
   * Asks to send one request to the link now. Resting: no. Closed: yes. Open: no, until the cool-down
   * ends; then the circuit goes half-open and this caller carries the one probe. Half-open: no while the
   * probe is out.
   */
  admit(linkId: string, settings: BreakerSettings): boolean {
    const health = this.entry(linkId);
    if (this.restMs(linkId) > 0) return false;
    if (health.state === "closed") return true;
    if (!this.available(linkId, settings)) return false;
    health.probeAt = this.now();
    this.move(linkId, health, "half_open");
    return true;
  }

  begin(linkId: string): void {
    this.entry(linkId).inFlight++;
  }

  end(linkId: string): void {
    const health = this.entry(linkId);
    health.inFlight = Math.max(0, health.inFlight - 1);
  }

  success(linkId: string, latencyMs: number, settings: BreakerSettings): void {
    const health = this.entry(linkId);
    health.consecutiveFailures = 0;
    health.lastSuccessAt = this.now();
    health.ewmaMs = health.ewmaMs === null ? latencyMs : EWMA_ALPHA * latencyMs + (1 - EWMA_ALPHA) * health.ewmaMs;
    health.record(false, settings.window);
    if (health.state !== "closed") {
      health.openedAt = null;
      health.probeAt = null;
      health.resetWindow();
      this.move(linkId, health, "closed");
    }
  }

  failure(linkId: string, reason: string, settings: BreakerSettings): void {
    const health = this.entry(linkId);
    const now = this.now();
    health.consecutiveFailures++;
    health.lastError = reason;
    health.lastErrorAt = now;
    health.record(true, settings.window);
    if (health.state === "half_open") {
      // The probe failed: cool down again.
      health.openedAt = now;
      health.probeAt = null;
      this.move(linkId, health, "open");
      return;
    }
    if (health.state === "open") return;
    const rate = health.failureRate() ?? 0;
    const tripped =
      health.consecutiveFailures >= settings.failureThreshold ||
      (health.outcomes.length >= settings.minRequests && rate >= settings.failureRate);
    if (tripped) {
      health.openedAt = now;
      this.move(linkId, health, "open");
    }
  }

  snapshot(linkId: string): LinkHealthSnapshot {
    const health = this.links.get(linkId) ?? new LinkHealth();
    return {
      state: health.state,
      consecutiveFailures: health.consecutiveFailures,
      inFlight: health.inFlight,
      ewmaLatencyMs: health.ewmaMs === null ? null : Math.round(health.ewmaMs * 10) / 10,
      recentFailureRate: health.failureRate(),
      lastError: health.lastError,
      lastErrorAt: health.lastErrorAt,
      lastSuccessAt: health.lastSuccessAt,
      openedAt: health.openedAt,
      restingUntil: this.restMs(linkId) > 0 ? health.restingUntil : null,
    };
  }

  inFlight(linkId: string): number {
    return this.links.get(linkId)?.inFlight ?? 0;
  }

  ewmaMs(linkId: string): number | null {
    return this.links.get(linkId)?.ewmaMs ?? null;
  }

  /** Drop links that no longer exist, so their memory and stale state go with them. */
  retain(linkIds: ReadonlySet<string>): void {
    for (const id of this.links.keys()) if (!linkIds.has(id)) this.links.delete(id);
  }
}
