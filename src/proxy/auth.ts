// Proxy authentication: `Authorization: Bearer wa-…` or the Anthropic-style `x-api-key: wa-…`.
import type { KeyCache, KeyCheck, KeyRecord } from "../auth/key-cache.ts";
import { GatewayError } from "../errors.ts";

export function presentedKey(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization) {
    const space = authorization.indexOf(" ");
    if (space > 0 && authorization.slice(0, space).toLowerCase() === "bearer") return authorization.slice(space + 1).trim();
  }
  return headers.get("x-api-key");
}

function verdict(check: KeyCheck): KeyRecord | GatewayError {
  if (check.ok) return check.key;
  const message =
    check.reason === "expired" ? "API key has expired" : check.reason === "inactive" ? "API key is revoked or disabled" : "invalid API key";
  return new GatewayError("invalid_api_key", message);
}

export function authenticate(keys: KeyCache, headers: Headers): KeyRecord | GatewayError | Promise<KeyRecord | GatewayError> {
  const key = presentedKey(headers);
  if (!key) return new GatewayError("invalid_api_key", "missing API key: send Authorization: Bearer wa-…");
  const check = keys.check(key);
  return check instanceof Promise ? check.then(verdict) : verdict(check);
}
