// Authentication and the role hook for the management API: `{ permission: "apiKeys.list" }` on a route
// resolves the caller and refuses roles that ACCESS (access.ts) does not allow.
import { jwt } from "@elysiajs/jwt";
import { Elysia } from "elysia";
import type { Principal } from "../auth/principal.ts";
import { bearerToken, isApiKeyCredential, principalFromApiKey, principalFromClaims, SESSION_COOKIE } from "../auth/sessions.ts";
import type { AppContext } from "../context.ts";
import { GatewayError } from "../errors.ts";
import { requestInfo } from "../http/request-context.ts";
import { isSameOrigin } from "../http/same-origin.ts";
import { isAllowed, type Permission } from "./access.ts";

function claimsOf(payload: unknown): { sub: string; jti: string; iat?: number } | null {
  if (!payload || typeof payload !== "object") return null;
  const { sub, jti, iat } = payload as Record<string, unknown>;
  if (typeof sub !== "string" || typeof jti !== "string") return null;
  return typeof iat === "number" ? { sub, jti, iat } : { sub, jti };
}

function cookieToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}

/** The caller of a management request (session token, portal cookie or API key), or null. */
export async function resolvePrincipal(
  ctx: AppContext,
  headers: Record<string, string | undefined>,
  verify: (token: string) => Promise<unknown>,
): Promise<Principal | null> {
  const token = bearerToken(headers.authorization) ?? cookieToken(headers.cookie);
  if (!token) return null;
  if (isApiKeyCredential(token)) return principalFromApiKey(ctx.database.sql, ctx.keys, token);
  const claims = claimsOf(await verify(token));
  return claims ? principalFromClaims(ctx.database.sql, claims) : null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A change made with only the session cookie must come from a page of this server, not from a form
 * another site (or another port of this host) posts with the victim's cookie. Browsers send a form's
 * body as urlencoded, multipart or plain text, and a cross-origin request with a JSON body needs a
 * preflight this server never grants; so cookie-authenticated changes must send JSON, and an Origin,
 * when present, must be this host. Clients with an Authorization header are not affected; logging
 * out (harmless) is exempt.
 */
function refuseCrossSiteWrite(request: Request, headers: Record<string, string | undefined>): void {
  if (SAFE_METHODS.has(request.method)) return;
  const type = (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json") {
    throw new GatewayError("forbidden", "changes with a session cookie need a JSON body (or send Authorization: Bearer <token or API key>)");
  }
  const origin = headers.origin;
  if (origin !== undefined && !isSameOrigin(origin, headers.host, headers["x-forwarded-host"])) {
    throw new GatewayError("forbidden", "cross-site request refused");
  }
}

export function authPlugin(ctx: AppContext) {
  return new Elysia({ name: "auth" })
    .use(requestInfo())
    .use(jwt({ name: "jwt", secret: ctx.jwtSecret, exp: `${ctx.config.tokenTtlSeconds}s` }))
    .macro({
      permission: (permission: Permission) => ({
        async resolve({ headers, request, jwt: signer }): Promise<{ principal: Principal }> {
          if (!bearerToken(headers.authorization) && !cookieToken(headers.cookie)) {
            throw new GatewayError("unauthorized", "authentication required: send Authorization: Bearer <token or API key>");
          }
          if (!bearerToken(headers.authorization) && permission !== "auth.logout") refuseCrossSiteWrite(request, headers);
          const principal = await resolvePrincipal(ctx, headers, (token) => signer.verify(token));
          if (!principal) throw new GatewayError("unauthorized", "invalid or expired credentials");
          if (!isAllowed(permission, principal.role)) throw new GatewayError("forbidden", "your role may not perform this action");
          return { principal };
        },
      }),
    });
}
