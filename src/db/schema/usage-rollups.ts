import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Hourly usage totals per key and model, maintained in the same transaction as the usage events. */
export const usageRollups = pgTable(
  "usage_rollups",
  {
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    keyId: uuid("key_id").notNull(),
    userId: uuid("user_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    model: text("model").notNull(),
    requests: bigint("requests", { mode: "number" }).notNull().default(0),
    promptTokens: bigint("prompt_tokens", { mode: "number" }).notNull().default(0),
    completionTokens: bigint("completion_tokens", { mode: "number" }).notNull().default(0),
    waddleaiTokens: bigint("waddleai_tokens", { mode: "number" }).notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.hour, table.keyId, table.model] }),
    index("usage_rollups_org_hour_idx").on(table.organizationId, table.hour),
    index("usage_rollups_user_hour_idx").on(table.userId, table.hour),
  ],
);
