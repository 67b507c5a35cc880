// GET /security/events — blocked and flagged prompts, newest first; admins see all, managers and
// reporters those of the organisations they manage.
import { Elysia, t } from "elysia";
import type { AppContext } from "../../context.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";
import { scopedOrganizationIds } from "../scope.ts";
import { parseWindow } from "./analytics.ts";

interface EventRow {
  id: string;
  request_id: string;
  category: string;
  action: string;
  score: number;
  rules: string[];
  policy: string;
  key_id: string | null;
  user_id: string | null;
  organization_id: string | null;
  model: string | null;
  endpoint: string | null;
  excerpt: string;
  created_at: Date;
}

export function securityEventRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  return new Elysia().use(authPlugin(ctx)).get(
    "/security/events",
    async ({ principal, query }) => {
      const page = parsePage(query);
      const window = parseWindow(query.from, query.to);
      const scope = scopedOrganizationIds(principal);
      const visible = scope === null ? sql`true` : sql`organization_id = any(${scope}::uuid[])`;
      const byCategory = query.category ? sql`and category = ${query.category}` : sql``;
      const byAction = query.action ? sql`and action = ${query.action}` : sql``;
      const byRequest = query.request_id ? sql`and request_id = ${query.request_id}` : sql``;
      const rows = await sql<EventRow[]>`
        select id, request_id, category, action, score, rules, policy, key_id, user_id, organization_id, model, endpoint, excerpt, created_at
        from security_events
        where ${visible} and created_at >= ${window.from} and created_at < ${window.to} ${byCategory} ${byAction} ${byRequest}
        order by id desc limit ${page.limit + 1} offset ${page.offset}`;
      return pageOf(
        rows.map((row) => ({ ...row, id: Number(row.id), object: "security_event", created_at: row.created_at.toISOString() })),
        page,
      );
    },
    {
      permission: "security.read",
      query: t.Object({
        limit: t.Optional(t.String()),
        offset: t.Optional(t.String()),
        from: t.Optional(t.String()),
        to: t.Optional(t.String()),
        category: t.Optional(t.String({ maxLength: 50 })),
        action: t.Optional(t.Union([t.Literal("block"), t.Literal("flag")])),
        request_id: t.Optional(t.String({ maxLength: 200 })),
      }),
      detail: { tags: ["security"], summary: "Blocked and flagged prompts (excerpts redacted)" },
    },
  );
}
