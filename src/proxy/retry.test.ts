import { describe, expect, test } from "bun:test";
import { backoffMs, retryPolicy, sleep } from "./retry.ts";

describe("retry policy", () => {
  test("defaults, per-link overrides and caps", () => {
    expect(retryPolicy({})).toEqual({ maxRetries: 1, baseMs: 200, maxMs: 5000 });
    expect(retryPolicy({ max_retries: 3, retry_base_ms: 50, retry_max_ms: 400 })).toEqual({ maxRetries: 3, baseMs: 50, maxMs: 400 });
    expect(retryPolicy({ max_retries: 0 }).maxRetries).toBe(0);
    expect(retryPolicy({ max_retries: 1000 }).maxRetries).toBe(10);
    expect(retryPolicy({ max_retries: "two" }).maxRetries).toBe(1);
  });

  test("backoff doubles per retry, is capped, and is jittered between half and all of the ceiling", () => {
    const policy = { baseMs: 100, maxMs: 1000 };
    expect(backoffMs(1, policy, () => 0)).toBe(50);
    expect(backoffMs(1, policy, () => 1)).toBe(100);
    expect(backoffMs(3, policy, () => 1)).toBe(400);
    expect(backoffMs(10, policy, () => 1)).toBe(1000);
    for (let i = 0; i < 100; i++) {
      const delay = backoffMs(2, policy);
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(200);
    }
  });

  test("sleep ends early when the client goes away", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const slept = sleep(5_000, controller.signal);
    controller.abort();
    expect(await slept).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await sleep(1, new AbortController().signal)).toBe(true);
  });
});
