// Applies the embedded migrations in one transaction under an advisory lock, so instances that start
// together against one database take turns instead of racing.
import type { Sql } from "postgres";
import { loadMigrations } from "./migrations-macro.ts" with { type: "macro" };

/** Arbitrary, fixed: the advisory lock key every WaddleAI instance uses for migrations. */
const MIGRATION_LOCK_KEY = 0x5741_4444; // "WADD"

export interface MigrationOutcome {
  applied: string[];
  total: number;
}

export async function runMigrations(sql: Sql): Promise<MigrationOutcome> {
  const migrations = loadMigrations();
  const applied: string[] = [];
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await tx`create table if not exists waddleai_migrations (
      tag text primary key,
      hash text not null,
      applied_at timestamptz not null default now()
    )`;
    const done = await tx<{ tag: string; hash: string }[]>`select tag, hash from waddleai_migrations`;
    const doneByTag = new Map(done.map((row) => [row.tag, row.hash]));
    for (const migration of migrations) {
      const knownHash = doneByTag.get(migration.tag);
      if (knownHash !== undefined) {
        if (knownHash !== migration.hash) {
          throw new Error(`migration ${migration.tag} was edited after it was applied; add a new migration instead`);
        }
        continue;
      }
      for (const statement of migration.statements) await tx.unsafe(statement);
      await tx`insert into waddleai_migrations (tag, hash) values (${migration.tag}, ${migration.hash})`;
      applied.push(migration.tag);
    }
  });
  return { applied, total: migrations.length };
}
