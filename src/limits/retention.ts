// Periodic clean-up off the hot path: raw usage events older than USAGE_RETENTION_DAYS (the hourly rollups
// keep the totals), and limit counters of windows long over. Deletes go in small batches so a backlog of
// millions never holds long locks or one huge transaction; every instance may run it, deletes are idempotent.
import type { Sql } from "postgres";
import type { Logger } from "../log.ts";

const BATCH_ROWS = 5_000;
/** Pause between batches, so clean-up yields to request traffic. */
const BATCH_PAUSE_MS = 50;

export interface RetentionOptions {
  retentionDays: number;
  intervalMs: number;
}

export async function deleteExpiredUsage(sql: Sql, retentionDays: number, shouldStop: () => boolean = () => false): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const result = await sql`
      delete from usage_events where id in (
        select id from usage_events where created_at < ${cutoff} order by created_at limit ${BATCH_ROWS})`;
    deleted += result.count;
    if (result.count < BATCH_ROWS || shouldStop()) return deleted;
    await Bun.sleep(BATCH_PAUSE_MS);
  }
}

/** Rate-limit windows are minutes long; quota periods at most a month. Keep a margin for reporting. */
export async function deleteOldCounters(sql: Sql): Promise<number> {
  const result = await sql`
    delete from limit_counters
    where (counter_key like 'quota:%' and window_start < now() - interval '62 days')
       or (counter_key not like 'quota:%' and window_start < now() - interval '1 hour')`;
  return result.count;
}

export class RetentionJob {
  private timer: Timer | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
    private readonly options: RetentionOptions,
  ) {}

  runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        const events = await deleteExpiredUsage(this.sql, this.options.retentionDays, () => this.stopped);
        const counters = await deleteOldCounters(this.sql);
        if (events > 0 || counters > 0) this.log.info("retention clean-up", { usageEvents: events, limitCounters: counters });
      } catch (error) {
        this.log.warn("retention clean-up failed", { error });
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
