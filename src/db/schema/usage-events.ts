import { bigserial, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One row per proxied request. Written in batches; request_id makes re-sent batches harmless. */
export const usageEvents = pgTable(
  "usage_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: text("request_id").notNull().unique(),
    keyId: uuid("key_id"),
    userId: uuid("user_id"),
    organizationId: uuid("organization_id"),
    linkId: uuid("link_id"),
    provider: text("provider"),
    model: text("model").notNull(),
    endpoint: text("endpoint").notNull(),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    cachedTokens: integer("cached_tokens").notNull().default(0),
    cacheWriteTokens: integer("cache_write_tokens").notNull().default(0),
    reasoningTokens: integer("reasoning_tokens").notNull().default(0),
    waddleaiTokens: integer("waddleai_tokens").notNull().default(0),
    estimated: boolean("estimated").notNull().default(false),
    status: integer("status").notNull(),
    latencyMs: integer("latency_ms").notNull().default(0),
    ttftMs: integer("ttft_ms"),
    bytesIn: integer("bytes_in").notNull().default(0),
    bytesOut: integer("bytes_out").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Few and cheap indexes on purpose: every proxied request inserts a row. Rows arrive in time order, so
  // a BRIN index serves retention and time ranges at almost no insert cost; analytics reads usage_rollups.
  (table) => [index("usage_events_created_brin").using("brin", table.createdAt)],
);
