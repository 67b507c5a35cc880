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
import type { UsageEvent } from "../usage/writer.ts";
import type { PendingReleases, Release } from "./pending-releases.ts";
import { quotaCounterKey } from "./counter-keys.ts";
import { utcDay, utcMonth } from "./windows.ts";

export interface UsageHook {
  afterInsert(tx: TransactionSql, events: UsageEvent[], inserted: readonly UsageEvent[]): Promise<void>;
  /** Chain into the writer's onWrite: tells the hook whether its last transaction committed. */
  onWrite(result: "ok" | "failed" | "dropped"): void;
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
}

const HOUR_MS = 3_600_000;

function byKey<T>(rows: Map<string, T>): T[] {
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

export function createUsageHook(releases: PendingReleases): UsageHook {
  return {
    async afterInsert(tx, events, inserted) {
      const requestIds = events.map((event) => event.requestId);
      // Only rows this transaction inserted count: a batch re-sent after a lost commit adds nothing twice.
      const fresh = new Set(inserted.map((event) => event.requestId));

      const rollups = new Map<string, Rollup>();
      const counters = new Map<string, { counterKey: string; windowStart: number; delta: number }>();
      const count = (counterKey: string, windowStart: number, delta: number) => {
        const id = `${counterKey}@${windowStart}`;
        const counter = counters.get(id);
        if (counter) counter.delta += delta;
        else counters.set(id, { counterKey, windowStart, delta });
      };
      // The inserted rows themselves, not the events whose id is among them: one count per row.
      for (const event of inserted) {
        if (event.keyId === null || event.userId === null || event.organizationId === null) continue;
        const at = event.createdAt.getTime();
        const hour = at - (at % HOUR_MS);
        const id = `${hour}|${event.keyId}|${event.model}`;
        const rollup = rollups.get(id) ?? { hour, keyId: event.keyId, userId: event.userId, organizationId: event.organizationId, model: event.model, requests: 0, promptTokens: 0, completionTokens: 0, waddleaiTokens: 0 };
        rollup.requests++;
        rollup.promptTokens += event.promptTokens;
        rollup.completionTokens += event.completionTokens;
        rollup.waddleaiTokens += event.waddleaiTokens;
        rollups.set(id, rollup);
        if (event.waddleaiTokens <= 0) continue;
        const day = utcDay(at).start;
        const month = utcMonth(at).start;
        for (const [scope, scopeId] of [["key", event.keyId], ["user", event.userId], ["organization", event.organizationId]] as const) {
          count(quotaCounterKey(scope, scopeId, "daily"), day, event.waddleaiTokens);
          count(quotaCounterKey(scope, scopeId, "monthly"), month, event.waddleaiTokens);
        }
      }
      // Releases of one key's requests share one counter list (the quota gate's plan): sum them per list
      // first, so a batch costs one map update per release instead of one counter id per counter.
      const released = new Map<Release["counters"], number>();
      for (const release of releases.offer(requestIds)) {
        if (!fresh.has(release.requestId)) continue;
        released.set(release.counters, (released.get(release.counters) ?? 0) + release.amount);
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
    onWrite(result) {
      if (result === "ok") releases.committed();
      else if (result === "failed") releases.rolledBack();
    },
  };
}
