import { describe, expect, test } from "bun:test";
import type { KeyRecord } from "../auth/key-cache.ts";
import { GatewayError } from "../errors.ts";
import { createLogger } from "../log.ts";
import { noopMetrics } from "../metrics/registry.ts";
import type { GateInput, GatePass, SettledUsage } from "../proxy/gate.ts";
import { RateTable } from "../usage/rates.ts";
import { LeaseLedger } from "./ledger.ts";
import { MemoryLeaseStore } from "./lease-store.ts";
import { LimitPolicies, type QuotaRow } from "./policies.ts";
import { QuotaGate } from "./quota-gate.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";
import { quickReservationFor, reservationFor } from "./reservation.ts";

const quiet = createLogger("error", {}, () => {});

function keyRecord(overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    keyHash: "h",
    prefix: "wa-x",
    name: "",
    userId: "22222222-2222-4222-8222-222222222222",
    username: "u",
    role: "user",
    organizationId: "33333333-3333-4333-8333-333333333333",
    allowedModels: null,
    expiresAt: null,
    active: true,
    rpm: null,
    tpm: null,
    dailyQuota: null,
    monthlyQuota: null,
    securityPolicy: null,
    organizationSecurityPolicy: null,
    ...overrides,
  };
}

let sequence = 0;
/** An embeddings request of 20 pre-tokenised tokens: 2 WaddleAI tokens at the default rate, no tokenizer needed. */
function input(key: KeyRecord): GateInput {
  return { requestId: `req_${++sequence}`, key, operation: "embeddings", format: "openai", model: "m", body: { model: "m", input: [Array.from({ length: 20 }, (_, i) => i)] }, maxTokens: null };
}

async function run(gate: { check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError> }, request: GateInput) {
  const verdict = gate.check(request);
  return verdict instanceof Promise ? await verdict : verdict;
}

function setup(rows: QuotaRow[] = []) {
  const store = new MemoryLeaseStore();
  const clock = { now: Date.UTC(2026, 2, 31, 23, 59, 0) };
  const ledger = new LeaseLedger({ store, clock: () => clock.now, log: quiet });
  const policies = new LimitPolicies(async () => rows, quiet);
  policies.replace(rows);
  const quota = new QuotaGate({ ledger, policies, rates: new RateTable(), metrics: noopMetrics(), clock: () => clock.now, defaultMaxTokens: 100 });
  const rate = new RateLimitGate({ ledger, policies, metrics: noopMetrics(), clock: () => clock.now, windowMs: 60_000, defaultMaxTokens: 100 });
  return { store, clock, ledger, policies, quota, rate };
}

describe("QuotaGate", () => {
  test("no limits anywhere: passes without touching the store", async () => {
    const { quota, store } = setup();
    const verdict = await run(quota, input(keyRecord()));
    expect(verdict).not.toBeInstanceOf(GatewayError);
    expect(store.calls).toBe(0);
  });

  test("daily quota: refused when spent, names the quota without numbers; admitted again after UTC midnight", async () => {
    const { quota, clock } = setup();
    const key = keyRecord({ dailyQuota: 4 });
    const passes: GatePass[] = [];
    for (let i = 0; i < 2; i++) {
      const verdict = await run(quota, input(key));
      expect(verdict).not.toBeInstanceOf(GatewayError);
      passes.push(verdict as GatePass);
    }
    const refused = await run(quota, input(key));
    expect(refused).toBeInstanceOf(GatewayError);
    expect((refused as GatewayError).code).toBe("insufficient_quota");
    expect((refused as GatewayError).message).toBe("API key daily quota exceeded");
    expect((refused as GatewayError).headers["x-should-retry"]).toBe("false");
    for (const pass of passes) pass.settle?.({ promptTokens: 20, completionTokens: 0, waddleaiTokens: 2, status: 200, release: null });
    clock.now += 60_000; // 2026-04-01T00:00:00Z: a new UTC day (and month).
    expect(await run(quota, input(key))).not.toBeInstanceOf(GatewayError);
  });

  test("all scopes apply and the tightest wins: an organisation quota caps all its users together", async () => {
    const org = "33333333-3333-4333-8333-333333333333";
    const { quota } = setup([{ scope_type: "organization", scope_id: org, daily_quota: 6, monthly_quota: null, rpm: null, tpm: null }]);
    const alice = keyRecord({ id: "aaaaaaaa-1111-4111-8111-111111111111", userId: "aaaaaaaa-2222-4222-8222-222222222222", dailyQuota: 100 });
    const bob = keyRecord({ id: "bbbbbbbb-1111-4111-8111-111111111111", userId: "bbbbbbbb-2222-4222-8222-222222222222" });
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (const key of [alice, bob]) {
        const verdict = await run(quota, input(key));
        outcomes.push(verdict instanceof GatewayError ? verdict.message : "ok");
      }
    }
    expect(outcomes.filter((outcome) => outcome === "ok")).toHaveLength(3);
    expect(outcomes).toContain("organization daily quota exceeded");
  });

  test("a request refused later (or spending nothing) hands its reservation back", async () => {
    const { quota, ledger, store } = setup();
    const key = keyRecord({ dailyQuota: 2 });
    const first = (await run(quota, input(key))) as GatePass;
    first.settle?.({ promptTokens: 0, completionTokens: 0, waddleaiTokens: 0, status: 502, release: null });
    ledger.tick();
    await Bun.sleep(0);
    expect(await run(quota, input(key))).not.toBeInstanceOf(GatewayError);
    expect([...store.used.values()].every((used) => used <= 2)).toBe(true);
  });

  test("spending hands the reservation to the usage event as a release naming every counter it was taken from", async () => {
    const { quota, store } = setup();
    const key = keyRecord({ dailyQuota: 10, monthlyQuota: 100 });
    const pass = (await run(quota, input(key))) as GatePass;
    const settled: SettledUsage = { promptTokens: 20, completionTokens: 0, waddleaiTokens: 2, status: 200, release: null };
    pass.settle?.(settled);
    expect(settled.release?.counters.map((counter) => counter.counterKey).sort()).toEqual([`quota:key:${key.id}:day`, `quota:key:${key.id}:month`]);
    expect(settled.release?.amount).toBe(2);
    // Nothing spent: the reservation goes straight back to the slice, and no release is set.
    const idle = (await run(quota, input(key))) as GatePass;
    const nothing: SettledUsage = { promptTokens: 0, completionTokens: 0, waddleaiTokens: 0, status: 502, release: null };
    idle.settle?.(nothing);
    expect(nothing.release).toBeNull();
    expect([...store.used.values()].every((used) => used <= 100)).toBe(true);
  });
});

describe("RateLimitGate", () => {
  test("OpenAI rate-limit headers on every admitted request; 429 with retry-after when spent", async () => {
    const { rate } = setup();
    const key = keyRecord({ rpm: 2, tpm: 1000 });
    const first = (await run(rate, input(key))) as GatePass;
    expect(first.headers?.["x-ratelimit-limit-requests"]).toBe("2");
    expect(first.headers?.["x-ratelimit-remaining-requests"]).toBe("1");
    expect(first.headers?.["x-ratelimit-limit-tokens"]).toBe("1000");
    expect(first.headers?.["x-ratelimit-remaining-tokens"]).toBe("980");
    expect(first.headers?.["x-ratelimit-reset-requests"]).toBeUndefined();
    expect(await run(rate, input(key))).not.toBeInstanceOf(GatewayError);
    const refused = await run(rate, input(key));
    expect(refused).toBeInstanceOf(GatewayError);
    expect((refused as GatewayError).code).toBe("rate_limit_exceeded");
    expect((refused as GatewayError).headers["retry-after"]).toBe("60");
    expect((refused as GatewayError).headers["x-ratelimit-remaining-requests"]).toBe("0");
    expect((refused as GatewayError).headers["x-ratelimit-reset-requests"]).toBe("1m0s");
  });

  test("TPM is trued up to actual usage at settle", async () => {
    const { rate } = setup();
    const key = keyRecord({ tpm: 30 });
    const pass = (await run(rate, input(key))) as GatePass;
    // Reserved 20 (no completion for embeddings); used 5: 25 left, so another 20 fits.
    pass.settle?.({ promptTokens: 5, completionTokens: 0, waddleaiTokens: 1, status: 200, release: null });
    expect(await run(rate, input(key))).not.toBeInstanceOf(GatewayError);
    expect(await run(rate, input(key))).toBeInstanceOf(GatewayError);
  });
});

describe("reservations near and far from a limit", () => {
  const chat = (key: KeyRecord): GateInput => ({
    requestId: `req_${++sequence}`, key, operation: "chat", format: "openai", model: "gpt-4o-mini",
    body: { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello there, how are you today?" }], max_tokens: 10 }, maxTokens: 10,
  });
  const sizes = (request: GateInput) => {
    const quick = quickReservationFor(request, 100);
    const precise = reservationFor(request, 100);
    return { quick: quick.promptTokens + quick.completionTokens, precise: precise.promptTokens + precise.completionTokens };
  };

  test("far from the limit (even with no slice leased yet) the quick bound is reserved; near it, the tokenizer's estimate", async () => {
    const { rate } = setup();
    const request = chat(keyRecord({ tpm: 1_000_000_000 }));
    const { quick, precise } = sizes(request);
    expect(quick).toBeGreaterThan(precise);
    const far = (await run(rate, request)) as GatePass;
    expect(far.headers?.["x-ratelimit-remaining-tokens"]).toBe(String(1_000_000_000 - quick));
    const near = (await run(rate, chat(keyRecord({ id: "44444444-4444-4444-8444-444444444444", tpm: 1_000 })))) as GatePass;
    expect(near.headers?.["x-ratelimit-remaining-tokens"]).toBe(String(1_000 - precise));
  });
});
