// GET|POST /organizations, GET|PATCH|DELETE /organizations/:id.
import { Elysia, t } from "elysia";
import { recordAudit } from "../../audit.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";
import { canManageOrganization, scopedOrganizationIds } from "../scope.ts";

interface OrganizationRow {
  id: string;
  name: string;
  enabled: boolean;
  security_policy: string | null;
  created_at: Date;
  updated_at: Date;
}

export function serializeOrganization(row: OrganizationRow) {
  return {
    id: row.id,
    object: "organization",
    name: row.name,
    enabled: row.enabled,
    security_policy: row.security_policy,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const policy = t.Union([t.Literal("strict"), t.Literal("balanced"), t.Literal("permissive"), t.Literal("off"), t.Null()]);

export function organizationRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  const idParams = t.Object({ id: t.String({ format: "uuid" }) });
  const columns = sql.unsafe("id, name, enabled, security_policy, created_at, updated_at");
  const loadVisible = async (id: string, principal: Parameters<typeof canManageOrganization>[0]) => {
    const [row] = await sql<OrganizationRow[]>`select ${columns} from organizations where id = ${id} and deleted_at is null`;
    if (!row || !canManageOrganization(principal, row.id)) throw new GatewayError("not_found", "organization not found");
    return row;
  };
  return new Elysia()
    .use(authPlugin(ctx))
    .get(
      "/organizations",
      async ({ principal, query }) => {
        const page = parsePage(query);
        const scope = scopedOrganizationIds(principal);
        const visible = scope === null ? sql`true` : sql`id = any(${scope}::uuid[])`;
        const rows = await sql<OrganizationRow[]>`
          select ${columns} from organizations where deleted_at is null and ${visible}
          order by name limit ${page.limit + 1} offset ${page.offset}`;
        return pageOf(rows.map(serializeOrganization), page);
      },
      { permission: "organizations.list", detail: { tags: ["organizations"], summary: "List organisations you may see" } },
    )
    .get("/organizations/:id", async ({ principal, params }) => serializeOrganization(await loadVisible(params.id, principal)), {
      permission: "organizations.read",
      params: idParams,
      detail: { tags: ["organizations"], summary: "One organisation" },
    })
    .post(
      "/organizations",
      async ({ principal, body, ip, requestId, set }) => {
        const [row] = await sql<OrganizationRow[]>`
          insert into organizations (name, enabled, security_policy)
          values (${body.name}, ${body.enabled ?? true}, ${body.security_policy ?? null})
          on conflict (name) do nothing returning ${columns}`;
        if (!row) throw new GatewayError("conflict", `an organization named "${body.name}" already exists`, { param: "name" });
        const serialized = serializeOrganization(row);
        await recordAudit(sql, { actor: principal, action: "organization.create", targetType: "organization", targetId: row.id, organizationId: row.id, after: serialized, ip, requestId });
        set.status = 201;
        return serialized;
      },
      {
        permission: "organizations.write",
        body: t.Object({ name: t.String({ minLength: 1, maxLength: 200 }), enabled: t.Optional(t.Boolean()), security_policy: t.Optional(policy) }),
        detail: { tags: ["organizations"], summary: "Create an organisation" },
      },
    )
    .patch(
      "/organizations/:id",
      async ({ principal, params, body, ip, requestId }) => {
        const before = await loadVisible(params.id, principal);
        const [row] = await sql<OrganizationRow[]>`
          update organizations set name = ${body.name ?? before.name}, enabled = ${body.enabled ?? before.enabled},
            security_policy = ${body.security_policy === undefined ? before.security_policy : body.security_policy}, updated_at = now()
          where id = ${params.id} returning ${columns}`;
        if (!row) throw new GatewayError("not_found", "organization not found");
        const serialized = serializeOrganization(row);
        await recordAudit(sql, { actor: principal, action: "organization.update", targetType: "organization", targetId: row.id, organizationId: row.id, before: serializeOrganization(before), after: serialized, ip, requestId });
        await ctx.keys.refresh();
        return serialized;
      },
      {
        permission: "organizations.write",
        params: idParams,
        body: t.Object({ name: t.Optional(t.String({ minLength: 1, maxLength: 200 })), enabled: t.Optional(t.Boolean()), security_policy: t.Optional(policy) }),
        detail: { tags: ["organizations"], summary: "Change an organisation (disabling it disables its keys)" },
      },
    )
    .delete(
      "/organizations/:id",
      async ({ principal, params, ip, requestId }) => {
        const before = await loadVisible(params.id, principal);
        if (before.id === principal.organizationId) throw new GatewayError("invalid_request_error", "you cannot delete your own organization");
        // Soft delete: usage and audit history keep pointing at it; its users and keys stop working.
        await sql.begin(async (tx) => {
          await tx`update organizations set deleted_at = now(), enabled = false, name = name || ' (deleted ' || id || ')', updated_at = now() where id = ${params.id}`;
          await tx`update users set enabled = false, deleted_at = coalesce(deleted_at, now()), updated_at = now() where organization_id = ${params.id}`;
        });
        await recordAudit(sql, { actor: principal, action: "organization.delete", targetType: "organization", targetId: params.id, organizationId: params.id, before: serializeOrganization(before), ip, requestId });
        await ctx.keys.refresh();
        return { id: params.id, object: "organization", deleted: true };
      },
      { permission: "organizations.write", params: idParams, detail: { tags: ["organizations"], summary: "Delete an organisation and disable its users and keys" } },
    );
}
