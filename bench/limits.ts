// `bun bench/limits.ts`: the cost of quotas and rate limits on the hot path. One WaddleAI process, the
// fake upstream (bench/fake-upstream.ts) and wrk each in their own process; the same load is driven with
// two keys of the same gateway — one with no limits anywhere, one with key RPM/TPM/daily/monthly limits
// plus user and organisation quotas and RPM/TPM, all set high so nothing is refused — alternating
// off/on runs (each round swaps which goes first) to cancel drift, after warm-up rounds that are not
// counted. Prints req/s for both, the on/off ratio (target: ≥ 0.95) and a 95% confidence interval
// for the mean of the per-round ratios.
//
//   apt-get install -y wrk
//   BENCH_ENGINE=postgres|embedded BENCH_DURATION=10s BENCH_CONNECTIONS=64 BENCH_ROUNDS=2 BENCH_WARMUP_ROUNDS=2 bun bench/limits.ts
//
// BENCH_RATE=<req/s> drives the same offered load to both keys instead of saturating the gateway (hey,
// `apt-get install -y hey`, BENCH_CONNECTIONS workers at an equal share of the rate each): both keys are
// then served at the same request rate, and what the limits cost shows as gateway CPU per request and
// latency rather than as requests per second.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import type { Gateway } from "../test/support/gateway.ts";
import { spawnWithPort } from "./processes.ts";

const DURATION = process.env.BENCH_DURATION ?? "10s";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** Offered load in requests per second for all connections together; 0: wrk, as fast as the gateway goes. */
const OFFERED_RATE = Number(process.env.BENCH_RATE ?? 0);
/**
 * Alternating off/on rounds run first and discarded. One pair was not enough: the gateway's
 * throughput kept rising for the first few rounds (JIT, pools), which widened the per-round spread.
 */
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 2);
process.env.WADDLEAI_TEST_ENGINE = process.env.BENCH_ENGINE ?? "postgres";
// Imported after the engine is chosen: the helper reads WADDLEAI_TEST_ENGINE when it loads.
const { call, freshDatabase, startGateway } = await import("../test/support/gateway.ts");
const BODY = { model: "gpt-4o-mini", messages: [{ role: "user", content: "What is the capital of France?" }], max_tokens: 64 };
/** High enough that a benchmark never reaches them. */
const RATE = { rpm: 1_000_000_000, tpm: 1_000_000_000 };
const QUOTA = { daily_quota: 1_000_000_000_000, monthly_quota: 10_000_000_000_000 };
/** BENCH_LIMITS=rate|quota isolates one kind's cost; the default sets both. */
const HIGH = process.env.BENCH_LIMITS === "rate" ? RATE : process.env.BENCH_LIMITS === "quota" ? QUOTA : { ...RATE, ...QUOTA };

/** User + system CPU time of a process so far, in µs (Linux /proc; clock ticks are 1/100 s). */
function cpuMicros(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

function wrk(url: string, key: string): { rps: number; non2xx: number; requests: number } {
  const script = join(mkdtempSync(join(tmpdir(), "waddleai-bench-limits-")), "post.lua");
  writeFileSync(
    script,
    [`wrk.method = "POST"`, `wrk.body = [[${JSON.stringify(BODY)}]]`, `wrk.headers["Content-Type"] = "application/json"`, `wrk.headers["Authorization"] = "Bearer ${key}"`].join("\n"),
  );
  const run = Bun.spawnSync(["wrk", "-t2", `-c${CONNECTIONS}`, `-d${DURATION}`, "-s", script, url]);
  const out = run.stdout.toString();
  if (!/Requests\/sec/.test(out)) console.error(`wrk: ${out}${run.stderr.toString()}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? Number.NaN),
  };
}

/** Offered load of OFFERED_RATE req/s for DURATION: what the gateway served and its latency percentiles. */
function hey(url: string, key: string): { rps: number; non2xx: number; requests: number; p50Ms: number; p99Ms: number } {
  const run = Bun.spawnSync([
    "hey", "-z", DURATION, "-c", String(CONNECTIONS), "-q", (OFFERED_RATE / CONNECTIONS).toFixed(3), "-m", "POST", "-T", "application/json",
    "-H", `Authorization: Bearer ${key}`, "-d", JSON.stringify(BODY), url,
  ]);
  const out = run.stdout.toString();
  if (!/Requests\/sec/.test(out)) console.error(`hey: ${out}${run.stderr.toString()}`);
  const statuses = [...out.matchAll(/\[(\d{3})\]\s+(\d+) responses/g)].map((match) => [Number(match[1]), Number(match[2])] as const);
  const seconds = (label: string) => 1000 * Number(new RegExp(`${label}% in ([\\d.]+) secs`).exec(out)?.[1] ?? Number.NaN);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    requests: statuses.reduce((sum, [, count]) => sum + count, 0),
    non2xx: statuses.filter(([status]) => status >= 300).reduce((sum, [, count]) => sum + count, 0),
    p50Ms: seconds("50"),
    p99Ms: seconds("99"),
  };
}

async function post(gateway: Gateway, admin: string, path: string, body: unknown, method = "POST"): Promise<Record<string, unknown>> {
  const answer = await call(`${gateway.mgmtUrl}${path}`, { method, token: admin, body });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.body as Record<string, unknown>;
}

/** A key in its own organisation; with `limited`, every limit the gateway knows is set (high). */
async function benchKey(gateway: Gateway, admin: string, name: string, limited: boolean): Promise<string> {
  const org = (await post(gateway, admin, "/organizations", { name })).id as string;
  const user = (await post(gateway, admin, "/users", { username: `${name}-user`, organization_id: org })).id as string;
  if (limited) {
    await post(gateway, admin, "/quotas", { scope_type: "organization", scope_id: org, ...HIGH }, "PUT");
    await post(gateway, admin, "/quotas", { scope_type: "user", scope_id: user, ...HIGH }, "PUT");
  }
  return (await post(gateway, admin, "/api-keys", { user_id: user, name, ...(limited ? HIGH : {}) })).key as string;
}

/** Two-sided 97.5% quantiles of Student's t for 1–30 degrees of freedom; 1.96 beyond. */
const T975 = [12.71, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Mean and the half-width of its 95% confidence interval (Student's t; NaN for fewer than 2 values). */
function meanWithInterval(values: readonly number[]): [number, number] {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (n < 2) return [mean, Number.NaN];
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return [mean, (T975[n - 2] ?? 1.96) * Math.sqrt(variance / n)];
}

const children: Subprocess[] = [];
let gateway: Gateway | null = null;
let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
try {
  const tool = OFFERED_RATE > 0 ? "hey" : "wrk";
  if (!Bun.which(tool)) throw new Error(`${tool} is not installed: apt-get install -y ${tool}`);
  const load = (url: string, key: string) => (OFFERED_RATE > 0 ? hey(url, key) : { ...wrk(url, key), p50Ms: Number.NaN, p99Ms: Number.NaN });
  const upstream = await spawnWithPort(["bun", join(import.meta.dir, "fake-upstream.ts")]);
  children.push(upstream.child);
  database = await freshDatabase();
  gateway = await startGateway({ database });
  const admin = gateway.adminKey ?? "";
  await post(gateway, admin, "/config/links", {
    name: "bench-upstream", provider: "openai", endpoint_url: `http://127.0.0.1:${upstream.port}/v1`, api_key: "sk-bench", model_list: ["gpt-4o-mini"],
  });
  const off = await benchKey(gateway, admin, "limits-off", false);
  const on = await benchKey(gateway, admin, "limits-on", true);
  const url = `${gateway.proxyUrl}/v1/chat/completions`;
  // Warm-up: JIT, pools, the tokenizer used for reservations; not counted.
  for (let round = 0; round < Math.max(1, WARMUP_ROUNDS); round++) for (const key of round % 2 === 0 ? [off, on] : [on, off]) load(url, key);
  // Besides req/s (what the bar is about), the gateway process's own CPU time per request:
  // it is what the limits add on the hot path, and it is far less sensitive to other work on the machine.
  const runs: { mode: "off" | "on"; rps: number; non2xx: number; cpuUsPerRequest: number; p50Ms: number; p99Ms: number }[] = [];
  const pid = gateway.process.pid;
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which mode goes first, so drift within a round does not favour one of them.
    const order = round % 2 === 0 ? (["off", "on"] as const) : (["on", "off"] as const);
    for (const mode of order) {
      const before = cpuMicros(pid);
      const result = load(url, mode === "off" ? off : on);
      runs.push({ mode, ...result, cpuUsPerRequest: (cpuMicros(pid) - before) / result.requests });
    }
  }
  const mean = (mode: "off" | "on") => runs.filter((run) => run.mode === mode).reduce((sum, run) => sum + run.rps, 0) / ROUNDS;
  const how = OFFERED_RATE > 0 ? `hey -c${CONNECTIONS} -z${DURATION} at ${OFFERED_RATE} req/s offered` : `wrk -t2 -c${CONNECTIONS} -d${DURATION}`;
  console.log(`\n${how} × ${ROUNDS} rounds, engine ${process.env.WADDLEAI_TEST_ENGINE}, ${navigator.hardwareConcurrency} cores`);
  console.log("| round | limits | req/s | gateway CPU µs/request | p50 ms | p99 ms | non-2xx |\n|---:|---|---:|---:|---:|---:|---:|");
  for (const [index, run] of runs.entries()) {
    console.log(`| ${Math.floor(index / 2) + 1} | ${run.mode} | ${run.rps.toFixed(0)} | ${run.cpuUsPerRequest.toFixed(1)} | ${run.p50Ms.toFixed(2)} | ${run.p99Ms.toFixed(2)} | ${run.non2xx} |`);
  }
  const perRound = Array.from({ length: ROUNDS }, (_, round) => {
    const pair = runs.slice(2 * round, 2 * round + 2);
    return (pair.find((run) => run.mode === "on")?.rps ?? Number.NaN) / (pair.find((run) => run.mode === "off")?.rps ?? Number.NaN);
  });
  const sorted = [...perRound].sort((a, b) => a - b);
  const median = ROUNDS % 2 === 1 ? (sorted[(ROUNDS - 1) / 2] as number) : ((sorted[ROUNDS / 2 - 1] as number) + (sorted[ROUNDS / 2] as number)) / 2;
  console.log(`\nper-round on/off: ${perRound.map((ratio) => ratio.toFixed(3)).join(", ")}; median ${median.toFixed(3)}`);
  const [meanRatio, halfWidth] = meanWithInterval(perRound);
  console.log(`mean of per-round ratios ${meanRatio.toFixed(3)}, 95% confidence interval ${(meanRatio - halfWidth).toFixed(3)}–${(meanRatio + halfWidth).toFixed(3)} (${ROUNDS} rounds, ${WARMUP_ROUNDS} warm-up)`);
  console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(2)).join(" ")} (other work on the machine widens the spread between rounds)`);
  console.log(`\nmean req/s: off ${mean("off").toFixed(0)}, on ${mean("on").toFixed(0)}; on/off = ${(mean("on") / mean("off")).toFixed(3)}`);
  const cpu = (mode: "off" | "on") => runs.filter((run) => run.mode === mode).reduce((sum, run) => sum + run.cpuUsPerRequest, 0) / ROUNDS;
  console.log(`gateway CPU per request: off ${cpu("off").toFixed(1)} µs, on ${cpu("on").toFixed(1)} µs (+${(cpu("on") - cpu("off")).toFixed(1)} µs, ${((100 * (cpu("on") - cpu("off"))) / cpu("off")).toFixed(1)}%)`);
  if (OFFERED_RATE > 0) {
    // Served at the same rate, the keys differ in what each request costs: per-round ratios, on/off.
    const ratios = (field: "cpuUsPerRequest" | "p50Ms" | "p99Ms") =>
      Array.from({ length: ROUNDS }, (_, round) => {
        const pair = runs.slice(2 * round, 2 * round + 2);
        return (pair.find((run) => run.mode === "on")?.[field] ?? Number.NaN) / (pair.find((run) => run.mode === "off")?.[field] ?? Number.NaN);
      });
    for (const [label, field] of [["gateway CPU per request", "cpuUsPerRequest"], ["p50 latency", "p50Ms"], ["p99 latency", "p99Ms"]] as const) {
      const [meanOf, half] = meanWithInterval(ratios(field));
      console.log(`${label} on/off: mean of rounds ${meanOf.toFixed(3)}, 95% confidence interval ${(meanOf - half).toFixed(3)}–${(meanOf + half).toFixed(3)}`);
    }
  }
} finally {
  await gateway?.stop();
  await database?.drop().catch(() => {});
  for (const child of children) child.kill();
}
