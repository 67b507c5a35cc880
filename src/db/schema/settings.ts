import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Deployment-wide values generated once, e.g. the JWT secret and the secret-box key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
