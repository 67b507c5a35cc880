// Runs the embedded Postgres (PGlite, WebAssembly) on its own thread and serves it on a Unix socket, so
// the request thread talks to it through postgres.js exactly as to a real server and never runs the
// database's WASM itself.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import initdbWasmPath from "../../node_modules/@electric-sql/pglite/dist/initdb.wasm" with { type: "file" };
import pgliteDataPath from "../../node_modules/@electric-sql/pglite/dist/pglite.data" with { type: "file" };
import pgliteWasmPath from "../../node_modules/@electric-sql/pglite/dist/pglite.wasm" with { type: "file" };

declare const self: Worker;

export interface EmbeddedStartMessage {
  type: "start";
  dataDir: string;
  socketPath: string;
}

export type EmbeddedWorkerReply =
  | { type: "ready"; initialized: boolean; startMs: number }
  | { type: "stopped" }
  | { type: "error"; message: string };

let database: PGlite | null = null;
let server: PGLiteSocketServer | null = null;

async function start(message: EmbeddedStartMessage): Promise<void> {
  const started = performance.now();
  const initialized = !(await Bun.file(`${message.dataDir}/PG_VERSION`).exists());
  // The assets are handed over explicitly: inside a compiled binary there is no node_modules to find.
  const [pgliteWasmModule, initdbWasmModule] = await Promise.all([
    WebAssembly.compile(await Bun.file(pgliteWasmPath).arrayBuffer()),
    WebAssembly.compile(await Bun.file(initdbWasmPath).arrayBuffer()),
  ]);
  database = await PGlite.create({
    dataDir: message.dataDir,
    pgliteWasmModule,
    initdbWasmModule,
    fsBundle: Bun.file(pgliteDataPath),
  });
  server = new PGLiteSocketServer({ db: database, path: message.socketPath, maxConnections: 64 });
  await server.start();
  postMessage({ type: "ready", initialized, startMs: Math.round(performance.now() - started) } satisfies EmbeddedWorkerReply);
}

async function stop(): Promise<void> {
  await server?.stop();
  // close() checkpoints and writes the data directory; skipping it risks losing the last writes.
  await database?.close();
  postMessage({ type: "stopped" } satisfies EmbeddedWorkerReply);
}

self.onmessage = (event: MessageEvent<EmbeddedStartMessage | { type: "stop" }>) => {
  const action = event.data.type === "start" ? start(event.data) : stop();
  action.catch((error: unknown) => {
    postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) } satisfies EmbeddedWorkerReply);
  });
};
