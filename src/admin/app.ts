// The management listener (port 8001): JSON API, OpenAPI document and UI, admin pages, metrics.
import { openapi } from "@elysiajs/openapi";
import { type AnyElysia, Elysia } from "elysia";
import type { AppContext } from "../context.ts";
import { healthRoutes } from "../http/health.ts";
import { requestContext } from "../http/request-context.ts";
import { ASSET_PATHS, staticAssets } from "../http/static-assets.ts";
import { portalRoutes } from "./portal/routes.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { authRoutes } from "./routes/auth.ts";
import { linkRoutes } from "./routes/links.ts";
import { organizationRoutes } from "./routes/organizations.ts";
import { userRoutes } from "./routes/users.ts";

export function buildManagementApp(ctx: AppContext, extra: AnyElysia[] = []) {
  const app = new Elysia({ name: "management" })
    .use(requestContext(ctx.log))
    .use(
      openapi({
        path: "/swagger",
        provider: "swagger-ui",
        documentation: {
          info: { title: "WaddleAI management API", version: ctx.version },
          components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
          security: [{ bearer: [] }],
        },
        swagger: { cdn: ASSET_PATHS.swaggerJs, theme: ASSET_PATHS.swaggerCss },
      }),
    )
    .use(staticAssets())
    .use(healthRoutes(ctx))
    .use(authRoutes(ctx))
    .use(apiKeyRoutes(ctx))
    .use(linkRoutes(ctx))
    .use(organizationRoutes(ctx))
    .use(userRoutes(ctx));
  for (const plugin of extra) app.use(plugin);
  // The portal reads the JSON API in-process with the caller's cookie, so it shows exactly what the API
  // allows that caller.
  const internal = async (path: string, cookie: string) => {
    const response = await app.handle(new Request(`http://internal${path}`, { method: path === "/auth/logout" ? "POST" : "GET", headers: { cookie } }));
    return response.json();
  };
  app.use(portalRoutes(ctx, internal));
  return app;
}
