// GET /metrics: the Prometheus text exposition, kept out of the OpenAPI document.
import { Elysia } from "elysia";
import type { Metrics } from "./registry.ts";

export function metricsRoute(metrics: Metrics) {
  return new Elysia().get(
    "/metrics",
    async () =>
      new Response(await metrics.render(), {
        headers: { "content-type": metrics.contentType, "cache-control": "no-store" },
      }),
    { detail: { hide: true } },
  );
}
