// Authentication and the role hook for the management API: `{ permission: "apiKeys.list" }` on a route
// resolves the caller and refuses roles that ACCESS (access.ts) does not allow.
import { jwt } from "@elysiajs/jwt";
import { Elysia } from "elysia";
import type { Principal } from "../auth/principal.ts";
import { bearerToken, isApiKeyCredential, principalFromApiKey, principalFromClaims, SESSION_COOKIE } from "../auth/sessions.ts";
import type { AppContext } from "../context.ts";
import { GatewayError } from "../errors.ts";
import { requestInfo } from "../http/request-context.ts";
import { isAllowed, type Permission } from "./access.ts";

function claimsOf(payload: unknown): { sub: string; jti: string } | null {
  if (!payload || typeof payload !== "object") return null;
  const { sub, jti } = payload as Record<string, unknown>;
  return typeof sub === "string" && typeof jti === "string" ? { sub, jti } : null;
}

function cookieToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}

export function authPlugin(ctx: AppContext) {
  return new Elysia({ name: "auth" })
    .use(requestInfo())
    .use(jwt({ name: "jwt", secret: ctx.jwtSecret, exp: `${ctx.config.tokenTtlSeconds}s` }))
    .macro({
      permission: (permission: Permission) => ({
        async resolve({ headers, jwt: signer }): Promise<{ principal: Principal }> {
          const token = bearerToken(headers.authorization) ?? cookieToken(headers.cookie);
          if (!token) throw new GatewayError("unauthorized", "authentication required: send Authorization: Bearer <token or API key>");
          let principal: Principal | null;
          if (isApiKeyCredential(token)) {
            principal = await principalFromApiKey(ctx.database.sql, ctx.keys, token);
          } else {
            const claims = claimsOf(await signer.verify(token));
            principal = claims ? await principalFromClaims(ctx.database.sql, claims) : null;
          }
          if (!principal) throw new GatewayError("unauthorized", "invalid or expired credentials");
          if (!isAllowed(permission, principal.role)) throw new GatewayError("forbidden", "your role may not perform this action");
          return { principal };
        },
      }),
    });
}
