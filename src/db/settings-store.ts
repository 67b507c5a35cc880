// Deployment-wide values generated once and shared by every instance through the settings table.
import type { Sql } from "postgres";

/** Returns the stored value, creating it with `generate()` if absent. Safe when instances race. */
export async function getOrCreateSetting(sql: Sql, key: string, generate: () => string): Promise<string> {
  await sql`insert into settings (key, value) values (${key}, ${generate()}) on conflict (key) do nothing`;
  const rows = await sql<{ value: string }[]>`select value from settings where key = ${key}`;
  const row = rows[0];
  if (!row) throw new Error(`setting ${key} vanished`);
  return row.value;
}

export function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString("base64url");
}
