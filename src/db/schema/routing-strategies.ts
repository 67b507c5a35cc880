import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Routing strategy per model; the row for model "*" is the global default. */
export const routingStrategies = pgTable("routing_strategies", {
  model: text("model").primaryKey(),
  /** weighted_random | round_robin | least_in_flight | lowest_latency | priority_failover */
  strategy: text("strategy").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
