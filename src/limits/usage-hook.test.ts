import { describe, expect, test } from "bun:test";
import type { TransactionSql } from "postgres";
import type { UsageEvent, UsageRelease } from "../usage/writer.ts";
import { createUsageHook } from "./usage-hook.ts";

const KEY_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const KEY_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const USER = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const ORG = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
const OTHER_ORG = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee";
const DAY = Date.UTC(2026, 10, 29);
const MONTH = Date.UTC(2026, 10, 1);

let sequence = 0;
function event(overrides: Partial<UsageEvent>): UsageEvent {
  return {
    requestId: `req_${++sequence}`, keyId: KEY_A, userId: USER, organizationId: ORG, linkId: null, provider: "openai", model: "m", endpoint: "chat",
    promptTokens: 10, completionTokens: 5, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, waddleaiTokens: 3, estimated: false, status: 200,
    latencyMs: 1, ttftMs: null, bytesIn: 1, bytesOut: 1, createdAt: new Date(DAY + 9 * 3_600_000), release: null, ...overrides,
  };
}

/** A transaction that records the parameters of each statement instead of running it. */
function recordingTx(): { tx: TransactionSql; statements: { text: string; values: unknown[] }[] } {
  const statements: { text: string; values: unknown[] }[] = [];
  const tx = ((strings: TemplateStringsArray, ...values: unknown[]) => {
    statements.push({ text: strings.join("?"), values });
    return Promise.resolve([]);
  }) as unknown as TransactionSql;
  return { tx, statements };
}

/** The limit_counters statement's rows as "counter@window" → delta. */
function counterDeltas(statements: { text: string; values: unknown[] }[]): Record<string, number> {
  const statement = statements.find((s) => s.text.includes("insert into limit_counters"));
  if (!statement) return {};
  const [keys, windows, deltas] = statement.values as [string[], string[], number[]];
  return Object.fromEntries(keys.map((key, i) => [`${key}@${windows[i]}`, deltas[i] as number]));
}

const day = (scope: string, id: string) => `quota:${scope}:${id}:day@${new Date(DAY).toISOString()}`;
const month = (scope: string, id: string) => `quota:${scope}:${id}:month@${new Date(MONTH).toISOString()}`;

describe("usage hook", () => {
  test("charges each inserted event's WaddleAI tokens to its key, user and organisation, and takes releases off", async () => {
    const counters: UsageRelease["counters"] = [
      { counterKey: `quota:key:${KEY_A}:day`, windowStart: DAY },
      { counterKey: `quota:user:${USER}:month`, windowStart: MONTH },
    ];
    const events = [
      event({ waddleaiTokens: 3, release: { amount: 10, counters } }),
      event({ waddleaiTokens: 4, model: "other", release: { amount: 10, counters } }),
      event({ waddleaiTokens: 0 }),
      event({ keyId: KEY_B, waddleaiTokens: 5, createdAt: new Date(DAY + 23 * 3_600_000) }),
      // Stored by an earlier transaction whose commit was not acknowledged: neither charged nor released again.
      event({ waddleaiTokens: 100, release: { amount: 1000, counters } }),
    ];
    const { tx, statements } = recordingTx();
    await createUsageHook({ giveBackLater: () => {} }).afterInsert(tx, events, events.slice(0, 4));
    expect(counterDeltas(statements)).toEqual({
      [day("key", KEY_A)]: 3 + 4 - 20,
      [month("key", KEY_A)]: 7,
      [day("key", KEY_B)]: 5,
      [month("key", KEY_B)]: 5,
      [day("user", USER)]: 12,
      [month("user", USER)]: 12 - 20,
      [day("organization", ORG)]: 12,
      [month("organization", ORG)]: 12,
    });
    const rollups = statements.find((s) => s.text.includes("insert into usage_rollups"));
    // Three rollups (hour, key, model); requests 2 (A, m: one with tokens, one without), 1 and 1.
    expect([...((rollups?.values[5] ?? []) as number[])].sort()).toEqual([1, 1, 2]);
  });

  test("a user moved to another organisation within a batch: each event charges its own organisation", async () => {
    const events = [event({ waddleaiTokens: 3 }), event({ waddleaiTokens: 4, organizationId: OTHER_ORG }), event({ waddleaiTokens: 5 })];
    const { tx, statements } = recordingTx();
    await createUsageHook({ giveBackLater: () => {} }).afterInsert(tx, events, events);
    const deltas = counterDeltas(statements);
    expect(deltas[day("organization", ORG)]).toBe(8);
    expect(deltas[day("organization", OTHER_ORG)]).toBe(4);
    expect(deltas[day("user", USER)]).toBe(12);
    expect(deltas[month("key", KEY_A)]).toBe(12);
  });

  test("an event dropped unwritten hands its reservation back on every counter it names", () => {
    const given: [string, number, number][] = [];
    const hook = createUsageHook({ giveBackLater: (counterKey, windowStart, amount) => void given.push([counterKey, windowStart, amount]) });
    hook.dropped(event({ release: { amount: 7, counters: [{ counterKey: "quota:key:k:day", windowStart: DAY }, { counterKey: "quota:org:o:month", windowStart: MONTH }] } }));
    hook.dropped(event({ release: null }));
    expect(given).toEqual([["quota:key:k:day", DAY, 7], ["quota:org:o:month", MONTH, 7]]);
  });
});
