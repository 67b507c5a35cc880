// Checks a username and password, slowing down repeated failures per username and per IP. Shared by
// POST /auth/login and the admin portal's login form.
import type { Sql } from "postgres";
import { GatewayError } from "../errors.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import { verifyPassword } from "./passwords.ts";

interface LoginRow {
  id: string;
  password_hash: string | null;
  active: boolean;
}

/** The user id for valid credentials; otherwise a 401 that does not say which part was wrong, or a 429. */
export async function checkCredentials(sql: Sql, throttle: LoginThrottle, username: string, password: string, ip: string): Promise<string | GatewayError> {
  const wait = throttle.retryAfterMs(username, ip);
  if (wait > 0) {
    const seconds = String(Math.ceil(wait / 1000));
    return new GatewayError("too_many_login_attempts", `too many failed logins; retry in ${seconds} s`, { headers: { "retry-after": seconds } });
  }
  // Counted before the (slow) verification, so that concurrent guesses see each other.
  throttle.recordFailure(username, ip);
  const [row] = await sql<LoginRow[]>`
    select u.id, u.password_hash, (u.enabled and u.deleted_at is null and o.enabled and o.deleted_at is null) as active
    from users u join organizations o on o.id = u.organization_id where u.username = ${username}`;
  // Verify even for unknown users so the answer takes as long either way.
  const valid = await verifyPassword(password, row?.password_hash ?? null);
  if (!row || !valid || !row.active) return new GatewayError("unauthorized", "invalid username or password");
  throttle.recordSuccess(username, ip);
  return row.id;
}
