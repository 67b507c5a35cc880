// `bun run bench`: side-by-side load benchmark on this machine. Starts a fake OpenAI upstream, a bare Bun
// passthrough (Bun.serve + fetch, no logic: the floor for any Bun proxy) and WaddleAI (real API key, every
// feature on; embedded database and Postgres), each in its own process, then drives each with wrk from a
// separate process and prints req/s, p50 and p99 plus WaddleAI / bare, for non-stream and stream requests.
// Then (target "limits") bench/limits.ts: the same load with quotas and rate limits on and off.
//
//   apt-get install -y wrk    (Debian's package)
//   BENCH_DURATION=10s BENCH_CONNECTIONS=64 bun run bench
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { call, freshDatabase, type Gateway, startGateway } from "../test/support/gateway.ts";
import { spawnWithPort } from "./processes.ts";

const DURATION = process.env.BENCH_DURATION ?? "10s";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const TARGETS = (process.env.BENCH_TARGETS ?? "bare,embedded,postgres,limits").split(",");
const BODY = { model: "gpt-4o-mini", messages: [{ role: "user", content: "What is the capital of France?" }] };

interface Result {
  target: string;
  mode: "non-stream" | "stream";
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: string | null;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return Number.NaN;
  const number = Number(match[1]);
  return match[2] === "us" ? number / 1000 : match[2] === "s" ? number * 1000 : number;
}

function wrk(url: string, body: object, key: string | null): Omit<Result, "target" | "mode"> {
  const dir = mkdtempSync(join(tmpdir(), "waddleai-bench-"));
  const script = join(dir, "post.lua");
  const headers = [`wrk.headers["Content-Type"] = "application/json"`];
  if (key) headers.push(`wrk.headers["Authorization"] = "Bearer ${key}"`);
  writeFileSync(script, [`wrk.method = "POST"`, `wrk.body = [[${JSON.stringify(body)}]]`, ...headers].join("\n"));
  const run = Bun.spawnSync(["wrk", "-t2", `-c${CONNECTIONS}`, `-d${DURATION}`, "--latency", "-s", script, url]);
  const out = run.stdout.toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const p50 = /\s50%\s+([\d.]+\w+)/.exec(out)?.[1] ?? "";
  const p99 = /\s99%\s+([\d.]+\w+)/.exec(out)?.[1] ?? "";
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? /Socket errors: (.*)/.exec(out)?.[1] ?? null;
  return { rps, p50ms: toMs(p50), p99ms: toMs(p99), errors: errors ? `non-2xx/socket: ${errors}` : null };
}

async function prepareGateway(gateway: Gateway, upstreamUrl: string): Promise<string> {
  const adminKey = gateway.adminKey ?? "";
  const link = await call(`${gateway.mgmtUrl}/config/links`, {
    token: adminKey,
    body: { name: "bench-upstream", provider: "openai", endpoint_url: upstreamUrl, api_key: "sk-bench", model_list: ["gpt-4o-mini"] },
  });
  if (link.status !== 201) throw new Error(`link: ${link.text}`);
  const key = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey, body: { name: "bench" } });
  return (key.body as { key: string }).key;
}

const children: Subprocess[] = [];
const gateways: Gateway[] = [];
const results: Result[] = [];
try {
  if (!Bun.which("wrk")) throw new Error("wrk is not installed: apt-get install -y wrk");
  const upstream = await spawnWithPort(["bun", join(import.meta.dir, "fake-upstream.ts")]);
  children.push(upstream.child);
  const upstreamUrl = `http://127.0.0.1:${upstream.port}/v1`;
  const targets: { name: string; url: string; key: string | null }[] = [];
  if (TARGETS.includes("bare")) {
    const bare = await spawnWithPort(["bun", join(import.meta.dir, "bare-proxy.ts")], { UPSTREAM: upstreamUrl });
    children.push(bare.child);
    targets.push({ name: "bare Bun passthrough", url: `http://127.0.0.1:${bare.port}/v1/chat/completions`, key: null });
  }
  for (const engine of ["embedded", "postgres"] as const) {
    if (!TARGETS.includes(engine)) continue;
    process.env.WADDLEAI_TEST_ENGINE = engine;
    const database = await freshDatabase();
    const gateway = await startGateway({ database });
    gateways.push(gateway);
    const key = await prepareGateway(gateway, upstreamUrl);
    targets.push({ name: `WaddleAI (${engine})`, url: `${gateway.proxyUrl}/v1/chat/completions`, key });
  }
  for (const mode of ["non-stream", "stream"] as const) {
    const body = mode === "stream" ? { ...BODY, stream: true } : BODY;
    for (const target of targets) {
      wrk(target.url, body, target.key); // warm-up: JIT, connection pools, caches
      results.push({ target: target.name, mode, ...wrk(target.url, body, target.key) });
    }
  }
} finally {
  for (const gateway of gateways) await gateway.stop();
  for (const child of children) child.kill();
}

console.log(`\nwrk -t2 -c${CONNECTIONS} -d${DURATION}, ${new Date().toISOString()}, ${navigator.hardwareConcurrency} cores\n`);
console.log("| mode | target | req/s | p50 ms | p99 ms | req/s vs bare | p99 added ms | errors |");
console.log("|---|---|---:|---:|---:|---:|---:|---|");
for (const result of results) {
  const bare = results.find((candidate) => candidate.mode === result.mode && candidate.target.startsWith("bare"));
  const ratio = bare ? (result.rps / bare.rps).toFixed(2) : "-";
  const added = bare ? (result.p99ms - bare.p99ms).toFixed(2) : "-";
  console.log(`| ${result.mode} | ${result.target} | ${result.rps.toFixed(0)} | ${result.p50ms.toFixed(2)} | ${result.p99ms.toFixed(2)} | ${ratio} | ${added} | ${result.errors ?? ""} |`);
}

if (TARGETS.includes("limits")) {
  console.log("\nQuotas and rate limits on vs off (bench/limits.ts):");
  const limits = Bun.spawnSync(["bun", join(import.meta.dir, "limits.ts")], { stdout: "inherit", stderr: "inherit", env: process.env });
  if (limits.exitCode !== 0) process.exitCode = limits.exitCode ?? 1;
}
