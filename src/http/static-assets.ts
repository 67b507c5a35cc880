// Browser assets embedded in the binary (never fetched from a CDN): htmx for the admin pages and the
// Swagger UI bundle for /swagger.
import { Elysia } from "elysia";
import htmxPath from "htmx.org/dist/htmx.min.js" with { type: "file" };
import swaggerCssPath from "swagger-ui-dist/swagger-ui.css" with { type: "file" };
import swaggerJsPath from "swagger-ui-dist/swagger-ui-bundle.js" with { type: "file" };

export const ASSET_PATHS = {
  htmx: "/assets/htmx.min.js",
  swaggerJs: "/assets/swagger-ui-bundle.js",
  swaggerCss: "/assets/swagger-ui.css",
} as const;

function asset(path: string, contentType: string) {
  return () =>
    new Response(Bun.file(path), { headers: { "content-type": contentType, "cache-control": "public, max-age=86400" } });
}

export function staticAssets() {
  return new Elysia()
    .get(ASSET_PATHS.htmx, asset(htmxPath, "text/javascript; charset=utf-8"), { detail: { hide: true } })
    .get(ASSET_PATHS.swaggerJs, asset(swaggerJsPath, "text/javascript; charset=utf-8"), { detail: { hide: true } })
    .get(ASSET_PATHS.swaggerCss, asset(swaggerCssPath, "text/css; charset=utf-8"), { detail: { hide: true } });
}
