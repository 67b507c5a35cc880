// Organisation scoping for management reads and writes: what part of the data a principal may touch.
import type { Principal } from "../auth/principal.ts";

/** Organisations the principal may act on as a manager or reporter; null means every organisation. */
export function scopedOrganizationIds(principal: Principal): string[] | null {
  if (principal.role === "admin") return null;
  if (principal.role === "user") return [];
  return principal.managedOrganizationIds;
}

export function canManageOrganization(principal: Principal, organizationId: string): boolean {
  const scope = scopedOrganizationIds(principal);
  return scope === null || scope.includes(organizationId);
}

/** True when the principal may act on things owned by the given user in the given organisation. */
export function canActForUser(principal: Principal, userId: string, organizationId: string): boolean {
  return principal.userId === userId || (principal.role !== "reporter" && canManageOrganization(principal, organizationId));
}

export function canReadForUser(principal: Principal, userId: string, organizationId: string): boolean {
  return principal.userId === userId || canManageOrganization(principal, organizationId);
}
