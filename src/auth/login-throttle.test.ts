import { describe, expect, test } from "bun:test";
import { LoginThrottle } from "./login-throttle.ts";

describe("LoginThrottle", () => {
  test("one client guessing one account: a few failures, then a doubling delay", () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure("alice", "1.1.1.1");
    expect(throttle.retryAfterMs("alice", "1.1.1.1")).toBe(0);
    throttle.recordFailure("alice", "1.1.1.1");
    expect(throttle.retryAfterMs("alice", "1.1.1.1")).toBe(1000);
    throttle.recordFailure("alice", "1.1.1.1");
    expect(throttle.retryAfterMs("alice", "1.1.1.1")).toBe(2000);
    now += 2000;
    expect(throttle.retryAfterMs("alice", "1.1.1.1")).toBe(0);
  });

  test("a stranger's failures do not lock the account for its owner, until they look distributed", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 10; i++) throttle.recordFailure("admin", "6.6.6.6");
    expect(throttle.retryAfterMs("admin", "6.6.6.6")).toBeGreaterThan(0);
    expect(throttle.retryAfterMs("admin", "10.1.1.1")).toBe(0);
    for (let i = 0; i < 50; i++) throttle.recordFailure("bob", `10.0.${i}.1`);
    expect(throttle.retryAfterMs("BOB", "7.7.7.7")).toBeGreaterThan(0);
  });

  test("an IP is stopped after more failures than one account allows, across accounts", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 19; i++) throttle.recordFailure(`user${i}`, "9.9.9.9");
    expect(throttle.retryAfterMs("someone-else", "9.9.9.9")).toBe(0);
    throttle.recordFailure("user19", "9.9.9.9");
    expect(throttle.retryAfterMs("someone-else", "9.9.9.9")).toBeGreaterThan(0);
    expect(throttle.retryAfterMs("user0", "8.8.8.8")).toBe(0);
  });

  test("attempts count from their start: a burst cannot all pass the check before the first fails", () => {
    const throttle = new LoginThrottle(() => 0);
    let admitted = 0;
    // 60 concurrent attempts: each checks, then records before its (slow) verification.
    for (let i = 0; i < 60; i++) {
      if (throttle.retryAfterMs("carol", "2.2.2.2") > 0) continue;
      admitted++;
      throttle.recordFailure("carol", "2.2.2.2");
    }
    expect(admitted).toBe(5);
  });

  test("success clears the pair and the IP", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 6; i++) throttle.recordFailure("carol", "2.2.2.2");
    throttle.recordSuccess("carol", "2.2.2.2");
    expect(throttle.retryAfterMs("carol", "2.2.2.2")).toBe(0);
  });
});
