// The one place that says which role may call which management route. Route files name a permission;
// the `permission` macro in auth-plugin.ts enforces it. Scoping to organisations happens in handlers
// through src/admin/scope.ts, since it depends on the target, not just the route.
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
  "users.read": EVERYONE,
  "users.write": MANAGERS,
  "quotas.read": EVERYONE,
  "quotas.write": MANAGERS,
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
