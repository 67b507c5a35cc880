import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Management session tokens ended by logout before they expire; rows past expiry are pruned. */
export const revokedTokens = pgTable(
  "revoked_tokens",
  {
    tokenId: text("token_id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("revoked_tokens_expires_idx").on(table.expiresAt)],
);
