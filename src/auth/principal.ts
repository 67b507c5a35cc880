// Who is calling, as every route hook and handler sees it.

export const ROLES = ["admin", "resource_manager", "reporter", "user"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  organizationId: string;
  /** Organisations a resource manager or reporter may act on (their own is not implied). */
  managedOrganizationIds: string[];
  /** Set when the caller authenticated with an API key rather than a session token. */
  keyId: string | null;
  /** The session token's id, for logout. */
  tokenId: string | null;
}
