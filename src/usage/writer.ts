// The batched usage writer: requests hand over one event each and never wait; a timer writes them in
// batches. While the database is away, events wait in a bounded buffer and are written when it returns.
// Inserts are idempotent on request_id, so a batch whose commit was lost in transit can be sent again.
import type { Sql, TransactionSql } from "postgres";
import type { Logger } from "../log.ts";

export interface UsageEvent {
  requestId: string;
  keyId: string | null;
  userId: string | null;
  organizationId: string | null;
  linkId: string | null;
  provider: string | null;
  model: string;
  endpoint: string;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  waddleaiTokens: number;
  estimated: boolean;
  status: number;
  latencyMs: number;
  ttftMs: number | null;
  bytesIn: number;
  bytesOut: number;
  createdAt: Date;
}

export interface UsageWriterOptions {
  flushMs: number;
  batchRows: number;
  bufferMax: number;
  /** Called after each batch is committed, inside the same transaction (rollups, quota settlement). */
  afterInsert?: (tx: TransactionSql, events: UsageEvent[]) => Promise<void>;
  onBufferDepth?: (depth: number) => void;
  onWrite?: (result: "ok" | "failed" | "dropped", rows: number) => void;
}

const COLUMNS =
  "request_id, key_id, user_id, organization_id, link_id, provider, model, endpoint, prompt_tokens, completion_tokens, " +
  "cached_tokens, cache_write_tokens, reasoning_tokens, waddleai_tokens, estimated, status, latency_ms, ttft_ms, bytes_in, " +
  "bytes_out, created_at";

/** One row as a JSON array in COLUMNS order. */
function toRow(event: UsageEvent): unknown[] {
  return [
    event.requestId, event.keyId, event.userId, event.organizationId, event.linkId, event.provider, event.model, event.endpoint,
    event.promptTokens, event.completionTokens, event.cachedTokens, event.cacheWriteTokens, event.reasoningTokens,
    event.waddleaiTokens, event.estimated, event.status, Math.round(event.latencyMs),
    event.ttftMs === null ? null : Math.round(event.ttftMs), event.bytesIn, event.bytesOut, event.createdAt.toISOString(),
  ];
}

/**
 * The batch travels as ONE JSON parameter unpacked by the server: binding 21 parameters per row cost the
 * request thread more than the requests themselves under load (measured with bench/run.ts).
 */
function insertBatch(tx: TransactionSql, batch: readonly UsageEvent[]) {
  const rows = JSON.stringify(batch.map(toRow));
  return tx`
    insert into usage_events (${tx.unsafe(COLUMNS)})
    select r->>0, (r->>1)::uuid, (r->>2)::uuid, (r->>3)::uuid, (r->>4)::uuid, r->>5, r->>6, r->>7,
           (r->>8)::int, (r->>9)::int, (r->>10)::int, (r->>11)::int, (r->>12)::int, (r->>13)::int,
           (r->>14)::boolean, (r->>15)::int, (r->>16)::int, (r->>17)::int, (r->>18)::int, (r->>19)::int,
           (r->>20)::timestamptz
    from json_array_elements(${rows}::text::json) as r
    on conflict (request_id) do nothing`;
}

export class UsageWriter {
  private buffer: UsageEvent[] = [];
  private timer: Timer | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private dropped = 0;

  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
    private readonly options: UsageWriterOptions,
  ) {}

  get depth(): number {
    return this.buffer.length;
  }

  get droppedCount(): number {
    return this.dropped;
  }

  /** Hand over one event; never blocks. When the buffer is full the oldest event is dropped and counted. */
  record(event: UsageEvent): void {
    if (this.buffer.length >= this.options.bufferMax) {
      this.buffer.shift();
      this.dropped++;
      this.options.onWrite?.("dropped", 1);
      if (this.dropped === 1 || this.dropped % 1000 === 0) this.log.error("usage buffer full; dropping oldest events", { dropped: this.dropped });
    }
    this.buffer.push(event);
    this.options.onBufferDepth?.(this.buffer.length);
    if (this.buffer.length >= this.options.batchRows && this.failures === 0) void this.flush();
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  /** Write everything buffered, batch by batch; concurrent callers share one flush. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, this.options.batchRows);
      try {
        await this.sql.begin(async (tx) => {
          await insertBatch(tx, batch);
          await this.options.afterInsert?.(tx, batch);
        });
      } catch (error) {
        this.failures++;
        this.options.onWrite?.("failed", batch.length);
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.log.warn("usage write failed; events kept for retry", { buffered: this.buffer.length, failures: this.failures, error });
        }
        return;
      }
      if (this.failures > 0) this.log.info("usage writes recovered", { afterFailures: this.failures, buffered: this.buffer.length });
      this.failures = 0;
      // Remove exactly what was written; events recorded meanwhile were appended after it.
      this.buffer.splice(0, batch.length);
      this.options.onWrite?.("ok", batch.length);
      this.options.onBufferDepth?.(this.buffer.length);
    }
  }

  /** Stop the timer and write what is left, retrying until the deadline. */
  async stop(deadlineMs: number): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const until = Date.now() + deadlineMs;
    while (this.buffer.length > 0 && Date.now() < until) {
      await this.flush();
      if (this.buffer.length > 0) await Bun.sleep(200);
    }
    if (this.buffer.length > 0) this.log.error("usage events not written before shutdown", { lost: this.buffer.length });
  }
}
