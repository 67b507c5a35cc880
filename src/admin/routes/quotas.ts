// GET|PUT /quotas — daily/monthly WaddleAI-token quotas and RPM/TPM limits per organisation, user and key.
// Organisation and user limits live in `quotas` (every instance re-reads them on a "quotas" notification);
// a key's live on its api_keys row (the key caches pick them up by updated_at).
//
// Who may do what: admins everything; resource managers read the limits of their managed organisations
// and set those of their users and keys (the organisation's own limit is the admin's ceiling over them);
// everyone reads their own user's and keys' limits. Anything else answers 404, so ids of other
// organisations' users and keys cannot be probed.
import { Elysia, t } from "elysia";
import type { Fragment } from "postgres";
import type { Principal, Role } from "../../auth/principal.ts";
import { recordAudit } from "../../audit.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { utcDay, utcMonth } from "../../limits/windows.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";
import { quotaValue, rateLimitValue } from "../limit-values.ts";
import { canManageOrganization, mayGrant } from "../scope.ts";

type ScopeType = "organization" | "user" | "key";

interface Target {
  scopeType: ScopeType;
  scopeId: string;
  organizationId: string;
  /** The owning user for user and key scopes, and that user's role. */
  userId: string | null;
  userRole: Role | null;
}

interface QuotaRow {
  scope_type: ScopeType;
  scope_id: string;
  organization_id: string;
  user_id: string | null;
  daily_quota: string | null;
  monthly_quota: string | null;
  rpm: number | null;
  tpm: number | null;
  updated_at: Date | null;
  daily_used: string | null;
  monthly_used: string | null;
}

const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

function serializeQuota(row: QuotaRow) {
  return {
    // A quota is its scope's: the id names the scope, so a client can key on it like any object's.
    id: `${row.scope_type}:${row.scope_id}`,
    object: "quota",
    scope_type: row.scope_type,
    scope_id: row.scope_id,
    organization_id: row.organization_id,
    daily_quota: toNumber(row.daily_quota),
    monthly_quota: toNumber(row.monthly_quota),
    rpm: row.rpm,
    tpm: row.tpm,
    // WaddleAI tokens counted this UTC day / month, including reservations of requests in flight.
    daily_used: Number(row.daily_used ?? 0),
    monthly_used: Number(row.monthly_used ?? 0),
    updated_at: row.updated_at?.toISOString() ?? null,
  };
}

function managesTarget(principal: Principal, target: Target): boolean {
  if (principal.role === "admin") return true;
  if (principal.role !== "resource_manager" || !canManageOrganization(principal, target.organizationId)) return false;
  // A user's or key's limits belong to its owner: a resource manager may not lift an admin's (or its own).
  return target.userId === null || target.userRole === null || (target.userId !== principal.userId && mayGrant(principal, target.userRole));
}

/** Readable: the caller's own limits, and everything in the organisations they administer or manage. */
function canRead(principal: Principal, target: Target): boolean {
  if (target.userId !== null && target.userId === principal.userId) return true;
  return principal.role === "admin" || (principal.role === "resource_manager" && canManageOrganization(principal, target.organizationId));
}

const scopeType = t.Union([t.Literal("organization"), t.Literal("user"), t.Literal("key")]);

export function quotaRoutes(ctx: AppContext) {
  const { sql } = ctx.database;

  const resolve = async (type: ScopeType, id: string): Promise<Target | null> => {
    if (type === "organization") {
      const [org] = await sql<{ id: string }[]>`select id from organizations where id = ${id} and deleted_at is null`;
      return org ? { scopeType: type, scopeId: id, organizationId: org.id, userId: null, userRole: null } : null;
    }
    if (type === "user") {
      const [user] = await sql<{ id: string; organization_id: string; role: Role }[]>`select id, organization_id, role from users where id = ${id} and deleted_at is null`;
      return user ? { scopeType: type, scopeId: id, organizationId: user.organization_id, userId: user.id, userRole: user.role } : null;
    }
    const [key] = await sql<{ id: string; organization_id: string; user_id: string; role: Role }[]>`
      select k.id, k.organization_id, k.user_id, u.role from api_keys k join users u on u.id = k.user_id where k.id = ${id} and k.revoked_at is null`;
    return key ? { scopeType: type, scopeId: id, organizationId: key.organization_id, userId: key.user_id, userRole: key.role } : null;
  };

  /** Every configured limit (and, for a named target, that target even with nothing set), with usage. */
  const rows = (filter: Fragment, page: { limit: number; offset: number }) => {
    const now = Date.now();
    const day = new Date(utcDay(now).start);
    const month = new Date(utcMonth(now).start);
    return sql<QuotaRow[]>`
      with limits as (
        select 'organization' as scope_type, o.id as scope_id, o.id as organization_id, null::uuid as user_id,
               q.daily_quota, q.monthly_quota, q.rpm, q.tpm, q.updated_at
        from organizations o left join quotas q on q.scope_type = 'organization' and q.scope_id = o.id
        where o.deleted_at is null
        union all
        select 'user', u.id, u.organization_id, u.id, q.daily_quota, q.monthly_quota, q.rpm, q.tpm, q.updated_at
        from users u left join quotas q on q.scope_type = 'user' and q.scope_id = u.id
        where u.deleted_at is null
        union all
        select 'key', k.id, k.organization_id, k.user_id, k.daily_quota, k.monthly_quota, k.rpm, k.tpm, k.updated_at
        from api_keys k where k.revoked_at is null
      )
      select l.*,
        (select used from limit_counters c where c.counter_key = 'quota:' || l.scope_type || ':' || l.scope_id || ':day' and c.window_start = ${day}) as daily_used,
        (select used from limit_counters c where c.counter_key = 'quota:' || l.scope_type || ':' || l.scope_id || ':month' and c.window_start = ${month}) as monthly_used
      from limits l where ${filter}
      order by l.scope_type, l.scope_id limit ${page.limit + 1} offset ${page.offset}`;
  };

  const visibleTo = (principal: Principal): Fragment => {
    if (principal.role === "admin") return sql`true`;
    const own = sql`l.user_id = ${principal.userId}`;
    if (principal.role !== "resource_manager") return own;
    return sql`(${own} or l.organization_id = any(${principal.managedOrganizationIds}::uuid[]))`;
  };

  const loadOne = async (target: Target) => {
    const filter = sql`l.scope_type = ${target.scopeType} and l.scope_id = ${target.scopeId}`;
    const [row] = await rows(filter, { limit: 1, offset: 0 });
    if (!row) throw new GatewayError("not_found", `${target.scopeType} not found`);
    return serializeQuota(row);
  };

  return new Elysia()
    .use(authPlugin(ctx))
    .get(
      "/quotas",
      async ({ principal, query }) => {
        const page = parsePage(query);
        if (query.scope_id !== undefined) {
          if (query.scope_type === undefined) throw new GatewayError("invalid_request_error", "scope_id needs scope_type", { param: "scope_type" });
          const target = await resolve(query.scope_type, query.scope_id);
          if (!target || !canRead(principal, target)) throw new GatewayError("not_found", `${query.scope_type} not found`);
          return { data: [await loadOne(target)], has_more: false, next_offset: null };
        }
        // Without a target: only scopes that set something.
        const configured = sql`(l.daily_quota is not null or l.monthly_quota is not null or l.rpm is not null or l.tpm is not null)`;
        const byType = query.scope_type ? sql`and l.scope_type = ${query.scope_type}` : sql``;
        const found = await rows(sql`${configured} and ${visibleTo(principal)} ${byType}`, page);
        return pageOf(found.map(serializeQuota), page);
      },
      {
        permission: "quotas.read",
        query: t.Object({
          limit: t.Optional(t.String()),
          offset: t.Optional(t.String()),
          scope_type: t.Optional(scopeType),
          scope_id: t.Optional(t.String({ format: "uuid" })),
        }),
        detail: { tags: ["quotas"], summary: "Quotas and rate limits you may see, with this UTC day's and month's usage" },
      },
    )
    .put(
      "/quotas",
      async ({ principal, body, ip, requestId }) => {
        const target = await resolve(body.scope_type, body.scope_id);
        // Not even readable: do not reveal that it exists.
        if (!target || !canRead(principal, target)) throw new GatewayError("not_found", `${body.scope_type} not found`);
        if (!managesTarget(principal, target)) throw new GatewayError("forbidden", "you may not change these limits");
        if (target.scopeType === "organization" && principal.role !== "admin") {
          throw new GatewayError("forbidden", "only admins set an organization's own limits");
        }
        const before = await loadOne(target);
        const pick = (field: "daily_quota" | "monthly_quota" | "rpm" | "tpm") => (body[field] === undefined ? before[field] : body[field]);
        const next = { daily: pick("daily_quota"), monthly: pick("monthly_quota"), rpm: pick("rpm"), tpm: pick("tpm") };
        if (target.scopeType === "key") {
          await sql`
            update api_keys set daily_quota = ${next.daily}, monthly_quota = ${next.monthly}, rpm = ${next.rpm}, tpm = ${next.tpm}, updated_at = now()
            where id = ${target.scopeId}`;
          await ctx.keys.reload(target.scopeId);
        } else if (next.daily === null && next.monthly === null && next.rpm === null && next.tpm === null) {
          await sql`delete from quotas where scope_type = ${target.scopeType} and scope_id = ${target.scopeId}`;
          await ctx.configChanged("quotas");
        } else {
          await sql`
            insert into quotas (scope_type, scope_id, daily_quota, monthly_quota, rpm, tpm)
            values (${target.scopeType}, ${target.scopeId}, ${next.daily}, ${next.monthly}, ${next.rpm}, ${next.tpm})
            on conflict (scope_type, scope_id) do update set daily_quota = excluded.daily_quota, monthly_quota = excluded.monthly_quota,
              rpm = excluded.rpm, tpm = excluded.tpm, updated_at = now()`;
          await ctx.configChanged("quotas");
        }
        const after = await loadOne(target);
        await recordAudit(sql, {
          actor: principal, action: "quota.update", targetType: target.scopeType, targetId: target.scopeId,
          organizationId: target.organizationId, before, after, ip, requestId,
        });
        return after;
      },
      {
        permission: "quotas.write",
        body: t.Object({
          scope_type: scopeType,
          scope_id: t.String({ format: "uuid" }),
          daily_quota: quotaValue,
          monthly_quota: quotaValue,
          rpm: rateLimitValue,
          tpm: rateLimitValue,
        }),
        detail: { tags: ["quotas"], summary: "Set quotas (WaddleAI tokens per UTC day/month) and RPM/TPM; null removes a limit" },
      },
    );
}
