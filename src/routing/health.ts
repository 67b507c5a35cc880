// Live health of every provider link in this process: a circuit breaker per link plus the numbers the
// strategies and the health endpoint read (in-flight, latency EWMA, last error, last success).
//
//   closed ──(N consecutive failures, or failure rate over the recent window)──▶ open
//   open ──(cool-down elapsed: one request admitted as a probe)──▶ half_open
//   half_open ──probe succeeds──▶ closed        half_open ──probe fails──▶ open (cool-down restarts)

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
}

export const DEFAULT_BREAKER: BreakerSettings = { failureThreshold: 5, failureRate: 0.5, minRequests: 20, window: 50, cooldownMs: 30_000 };

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
}

class LinkHealth {
  state: BreakerState = "closed";
  consecutiveFailures = 0;
  inFlight = 0;
  ewmaMs: number | null = null;
  lastError: string | null = null;
  lastErrorAt: number | null = null;
  lastSuccessAt: number | null = null;
  openedAt: number | null = null;
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

  /** False while the link's circuit is open and cooling down (or its half-open probe is still out). */
  available(linkId: string, settings: BreakerSettings): boolean {
    const health = this.links.get(linkId);
    if (!health || health.state === "closed") return true;
    const now = this.now();
    if (health.state === "open") return now - (health.openedAt ?? now) >= settings.cooldownMs;
    return health.probeAt === null || now - health.probeAt >= settings.cooldownMs;
  }

  /**
   * Asks to send one request to the link now. Closed: yes. Open: no, until the cool-down ends; then the
   * circuit goes half-open and this caller carries the one probe. Half-open: no while the probe is out.
   */
  admit(linkId: string, settings: BreakerSettings): boolean {
    const health = this.entry(linkId);
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
