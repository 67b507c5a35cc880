import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the full key, hex. The plaintext is never stored. */
    keyHash: text("key_hash").notNull().unique(),
    /** The first characters of the key, for display ("wa-AbC1…"). */
    prefix: text("prefix").notNull(),
    name: text("name").notNull().default(""),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** Models this key may use; null means every model. */
    allowedModels: jsonb("allowed_models").$type<string[] | null>(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    rpm: integer("rpm"),
    tpm: integer("tpm"),
    dailyQuota: bigint("daily_quota", { mode: "number" }),
    monthlyQuota: bigint("monthly_quota", { mode: "number" }),
    /** Overrides the organisation's security policy for this key; null inherits. */
    securityPolicy: text("security_policy"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (table) => [
    index("api_keys_user_idx").on(table.userId),
    index("api_keys_updated_idx").on(table.updatedAt),
  ],
);
