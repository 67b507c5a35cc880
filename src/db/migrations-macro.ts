// Runs at bundle time (imported `with { type: "macro" }`): inlines drizzle-kit's SQL migrations so the
// compiled binary needs no migrations folder beside it.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface EmbeddedMigration {
  tag: string;
  /** The statements of the migration, split on drizzle-kit's breakpoints. */
  statements: string[];
  hash: string;
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function loadMigrations(): EmbeddedMigration[] {
  const folder = join(import.meta.dir, "..", "..", "migrations");
  const journal = JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = readFileSync(join(folder, `${tag}.sql`), "utf8");
      const hash = new Bun.CryptoHasher("sha256").update(text).digest("hex");
      const statements = text
        .split("--> statement-breakpoint")
        .map((statement) => statement.trim())
        .filter((statement) => statement.length > 0);
      return { tag, statements, hash };
    });
}
