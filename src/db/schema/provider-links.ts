import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const providerLinks = pgTable("provider_links", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  provider: text("provider").notNull(),
  endpointUrl: text("endpoint_url").notNull(),
  /** AES-256-GCM ciphertext of the provider secret (see src/auth/secret-box.ts); null when none. */
  apiKeyEncrypted: text("api_key_encrypted"),
  modelList: jsonb("model_list").$type<string[]>().notNull().default([]),
  enabled: boolean("enabled").notNull().default(true),
  weight: integer("weight").notNull().default(1),
  priority: integer("priority").notNull().default(0),
  options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
