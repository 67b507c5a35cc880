// Routing configuration on the management API: model aliases (GET|PUT|POST /config/aliases,
// DELETE /config/aliases/:alias), strategies and the request deadline (GET|PUT /config/routing), and the
// live health of every link as this instance sees it (GET /config/links/health).
import { Elysia, t } from "elysia";
import { recordAudit } from "../../audit.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { DEFAULT_SETTINGS, GLOBAL_MODEL } from "../../routing/routing-config.ts";
import type { Router } from "../../routing/router.ts";
import {
  type AliasRow,
  deleteAlias,
  listAliases,
  listStrategies,
  saveAliases,
  saveRequestDeadline,
  saveStrategies,
  unknownLinkIds,
} from "../../routing/routing-store.ts";
import { DEFAULT_STRATEGY, STRATEGIES } from "../../routing/strategies.ts";
import { authPlugin } from "../auth-plugin.ts";

const modelName = t.String({ minLength: 1, maxLength: 200 });
const strategyName = t.Union(STRATEGIES.map((name) => t.Literal(name)));

const aliasBody = t.Object({
  alias: modelName,
  target_model: modelName,
  link_id: t.Optional(t.Union([t.String({ format: "uuid", description: "pin the alias to this link" }), t.Null()])),
});

function serializeAlias(row: AliasRow) {
  return {
    object: "model_alias",
    alias: row.alias,
    target_model: row.target_model,
    link_id: row.link_id,
    link_name: row.link_name,
    updated_at: row.updated_at.toISOString(),
  };
}

function isoOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}

export function routingRoutes(ctx: AppContext, router: Router) {
  const { sql } = ctx.database;

  const aliasListing = async () => ({ data: (await listAliases(sql)).map(serializeAlias) });
  const checkLinks = async (ids: (string | null | undefined)[]) => {
    const missing = await unknownLinkIds(
      sql,
      ids.filter((id): id is string => typeof id === "string"),
    );
    if (missing.length > 0)
      throw new GatewayError("invalid_request_error", `no provider link with id ${missing.join(", ")}`, { param: "link_id" });
  };
  const routingListing = async () => {
    const rows = await listStrategies(sql);
    return {
      default_strategy: DEFAULT_STRATEGY,
      global_strategy: rows.find((row) => row.model === GLOBAL_MODEL)?.strategy ?? null,
      strategies: rows.filter((row) => row.model !== GLOBAL_MODEL).map((row) => ({ model: row.model, strategy: row.strategy })),
      request_deadline_ms: router.settings.requestDeadlineMs,
      available_strategies: [...STRATEGIES],
    };
  };

  return new Elysia()
    .use(authPlugin(ctx))
    .get("/config/aliases", aliasListing, { permission: "routing.read", detail: { tags: ["routing"], summary: "List model aliases" } })
    .put(
      "/config/aliases",
      async ({ body, principal, ip, requestId }) => {
        await checkLinks(body.aliases.map((alias) => alias.link_id));
        const before = await aliasListing();
        await saveAliases(
          sql,
          body.aliases.map((alias) => ({ alias: alias.alias, targetModel: alias.target_model, linkId: alias.link_id ?? null })),
          body.replace ?? false,
        );
        await ctx.configChanged("routing");
        const after = await aliasListing();
        await recordAudit(sql, {
          actor: principal,
          action: "aliases.update",
          targetType: "model_alias",
          targetId: null,
          before,
          after,
          ip,
          requestId,
        });
        return after;
      },
      {
        permission: "routing.write",
        body: t.Object({
          aliases: t.Array(aliasBody, { maxItems: 10_000 }),
          replace: t.Optional(t.Boolean({ description: "delete aliases not listed (default: upsert only)" })),
        }),
        detail: { tags: ["routing"], summary: "Set model aliases (upsert; replace:true replaces the table)" },
      },
    )
    .post(
      "/config/aliases",
      async ({ body, principal, ip, requestId, set }) => {
        await checkLinks([body.link_id]);
        const existing = (await listAliases(sql)).find((row) => row.alias === body.alias);
        if (existing)
          throw new GatewayError("conflict", `alias "${body.alias}" already exists; use PUT /config/aliases to change it`, {
            param: "alias",
          });
        await saveAliases(sql, [{ alias: body.alias, targetModel: body.target_model, linkId: body.link_id ?? null }], false);
        await ctx.configChanged("routing");
        const row = (await listAliases(sql)).find((candidate) => candidate.alias === body.alias);
        if (!row) throw new GatewayError("internal_error", "alias was not stored");
        const created = serializeAlias(row);
        await recordAudit(sql, {
          actor: principal,
          action: "alias.create",
          targetType: "model_alias",
          targetId: body.alias,
          after: created,
          ip,
          requestId,
        });
        set.status = 201;
        return created;
      },
      { permission: "routing.write", body: aliasBody, detail: { tags: ["routing"], summary: "Create a model alias" } },
    )
    .delete(
      "/config/aliases/:alias",
      async ({ params, principal, ip, requestId }) => {
        const before = (await listAliases(sql)).find((row) => row.alias === params.alias);
        if (!before || !(await deleteAlias(sql, params.alias))) throw new GatewayError("not_found", "alias not found");
        await ctx.configChanged("routing");
        await recordAudit(sql, {
          actor: principal,
          action: "alias.delete",
          targetType: "model_alias",
          targetId: params.alias,
          before: serializeAlias(before),
          ip,
          requestId,
        });
        return { object: "model_alias", alias: params.alias, deleted: true };
      },
      {
        permission: "routing.write",
        params: t.Object({ alias: modelName }),
        detail: { tags: ["routing"], summary: "Delete a model alias" },
      },
    )
    .get("/config/routing", routingListing, {
      permission: "routing.read",
      detail: { tags: ["routing"], summary: "Routing strategies and deadline" },
    })
    .put(
      "/config/routing",
      async ({ body, principal, ip, requestId }) => {
        const before = await routingListing();
        const entries = (body.strategies ?? []).map((entry) => ({ model: entry.model, strategy: entry.strategy }));
        if (body.global_strategy !== undefined) entries.push({ model: GLOBAL_MODEL, strategy: body.global_strategy });
        if (entries.length > 0 || body.replace) await saveStrategies(sql, entries, body.replace ?? false);
        if (body.request_deadline_ms !== undefined) await saveRequestDeadline(sql, body.request_deadline_ms);
        await ctx.configChanged("routing");
        const after = await routingListing();
        await recordAudit(sql, {
          actor: principal,
          action: "routing.update",
          targetType: "routing_strategy",
          targetId: null,
          before,
          after,
          ip,
          requestId,
        });
        return after;
      },
      {
        permission: "routing.write",
        body: t.Object({
          global_strategy: t.Optional(t.Union([strategyName, t.Null()], { description: "for models without their own; null = default" })),
          strategies: t.Optional(
            t.Array(
              t.Object({
                model: modelName,
                strategy: t.Union([strategyName, t.Null()], { description: "null removes the model's own strategy" }),
              }),
              {
                maxItems: 10_000,
              },
            ),
          ),
          replace: t.Optional(t.Boolean({ description: "remove per-model strategies not listed (default: upsert only)" })),
          request_deadline_ms: t.Optional(
            t.Union([t.Integer({ minimum: 100, maximum: 3_600_000 }), t.Null()], {
              description: `longest time a request may spend trying links; null = default ${DEFAULT_SETTINGS.requestDeadlineMs}`,
            }),
          ),
        }),
        detail: { tags: ["routing"], summary: "Set routing strategies (per model and global) and the request deadline" },
      },
    )
    .get(
      "/config/links/health",
      () => ({
        data: router.health().map(({ link, health }) => ({
          id: link.config.id,
          name: link.config.name,
          provider: link.config.provider,
          state: health.state,
          consecutive_failures: health.consecutiveFailures,
          in_flight: health.inFlight,
          ewma_latency_ms: health.ewmaLatencyMs,
          recent_failure_rate: health.recentFailureRate,
          last_error: health.lastError,
          last_error_at: isoOrNull(health.lastErrorAt),
          last_success_at: isoOrNull(health.lastSuccessAt),
          opened_at: isoOrNull(health.openedAt),
          resting_until: isoOrNull(health.restingUntil),
        })),
      }),
      { permission: "routing.read", detail: { tags: ["routing"], summary: "Live health of every enabled link (this instance)" } },
    );
}
