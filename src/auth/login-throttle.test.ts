import { describe, expect, test } from "bun:test";
import { LoginThrottle } from "./login-throttle.ts";

describe("LoginThrottle", () => {
  test("allows a few failures, then locks with a doubling delay", () => {
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

  test("counts per username and per IP separately", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}`, "9.9.9.9");
    expect(throttle.retryAfterMs("someone-else", "9.9.9.9")).toBeGreaterThan(0);
    expect(throttle.retryAfterMs("user0", "8.8.8.8")).toBe(0);
    for (let i = 0; i < 5; i++) throttle.recordFailure("bob", `10.0.0.${i}`);
    expect(throttle.retryAfterMs("BOB", "7.7.7.7")).toBeGreaterThan(0);
  });

  test("success clears the record", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 6; i++) throttle.recordFailure("carol", "2.2.2.2");
    throttle.recordSuccess("carol", "2.2.2.2");
    expect(throttle.retryAfterMs("carol", "2.2.2.2")).toBe(0);
  });
});
