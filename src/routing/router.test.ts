import { describe, expect, test } from "bun:test";
import { LinkRouter } from "./router.ts";
import { RoutingConfig } from "./routing-config.ts";
import { linkSource, seededRandom, testLink } from "./test-links.ts";

describe("LinkRouter", () => {
  test("weights respected within tolerance over 1,000 plans (weighted_random, the default)", () => {
    const router = new LinkRouter(linkSource([testLink("a", { weight: 1 }), testLink("b", { weight: 4 })]), { random: seededRandom(1) });
    let b = 0;
    for (let i = 0; i < 1000; i++) if (router.plan("m")[0]?.link.config.name === "b") b++;
    expect(Math.abs(b / 1000 - 0.8)).toBeLessThan(0.04);
  });

  test("aliases: the upstream model is the target; a pinned alias uses only its link; /v1/models lists aliases", () => {
    const a = testLink("a", { models: ["claude-sonnet-4-5"] });
    const b = testLink("b", { models: ["claude-sonnet-4-5", "other"] });
    const router = new LinkRouter(linkSource([a, b]));
    router.useConfig(
      new RoutingConfig(
        new Map([
          ["gpt-4", { alias: "gpt-4", targetModel: "claude-sonnet-4-5", linkId: null }],
          ["pinned", { alias: "pinned", targetModel: "served-elsewhere", linkId: b.config.id }],
          ["dangling", { alias: "dangling", targetModel: "nothing-serves-this", linkId: null }],
        ]),
      ),
    );
    const plan = router.plan("gpt-4");
    expect(plan.map((candidate) => candidate.link.config.name).sort()).toEqual(["a", "b"]);
    expect(plan.every((candidate) => candidate.upstreamModel === "claude-sonnet-4-5")).toBe(true);
    expect(router.plan("pinned").map((candidate) => [candidate.link.config.name, candidate.upstreamModel])).toEqual([
      ["b", "served-elsewhere"],
    ]);
    expect(router.serves("dangling")).toBe(false);
    expect(router.models().sort()).toEqual(["claude-sonnet-4-5", "gpt-4", "other", "pinned"]);
  });

  test("strategy per model beats the global one, which beats the default", () => {
    const links = [testLink("low", { priority: 0, weight: 1000 }), testLink("high", { priority: 1, weight: 1 })];
    const router = new LinkRouter(linkSource(links), { random: seededRandom(3) });
    router.useConfig(new RoutingConfig(new Map(), new Map([["*", "priority_failover"]])));
    for (let i = 0; i < 20; i++) expect(router.plan("m")[0]?.link.config.name).toBe("high");
    router.useConfig(
      new RoutingConfig(
        new Map(),
        new Map([
          ["*", "priority_failover"],
          ["m", "round_robin"],
        ]),
      ),
    );
    const firsts = Array.from({ length: 1001 }, () => router.plan("m")[0]?.link.config.name);
    expect(firsts.filter((name) => name === "high")).toHaveLength(1);
  });

  test("a link whose circuit is open goes last until its cool-down ends; health is visible", () => {
    let now = 0;
    const links = [testLink("flaky", { priority: 1, options: { breaker_failures: 2, breaker_cooldown_ms: 500 } }), testLink("steady")];
    const states: string[] = [];
    const router = new LinkRouter(linkSource(links), { now: () => now, onStateChange: (name, state) => states.push(`${name}:${state}`) });
    router.useConfig(new RoutingConfig(new Map(), new Map([["*", "priority_failover"]])));
    const flaky = router.plan("m")[0];
    if (!flaky) throw new Error("no plan");
    expect(flaky.link.config.name).toBe("flaky");
    router.report(flaky, "failed", 5, "HTTP 500");
    router.report(flaky, "failed", 5, "HTTP 500");
    expect(router.plan("m").map((candidate) => candidate.link.config.name)).toEqual(["steady", "flaky"]);
    expect(router.admit(flaky)).toBe(false);
    now += 500;
    expect(router.plan("m")[0]?.link.config.name).toBe("flaky");
    expect(router.admit(flaky)).toBe(true);
    router.report(flaky, "ok", 12);
    expect(states).toEqual(["flaky:closed", "flaky:open", "flaky:half_open", "flaky:closed"]);
    const health = router.health().find((view) => view.link.config.name === "flaky")?.health;
    expect(health).toMatchObject({ state: "closed", consecutiveFailures: 0, ewmaLatencyMs: 12, lastError: "HTTP 500" });
  });

  test("a resting link is not picked until its hint expires; other links serve meanwhile", () => {
    let now = 0;
    const links = [testLink("limited", { priority: 1, options: { retry_after_max_ms: 10_000 } }), testLink("spare")];
    const router = new LinkRouter(linkSource(links), { now: () => now });
    router.useConfig(new RoutingConfig(new Map(), new Map([["*", "priority_failover"]])));
    const [limited, spare] = router.plan("m");
    if (!limited || !spare) throw new Error("no plan");
    expect(limited.link.config.name).toBe("limited");
    router.rest(limited, 2_000);
    expect(router.plan("m").map((candidate) => candidate.link.config.name)).toEqual(["spare", "limited"]);
    expect(router.admit(limited)).toBe(false);
    expect(router.admit(spare)).toBe(true);
    expect(router.restMs(limited)).toBe(2_000);
    expect(router.waitMs(limited)).toBe(2_000);
    expect(router.waitMs(spare)).toBe(0);
    const view = router.health().find((entry) => entry.link.config.name === "limited")?.health;
    expect(view).toMatchObject({ state: "closed", restingUntil: 2_000 });
    now += 1_999;
    expect(router.admit(limited)).toBe(false);
    now += 1;
    expect(router.plan("m")[0]?.link.config.name).toBe("limited");
    expect(router.admit(limited)).toBe(true);
    // The link's cap bounds a wild hint.
    router.rest(limited, 3_600_000);
    expect(router.restMs(limited)).toBe(10_000);
  });

  test("least_in_flight follows begin/end", () => {
    const router = new LinkRouter(linkSource([testLink("a"), testLink("b")]));
    router.useConfig(new RoutingConfig(new Map(), new Map([["m", "least_in_flight"]])));
    const first = router.plan("m")[0];
    if (!first) throw new Error("no plan");
    router.begin(first);
    expect(router.plan("m")[0]?.link.config.name).not.toBe(first.link.config.name);
    router.end(first);
  });
});
