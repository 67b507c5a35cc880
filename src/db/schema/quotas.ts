import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Quotas (WaddleAI tokens per UTC day / month) and rate limits of organisations and users. Keys carry theirs on api_keys. */
export const quotas = pgTable(
  "quotas",
  {
    /** "organization" | "user" */
    scopeType: text("scope_type").notNull(),
    scopeId: uuid("scope_id").notNull(),
    dailyQuota: bigint("daily_quota", { mode: "number" }),
    monthlyQuota: bigint("monthly_quota", { mode: "number" }),
    rpm: integer("rpm"),
    tpm: integer("tpm"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.scopeType, table.scopeId] })],
);
