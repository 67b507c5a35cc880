// Runs inside the usage writer's insert transaction (its `afterInsert` hook), so usage events, hourly
// rollups and quota counters commit together or not at all:
//   - usage_rollups: per hour (UTC), key and model, the analytics source;
//   - limit_counters: each event's WaddleAI tokens added to the daily and monthly counters of its key,
//     user and organisation, and the quota reservations of those requests taken off.
// Only rows this transaction really inserted count (xmin = this transaction): a batch re-sent after a
// lost commit acknowledgement conflicts on request_id, inserts nothing and so adds nothing twice.
// The batch is aggregated here (a few rows per key and model) rather than in SQL, to keep the database's
// share of the work small; rows are written in sorted order so two instances' writers cannot deadlock.
import type { TransactionSql } from "postgres";
import type { UsageEvent, UsageRelease } from "../usage/writer.ts";
import type { LeaseLedger } from "./ledger.ts";
import { quotaCounterKey } from "./counter-keys.ts";
import { utcDay, utcMonth } from "./windows.ts";

export interface UsageHook {
  afterInsert(tx: TransactionSql, events: UsageEvent[], inserted: readonly UsageEvent[]): Promise<void>;
  /**
   * The usage writer dropped this event unwritten (its buffer was full): the reservation it carried will
   * never be taken off by a transaction, so it is handed back through the ledger.
   */
  dropped(event: UsageEvent): void;
}

interface Rollup {
  hour: number;
  keyId: string;
  userId: string;
  organizationId: string;
  model: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  waddleaiTokens: number;
  /** WaddleAI tokens of the events whose user and organisation are the rollup's: charged to their quotas per rollup. */
  charged: number;
}

const HOUR_MS = 3_600_000;
const SCOPES = ["key", "user", "organization"] as const;

function byKey<T>(rows: Map<string, T>): T[] {
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** The day and month counter windows of an hour (UTC), computed once per hour a batch touches. */
function periodStarts(cache: Map<number, { day: number; month: number }>, hour: number): { day: number; month: number } {
  let starts = cache.get(hour);
  if (starts === undefined) {
    starts = { day: utcDay(hour).start, month: utcMonth(hour).start };
    cache.set(hour, starts);
  }
  return starts;
}

export function createUsageHook(ledger: Pick<LeaseLedger, "giveBackLater">): UsageHook {
  return {
    async afterInsert(tx, _events, inserted) {
      const rollups = new Map<string, Rollup>();
      const counters = new Map<string, { counterKey: string; windowStart: number; delta: number }>();
      const periods = new Map<number, { day: number; month: number }>();
      const count = (counterKey: string, windowStart: number, delta: number) => {
        const id = `${counterKey}@${windowStart}`;
        const counter = counters.get(id);
        if (counter) counter.delta += delta;
        else counters.set(id, { counterKey, windowStart, delta });
      };
      /** Adds `tokens` to the daily and monthly quota counters of a key, its user and its organisation. */
      const charge = (hour: number, keyId: string, userId: string, organizationId: string, tokens: number) => {
        const { day, month } = periodStarts(periods, hour);
        const ids = [keyId, userId, organizationId];
        for (let s = 0; s < SCOPES.length; s++) {
          count(quotaCounterKey(SCOPES[s] as (typeof SCOPES)[number], ids[s] as string, "daily"), day, tokens);
          count(quotaCounterKey(SCOPES[s] as (typeof SCOPES)[number], ids[s] as string, "monthly"), month, tokens);
        }
      };
      // Releases of one key's requests share one counter list (the quota gate's plan): summed per list,
      // so a batch costs one map update per release instead of one counter id per counter.
      const released = new Map<UsageRelease["counters"], number>();
      // Only the rows this transaction inserted count (one count per row): a batch re-sent after a lost
      // commit adds nothing twice, and takes no reservation off twice.
      for (const event of inserted) {
        const release = event.release;
        if (release) released.set(release.counters, (released.get(release.counters) ?? 0) + release.amount);
        if (event.keyId === null || event.userId === null || event.organizationId === null) continue;
        const at = event.createdAt.getTime();
        const hour = at - (at % HOUR_MS);
        const id = `${hour}|${event.keyId}|${event.model}`;
        let rollup = rollups.get(id);
        if (rollup === undefined) {
          rollup = { hour, keyId: event.keyId, userId: event.userId, organizationId: event.organizationId, model: event.model, requests: 0, promptTokens: 0, completionTokens: 0, waddleaiTokens: 0, charged: 0 };
          rollups.set(id, rollup);
        }
        rollup.requests++;
        rollup.promptTokens += event.promptTokens;
        rollup.completionTokens += event.completionTokens;
        rollup.waddleaiTokens += event.waddleaiTokens;
        if (event.waddleaiTokens <= 0) continue;
        // Quota counters are charged per rollup (one hour, key and model), not per event. An event whose
        // user or organisation differs from the rollup's (a user moved meanwhile) is charged on its own.
        if (event.userId === rollup.userId && event.organizationId === rollup.organizationId) rollup.charged += event.waddleaiTokens;
        else charge(hour, event.keyId, event.userId, event.organizationId, event.waddleaiTokens);
      }
      for (const rollup of rollups.values()) {
        if (rollup.charged > 0) charge(rollup.hour, rollup.keyId, rollup.userId, rollup.organizationId, rollup.charged);
      }
      for (const [list, amount] of released) for (const counter of list) count(counter.counterKey, counter.windowStart, -amount);

      const rollupRows = byKey(rollups);
      if (rollupRows.length > 0) {
        await tx`
          insert into usage_rollups as r (hour, key_id, user_id, organization_id, model, requests, prompt_tokens, completion_tokens, waddleai_tokens)
          select * from unnest(
            ${rollupRows.map((row) => new Date(row.hour).toISOString())}::timestamptz[], ${rollupRows.map((row) => row.keyId)}::uuid[],
            ${rollupRows.map((row) => row.userId)}::uuid[], ${rollupRows.map((row) => row.organizationId)}::uuid[],
            ${rollupRows.map((row) => row.model)}::text[], ${rollupRows.map((row) => row.requests)}::bigint[],
            ${rollupRows.map((row) => row.promptTokens)}::bigint[], ${rollupRows.map((row) => row.completionTokens)}::bigint[],
            ${rollupRows.map((row) => row.waddleaiTokens)}::bigint[])
          on conflict (hour, key_id, model) do update set
            requests = r.requests + excluded.requests,
            prompt_tokens = r.prompt_tokens + excluded.prompt_tokens,
            completion_tokens = r.completion_tokens + excluded.completion_tokens,
            waddleai_tokens = r.waddleai_tokens + excluded.waddleai_tokens`;
      }
      const counterRows = byKey(counters).filter((row) => row.delta !== 0);
      if (counterRows.length > 0) {
        await tx`
          insert into limit_counters as l (counter_key, window_start, used)
          select n.counter_key, n.window_start, n.delta
          from unnest(${counterRows.map((row) => row.counterKey)}::text[], ${counterRows.map((row) => new Date(row.windowStart).toISOString())}::timestamptz[],
                      ${counterRows.map((row) => row.delta)}::bigint[]) with ordinality as n(counter_key, window_start, delta, position)
          -- A negative change needs the row it changes; it exists, since the reservation leased it.
          where n.delta > 0 or exists (select 1 from limit_counters c where c.counter_key = n.counter_key and c.window_start = n.window_start)
          order by n.position
          on conflict (counter_key, window_start) do update set used = greatest(0, l.used + excluded.used), updated_at = now()`;
      }
    },
    dropped(event) {
      const release = event.release;
      if (!release) return;
      for (const counter of release.counters) ledger.giveBackLater(counter.counterKey, counter.windowStart, release.amount);
    },
  };
}
