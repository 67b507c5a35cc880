import { describe, expect, test } from "bun:test";
import { orderLinks, priorityWeightedOrder, smoothWeightedOrder, weightedOrder, type RankedLink } from "./strategies.ts";
import { seededRandom } from "./test-links.ts";

function ranked(id: string, fields: Partial<RankedLink> = {}): RankedLink {
  return { id, weight: 1, priority: 0, inFlight: 0, ewmaMs: null, ...fields };
}

function firstPicks(count: number, pick: () => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const id = pick();
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("weighted_random", () => {
  test("first picks follow the weights within 4 percentage points over 1,000 draws", () => {
    const links = [ranked("a", { weight: 1 }), ranked("b", { weight: 3 }), ranked("c", { weight: 6 })];
    const random = seededRandom(42);
    const counts = firstPicks(1000, () => weightedOrder(links, random)[0]?.id ?? "");
    expect(Math.abs((counts.get("a") ?? 0) / 1000 - 0.1)).toBeLessThan(0.04);
    expect(Math.abs((counts.get("b") ?? 0) / 1000 - 0.3)).toBeLessThan(0.04);
    expect(Math.abs((counts.get("c") ?? 0) / 1000 - 0.6)).toBeLessThan(0.04);
  });

  test("weight 0 is only a fallback, and every link appears once", () => {
    const links = [ranked("zero", { weight: 0 }), ranked("one")];
    for (let i = 0; i < 50; i++) expect(weightedOrder(links).map((link) => link.id)).toEqual(["one", "zero"]);
  });
});

describe("priority_failover", () => {
  test("strict priority, weights only break ties", () => {
    const random = seededRandom(7);
    const links = [
      ranked("low", { priority: 0, weight: 100 }),
      ranked("high-a", { priority: 5, weight: 1 }),
      ranked("high-b", { priority: 5, weight: 3 }),
    ];
    const counts = firstPicks(1000, () => orderLinks("priority_failover", links, { roundRobin: new Map() }, random)[0]?.id ?? "");
    expect(counts.get("low")).toBeUndefined();
    expect(Math.abs((counts.get("high-b") ?? 0) / 1000 - 0.75)).toBeLessThan(0.05);
    expect(priorityWeightedOrder(links, random).at(-1)?.id).toBe("low");
  });
});

describe("round_robin", () => {
  test("smooth weighted round robin honours weights exactly per cycle, without bursts", () => {
    const links = [ranked("a", { weight: 5 }), ranked("b", { weight: 1 }), ranked("c", { weight: 1 })];
    const state = new Map<string, number>();
    const picks = Array.from({ length: 7 }, () => smoothWeightedOrder(links, state)[0]?.id);
    expect(picks).toEqual(["a", "a", "b", "a", "c", "a", "a"]);
    const counts = firstPicks(700, () => smoothWeightedOrder(links, state)[0]?.id ?? "");
    expect([counts.get("a"), counts.get("b"), counts.get("c")]).toEqual([500, 100, 100]);
  });

  test("equal weights rotate, and the fallback order holds every link", () => {
    const links = [ranked("a"), ranked("b"), ranked("c")];
    const state = { roundRobin: new Map<string, number>() };
    const firsts = Array.from({ length: 6 }, () => orderLinks("round_robin", links, state)[0]?.id);
    expect(firsts).toEqual(["a", "b", "c", "a", "b", "c"]);
    expect(
      orderLinks("round_robin", links, state)
        .map((link) => link.id)
        .sort(),
    ).toEqual(["a", "b", "c"]);
  });
});

describe("least_in_flight and lowest_latency", () => {
  test("least_in_flight prefers the idlest link relative to its weight", () => {
    const links = [ranked("busy", { inFlight: 4 }), ranked("idle", { inFlight: 1 }), ranked("big", { inFlight: 4, weight: 8 })];
    expect(orderLinks("least_in_flight", links, { roundRobin: new Map() }).map((link) => link.id)).toEqual(["big", "idle", "busy"]);
  });

  test("lowest_latency prefers the fastest EWMA, unmeasured links first so they get measured", () => {
    const links = [ranked("slow", { ewmaMs: 900 }), ranked("fast", { ewmaMs: 40 }), ranked("new")];
    // A random source that never explores.
    const order = orderLinks("lowest_latency", links, { roundRobin: new Map() }, () => 0.99);
    expect(order.map((link) => link.id)).toEqual(["new", "fast", "slow"]);
  });
});
