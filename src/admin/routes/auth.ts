// POST /auth/login, POST /auth/logout, GET /auth/me.
import { Elysia, t } from "elysia";
import { verifyPassword } from "../../auth/passwords.ts";
import { SESSION_COOKIE } from "../../auth/sessions.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { authPlugin } from "../auth-plugin.ts";

interface LoginRow {
  id: string;
  password_hash: string | null;
  active: boolean;
}

export function authRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  return new Elysia()
    .use(authPlugin(ctx))
    .post(
      "/auth/login",
      async ({ body, jwt, ip, set }) => {
        const wait = ctx.loginThrottle.retryAfterMs(body.username, ip);
        if (wait > 0) {
          const seconds = String(Math.ceil(wait / 1000));
          throw new GatewayError("too_many_login_attempts", `too many failed logins; retry in ${seconds} s`, { headers: { "retry-after": seconds } });
        }
        const [row] = await sql<LoginRow[]>`
          select u.id, u.password_hash, (u.enabled and u.deleted_at is null and o.enabled and o.deleted_at is null) as active
          from users u join organizations o on o.id = u.organization_id where u.username = ${body.username}`;
        // Verify even for unknown users so the answer takes as long either way.
        const valid = await verifyPassword(body.password, row?.password_hash ?? null);
        if (!row || !valid || !row.active) {
          ctx.loginThrottle.recordFailure(body.username, ip);
          throw new GatewayError("unauthorized", "invalid username or password");
        }
        ctx.loginThrottle.recordSuccess(body.username, ip);
        const token = await jwt.sign({ sub: row.id, jti: crypto.randomUUID() });
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
