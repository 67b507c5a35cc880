// `bun bench/limits-hot-path.ts`: nanoseconds per request of the two limit gates on the proxy hot
// path — RateLimitGate and QuotaGate `check` + `settle` — for the request bench/limits.ts sends, with
// rpm/tpm/daily/monthly set (high) on key, user and organisation. In-memory lease store; each request's
// quota release is kept with its stand-in usage event until a batch of them is dropped, as the usage
// writer keeps events until its batch commits. Not a test (no .test.ts).
//
//   bun bench/limits-hot-path.ts            # BENCH_ITERATIONS=1000000 BENCH_ROUNDS=5
//   bun --cpu-prof-md bench/limits-hot-path.ts
//   BENCH_THRASH_KB=4096 BENCH_ITERATIONS=20000 bun bench/limits-hot-path.ts
//
// With BENCH_THRASH_KB, every request is preceded by a walk over that much memory (one read and write
// per 64-byte line), the way a real request's parsing, fetch and JSON evict the gates' state from
// the caches; the walk's own time, measured alone, is subtracted.
import type { KeyRecord } from "../src/auth/key-cache.ts";
import { GatewayError } from "../src/errors.ts";
import { createLogger } from "../src/log.ts";
import { noopMetrics } from "../src/metrics/registry.ts";
import type { GateInput, GatePass, SettledUsage } from "../src/proxy/gate.ts";
import { RateTable } from "../src/usage/rates.ts";
import { LeaseLedger } from "../src/limits/ledger.ts";
import { MemoryLeaseStore } from "../src/limits/lease-store.ts";
import { LimitPolicies } from "../src/limits/policies.ts";
import { QuotaGate } from "../src/limits/quota-gate.ts";
import { RateLimitGate } from "../src/limits/rate-limit-gate.ts";
import { systemClock } from "../src/limits/windows.ts";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HIGH = { rpm: 1_000_000_000, tpm: 1_000_000_000, daily_quota: 1_000_000_000_000, monthly_quota: 10_000_000_000_000 };

const key: KeyRecord = {
  id: "11111111-1111-4111-8111-111111111111", keyHash: "h", prefix: "wa-x", name: "", userId: "22222222-2222-4222-8222-222222222222", username: "u",
  role: "user", organizationId: "33333333-3333-4333-8333-333333333333", allowedModels: null, expiresAt: null, active: true,
  rpm: HIGH.rpm, tpm: HIGH.tpm, dailyQuota: HIGH.daily_quota, monthlyQuota: HIGH.monthly_quota, securityPolicy: null, organizationSecurityPolicy: null,
};
const quiet = createLogger("error", {}, () => {});
const store = new MemoryLeaseStore();
const ledger = new LeaseLedger({ store, clock: systemClock, log: quiet });
const policies = new LimitPolicies(async () => [], quiet);
policies.replace([
  { scope_type: "user", scope_id: key.userId, ...HIGH },
  { scope_type: "organization", scope_id: key.organizationId, ...HIGH },
]);
const common = { ledger, policies, metrics: noopMetrics(), clock: systemClock, defaultMaxTokens: 4096 };
const gates = [new RateLimitGate({ ...common, windowMs: 60_000 }), new QuotaGate({ ...common, rates: new RateTable() })];

let sequence = 0;
/** Stand-ins for the usage events awaiting the writer's batch: what each request hands over. */
const events: { requestId: string; release: SettledUsage["release"] }[] = [];
let headerCount = 0;

/** One request: what the handler does with the gates (a fresh parsed body each time, as from JSON). */
async function request(): Promise<void> {
  const requestId = `req_${++sequence}`;
  const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "What is the capital of France?" }], max_tokens: 64 };
  const input: GateInput = { requestId, key, operation: "chat", format: "openai", model: "gpt-4o-mini", body, maxTokens: 64 };
  const passes: GatePass[] = [];
  for (const gate of gates) {
    let verdict = gate.check(input);
    if (verdict instanceof Promise) verdict = await verdict;
    if (verdict instanceof GatewayError) throw verdict;
    passes.push(verdict);
  }
  const headers: Record<string, string> = {};
  for (const pass of passes) if (pass.headers) Object.assign(headers, pass.headers);
  for (const _ in headers) headerCount++;
  // One SettledUsage per request, as the handler builds it.
  const usage: SettledUsage = { promptTokens: 14, completionTokens: 8, waddleaiTokens: 1, status: 200, release: null };
  for (const pass of passes) pass.settle?.(usage);
  events.push({ requestId, release: usage.release });
  // The usage writer's batch commits: its events (and the releases they carry) go.
  if (events.length >= 256) events.length = 0;
}

/** Process CPU time (all threads: the JIT's and the garbage collector's helpers too) per request, ns. */
const cpuPerRequest: number[] = [];

const thrashBuffer = new Uint8Array(Number(process.env.BENCH_THRASH_KB ?? 0) * 1024);
let thrashSink = 0;
function thrash(): void {
  for (let i = 0; i < thrashBuffer.length; i += 64) {
    const value = thrashBuffer[i] as number;
    thrashBuffer[i] = value + 1;
    thrashSink += value;
  }
}

/** ns per iteration of the memory walk alone (0 without BENCH_THRASH_KB). */
function thrashCost(): number {
  if (thrashBuffer.length === 0) return 0;
  const started = Bun.nanoseconds();
  for (let index = 0; index < ITERATIONS; index++) thrash();
  return (Bun.nanoseconds() - started) / ITERATIONS;
}

async function round(): Promise<number> {
  const cpuBefore = process.cpuUsage();
  const started = Bun.nanoseconds();
  for (let index = 0; index < ITERATIONS; index++) {
    if (thrashBuffer.length > 0) thrash();
    const done = request();
    // Leases resolve on a later microtask; only the rare lease path needs awaiting.
    if (index % 4096 === 0) {
      await done;
      ledger.tick();
    }
  }
  const elapsed = (Bun.nanoseconds() - started) / ITERATIONS;
  const cpu = process.cpuUsage(cpuBefore);
  const walk = thrashCost();
  cpuPerRequest.push(((cpu.user + cpu.system) * 1000) / ITERATIONS - walk);
  return elapsed - walk;
}

await round(); // warm-up: JIT, first leases
cpuPerRequest.length = 0;
const results: number[] = [];
for (let index = 0; index < ROUNDS; index++) results.push(await round());
results.sort((a, b) => a - b);
console.log(`gates check+settle: ${results.map((ns) => ns.toFixed(0)).join(" / ")} ns per request (sorted, ${ROUNDS} × ${ITERATIONS}); median ${results[Math.floor(ROUNDS / 2)]?.toFixed(0)} ns`);
cpuPerRequest.sort((a, b) => a - b);
console.log(`process CPU (all threads) per request: median ${cpuPerRequest[Math.floor(ROUNDS / 2)]?.toFixed(0)} ns`);
if (thrashBuffer.length > 0) console.log(`(memory walk of ${thrashBuffer.length / 1024} KB before each request, its own time subtracted; sink ${thrashSink % 2})`);
if (headerCount === 0) throw new Error("no rate-limit headers: limits not applied");
await ledger.stop();
