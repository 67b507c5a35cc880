// A batched writer: callers hand over rows and never wait; a timer writes them in batches. While the
// database is away, rows wait in a bounded buffer and are written when it returns. The insert must be
// idempotent (e.g. ON CONFLICT DO NOTHING on a natural key), so a batch whose commit was lost in transit
// can be sent again.
import type { Sql, TransactionSql } from "postgres";
import type { Logger } from "../log.ts";

export interface BatchWriterOptions<T> {
  /** What the rows are, for log lines. */
  name: string;
  flushMs: number;
  batchRows: number;
  bufferMax: number;
  /** Inserts the batch; returns the rows actually inserted (re-sent rows already stored are not). */
  insert: (tx: TransactionSql, batch: readonly T[]) => Promise<readonly T[]>;
  /** Called after each batch is inserted, inside the same transaction, with the rows it inserted. */
  afterInsert?: (tx: TransactionSql, batch: T[], inserted: readonly T[]) => Promise<void>;
  onBufferDepth?: (depth: number) => void;
  onWrite?: (result: "ok" | "failed" | "dropped", rows: number) => void;
  /** Called with each row dropped unwritten from a full buffer. */
  onDrop?: (row: T) => void;
}

export class BatchWriter<T> {
  private buffer: T[] = [];
  private timer: Timer | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private dropped = 0;
  /** Rows at the front of the buffer that the transaction in flight is writing (0 when none is). */
  private inFlight = 0;

  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
    private readonly options: BatchWriterOptions<T>,
  ) {}

  get depth(): number {
    return this.buffer.length;
  }

  get droppedCount(): number {
    return this.dropped;
  }

  /**
   * Hand over one row; never blocks. When the buffer is full the oldest row that is not being written is
   * dropped and counted (the new one, if every buffered row is in the batch in flight): a row in flight
   * may still commit, so it must neither be reported as dropped nor shift the rows the batch removes.
   */
  record(row: T): void {
    if (this.buffer.length >= this.options.bufferMax) {
      const oldest = this.inFlight;
      const dropped = oldest < this.buffer.length ? (this.buffer.splice(oldest, 1)[0] as T) : row;
      this.dropped++;
      this.options.onDrop?.(dropped);
      this.options.onWrite?.("dropped", 1);
      if (this.dropped === 1 || this.dropped % 1000 === 0) this.log.error(`${this.options.name} buffer full; dropping oldest rows`, { dropped: this.dropped });
    }
    if (this.buffer.length < this.options.bufferMax) this.buffer.push(row);
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
      this.inFlight = batch.length;
      try {
        await this.sql.begin(async (tx) => {
          const inserted = await this.options.insert(tx, batch);
          await this.options.afterInsert?.(tx, batch, inserted);
        });
      } catch (error) {
        this.inFlight = 0;
        this.failures++;
        this.options.onWrite?.("failed", batch.length);
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.log.warn(`${this.options.name} write failed; rows kept for retry`, { buffered: this.buffer.length, failures: this.failures, error });
        }
        return;
      }
      if (this.failures > 0) this.log.info(`${this.options.name} writes recovered`, { afterFailures: this.failures, buffered: this.buffer.length });
      this.failures = 0;
      // Remove exactly what was written: rows recorded meanwhile were appended after it, and rows dropped
      // meanwhile were taken from after it.
      this.buffer.splice(0, batch.length);
      this.inFlight = 0;
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
    if (this.buffer.length > 0) this.log.error(`${this.options.name} rows not written before shutdown`, { lost: this.buffer.length });
  }
}
