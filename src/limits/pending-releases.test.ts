import { describe, expect, test } from "bun:test";
import { PendingReleases } from "./pending-releases.ts";

const counters = [{ counterKey: "quota:key:k:daily", windowStart: 0 }];

describe("PendingReleases", () => {
  test("offers each request's release once, in any order; unknown requests have none", () => {
    const releases = new PendingReleases();
    releases.reserve("a", 10, counters, 1_000);
    releases.reserve("b", 20, counters, 1_001);
    expect(releases.size).toBe(2);
    expect(releases.offer(["x", "b"]).map((release) => release.amount)).toEqual([20]);
    releases.committed();
    releases.reserve("c", 30, counters, 1_002);
    expect(releases.offer(["c", "a", "b"]).map((release) => release.amount)).toEqual([30, 10]);
    releases.committed();
    expect(releases.size).toBe(0);
  });

  test("a rolled-back transaction puts its releases back for the retry", () => {
    const releases = new PendingReleases();
    releases.reserve("a", 10, counters, 1_000);
    expect(releases.offer(["a"])).toHaveLength(1);
    releases.rolledBack();
    expect(releases.size).toBe(1);
    expect(releases.offer(["a"]).map((release) => release.requestId)).toEqual(["a"]);
  });

  test("releases whose event never came expire oldest first, including ones never offered", () => {
    const releases = new PendingReleases();
    releases.reserve("old", 10, counters, 1_000);
    releases.reserve("new", 20, counters, 50_000);
    expect(releases.expire(61_000, 60_000).map((release) => release.requestId)).toEqual(["old"]);
    expect(releases.size).toBe(1);
    expect(releases.offer(["old", "new"]).map((release) => release.requestId)).toEqual(["new"]);
  });
});
