// Opens the database: a Postgres server via postgres.js, or the embedded engine on its own thread.
// Either way the rest of the code sees one postgres.js client and one drizzle instance.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres, { type Sql } from "postgres";
import type { Config } from "../config/schema.ts";
import type { Logger } from "../log.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import type { EmbeddedStartMessage, EmbeddedWorkerReply } from "./embedded-worker.ts";
import * as schema from "./schema/index.ts";

export type Drizzle = PostgresJsDatabase<typeof schema>;

export interface Database {
  engine: "postgres" | "embedded";
  /** The raw client for hand-written SQL. Dates and JSON are serialised by postgres.js as usual. */
  sql: Sql;
  /**
   * drizzle over its own small pool: drizzle's postgres-js driver replaces the client's date and JSON
   * (de)serialisers with pass-throughs, which would break hand-written queries sharing the client.
   */
  db(): Drizzle;
  /** True when this engine delivers LISTEN/NOTIFY between instances; otherwise callers poll. */
  supportsNotify: boolean;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

function wrap(engine: Database["engine"], sql: Sql, connect: (max: number) => Sql, close: () => Promise<void>): Database {
  let drizzleClient: Sql | null = null;
  let drizzleDb: Drizzle | null = null;
  return {
    engine,
    sql,
    db() {
      drizzleClient ??= connect(2);
      drizzleDb ??= drizzle(drizzleClient, { schema });
      return drizzleDb;
    },
    supportsNotify: engine === "postgres",
    async ping() {
      try {
        await sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await drizzleClient?.end({ timeout: 5 });
      await close();
    },
  };
}

export async function openPostgres(url: string, log: Logger): Promise<Database> {
  const connect = (max: number) => postgres(url, { max, idle_timeout: 30, connect_timeout: 10, onnotice: () => {} });
  const sql = connect(10);
  log.debug("database: postgres server", { host: new URL(url).host });
  return wrap("postgres", sql, connect, async () => {
    await sql.end({ timeout: 5 });
  });
}

/**
 * In a compiled binary every module shares the executable's URL and the worker entrypoint sits at
 * `db/embedded-worker` under the bundle root (src/); from source it sits beside this file.
 */
function embeddedWorkerUrl(): string {
  return import.meta.url.includes("$bunfs") ? "./db/embedded-worker.ts" : new URL("./embedded-worker.ts", import.meta.url).href;
}

export async function openEmbedded(dataDir: string, log: Logger): Promise<Database> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  const pgdata = join(dir, "pgdata");
  // Unix socket paths are limited to ~107 bytes; fall back to /tmp for deep data directories.
  const preferred = join(dir, ".s.waddleai");
  const socketPath = preferred.length < 100 ? preferred : `/tmp/waddleai-${process.pid}.sock`;
  const freshStart = !(await Bun.file(join(pgdata, "PG_VERSION")).exists());
  if (freshStart) log.info("embedded database: first start, initialising (takes a few seconds and about 1 GB of memory once)", { dataDir: dir });

  const worker = new Worker(embeddedWorkerUrl());
  const ready = new Promise<EmbeddedWorkerReply>((resolveReply) => {
    worker.onmessage = (event: MessageEvent<EmbeddedWorkerReply>) => resolveReply(event.data);
    worker.onerror = (event) => resolveReply({ type: "error", message: event.message });
  });
  worker.postMessage({ type: "start", dataDir: pgdata, socketPath } satisfies EmbeddedStartMessage);
  const reply = await ready;
  if (reply.type !== "ready") {
    worker.terminate();
    unlock();
    throw new Error(`embedded database failed to start: ${reply.type === "error" ? reply.message : reply.type}`);
  }
  log.info("embedded database ready", { dataDir: dir, startMs: reply.startMs });

  const connect = (max: number) => postgres({ path: socketPath, database: "postgres", username: "postgres", max, onnotice: () => {} });
  const sql = connect(8);
  return wrap("embedded", sql, connect, async () => {
    await sql.end({ timeout: 5 });
    const stopped = new Promise<void>((resolveStop) => {
      worker.onmessage = () => resolveStop();
      setTimeout(resolveStop, 10_000);
    });
    worker.postMessage({ type: "stop" });
    await stopped;
    worker.terminate();
    unlock();
  });
}

export function openDatabase(config: Config, log: Logger): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, log) : openEmbedded(config.dataDir, log);
}
