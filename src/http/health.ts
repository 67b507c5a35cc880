// /healthz (the process answers) and /readyz (the database answers and we are not shutting down).
import { Elysia } from "elysia";
import type { AppContext } from "../context.ts";

export function healthRoutes(ctx: AppContext) {
  return new Elysia()
    .get("/healthz", () => ({ status: "ok", version: ctx.version }), { detail: { tags: ["operations"], summary: "Liveness" } })
    .get(
      "/readyz",
      async ({ set }) => {
        const database = ctx.shuttingDown.value ? false : await ctx.database.ping();
        const ready = database && !ctx.shuttingDown.value;
        set.status = ready ? 200 : 503;
        return { status: ready ? "ready" : "not_ready", database: database ? "ok" : "unreachable", shutting_down: ctx.shuttingDown.value };
      },
      { detail: { tags: ["operations"], summary: "Readiness: database reachable" } },
    );
}
