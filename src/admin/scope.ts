// Organisation scoping for management reads and writes: what part of the data a principal may touch.
import type { Principal, Role } from "../auth/principal.ts";

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

/**
 * Roles the principal may create, grant, and act for: admins any; resource managers only users and
 * reporters (never admins or other resource managers, even in an organisation they manage).
 */
export function mayGrant(principal: Principal, target: Role): boolean {
  if (principal.role === "admin") return true;
  return principal.role === "resource_manager" && (target === "user" || target === "reporter");
}

/**
 * True when the principal may change what belongs to `target` (its keys, its limits): the user
 * themself, an admin, or a resource manager of its organisation when its role is one they may grant.
 * Without the role check a resource manager could mint a key for an admin and act as one.
 */
export function mayActForUser(principal: Principal, target: { id: string; organizationId: string; role: Role }): boolean {
  if (principal.userId === target.id || principal.role === "admin") return true;
  return principal.role === "resource_manager" && canManageOrganization(principal, target.organizationId) && mayGrant(principal, target.role);
}

export function canReadForUser(principal: Principal, userId: string, organizationId: string): boolean {
  return principal.userId === userId || canManageOrganization(principal, organizationId);
}
