// The one place that says which role may call which management route. Route files name a permission;
// the `permission` macro in auth-plugin.ts enforces it (403 for a role not listed). Scoping to
// organisations happens in handlers through src/admin/scope.ts, since it depends on the target, not just
// the route; a target outside the caller's scope answers 404 so its existence does not leak.
//
//   admin            — everything
//   resource_manager — users, keys and quotas of the organisations they manage (an organisation's own
//                      quota is set by admins), read-only analytics and security events of them
//   reporter         — read-only analytics and security events of the organisations they manage
//   user             — their own keys, usage and limits, their own email and password
import type { Role } from "../auth/principal.ts";

const EVERYONE = ["admin", "resource_manager", "reporter", "user"] as const satisfies readonly Role[];
const MANAGERS = ["admin", "resource_manager"] as const satisfies readonly Role[];
const READERS = ["admin", "resource_manager", "reporter"] as const satisfies readonly Role[];
const ADMIN = ["admin"] as const satisfies readonly Role[];

export const ACCESS = {
  "auth.me": EVERYONE,
  "auth.logout": EVERYONE,
  "apiKeys.list": EVERYONE,
  "apiKeys.create": EVERYONE,
  "apiKeys.revoke": EVERYONE,
  "links.read": ADMIN,
  "links.write": ADMIN,
  "rates.read": ADMIN,
  "rates.write": ADMIN,
  "organizations.list": READERS,
  "organizations.read": READERS,
  "organizations.write": ADMIN,
  "users.list": MANAGERS,
  /** Everyone reads themselves; managers read the users they manage. */
  "users.read": EVERYONE,
  /** Everyone may change their own email and password; the rest is checked in the handler. */
  "users.update": EVERYONE,
  "users.write": MANAGERS,
  /** Everyone reads their own user's and keys' limits; managers those of their organisations. */
  "quotas.read": EVERYONE,
  "quotas.write": MANAGERS,
  /** Users see their own usage; managers and reporters their organisations'. */
  "analytics.read": EVERYONE,
  "security.read": READERS,
  "audit.read": ADMIN,
  "routing.read": ADMIN,
  "routing.write": ADMIN,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ACCESS;

export function isAllowed(permission: Permission, role: Role): boolean {
  return (ACCESS[permission] as readonly Role[]).includes(role);
}
