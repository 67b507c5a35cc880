// The proxy listener (port 8000): the OpenAI-compatible /v1 routes plus health and metrics.
import { type AnyElysia, Elysia } from "elysia";
import type { AppContext } from "../context.ts";
import { healthRoutes } from "../http/health.ts";
import { requestContext } from "../http/request-context.ts";

export function buildProxyApp(ctx: AppContext, routes: AnyElysia[] = []) {
  const app = new Elysia({ name: "proxy" });
  // The /v1 routes come first, so the per-request hooks below (request id derive, access log) do not
  // run on the hot path; the handler sets its own request id and maps its own errors. Every route
  // mounted here must do the same or bring requestInfo() along (as /metrics does, see services.ts);
  // unknown routes get their id from requestContext's error handler.
  for (const plugin of routes) app.use(plugin);
  return app.use(requestContext(ctx.log)).use(healthRoutes(ctx));
}
