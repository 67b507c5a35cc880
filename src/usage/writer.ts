// The usage writer: one event per proxied request, written in batches by the generic batch writer.
import type { Sql, TransactionSql } from "postgres";
import { BatchWriter, type BatchWriterOptions } from "../db/batch-writer.ts";
import type { Logger } from "../log.ts";

/**
 * A quota reservation the request held, handed over with its usage event: the transaction that writes the
 * event takes it off the shared counters it was taken from (limits/usage-hook.ts). Not a column.
 */
export interface UsageRelease {
  /** The reservation, the same on every counter it was taken from. */
  amount: number;
  counters: readonly { counterKey: string; windowStart: number }[];
}

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
  /** The request's quota reservation, if it held one (see UsageRelease); null or absent otherwise. */
  release?: UsageRelease | null;
}

export type UsageWriterOptions = Omit<BatchWriterOptions<UsageEvent>, "name" | "insert">;

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
async function insertBatch(tx: TransactionSql, batch: readonly UsageEvent[]): Promise<readonly UsageEvent[]> {
  const rows = JSON.stringify(batch.map(toRow));
  const inserted = await tx<{ request_id: string }[]>`
    insert into usage_events (${tx.unsafe(COLUMNS)})
    select r->>0, (r->>1)::uuid, (r->>2)::uuid, (r->>3)::uuid, (r->>4)::uuid, r->>5, r->>6, r->>7,
           (r->>8)::int, (r->>9)::int, (r->>10)::int, (r->>11)::int, (r->>12)::int, (r->>13)::int,
           (r->>14)::boolean, (r->>15)::int, (r->>16)::int, (r->>17)::int, (r->>18)::int, (r->>19)::int,
           (r->>20)::timestamptz
    from json_array_elements(${rows}::text::json) as r
    on conflict (request_id) do nothing
    returning request_id`;
  if (inserted.length === batch.length) return batch;
  const fresh = new Set(inserted.map((row) => row.request_id));
  // One event per inserted row: should two events of a batch share an id, only the first was inserted.
  return batch.filter((event) => fresh.delete(event.requestId));
}

/** The usage events of proxied requests, one per request, idempotent on request_id. */
export class UsageWriter extends BatchWriter<UsageEvent> {
  constructor(sql: Sql, log: Logger, options: UsageWriterOptions) {
    super(sql, log, { ...options, name: "usage", insert: insertBatch });
  }
}
