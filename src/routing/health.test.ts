import { describe, expect, test } from "bun:test";
import { breakerSettings, HealthBook, type BreakerState } from "./health.ts";

function book() {
  let now = 1_000_000;
  const changes: [string, BreakerState][] = [];
  const health = new HealthBook(
    (id, state) => changes.push([id, state]),
    () => now,
  );
  return { health, changes, advance: (ms: number) => (now += ms) };
}

const settings = breakerSettings({ breaker_failures: 3, breaker_cooldown_ms: 1000 });

describe("circuit breaker", () => {
  test("closed → open after N consecutive failures, refused while cooling, half-open probe, closed on success", () => {
    const { health, changes, advance } = book();
    expect(health.admit("a", settings)).toBe(true);
    health.failure("a", "HTTP 500", settings);
    health.failure("a", "HTTP 500", settings);
    expect(health.snapshot("a").state).toBe("closed");
    health.failure("a", "timeout", settings);
    expect(health.snapshot("a")).toMatchObject({ state: "open", consecutiveFailures: 3, lastError: "timeout" });
    expect(health.available("a", settings)).toBe(false);
    expect(health.admit("a", settings)).toBe(false);
    advance(1000);
    expect(health.admit("a", settings)).toBe(true);
    expect(health.snapshot("a").state).toBe("half_open");
    // Only one probe at a time.
    expect(health.admit("a", settings)).toBe(false);
    health.success("a", 120, settings);
    expect(health.snapshot("a")).toMatchObject({ state: "closed", consecutiveFailures: 0, ewmaLatencyMs: 120 });
    expect(changes).toEqual([
      ["a", "closed"],
      ["a", "open"],
      ["a", "half_open"],
      ["a", "closed"],
    ]);
  });

  test("a failed probe reopens the circuit and restarts the cool-down", () => {
    const { health, advance } = book();
    for (let i = 0; i < 3; i++) health.failure("a", "x", settings);
    advance(1000);
    expect(health.admit("a", settings)).toBe(true);
    health.failure("a", "still down", settings);
    expect(health.snapshot("a").state).toBe("open");
    advance(999);
    expect(health.admit("a", settings)).toBe(false);
    advance(1);
    expect(health.admit("a", settings)).toBe(true);
  });

  test("a probe that never reports back does not block the link forever", () => {
    const { health, advance } = book();
    for (let i = 0; i < 3; i++) health.failure("a", "x", settings);
    advance(1000);
    expect(health.admit("a", settings)).toBe(true);
    advance(1000);
    expect(health.admit("a", settings)).toBe(true);
  });

  test("opens on the failure rate over the window, even without a run of consecutive failures", () => {
    const { health } = book();
    const rate = breakerSettings({ breaker_failures: 100, breaker_failure_rate: 0.5, breaker_min_requests: 10, breaker_window: 10 });
    for (let i = 0; i < 4; i++) {
      health.success("a", 10, rate);
      health.failure("a", "x", rate);
    }
    expect(health.snapshot("a").state).toBe("closed");
    health.success("a", 10, rate);
    health.failure("a", "x", rate);
    expect(health.snapshot("a").state).toBe("open");
  });

  test("latency EWMA, in-flight and last success are tracked", () => {
    const { health } = book();
    health.success("a", 100, settings);
    health.success("a", 200, settings);
    expect(health.snapshot("a").ewmaLatencyMs).toBe(130);
    health.begin("a");
    health.begin("a");
    health.end("a");
    expect(health.inFlight("a")).toBe(1);
    expect(health.snapshot("a").lastSuccessAt).toBe(1_000_000);
  });

  test("a retry hint rests the link until it expires, whatever the circuit says; visible in the snapshot", () => {
    const { health, advance } = book();
    health.rest("a", 2_000, settings);
    expect(health.snapshot("a")).toMatchObject({ state: "closed", restingUntil: 1_002_000 });
    expect(health.available("a", settings)).toBe(false);
    expect(health.admit("a", settings)).toBe(false);
    expect(health.restMs("a")).toBe(2_000);
    expect(health.waitMs("a", settings)).toBe(2_000);
    advance(1_500);
    expect(health.restMs("a")).toBe(500);
    // A success of a request sent before the hint does not end the rest: the upstream's word stands.
    health.success("a", 10, settings);
    expect(health.admit("a", settings)).toBe(false);
    advance(500);
    expect(health.admit("a", settings)).toBe(true);
    expect(health.snapshot("a").restingUntil).toBeNull();
    expect(health.waitMs("a", settings)).toBe(0);
  });

  test("rests are capped per link, never shortened by a smaller hint, and ignored when the cap is 0", () => {
    const { health, advance } = book();
    const capped = breakerSettings({ retry_after_max_ms: 5_000 });
    health.rest("a", 3_600_000, capped);
    expect(health.restMs("a")).toBe(5_000);
    health.rest("a", 1_000, capped);
    expect(health.restMs("a")).toBe(5_000);
    advance(4_000);
    health.rest("a", 3_000, capped);
    expect(health.restMs("a")).toBe(3_000);
    health.rest("b", 0, capped);
    health.rest("b", -5, capped);
    expect(health.available("b", capped)).toBe(true);
    const deaf = breakerSettings({ retry_after_max_ms: 0 });
    health.rest("c", 10_000, deaf);
    expect(health.available("c", deaf)).toBe(true);
    expect(breakerSettings({}).maxRestMs).toBe(60_000);
    expect(breakerSettings({ retry_after_max_ms: "long" }).maxRestMs).toBe(60_000);
  });

  test("a rest's cause is that of the rest that ends last", () => {
    const { health, advance } = book();
    expect(health.restCause("a")).toBeNull();
    health.rest("a", 1_000, settings, "overload");
    expect(health.restCause("a")).toBe("overload");
    // A rate limit that outlasts the overload decides why the link rests; a shorter one does not.
    health.rest("a", 5_000, settings);
    expect(health.restCause("a")).toBe("limited");
    health.rest("a", 500, settings, "overload");
    expect(health.restCause("a")).toBe("limited");
    advance(5_000);
    expect(health.restCause("a")).toBeNull();
    health.rest("a", 200, settings, "overload");
    expect(health.restCause("a")).toBe("overload");
  });

  test("waitMs is the longer of the rest and the breaker's cool-down", () => {
    const { health, advance } = book();
    for (let i = 0; i < 3; i++) health.failure("a", "x", settings);
    expect(health.waitMs("a", settings)).toBe(1_000);
    health.rest("a", 300, settings);
    expect(health.waitMs("a", settings)).toBe(1_000);
    health.rest("a", 2_500, settings);
    expect(health.waitMs("a", settings)).toBe(2_500);
    advance(1_000);
    // Cool-down over but still resting: no probe yet.
    expect(health.admit("a", settings)).toBe(false);
    expect(health.snapshot("a").state).toBe("open");
    advance(1_500);
    expect(health.admit("a", settings)).toBe(true);
    expect(health.snapshot("a").state).toBe("half_open");
    expect(health.waitMs("a", settings)).toBe(1_000);
  });

  test("settings from link options fall back to defaults for missing or silly values", () => {
    expect(breakerSettings({})).toMatchObject({ failureThreshold: 5, cooldownMs: 30_000 });
    expect(breakerSettings({ breaker_failures: -1, breaker_failure_rate: 7, breaker_cooldown_ms: "soon" })).toMatchObject({
      failureThreshold: 5,
      failureRate: 1,
      cooldownMs: 30_000,
    });
  });
});
