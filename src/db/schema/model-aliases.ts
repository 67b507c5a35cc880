import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { providerLinks } from "./provider-links.ts";

/** A model name clients may ask for that maps to a concrete model, optionally on one chosen link. */
export const modelAliases = pgTable("model_aliases", {
  alias: text("alias").primaryKey(),
  targetModel: text("target_model").notNull(),
  linkId: uuid("link_id").references(() => providerLinks.id, { onDelete: "cascade" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
