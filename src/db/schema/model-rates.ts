import { doublePrecision, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** WaddleAI-token conversion rates: LLM tokens per WaddleAI token, per provider and model. */
export const modelRates = pgTable(
  "model_rates",
  {
    /** Provider name, or "*" for any provider. */
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    inputRate: doublePrecision("input_rate").notNull(),
    outputRate: doublePrecision("output_rate").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.model] })],
);
