import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.ts";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull().unique(),
    email: text("email"),
    passwordHash: text("password_hash"),
    /** admin | resource_manager | reporter | user */
    role: text("role").notNull().default("user"),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** Session tokens issued before this are refused: set when the password changes or the user is disabled. */
    sessionsValidAfter: timestamp("sessions_valid_after", { withTimezone: true }),
  },
  (table) => [index("users_organization_idx").on(table.organizationId)],
);
