import { pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/** Organisations a resource manager or reporter manages (besides the one they belong to). */
export const managedOrganizations = pgTable(
  "managed_organizations",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.organizationId] })],
);
