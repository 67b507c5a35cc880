// GET|POST /api-keys, DELETE /api-keys/:id.
import { Elysia, t } from "elysia";
import { displayPrefix, generateApiKey, hashApiKey } from "../../auth/api-keys.ts";
import type { Principal } from "../../auth/principal.ts";
import { recordAudit } from "../../audit.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";
import { parseDate } from "../dates.ts";
import { quotaValue, rateLimitValue } from "../limit-values.ts";
import { canActForUser, mayActForUser, scopedOrganizationIds } from "../scope.ts";
import type { Role } from "../../auth/principal.ts";

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  user_id: string;
  organization_id: string;
  allowed_models: string[] | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  rpm: number | null;
  tpm: number | null;
  daily_quota: string | null;
  monthly_quota: string | null;
  security_policy: string | null;
  created_at: Date;
  last_used_at: Date | null;
  /** Listing only: the owner or its organisation is disabled or deleted, so the proxy refuses the key. */
  owner_inactive?: boolean;
}

export function serializeKey(row: KeyRow) {
  const expired = row.expires_at !== null && row.expires_at.getTime() <= Date.now();
  return {
    id: row.id,
    object: "api_key",
    name: row.name,
    prefix: row.prefix,
    user_id: row.user_id,
    organization_id: row.organization_id,
    allowed_models: row.allowed_models,
    expires_at: row.expires_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
    status: row.revoked_at ? "revoked" : expired ? "expired" : row.owner_inactive ? "disabled" : "active",
    rpm: row.rpm,
    tpm: row.tpm,
    daily_quota: row.daily_quota === null ? null : Number(row.daily_quota),
    monthly_quota: row.monthly_quota === null ? null : Number(row.monthly_quota),
    security_policy: row.security_policy,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
  };
}

const KEY_COLUMNS = "k.id, k.name, k.prefix, k.user_id, k.organization_id, k.allowed_models, k.expires_at, k.revoked_at, k.rpm, k.tpm, k.daily_quota, k.monthly_quota, k.security_policy, k.created_at, k.last_used_at";

export const createKeyBody = t.Object({
  user_id: t.Optional(t.String({ format: "uuid" })),
  name: t.Optional(t.String({ maxLength: 200 })),
  allowed_models: t.Optional(t.Union([t.Array(t.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000 }), t.Null()])),
  expires_at: t.Optional(t.Union([t.String({ format: "date-time" }), t.Null()])),
  rpm: rateLimitValue,
  tpm: rateLimitValue,
  daily_quota: quotaValue,
  monthly_quota: quotaValue,
  security_policy: t.Optional(t.Union([t.Literal("strict"), t.Literal("balanced"), t.Literal("permissive"), t.Literal("off"), t.Null()])),
});

async function ownerOf(ctx: AppContext, principal: Principal, userId: string | undefined): Promise<{ id: string; organization_id: string }> {
  if (userId === undefined || userId === principal.userId) return { id: principal.userId, organization_id: principal.organizationId };
  const [user] = await ctx.database.sql<{ id: string; organization_id: string; role: Role }[]>`
    select id, organization_id, role from users where id = ${userId} and deleted_at is null`;
  // 404 rather than 403: a caller outside the user's organisation must not learn the user exists.
  if (!user || !canActForUser(principal, user.id, user.organization_id)) throw new GatewayError("not_found", "user not found", { param: "user_id" });
  forbidUnlessActsFor(principal, { id: user.id, organizationId: user.organization_id, role: user.role });
  return user;
}

/** 403 when the principal sees the owner but may not manage its keys (a resource manager and an admin). */
function forbidUnlessActsFor(principal: Principal, owner: { id: string; organizationId: string; role: Role }): void {
  if (!mayActForUser(principal, owner)) throw new GatewayError("forbidden", `your role may not manage the keys of a ${owner.role}`, { param: "user_id" });
}

export function apiKeyRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  return new Elysia()
    .use(authPlugin(ctx))
    .get(
      "/api-keys",
      async ({ principal, query }) => {
        const page = parsePage(query);
        // Reporters manage nothing: like users, they list only their own keys.
        const scope = principal.role === "reporter" ? [] : scopedOrganizationIds(principal);
        const visibility =
          scope === null ? sql`true` : sql`(k.user_id = ${principal.userId} or k.organization_id = any(${scope}::uuid[]))`;
        const byUser = query.user_id ? sql`and k.user_id = ${query.user_id}` : sql``;
        const rows = await sql<KeyRow[]>`
          select ${sql.unsafe(KEY_COLUMNS)},
                 (u.deleted_at is not null or not u.enabled or o.deleted_at is not null or not o.enabled) as owner_inactive
          from api_keys k join users u on u.id = k.user_id join organizations o on o.id = k.organization_id
          where ${visibility} ${byUser}
          order by k.created_at desc, k.id limit ${page.limit + 1} offset ${page.offset}`;
        return pageOf(rows.map(serializeKey), page);
      },
      {
        permission: "apiKeys.list",
        query: t.Object({ limit: t.Optional(t.String()), offset: t.Optional(t.String()), user_id: t.Optional(t.String({ format: "uuid" })) }),
        detail: { tags: ["api-keys"], summary: "List the API keys you may see" },
      },
    )
    .post(
      "/api-keys",
      async ({ principal, body, ip, requestId, set }) => {
        // A key's own policy overrides its organisation's, so setting one is an admin's decision:
        // otherwise any user could switch scanning off for their own key.
        if (body.security_policy != null && principal.role !== "admin") {
          throw new GatewayError("forbidden", "only admins set a key's security policy", { param: "security_policy" });
        }
        const owner = await ownerOf(ctx, principal, body.user_id);
        const key = generateApiKey();
        const expiresAt = body.expires_at ? parseDate(body.expires_at, "expires_at") : null;
        const [row] = await sql<KeyRow[]>`
          insert into api_keys (key_hash, prefix, name, user_id, organization_id, allowed_models, expires_at, rpm, tpm, daily_quota, monthly_quota, security_policy)
          values (${hashApiKey(key)}, ${displayPrefix(key)}, ${body.name ?? ""}, ${owner.id}, ${owner.organization_id},
                  ${body.allowed_models ? JSON.stringify(body.allowed_models) : null}::text::jsonb, ${expiresAt}, ${body.rpm ?? null}, ${body.tpm ?? null},
                  ${body.daily_quota ?? null}, ${body.monthly_quota ?? null}, ${body.security_policy ?? null})
          returning ${sql.unsafe(KEY_COLUMNS.replaceAll("k.", ""))}`;
        if (!row) throw new GatewayError("internal_error", "key was not stored");
        const serialized = serializeKey(row);
        await recordAudit(sql, { actor: principal, action: "api_key.create", targetType: "api_key", targetId: row.id, organizationId: owner.organization_id, after: serialized, ip, requestId });
        await ctx.keys.reload(row.id);
        set.status = 201;
        return { ...serialized, key };
      },
      { permission: "apiKeys.create", body: createKeyBody, detail: { tags: ["api-keys"], summary: "Create an API key; the plaintext is returned once" } },
    )
    .delete(
      "/api-keys/:id",
      async ({ principal, params, ip, requestId }) => {
        const [existing] = await sql<(KeyRow & { owner_role: Role })[]>`
          select ${sql.unsafe(KEY_COLUMNS)}, u.role as owner_role from api_keys k join users u on u.id = k.user_id where k.id = ${params.id}`;
        if (!existing || !canActForUser(principal, existing.user_id, existing.organization_id)) throw new GatewayError("not_found", "API key not found");
        forbidUnlessActsFor(principal, { id: existing.user_id, organizationId: existing.organization_id, role: existing.owner_role });
        const [row] = await sql<KeyRow[]>`
          update api_keys set revoked_at = coalesce(revoked_at, now()), updated_at = now() where id = ${params.id}
          returning ${sql.unsafe(KEY_COLUMNS.replaceAll("k.", ""))}`;
        if (!row) throw new GatewayError("not_found", "API key not found");
        await recordAudit(sql, { actor: principal, action: "api_key.revoke", targetType: "api_key", targetId: row.id, organizationId: row.organization_id, before: serializeKey(existing), after: serializeKey(row), ip, requestId });
        await ctx.keys.reload(row.id);
        return serializeKey(row);
      },
      { permission: "apiKeys.revoke", params: t.Object({ id: t.String({ format: "uuid" }) }), detail: { tags: ["api-keys"], summary: "Revoke an API key" } },
    );
}
