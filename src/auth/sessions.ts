// Resolves the caller of a management request: a session token (Bearer or portal cookie) or an API key.
import type { Sql } from "postgres";
import type { KeyCache } from "./key-cache.ts";
import { KEY_PREFIX } from "./api-keys.ts";
import { isRole, type Principal } from "./principal.ts";

export const SESSION_COOKIE = "waddleai_session";

export interface TokenClaims {
  sub: string;
  jti: string;
  /** Issued at, in seconds (set by the signer). */
  iat?: number;
}

interface UserRow {
  id: string;
  username: string;
  role: string;
  organization_id: string;
  managed: string[] | null;
  revoked: boolean;
  sessions_valid_after: Date | null;
}

export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}

async function loadActiveUser(sql: Sql, userId: string, tokenId: string | null): Promise<UserRow | null> {
  const rows = await sql<UserRow[]>`
    select u.id, u.username, u.role, u.organization_id,
           (select array_agg(m.organization_id) from managed_organizations m where m.user_id = u.id) as managed,
           exists(select 1 from revoked_tokens r where r.token_id = ${tokenId ?? ""}) as revoked, u.sessions_valid_after
    from users u join organizations o on o.id = u.organization_id
    where u.id = ${userId} and u.enabled and u.deleted_at is null and o.enabled and o.deleted_at is null`;
  return rows[0] ?? null;
}

function toPrincipal(row: UserRow, keyId: string | null, tokenId: string | null): Principal | null {
  if (!isRole(row.role)) return null;
  return {
    userId: row.id,
    username: row.username,
    role: row.role,
    organizationId: row.organization_id,
    managedOrganizationIds: row.managed ?? [],
    keyId,
    tokenId,
  };
}

export async function principalFromApiKey(sql: Sql, keys: KeyCache, key: string): Promise<Principal | null> {
  const check = await keys.check(key);
  if (!check.ok) return null;
  const row = await loadActiveUser(sql, check.key.userId, null);
  return row ? toPrincipal(row, check.key.id, null) : null;
}

export async function principalFromClaims(sql: Sql, claims: TokenClaims): Promise<Principal | null> {
  const row = await loadActiveUser(sql, claims.sub, claims.jti);
  if (!row || row.revoked) return null;
  // Signed in before the password changed or the account was disabled.
  if (row.sessions_valid_after !== null && (claims.iat ?? 0) * 1000 < row.sessions_valid_after.getTime()) return null;
  return toPrincipal(row, null, claims.jti);
}

export function isApiKeyCredential(token: string): boolean {
  return token.startsWith(KEY_PREFIX);
}
