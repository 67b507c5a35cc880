// GET /audit — the audit log of management changes, newest first, for admins.
import { Elysia, t } from "elysia";
import type { AppContext } from "../../context.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";

interface AuditRow {
  id: string;
  actor_user_id: string | null;
  actor_key_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  organization_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
  created_at: Date;
}

function serializeAudit(row: AuditRow) {
  return {
    id: Number(row.id),
    object: "audit_entry",
    actor_user_id: row.actor_user_id,
    actor_key_id: row.actor_key_id,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    organization_id: row.organization_id,
    before: row.before,
    after: row.after,
    ip: row.ip,
    request_id: row.request_id,
    created_at: row.created_at.toISOString(),
  };
}

export function auditRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  return new Elysia().use(authPlugin(ctx)).get(
    "/audit",
    async ({ query }) => {
      const page = parsePage(query);
      const byAction = query.action ? sql`and action = ${query.action}` : sql``;
      const byType = query.target_type ? sql`and target_type = ${query.target_type}` : sql``;
      const byTarget = query.target_id ? sql`and target_id = ${query.target_id}` : sql``;
      const byActor = query.actor_user_id ? sql`and actor_user_id = ${query.actor_user_id}` : sql``;
      const rows = await sql<AuditRow[]>`
        select id, actor_user_id, actor_key_id, action, target_type, target_id, organization_id, before, after, ip, request_id, created_at
        from audit_log where true ${byAction} ${byType} ${byTarget} ${byActor}
        order by id desc limit ${page.limit + 1} offset ${page.offset}`;
      return pageOf(rows.map(serializeAudit), page);
    },
    {
      permission: "audit.read",
      query: t.Object({
        limit: t.Optional(t.String()),
        offset: t.Optional(t.String()),
        action: t.Optional(t.String({ maxLength: 100 })),
        target_type: t.Optional(t.String({ maxLength: 100 })),
        target_id: t.Optional(t.String({ maxLength: 200 })),
        actor_user_id: t.Optional(t.String({ format: "uuid" })),
      }),
      detail: { tags: ["audit"], summary: "Audit log of management changes (secrets redacted), newest first" },
    },
  );
}
