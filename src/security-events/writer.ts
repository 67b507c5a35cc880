// Security events (blocked and flagged prompts), written in batches off the hot path.
import type { Sql, TransactionSql } from "postgres";
import { BatchWriter } from "../db/batch-writer.ts";
import type { Logger } from "../log.ts";

export interface SecurityEventRow {
  requestId: string;
  category: string;
  action: "block" | "flag";
  score: number;
  rules: string[];
  policy: string;
  keyId: string | null;
  userId: string | null;
  organizationId: string | null;
  model: string | null;
  endpoint: string | null;
  excerpt: string;
  createdAt: Date;
}

async function insert(tx: TransactionSql, batch: readonly SecurityEventRow[]): Promise<readonly SecurityEventRow[]> {
  const rows = JSON.stringify(
    batch.map((event) => [
      event.requestId, event.category, event.action, event.score, event.rules, event.policy, event.keyId, event.userId,
      event.organizationId, event.model, event.endpoint, event.excerpt, event.createdAt.toISOString(),
    ]),
  );
  await tx`
    insert into security_events (request_id, category, action, score, rules, policy, key_id, user_id, organization_id, model, endpoint, excerpt, created_at)
    select r->>0, r->>1, r->>2, (r->>3)::float8, (r->4)::jsonb, r->>5, (r->>6)::uuid, (r->>7)::uuid, (r->>8)::uuid, r->>9, r->>10, r->>11, (r->>12)::timestamptz
    from json_array_elements(${rows}::text::json) as r
    on conflict (request_id) do nothing`;
  return batch;
}

export function createSecurityEventWriter(sql: Sql, log: Logger, flushMs: number): BatchWriter<SecurityEventRow> {
  return new BatchWriter(sql, log, { name: "security events", flushMs, batchRows: 500, bufferMax: 100_000, insert });
}
