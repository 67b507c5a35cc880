// First start: the default organisation, the `admin` user and an admin API key, created exactly once.
import type { Sql } from "postgres";
import { displayPrefix, generateApiKey, hashApiKey } from "./auth/api-keys.ts";
import { generatePassword, hashPassword } from "./auth/passwords.ts";

export interface BootstrapOutcome {
  created: boolean;
  adminApiKey?: string;
  /** Only when the password was generated (not given through WADDLEAI_ADMIN_PASSWORD). */
  adminPassword?: string;
}

/** Advisory lock key for bootstrap, distinct from the migration lock. */
const BOOTSTRAP_LOCK_KEY = 0x5741_4442;

export async function bootstrap(sql: Sql, givenPassword: string | null): Promise<BootstrapOutcome> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`;
    const [existing] = await tx<{ count: number }[]>`select count(*)::int as count from users`;
    if ((existing?.count ?? 0) > 0) return { created: false };
    const password = givenPassword ?? generatePassword();
    const [org] = await tx<{ id: string }[]>`
      insert into organizations (name) values ('default')
      on conflict (name) do update set name = excluded.name returning id`;
    if (!org) throw new Error("could not create the default organisation");
    const [admin] = await tx<{ id: string }[]>`
      insert into users (username, role, organization_id, password_hash)
      values ('admin', 'admin', ${org.id}, ${await hashPassword(password)}) returning id`;
    if (!admin) throw new Error("could not create the admin user");
    const key = generateApiKey();
    await tx`
      insert into api_keys (key_hash, prefix, name, user_id, organization_id)
      values (${hashApiKey(key)}, ${displayPrefix(key)}, 'bootstrap admin key', ${admin.id}, ${org.id})`;
    await tx`
      insert into audit_log (action, target_type, target_id, organization_id, after)
      values ('bootstrap', 'user', ${admin.id}, ${org.id}, ${JSON.stringify({ username: "admin", role: "admin" })}::text::jsonb)`;
    return givenPassword === null ? { created: true, adminApiKey: key, adminPassword: password } : { created: true, adminApiKey: key };
  });
}
