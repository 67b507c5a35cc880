// Micro-benchmark of the per-request metrics calls: `bun bench/metrics.ts`.
// Reports ns per call for the cached-children Metrics methods, next to prom-client's own
// `metric.labels(...)` per call (what the cache saves) for comparison.
import { Counter, Histogram, Registry } from "prom-client";
import { createMetrics, REQUEST_BUCKETS, type RequestObservation } from "../src/metrics/registry.ts";

const ITERATIONS = 500_000;
const ROUNDS = 5;
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5", "llama3.1:8b"];

/** Best of ROUNDS, so a busy machine's noise shows as little as possible. */
function time(name: string, run: (i: number) => void): number {
  for (let i = 0; i < 50_000; i++) run(i); // warm-up: JIT and label children
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = Bun.nanoseconds();
    for (let i = 0; i < ITERATIONS; i++) run(i);
    best = Math.min(best, (Bun.nanoseconds() - start) / ITERATIONS);
  }
  console.log(`${name.padEnd(62)} ${best.toFixed(0).padStart(6)} ns/call`);
  return best;
}

const metrics = createMetrics({ defaultMetrics: false });
const observations: RequestObservation[] = MODELS.map((model, i) => ({
  endpoint: "chat",
  model,
  provider: i < 2 ? "openai" : i === 2 ? "anthropic" : "ollama",
  link: `link-${i}`,
  status: i === 3 ? 429 : 200,
  durationS: 0.8 + i,
  upstreamS: 0.75 + i,
  ttftS: 0.2,
  overheadS: 0.00012,
}));
const usage = { promptTokens: 812, completionTokens: 240, cachedTokens: 128, cacheWriteTokens: 0, reasoningTokens: 64 };

time("observeRequest (5 series, 4 histograms)", (i) => metrics.observeRequest(observations[i & 3] as RequestObservation));
time("addTokens (5 token types + normalised)", (i) => metrics.addTokens("openai", MODELS[i & 3] as string, usage, 130));
time("inFlight +1/-1", (i) => metrics.inFlight("chat", i & 1 ? -1 : 1));
const links = ["link-0", "link-1", "link-2", "link-3"];
time("upstreamAttempt", (i) => metrics.upstreamAttempt("openai", links[i & 3] as string, "ok"));
time("observeRequest without upstream/ttft (2 histograms)", (i) => {
  const o = observations[i & 3] as RequestObservation;
  metrics.observeRequest({ ...o, upstreamS: undefined, ttftS: undefined });
});

// prom-client used directly, resolving labels on every call: what the child cache avoids.
const registry = new Registry();
const counter = new Counter({
  name: "bench_requests_total",
  help: "bench",
  labelNames: ["endpoint", "model", "provider", "link", "status"] as const,
  registers: [registry],
});
const histogram = new Histogram({
  name: "bench_duration_seconds",
  help: "bench",
  labelNames: ["endpoint", "model", "provider", "status"] as const,
  buckets: REQUEST_BUCKETS,
  registers: [registry],
});
time("uncached: counter.labels().inc + histogram.labels().observe", (i) => {
  const o = observations[i & 3] as RequestObservation;
  counter.labels(o.endpoint, o.model, o.provider, o.link, "2xx").inc();
  histogram.labels(o.endpoint, o.model, o.provider, "2xx").observe(o.durationS);
});
time("uncached: counter.inc({labels}) + histogram.observe({labels})", (i) => {
  const o = observations[i & 3] as RequestObservation;
  counter.inc({ endpoint: o.endpoint, model: o.model, provider: o.provider, link: o.link, status: "2xx" });
  histogram.observe({ endpoint: o.endpoint, model: o.model, provider: o.provider, status: "2xx" }, o.durationS);
});

const renderStart = performance.now();
const text = await metrics.render();
console.log(`render: ${(performance.now() - renderStart).toFixed(2)} ms for ${text.length} bytes`);
