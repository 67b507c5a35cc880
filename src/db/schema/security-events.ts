import { bigserial, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** One row per request whose prompt the scanner blocked or flagged (its strongest finding first). */
export const securityEvents = pgTable(
  "security_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: text("request_id").notNull(),
    category: text("category").notNull(),
    action: text("action").notNull(),
    score: doublePrecision("score").notNull(),
    rules: jsonb("rules").$type<string[]>().notNull().default([]),
    policy: text("policy").notNull(),
    keyId: uuid("key_id"),
    userId: uuid("user_id"),
    organizationId: uuid("organization_id"),
    model: text("model"),
    endpoint: text("endpoint"),
    /** At most 200 characters around the match, secrets masked. */
    excerpt: text("excerpt").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("security_events_request_idx").on(table.requestId),
    index("security_events_created_idx").on(table.createdAt), index("security_events_org_created_idx").on(table.organizationId, table.createdAt),
  ],
);
