// POST /auth/login, POST /auth/logout, GET /auth/me.
import { Elysia, t } from "elysia";
import { checkCredentials } from "../../auth/login.ts";
import { SESSION_COOKIE } from "../../auth/sessions.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { authPlugin } from "../auth-plugin.ts";

export function authRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  return new Elysia()
    .use(authPlugin(ctx))
    .post(
      "/auth/login",
      async ({ body, jwt, ip, set }) => {
        const userId = await checkCredentials(sql, ctx.loginThrottle, body.username, body.password, ip);
        if (userId instanceof GatewayError) throw userId;
        const token = await jwt.sign({ sub: userId, jti: crypto.randomUUID() });
        set.headers["set-cookie"] = `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${ctx.config.tokenTtlSeconds}`;
        return { access_token: token, token_type: "bearer", expires_in: ctx.config.tokenTtlSeconds };
      },
      {
        body: t.Object({ username: t.String({ minLength: 1, maxLength: 200 }), password: t.String({ minLength: 1, maxLength: 1000 }) }),
        detail: { tags: ["auth"], summary: "Exchange a username and password for a session token" },
      },
    )
    .post(
      "/auth/logout",
      async ({ principal, set }) => {
        if (principal.tokenId) {
          const expiresAt = new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000);
          await sql`insert into revoked_tokens (token_id, expires_at) values (${principal.tokenId}, ${expiresAt}) on conflict do nothing`;
        }
        set.headers["set-cookie"] = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
        return { logged_out: true };
      },
      { permission: "auth.logout", detail: { tags: ["auth"], summary: "End the current session token" } },
    )
    .get(
      "/auth/me",
      ({ principal }) => ({
        id: principal.userId,
        username: principal.username,
        role: principal.role,
        organization_id: principal.organizationId,
        managed_organization_ids: principal.managedOrganizationIds,
        authenticated_with: principal.keyId ? "api_key" : "session",
      }),
      { permission: "auth.me", detail: { tags: ["auth"], summary: "Who am I" } },
    );
}
