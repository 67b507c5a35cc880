import { bigint, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Shared counters behind rate limits and quotas: each instance leases slices of a budget here and gives
 * back what it did not use, so N instances share one budget. `counter_key` names the budget (e.g.
 * "key:<id>:rpm"), `window_start` its window (minute, UTC day or month).
 */
export const limitCounters = pgTable(
  "limit_counters",
  {
    counterKey: text("counter_key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    used: bigint("used", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.counterKey, table.windowStart] })],
);
