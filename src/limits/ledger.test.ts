import { describe, expect, test } from "bun:test";
import { createLogger } from "../log.ts";
import { type Budget, LeaseLedger } from "./ledger.ts";
import { MemoryLeaseStore } from "./lease-store.ts";
import { fixedWindow, MINUTE_MS } from "./windows.ts";

const quiet = createLogger("error", {}, () => {});

function ledgerOn(store: MemoryLeaseStore, clock: { now: number }, options: { idleMs?: number; shortMs?: number } = {}) {
  return new LeaseLedger({ store, clock: () => clock.now, log: quiet, ...options });
}

async function takeOne(ledger: LeaseLedger, budget: Budget, amount = 1): Promise<boolean> {
  const taken = ledger.take(budget, amount);
  return taken instanceof Promise ? await taken : taken;
}

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

describe("LeaseLedger", () => {
  test("one instance admits exactly the limit in a window, then refuses", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const budget = ledger.budget({ counterKey: "rpm:key:a", window: fixedWindow(clock.now, MINUTE_MS), limit: 10, kind: "rate" });
    const results: boolean[] = [];
    for (let i = 0; i < 15; i++) results.push(await takeOne(ledger, budget));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(store.used.get(`rpm:key:a@${budget.windowStart}`)).toBe(10);
  });

  test("the local slice decides synchronously: one store call per slice, not per request", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const budget = ledger.budget({ counterKey: "rpm:key:a", window: fixedWindow(clock.now, MINUTE_MS), limit: 1000, kind: "rate" });
    expect(await takeOne(ledger, budget)).toBe(true);
    await Bun.sleep(0);
    const callsAfterFirstLease = store.calls;
    let synchronous = 0;
    for (let i = 0; i < 40; i++) if (ledger.take(budget, 1) === true) synchronous++;
    expect(synchronous).toBe(40);
    expect(store.calls - callsAfterFirstLease).toBeLessThanOrEqual(1);
  });

  test("two instances on one store share one budget: never more than the limit together", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const a = ledgerOn(store, clock);
    const b = ledgerOn(store, clock);
    const spec = { counterKey: "rpm:key:shared", window: fixedWindow(clock.now, MINUTE_MS), limit: 60, kind: "rate" as const };
    const budgetA = a.budget(spec);
    const budgetB = b.budget(spec);
    let admitted = 0;
    for (let i = 0; i < 100; i++) {
      if (await takeOne(a, budgetA)) admitted++;
      if (await takeOne(b, budgetB)) admitted++;
    }
    expect(admitted).toBe(60);
  });

  test("20 concurrent reservations against a budget that fits 10: exactly 10 admitted", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const budget = ledger.budget({ counterKey: "quota:key:q:day", window: { start: T0, end: T0 + 86_400_000 }, limit: 110, kind: "quota" });
    const results = await Promise.all(Array.from({ length: 20 }, () => takeOne(ledger, budget, 11)));
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  test("an idle instance hands its unused slice back so others can use it", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const a = ledgerOn(store, clock, { idleMs: 1000 });
    const b = ledgerOn(store, clock, { idleMs: 1000 });
    const spec = { counterKey: "rpm:key:idle", window: fixedWindow(clock.now, MINUTE_MS), limit: 100, kind: "rate" as const };
    const budgetA = a.budget(spec);
    expect(await takeOne(a, budgetA)).toBe(true);
    await Bun.sleep(0);
    const id = `rpm:key:idle@${budgetA.windowStart}`;
    expect(store.used.get(id)).toBeGreaterThan(1);
    clock.now += 1500;
    a.tick();
    await Bun.sleep(0);
    expect(store.used.get(id)).toBe(1);
    const budgetB = b.budget(spec);
    let admitted = 0;
    for (let i = 0; i < 120; i++) if (await takeOne(b, budgetB)) admitted++;
    expect(admitted).toBe(99);
  });

  test("takeAll takes from every budget or none", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const window = fixedWindow(clock.now, MINUTE_MS);
    const roomy = ledger.budget({ counterKey: "tpm:key:roomy", window, limit: 100, kind: "rate" });
    const tight = ledger.budget({ counterKey: "tpm:user:tight", window, limit: 15, kind: "rate" });
    const first = await ledger.takeAll([roomy, tight], 2, 10, 0);
    expect(first).toBe(-1);
    const second = await ledger.takeAll([roomy, tight], 2, 10, 0);
    expect(second).toBe(1);
    // The roomy budget got its 10 back: 80 of its limit are still available.
    expect(roomy.remaining()).toBe(90);
  });

  test("takeAll takes `first` from the budgets before the split and `rest` from the others", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const window = fixedWindow(clock.now, MINUTE_MS);
    const requests = ledger.budget({ counterKey: "rpm:key:split", window, limit: 5, kind: "rate" });
    const tokens = ledger.budget({ counterKey: "tpm:key:split", window, limit: 100, kind: "rate" });
    expect(await ledger.takeAll([requests, tokens], 1, 1, 40)).toBe(-1);
    expect(await ledger.takeAll([requests, tokens], 1, 1, 40)).toBe(-1);
    expect(requests.remaining()).toBe(3);
    expect(tokens.remaining()).toBe(20);
    // Refused on tokens: the request taken from the first budget is put back.
    expect(await ledger.takeAll([requests, tokens], 1, 1, 40)).toBe(1);
    expect(requests.remaining()).toBe(3);
    expect(tokens.remaining()).toBe(20);
  });

  test("a request that used more than it reserved leaves a debt the next lease covers", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const budget = ledger.budget({ counterKey: "tpm:key:debt", window: fixedWindow(clock.now, MINUTE_MS), limit: 100, kind: "rate" });
    expect(await takeOne(ledger, budget, 20)).toBe(true);
    ledger.adjust(budget, 20 - 70);
    // 70 spent of 100: a request for 40 no longer fits.
    expect(await takeOne(ledger, budget, 40)).toBe(false);
    clock.now += 10_000;
    expect(await takeOne(ledger, budget, 30)).toBe(true);
  });

  test("when the store is away, admission stops at the local slice (fails closed)", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const budget = ledger.budget({ counterKey: "rpm:key:down", window: fixedWindow(clock.now, MINUTE_MS), limit: 100, kind: "rate" });
    expect(await takeOne(ledger, budget)).toBe(true);
    await Bun.sleep(0);
    store.failing = true;
    let admitted = 1;
    for (let i = 0; i < 50; i++) if (await takeOne(ledger, budget)) admitted++;
    expect(admitted).toBeLessThanOrEqual(20);
    expect(admitted).toBeGreaterThanOrEqual(10);
  });

  test("a new window starts from zero; an ended rate window is forgotten", async () => {
    const store = new MemoryLeaseStore();
    const clock = { now: T0 };
    const ledger = ledgerOn(store, clock);
    const spec = (now: number) => ({ counterKey: "rpm:key:roll", window: fixedWindow(now, MINUTE_MS), limit: 2, kind: "rate" as const });
    const first = ledger.budget(spec(clock.now));
    expect(await takeOne(ledger, first)).toBe(true);
    expect(await takeOne(ledger, first)).toBe(true);
    expect(await takeOne(ledger, first)).toBe(false);
    clock.now += MINUTE_MS;
    const second = ledger.budget(spec(clock.now));
    expect(second).not.toBe(first);
    expect(await takeOne(ledger, second)).toBe(true);
    ledger.tick();
    expect(ledger.size).toBe(1);
  });
});
