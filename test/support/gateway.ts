// Starts a real WaddleAI process for whole-process tests, on the engine chosen by WADDLEAI_TEST_ENGINE
// (`embedded`, the default, or `postgres` against TEST_POSTGRES_URL with a fresh database per gateway).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import postgres from "postgres";

export const REPO_ROOT = join(import.meta.dir, "..", "..");
export const ENGINE = process.env.WADDLEAI_TEST_ENGINE === "postgres" ? "postgres" : "embedded";
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface Gateway {
  proxyUrl: string;
  mgmtUrl: string;
  adminKey: string | null;
  adminPassword: string | null;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Lines of JSON logs, parsed. */
  logs(): Record<string, unknown>[];
  process: Subprocess;
  dataDir: string;
  databaseUrl: string | null;
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(): Promise<number>;
  kill(): void;
}

export interface DatabaseHandle {
  url: string | null;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh database for one or more gateways: a new Postgres database, or a new embedded data dir. */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const dataDir = mkdtempSync(join(tmpdir(), "waddleai-test-"));
  if (ENGINE === "embedded") {
    return { url: null, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `waddleai_test_${Date.now()}_${Math.floor(Math.random() * 1e9)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const conn = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await conn.unsafe(`drop database if exists ${name} with (force)`);
      await conn.end();
    },
  };
}

export interface StartOptions {
  database?: DatabaseHandle;
  env?: Record<string, string>;
  /** Run a built binary instead of the sources. */
  binary?: string;
  cwd?: string;
  /** Resolve once the process has exited instead of waiting for "listening" (for start-up failures). */
  expectExit?: boolean;
  timeoutMs?: number;
}

export async function startGateway(options: StartOptions = {}): Promise<Gateway> {
  const database = options.database ?? (await freshDatabase());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    PROXY_PORT: "0",
    MGMT_PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    WADDLEAI_DATA_DIR: database.dataDir,
    CACHE_REFRESH_MS: "500",
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  };
  const cmd = options.binary ? [options.binary, "serve"] : ["bun", join(REPO_ROOT, "src", "index.ts"), "serve"];
  const child = Bun.spawn(cmd, { env, cwd: options.cwd ?? database.dataDir, stdout: "pipe", stderr: "pipe" });
  let text = "";
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
  };
  const pumps = Promise.all([pump(child.stdout), pump(child.stderr)]);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let proxyPort = 0;
  let mgmtPort = 0;
  while (Date.now() < deadline) {
    const match = /"msg":"listening".*?"proxyPort":(\d+),"mgmtPort":(\d+)/.exec(text);
    if (match) {
      proxyPort = Number(match[1]);
      mgmtPort = Number(match[2]);
      break;
    }
    if (child.exitCode !== null || child.signalCode !== null) break;
    await Bun.sleep(25);
  }
  if (options.expectExit) {
    await child.exited;
    await pumps;
  } else if (!proxyPort) {
    child.kill("SIGKILL");
    throw new Error(`gateway did not start:\n${text}`);
  }
  const gateway: Gateway = {
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    mgmtUrl: `http://127.0.0.1:${mgmtPort}`,
    adminKey: /Admin API Key: (wa-\S+)/.exec(text)?.[1] ?? null,
    adminPassword: /Admin password: (\S+)/.exec(text)?.[1] ?? null,
    output: () => text,
    logs: () =>
      text
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    process: child,
    dataDir: database.dataDir,
    databaseUrl: database.url,
    async stop() {
      child.kill("SIGTERM");
      const code = await child.exited;
      await pumps;
      return code;
    },
    kill() {
      child.kill("SIGKILL");
    },
  };
  return gateway;
}

/** JSON request helper against a gateway URL. */
export async function call(
  url: string,
  init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers, text };
}
