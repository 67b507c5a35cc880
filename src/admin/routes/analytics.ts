// GET /analytics/usage?from&to&group_by=day|model|user|organization|key — usage totals, scoped to the caller,
// read from the hourly `usage_rollups` (maintained in the usage writer's transaction, so totals equal the
// events exactly and stay fast with millions of events). GET /usage/events — the raw events, kept for
// USAGE_RETENTION_DAYS.
import { Elysia, t } from "elysia";
import type { Principal } from "../../auth/principal.ts";
import type { AppContext } from "../../context.ts";
import { parseDate } from "../dates.ts";
import { GatewayError } from "../../errors.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";
import { scopedOrganizationIds } from "../scope.ts";

export const GROUPS = {
  day: { column: "to_char(hour at time zone 'UTC', 'YYYY-MM-DD')", field: "day" },
  model: { column: "model", field: "model" },
  user: { column: "user_id::text", field: "user_id" },
  organization: { column: "organization_id::text", field: "organization_id" },
  key: { column: "key_id::text", field: "key_id" },
} as const;
export type GroupBy = keyof typeof GROUPS;

export interface UsageWindow {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Rollups are hourly: a window is widened to whole hours (from rounded down, to rounded up). */
export function hourAligned(window: UsageWindow): UsageWindow {
  const from = window.from.getTime();
  const to = window.to.getTime();
  return { from: new Date(from - (from % HOUR_MS)), to: new Date(to % HOUR_MS === 0 ? to : to - (to % HOUR_MS) + HOUR_MS) };
}

/** `from`/`to` as ISO dates (inclusive days) or timestamps; default the last 30 days. */
export function parseWindow(from: string | undefined, to: string | undefined): UsageWindow {
  const parse = (value: string, name: string, endOfDay: boolean) => {
    const parsed = parseDate(value, name);
    return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(parsed.getTime() + DAY_MS) : parsed;
  };
  const end = to ? parse(to, "to", true) : new Date();
  const start = from ? parse(from, "from", false) : new Date(end.getTime() - 30 * DAY_MS);
  if (start > end) throw new GatewayError("invalid_request_error", "from must not be after to", { param: "from" });
  return { from: start, to: end };
}

export function analyticsRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  const scopeFilter = (principal: Principal) => {
    const scope = scopedOrganizationIds(principal);
    if (scope === null) return sql`true`;
    // Users see their own usage; managers and reporters their organisations' (and their own).
    return scope.length === 0 ? sql`user_id = ${principal.userId}` : sql`(organization_id = any(${scope}::uuid[]) or user_id = ${principal.userId})`;
  };
  return new Elysia()
    .use(authPlugin(ctx))
    .get(
      "/usage/events",
      async ({ principal, query }) => {
        const page = parsePage(query);
        const byRequest = query.request_id ? sql`and request_id = ${query.request_id}` : sql``;
        const byKey = query.key_id ? sql`and key_id = ${query.key_id}` : sql``;
        const rows = await sql<Record<string, unknown>[]>`
          select request_id, key_id, user_id, organization_id, link_id, provider, model, endpoint, prompt_tokens,
                 completion_tokens, cached_tokens, cache_write_tokens, reasoning_tokens, waddleai_tokens, estimated,
                 status, latency_ms, ttft_ms, bytes_in, bytes_out, created_at
          from usage_events where ${scopeFilter(principal)} ${byRequest} ${byKey}
          order by id desc limit ${page.limit + 1} offset ${page.offset}`;
        return pageOf(rows, page);
      },
      {
        permission: "analytics.read",
        query: t.Object({ limit: t.Optional(t.String()), offset: t.Optional(t.String()), request_id: t.Optional(t.String({ maxLength: 200 })), key_id: t.Optional(t.String({ format: "uuid" })) }),
        detail: { tags: ["analytics"], summary: "Raw usage events, newest first, scoped to the caller" },
      },
    )
    .get(
    "/analytics/usage",
    async ({ principal, query }) => {
      const window = hourAligned(parseWindow(query.from, query.to));
      const group = GROUPS[(query.group_by ?? "day") as GroupBy];
      const rows = await sql<{ group_value: string | null; requests: string; prompt_tokens: string; completion_tokens: string; waddleai_tokens: string }[]>`
        select ${sql.unsafe(group.column)} as group_value, coalesce(sum(requests), 0) as requests,
               coalesce(sum(prompt_tokens), 0) as prompt_tokens, coalesce(sum(completion_tokens), 0) as completion_tokens,
               coalesce(sum(waddleai_tokens), 0) as waddleai_tokens
        from usage_rollups
        where hour >= ${window.from} and hour < ${window.to} and ${scopeFilter(principal)}
        group by 1 order by 1`;
      return {
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        group_by: group.field === "day" ? "day" : query.group_by,
        data: rows.map((row) => ({
          [group.field]: row.group_value,
          requests: Number(row.requests),
          prompt_tokens: Number(row.prompt_tokens),
          completion_tokens: Number(row.completion_tokens),
          total_tokens: Number(row.prompt_tokens) + Number(row.completion_tokens),
          waddleai_tokens: Number(row.waddleai_tokens),
        })),
      };
    },
    {
      permission: "analytics.read",
      query: t.Object({
        from: t.Optional(t.String()),
        to: t.Optional(t.String()),
        group_by: t.Optional(t.Union([t.Literal("day"), t.Literal("model"), t.Literal("user"), t.Literal("organization"), t.Literal("key")])),
      }),
      detail: { tags: ["analytics"], summary: "Usage totals grouped by day, model, user, organization or key" },
    },
  );
}
