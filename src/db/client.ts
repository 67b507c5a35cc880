// Opens the database: a Postgres server via postgres.js, or the embedded engine on its own thread.
// Either way the rest of the code sees one postgres.js client.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import postgres, { type Sql } from "postgres";
import type { Config } from "../config/schema.ts";
import type { Logger } from "../log.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import type { EmbeddedStartMessage, EmbeddedWorkerReply } from "./embedded-worker.ts";

export interface Database {
  engine: "postgres" | "embedded";
  /**
   * The one client for SQL. (drizzle's postgres-js driver would replace this client's date and JSON
   * serialisers with pass-throughs, so queries are written for postgres.js; drizzle owns the schema in
   * src/db/schema and, through drizzle-kit, the migrations.)
   */
  sql: Sql;
  /** True when this engine delivers LISTEN/NOTIFY between instances; otherwise callers poll. */
  supportsNotify: boolean;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

function wrap(engine: Database["engine"], sql: Sql, close: () => Promise<void>): Database {
  return {
    engine,
    sql,
    supportsNotify: engine === "postgres",
    async ping() {
      try {
        await sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    close,
  };
}

export async function openPostgres(url: string, log: Logger): Promise<Database> {
  const sql = postgres(url, { max: 10, idle_timeout: 30, connect_timeout: 10, onnotice: () => {} });
  log.debug("database: postgres server", { host: new URL(url).host });
  return wrap("postgres", sql, async () => {
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

  // One connection: the embedded engine is a single backend, and the socket server's multiplexer can
  // interleave two connections' extended-protocol messages (seen as `portal "" does not exist`).
  // postgres.js pipelines queries on the one connection instead.
  const sql = postgres({ path: socketPath, database: "postgres", username: "postgres", max: 1, onnotice: () => {} });
  return wrap("embedded", sql, async () => {
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
