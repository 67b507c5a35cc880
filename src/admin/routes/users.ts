// GET|POST /users, GET|PATCH|DELETE /users/:id.
import { Elysia, t } from "elysia";
import { hashPassword } from "../../auth/passwords.ts";
import type { Principal, Role } from "../../auth/principal.ts";
import { recordAudit } from "../../audit.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";
import { canActForUser, canManageOrganization, mayGrant, scopedOrganizationIds } from "../scope.ts";

interface UserRow {
  id: string;
  username: string;
  email: string | null;
  role: Role;
  organization_id: string;
  enabled: boolean;
  managed: string[] | null;
  created_at: Date;
  updated_at: Date;
}

export function serializeUser(row: UserRow) {
  return {
    id: row.id,
    object: "user",
    username: row.username,
    email: row.email,
    role: row.role,
    organization_id: row.organization_id,
    managed_organization_ids: row.managed ?? [],
    enabled: row.enabled,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const role = t.Union([t.Literal("admin"), t.Literal("resource_manager"), t.Literal("reporter"), t.Literal("user")]);
const managedIds = t.Array(t.String({ format: "uuid" }), { maxItems: 1000 });

/** Roles a principal may hand out: managers may create reporters and users, never their equals or admins. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

export function userRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  const idParams = t.Object({ id: t.String({ format: "uuid" }) });
  const select = sql.unsafe(`
    select u.id, u.username, u.email, u.role, u.organization_id, u.enabled, u.created_at, u.updated_at,
           (select array_agg(m.organization_id) from managed_organizations m where m.user_id = u.id) as managed
    from users u`);
  const load = async (id: string) => {
    const [row] = await sql<UserRow[]>`${select} where u.id = ${id} and u.deleted_at is null`;
    return row ?? null;
  };
  const checkOrganizations = async (principal: Principal, organizationIds: string[]) => {
    for (const organizationId of organizationIds) {
      const [org] = await sql<{ id: string }[]>`select id from organizations where id = ${organizationId} and deleted_at is null`;
      if (!org || !canManageOrganization(principal, organizationId)) {
        throw new GatewayError("not_found", `organization ${organizationId} not found`, { param: "organization_id" });
      }
    }
  };
  return new Elysia()
    .use(authPlugin(ctx))
    .get(
      "/users",
      async ({ principal, query }) => {
        const page = parsePage(query);
        const scope = scopedOrganizationIds(principal);
        const visible = scope === null ? sql`true` : sql`u.organization_id = any(${scope}::uuid[])`;
        const byOrg = query.organization_id ? sql`and u.organization_id = ${query.organization_id}` : sql``;
        const rows = await sql<UserRow[]>`${select} where u.deleted_at is null and ${visible} ${byOrg}
          order by u.username limit ${page.limit + 1} offset ${page.offset}`;
        return pageOf(rows.map(serializeUser), page);
      },
      {
        permission: "users.list",
        query: t.Object({ limit: t.Optional(t.String()), offset: t.Optional(t.String()), organization_id: t.Optional(t.String({ format: "uuid" })) }),
        detail: { tags: ["users"], summary: "List users of the organisations you manage" },
      },
    )
    .get(
      "/users/:id",
      async ({ principal, params }) => {
        const row = await load(params.id);
        // Reporters read analytics, not people: like users, they see only themselves here.
        if (!row || !canActForUser(principal, row.id, row.organization_id)) throw new GatewayError("not_found", "user not found");
        return serializeUser(row);
      },
      { permission: "users.read", params: idParams, detail: { tags: ["users"], summary: "One user" } },
    )
    .post(
      "/users",
      async ({ principal, body, ip, requestId, set }) => {
        const targetRole = body.role ?? "user";
        const organizationId = body.organization_id ?? principal.organizationId;
        await checkOrganizations(principal, [organizationId]);
        if (!mayGrant(principal, targetRole)) throw new GatewayError("forbidden", `your role may not create ${targetRole} users`, { param: "role" });
        const managed = body.managed_organization_ids ?? (targetRole === "resource_manager" || targetRole === "reporter" ? [organizationId] : []);
        await checkOrganizations(principal, managed);
        const passwordHash = body.password ? await hashPassword(body.password) : null;
        let id: string;
        try {
          id = await sql.begin(async (tx) => {
            const [created] = await tx<{ id: string }[]>`
              insert into users (username, email, password_hash, role, organization_id, enabled)
              values (${body.username}, ${body.email ?? null}, ${passwordHash}, ${targetRole}, ${organizationId}, ${body.enabled ?? true})
              returning id`;
            if (!created) throw new GatewayError("internal_error", "user was not stored");
            for (const managedId of managed) {
              await tx`insert into managed_organizations (user_id, organization_id) values (${created.id}, ${managedId}) on conflict do nothing`;
            }
            return created.id;
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new GatewayError("conflict", `a user named "${body.username}" already exists`, { param: "username" });
          throw error;
        }
        const row = await load(id);
        if (!row) throw new GatewayError("internal_error", "user was not stored");
        const serialized = serializeUser(row);
        await recordAudit(sql, { actor: principal, action: "user.create", targetType: "user", targetId: id, organizationId, after: serialized, ip, requestId });
        set.status = 201;
        return serialized;
      },
      {
        permission: "users.write",
        body: t.Object({
          username: t.String({ minLength: 1, maxLength: 200 }),
          email: t.Optional(t.Union([t.String({ maxLength: 320 }), t.Null()])),
          password: t.Optional(t.String({ minLength: 8, maxLength: 1000 })),
          role: t.Optional(role),
          organization_id: t.Optional(t.String({ format: "uuid" })),
          managed_organization_ids: t.Optional(managedIds),
          enabled: t.Optional(t.Boolean()),
        }),
        detail: { tags: ["users"], summary: "Create a user" },
      },
    )
    .patch(
      "/users/:id",
      async ({ principal, params, body, ip, requestId }) => {
        const before = await load(params.id);
        const self = before?.id === principal.userId;
        const manages = before !== null && principal.role !== "reporter" && principal.role !== "user" && canManageOrganization(principal, before.organization_id);
        if (!before || (!self && !manages)) throw new GatewayError("not_found", "user not found");
        const administrative = body.role !== undefined || body.organization_id !== undefined || body.managed_organization_ids !== undefined || body.enabled !== undefined || body.username !== undefined;
        if (administrative && !manages) throw new GatewayError("forbidden", "you may change only your own email and password");
        // A manager may change users below them; anyone may change their own email and password.
        if (manages && !(self && !administrative) && principal.role !== "admin" && !mayGrant(principal, before.role)) {
          throw new GatewayError("forbidden", "you may not change this user");
        }
        if (body.role !== undefined && !mayGrant(principal, body.role)) throw new GatewayError("forbidden", `your role may not grant ${body.role}`, { param: "role" });
        if (body.organization_id !== undefined) await checkOrganizations(principal, [body.organization_id]);
        if (body.managed_organization_ids !== undefined) await checkOrganizations(principal, body.managed_organization_ids);
        const passwordHash = body.password ? await hashPassword(body.password) : null;
        const endsSessions = passwordHash !== null || (body.enabled === false && before.enabled);
        try {
          await sql.begin(async (tx) => {
            await tx`
              update users set username = ${body.username ?? before.username}, email = ${body.email === undefined ? before.email : body.email},
                role = ${body.role ?? before.role}, organization_id = ${body.organization_id ?? before.organization_id},
                enabled = ${body.enabled ?? before.enabled}, password_hash = coalesce(${passwordHash}, password_hash), updated_at = now(),
                -- A new password or a disabled account ends every session signed in before (to the second,
                -- the tokens' own resolution); re-enabling does not bring them back.
                sessions_valid_after = case when ${endsSessions}::boolean then date_trunc('second', now()) else sessions_valid_after end
              where id = ${params.id}`;
            if (body.managed_organization_ids !== undefined) {
              await tx`delete from managed_organizations where user_id = ${params.id}`;
              for (const managedId of body.managed_organization_ids) {
                await tx`insert into managed_organizations (user_id, organization_id) values (${params.id}, ${managedId})`;
              }
            }
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new GatewayError("conflict", "a user with that username already exists", { param: "username" });
          throw error;
        }
        const row = await load(params.id);
        if (!row) throw new GatewayError("not_found", "user not found");
        const serialized = serializeUser(row);
        await recordAudit(sql, { actor: principal, action: "user.update", targetType: "user", targetId: row.id, organizationId: row.organization_id, before: serializeUser(before), after: { ...serialized, ...(body.password ? { password: "changed" } : {}) }, ip, requestId });
        await ctx.keys.refresh();
        return serialized;
      },
      {
        permission: "users.update",
        params: idParams,
        body: t.Object({
          username: t.Optional(t.String({ minLength: 1, maxLength: 200 })),
          email: t.Optional(t.Union([t.String({ maxLength: 320 }), t.Null()])),
          password: t.Optional(t.String({ minLength: 8, maxLength: 1000 })),
          role: t.Optional(role),
          organization_id: t.Optional(t.String({ format: "uuid" })),
          managed_organization_ids: t.Optional(managedIds),
          enabled: t.Optional(t.Boolean()),
        }),
        detail: { tags: ["users"], summary: "Change a user (users may change their own email and password)" },
      },
    )
    .delete(
      "/users/:id",
      async ({ principal, params, ip, requestId }) => {
        const before = await load(params.id);
        if (!before || !canManageOrganization(principal, before.organization_id)) throw new GatewayError("not_found", "user not found");
        if (before.id === principal.userId) throw new GatewayError("invalid_request_error", "you cannot delete yourself");
        if (principal.role !== "admin" && !mayGrant(principal, before.role)) throw new GatewayError("forbidden", "you may not delete this user");
        await sql`update users set deleted_at = now(), enabled = false, username = username || ' (deleted ' || id || ')', updated_at = now() where id = ${params.id}`;
        await recordAudit(sql, { actor: principal, action: "user.delete", targetType: "user", targetId: params.id, organizationId: before.organization_id, before: serializeUser(before), ip, requestId });
        await ctx.keys.refresh();
        return { id: params.id, object: "user", deleted: true };
      },
      { permission: "users.write", params: idParams, detail: { tags: ["users"], summary: "Delete a user and disable their keys" } },
    );
}
