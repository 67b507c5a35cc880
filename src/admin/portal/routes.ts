// The admin portal: server-rendered pages with htmx fragments, signed in with an HttpOnly cookie session.
// Fragments read the JSON management API in-process with the caller's own cookie, so the portal shows
// exactly what the API would let that user see.
import { jwt } from "@elysiajs/jwt";
import { Elysia } from "elysia";
import { checkCredentials } from "../../auth/login.ts";
import { SESSION_COOKIE } from "../../auth/sessions.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { requestInfo } from "../../http/request-context.ts";
import { isSameOrigin } from "../../http/same-origin.ts";
import { resolvePrincipal } from "../auth-plugin.ts";
import { page, render, tableFragment, tag, VIEWS } from "./render.ts";

type InternalCall = (path: string, cookie: string) => Promise<unknown>;

const SEE_OTHER = (location: string, cookie?: string) =>
  new Response(null, { status: 303, headers: { location, ...(cookie ? { "set-cookie": cookie } : {}) } });

export function portalRoutes(ctx: AppContext, internal: InternalCall) {
  const secure = "HttpOnly; SameSite=Strict; Path=/";
  return new Elysia({ name: "portal" })
    .use(requestInfo())
    .use(jwt({ name: "jwt", secret: ctx.jwtSecret, exp: `${ctx.config.tokenTtlSeconds}s` }))
    .get("/", () => SEE_OTHER("/portal"), { detail: { hide: true } })
    .get("/portal/login", () => page("Sign in", render(VIEWS.login, { error: "" })), { detail: { hide: true } })
    .post(
      "/portal/login",
      async ({ request, ip, jwt: signer }) => {
        // Login CSRF: another site must not sign the browser into an account of its choosing.
        const origin = request.headers.get("origin");
        if (origin !== null && !isSameOrigin(origin, request.headers.get("host"), request.headers.get("x-forwarded-host"))) {
          return new Response("cross-site sign-in refused", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
        }
        const form = await request.formData().catch(() => null);
        const username = String(form?.get("username") ?? "");
        const password = String(form?.get("password") ?? "");
        const userId = await checkCredentials(ctx.database.sql, ctx.loginThrottle, username, password, ip);
        if (userId instanceof GatewayError) {
          const response = page("Sign in", render(VIEWS.login, { error: userId.message }));
          return new Response(response.body, { status: userId.status, headers: response.headers });
        }
        const token = await signer.sign({ sub: userId, jti: crypto.randomUUID() });
        return SEE_OTHER("/portal", `${SESSION_COOKIE}=${token}; ${secure}; Max-Age=${ctx.config.tokenTtlSeconds}`);
      },
      { parse: "none", detail: { hide: true } },
    )
    .post(
      "/portal/logout",
      async ({ headers }) => {
        await internal("/auth/logout", headers.cookie ?? "").catch(() => {});
        return SEE_OTHER("/portal/login", `${SESSION_COOKIE}=; ${secure}; Max-Age=0`);
      },
      { detail: { hide: true } },
    )
    .get(
      "/portal",
      async ({ headers, jwt: signer }) => {
        const principal = await resolvePrincipal(ctx, { cookie: headers.cookie }, (token) => signer.verify(token));
        if (!principal) return SEE_OTHER("/portal/login");
        const readers = principal.role !== "user";
        return page(
          "Dashboard",
          render(VIEWS.dashboard, { username: principal.username, role: principal.role, adminSections: readers ? VIEWS.adminSections : "" }),
        );
      },
      { detail: { hide: true } },
    )
    .get(
      "/portal/partials/usage",
      async ({ headers }) => {
        const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
        const body = (await internal(`/analytics/usage?group_by=day&from=${from}`, headers.cookie ?? "")) as { data?: Record<string, number | string>[] };
        const rows = (body.data ?? []).map((row) => [row.day ?? "", row.requests ?? 0, row.prompt_tokens ?? 0, row.completion_tokens ?? 0, row.waddleai_tokens ?? 0] as (string | number)[]);
        return tableFragment(["day (UTC)", "requests", "prompt tokens", "completion tokens", "WaddleAI tokens"], rows);
      },
      { detail: { hide: true } },
    )
    .get(
      "/portal/partials/keys",
      async ({ headers }) => {
        const body = (await internal("/api-keys?limit=50", headers.cookie ?? "")) as { data?: Record<string, string | null>[] };
        const rows = (body.data ?? []).map((key) => [key.name || "(unnamed)", `${key.prefix}…`, tag(String(key.status)), key.created_at?.slice(0, 19) ?? null, key.expires_at?.slice(0, 19) ?? null]);
        return tableFragment(["name", "key", "status", "created", "expires"], rows, "Create keys with POST /api-keys (see /swagger); the key is shown once.");
      },
      { detail: { hide: true } },
    )
    .get(
      "/portal/partials/links",
      async ({ headers }) => {
        const body = (await internal("/config/links", headers.cookie ?? "")) as { data?: Record<string, unknown>[] };
        const rows = (body.data ?? []).map((link) => [
          String(link.name),
          String(link.provider),
          String(link.endpoint_url),
          Array.isArray(link.model_list) && link.model_list.length > 0 ? link.model_list.join(", ") : "(discovered)",
          tag(link.enabled ? "active" : "disabled"),
        ]);
        return tableFragment(["name", "provider", "endpoint", "models", "state"], rows);
      },
      { detail: { hide: true } },
    )
    .get(
      "/portal/partials/security",
      async ({ headers }) => {
        const body = (await internal("/security/events?limit=20", headers.cookie ?? "")) as { data?: Record<string, unknown>[] };
        const rows = (body.data ?? []).map((event) => [String(event.created_at).slice(0, 19), tag(String(event.action)), String(event.category), String(event.policy), String(event.excerpt)]);
        return tableFragment(["time", "action", "category", "policy", "excerpt (redacted)"], rows);
      },
      { detail: { hide: true } },
    );
}
