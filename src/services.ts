// The long-lived parts that come with routes and need stopping (usage writer, caches, metrics), built
// once at start. Each subsystem registers here, keeping server.ts about boot order only.
import { type AnyElysia, Elysia } from "elysia";
import { analyticsRoutes } from "./admin/routes/analytics.ts";
import { auditRoutes } from "./admin/routes/audit.ts";
import { quotaRoutes } from "./admin/routes/quotas.ts";
import { buildLimits } from "./limits/index.ts";
import { rateRoutes } from "./admin/routes/rates.ts";
import { routingRoutes } from "./admin/routes/routing.ts";
import { securityEventRoutes } from "./admin/routes/security-events.ts";
import type { ConfigBus } from "./config-bus.ts";
import type { AppContext } from "./context.ts";
import { requestInfo } from "./http/request-context.ts";
import { createMetrics, type Metrics } from "./metrics/registry.ts";
import { metricsRoute } from "./metrics/routes.ts";
import type { RequestGate } from "./proxy/gate.ts";
import { createProxyHandler } from "./proxy/handler.ts";
import { proxyRoutes } from "./proxy/routes.ts";
import { securityGate } from "./proxy/security-gate.ts";
import { LinkCache } from "./routing/link-cache.ts";
import { LinkRouter } from "./routing/router.ts";
import { loadRoutingConfig } from "./routing/routing-config.ts";
import { createSecurityEventWriter } from "./security-events/writer.ts";
import { loadRates, RateTable } from "./usage/rates.ts";
import { UsageWriter } from "./usage/writer.ts";

export interface Services {
  proxyRoutes: AnyElysia[];
  managementRoutes: AnyElysia[];
  metrics: Metrics;
  usage: UsageWriter;
  links: LinkCache;
  /** Stop timers and flush buffers; called after the listeners have drained. */
  stop(): Promise<void>;
}

/** How often links are re-read even without a notification (covers a missed NOTIFY). */
const LINK_POLL_MS = 5_000;

export async function buildServices(ctx: AppContext, bus: ConfigBus): Promise<Services> {
  const { sql } = ctx.database;
  const metrics = createMetrics();

  const rates = new RateTable(await loadRates(sql));
  bus.on("rates", async () => rates.replace(await loadRates(sql)));

  const links = new LinkCache(sql, ctx.secretBox, ctx.log);
  await links.reload();
  links.start(LINK_POLL_MS);
  bus.on("links", () => links.reload());
  const router = new LinkRouter(links, { onStateChange: (link, state) => metrics.setLinkState(link, state) });
  const reloadRouting = async () => router.useConfig(await loadRoutingConfig(sql));
  await reloadRouting();
  bus.on("routing", reloadRouting);
  // Like links, re-read on a timer too: covers a missed NOTIFY.
  const routingTimer = setInterval(() => reloadRouting().catch((error: unknown) => ctx.log.warn("routing reload failed", { error })), LINK_POLL_MS);
  routingTimer.unref();

  const limits = await buildLimits({
    database: ctx.database, log: ctx.log, keys: ctx.keys, rates, metrics,
    defaultMaxTokensReservation: ctx.config.defaultMaxTokensReservation, usageRetentionDays: ctx.config.usageRetentionDays,
  });
  bus.on("quotas", () => limits.policies.reload());

  const usage = new UsageWriter(sql, ctx.log, {
    afterInsert: limits.usageHook.afterInsert,
    flushMs: ctx.config.usageFlushMs,
    batchRows: ctx.config.usageBatchRows,
    bufferMax: ctx.config.usageBufferMax,
    onBufferDepth: (depth) => metrics.usageBuffer(depth),
    onWrite: (result, rows) => metrics.usageWrite(result, rows),
    onDrop: limits.usageHook.dropped,
  });
  usage.start();
  limits.start();

  const securityEvents = createSecurityEventWriter(sql, ctx.log, ctx.config.usageFlushMs);
  securityEvents.start();

  // Limits first (a refused request costs nothing more), then the prompt scanner.
  const gates: RequestGate[] = [...limits.gates, securityGate(ctx.config.securityPolicy, (event) => securityEvents.record(event), metrics)];
  const handle = createProxyHandler({ config: ctx.config, log: ctx.log, keys: ctx.keys, router, rates, usage, metrics, gates });

  return {
    // The proxy mounts these ahead of its request context (see proxy/app.ts): the /v1 routes and
    // /api/quota set their own request id; /metrics, last, brings the request-info derive along.
    proxyRoutes: [
      proxyRoutes(handle, ctx.keys, router, ctx.log, ctx.config.maxBodyBytes),
      ...limits.proxyRoutes,
      new Elysia({ name: "proxy-metrics" }).use(requestInfo()).use(metricsRoute(metrics)),
    ],
    managementRoutes: [metricsRoute(metrics), rateRoutes(ctx, rates), analyticsRoutes(ctx), routingRoutes(ctx, router), quotaRoutes(ctx), auditRoutes(ctx), securityEventRoutes(ctx)],
    metrics,
    usage,
    links,
    async stop() {
      links.stop();
      clearInterval(routingTimer);
      await limits.stopTimers();
      await Promise.all([usage.stop(ctx.config.shutdownTimeoutMs), securityEvents.stop(ctx.config.shutdownTimeoutMs)]);
      await limits.stop();
    },
  };
}
