import { describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { createMetrics, type Metrics, noopMetrics, statusClass } from "./registry.ts";
import { metricsRoute } from "./routes.ts";

const NAMES = [
  "waddleai_requests_total",
  "waddleai_request_duration_seconds",
  "waddleai_upstream_duration_seconds",
  "waddleai_time_to_first_token_seconds",
  "waddleai_gateway_overhead_seconds",
  "waddleai_llm_tokens_total",
  "waddleai_normalized_tokens_total",
  "waddleai_active_connections",
  "waddleai_usage_buffer_depth",
  "waddleai_usage_writes_total",
  "waddleai_usage_events_dropped_total",
  "waddleai_upstream_attempts_total",
  "waddleai_link_health",
  "waddleai_security_events_total",
  "waddleai_rate_limited_total",
];

function exercise(metrics: Metrics): void {
  metrics.inFlight("chat", 1);
  metrics.observeRequest({
    endpoint: "chat",
    model: "gpt-4o",
    provider: "openai",
    link: "openai-main",
    status: 200,
    durationS: 1.2,
    upstreamS: 1.1,
    ttftS: 0.3,
    overheadS: 0.0004,
  });
  metrics.addTokens(
    "openai",
    "gpt-4o",
    { promptTokens: 100, completionTokens: 50, cachedTokens: 20, cacheWriteTokens: 5, reasoningTokens: 7 },
    20,
  );
  metrics.upstreamAttempt("openai", "openai-main", "ok");
  metrics.setLinkState("openai-main", "closed");
  metrics.usageBuffer(3);
  metrics.usageWrite("ok", 10);
  metrics.usageWrite("dropped", 2);
  metrics.securityEvent("prompt_injection", "block");
  metrics.rateLimited("key", "rpm");
}

/** The sample line for a metric with exactly these labels, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const open = line.indexOf("{");
    const close = line.lastIndexOf("}");
    const found: Record<string, string> = {};
    if (open >= 0 && open < line.indexOf(" ")) {
      for (const m of line.slice(open + 1, close).matchAll(/(\w+)="([^"]*)"/g)) found[m[1] ?? ""] = m[2] ?? "";
    }
    const value = line.slice((open >= 0 && open < line.indexOf(" ") ? close : name.length) + 1).trim();
    if (JSON.stringify(Object.entries(found).sort()) === JSON.stringify(Object.entries(labels).sort())) {
      return Number(value);
    }
  }
  return undefined;
}

describe("createMetrics", () => {
  test("render contains every metric after use, with default process metrics", async () => {
    const metrics = createMetrics();
    exercise(metrics);
    const text = await metrics.render();
    for (const name of NAMES) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toContain("process_cpu_seconds_total");
    expect(metrics.contentType).toStartWith("text/plain; version=0.0.4");
  });

  test("labels and values are what was recorded", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    exercise(metrics);
    exercise(metrics);
    metrics.observeRequest({
      endpoint: "embeddings",
      model: "text-embedding-3-small",
      provider: "",
      link: "",
      status: 503,
      durationS: 0.02,
      overheadS: 0.0001,
    });
    metrics.setLinkState("openai-main", "open");
    metrics.inFlight("chat", -1);
    const text = await metrics.render();
    const req = { endpoint: "chat", model: "gpt-4o", provider: "openai", link: "openai-main", status: "2xx" };
    expect(sample(text, "waddleai_requests_total", req)).toBe(2);
    expect(
      sample(text, "waddleai_requests_total", {
        endpoint: "embeddings",
        model: "text-embedding-3-small",
        provider: "none",
        link: "none",
        status: "5xx",
      }),
    ).toBe(1);
    expect(
      sample(text, "waddleai_request_duration_seconds_count", {
        endpoint: "chat",
        model: "gpt-4o",
        provider: "openai",
        status: "2xx",
      }),
    ).toBe(2);
    expect(
      sample(text, "waddleai_request_duration_seconds_bucket", {
        endpoint: "chat",
        model: "gpt-4o",
        provider: "openai",
        status: "2xx",
        le: "1",
      }),
    ).toBe(0);
    expect(
      sample(text, "waddleai_time_to_first_token_seconds_sum", {
        provider: "openai",
        link: "openai-main",
        model: "gpt-4o",
      }),
    ).toBeCloseTo(0.6);
    expect(sample(text, "waddleai_gateway_overhead_seconds_count", { endpoint: "chat" })).toBe(2);
    expect(sample(text, "waddleai_gateway_overhead_seconds_bucket", { endpoint: "chat", le: "0.0005" })).toBe(2);
    // No upstream time was given for the failed embeddings request: no series for it.
    expect(text).not.toContain('waddleai_upstream_duration_seconds_count{provider="none"');

    const tok = (type: string) => sample(text, "waddleai_llm_tokens_total", { provider: "openai", model: "gpt-4o", type });
    expect([tok("prompt"), tok("completion"), tok("cached"), tok("cache_write"), tok("reasoning")]).toEqual([
      200, 100, 40, 10, 14,
    ]);
    expect(sample(text, "waddleai_normalized_tokens_total", { provider: "openai", model: "gpt-4o" })).toBe(40);
    expect(sample(text, "waddleai_active_connections", { endpoint: "chat" })).toBe(1);
    expect(sample(text, "waddleai_usage_buffer_depth", {})).toBe(3);
    expect(sample(text, "waddleai_usage_writes_total", { result: "ok" })).toBe(20);
    expect(sample(text, "waddleai_usage_writes_total", { result: "dropped" })).toBe(4);
    expect(sample(text, "waddleai_usage_events_dropped_total", {})).toBe(4);
    expect(
      sample(text, "waddleai_upstream_attempts_total", { provider: "openai", link: "openai-main", outcome: "ok" }),
    ).toBe(2);
    expect(sample(text, "waddleai_link_health", { link: "openai-main", state: "open" })).toBe(1);
    expect(sample(text, "waddleai_link_health", { link: "openai-main", state: "closed" })).toBe(0);
    expect(sample(text, "waddleai_link_health", { link: "openai-main", state: "half_open" })).toBe(0);
    expect(sample(text, "waddleai_security_events_total", { category: "prompt_injection", action: "block" })).toBe(2);
    expect(sample(text, "waddleai_rate_limited_total", { scope: "key", kind: "rpm" })).toBe(2);
  });

  test("no key, user or organisation label exists on any WaddleAI metric", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    exercise(metrics);
    const text = await metrics.render();
    const allowed = new Set([
      "endpoint",
      "model",
      "provider",
      "link",
      "status",
      "type",
      "result",
      "outcome",
      "state",
      "category",
      "action",
      "scope",
      "kind",
      "le",
    ]);
    const seen = new Set<string>();
    for (const line of text.split("\n")) {
      if (!line.startsWith("waddleai_")) continue;
      for (const m of line.matchAll(/[{,](\w+)="/g)) seen.add(m[1] ?? "");
    }
    for (const name of seen) expect(allowed.has(name)).toBe(true);
    for (const forbidden of ["key", "key_id", "user", "user_id", "org", "organization_id"]) {
      expect(seen.has(forbidden)).toBe(false);
    }
  });

  test("registries are private: two instances do not share values or the global registry", async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.rateLimited("org", "quota");
    expect(await a.render()).toContain('waddleai_rate_limited_total{scope="org",kind="quota"} 1');
    expect(await b.render()).not.toContain('scope="org"');
    const { register } = await import("prom-client");
    expect(await register.metrics()).not.toContain("waddleai_");
  });

  test("bad values are ignored rather than thrown", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    expect(() => {
      metrics.observeRequest({
        endpoint: "chat",
        model: "m",
        provider: "p",
        link: "l",
        status: 0,
        durationS: Number.NaN,
        upstreamS: -1,
        ttftS: Number.POSITIVE_INFINITY,
        overheadS: -0.1,
      });
      metrics.addTokens(
        "p",
        "m",
        { promptTokens: -5, completionTokens: Number.NaN, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
        -1,
      );
      metrics.usageBuffer(Number.NaN);
      metrics.usageWrite("failed", -3);
    }).not.toThrow();
    const text = await metrics.render();
    expect(sample(text, "waddleai_requests_total", { endpoint: "chat", model: "m", provider: "p", link: "l", status: "other" })).toBe(1);
    expect(text).not.toContain("waddleai_llm_tokens_total{");
  });

  test("past maxSeries, new models fold into model=\"other\"", async () => {
    const metrics = createMetrics({ defaultMetrics: false, maxSeries: 3 });
    for (let i = 0; i < 10; i++) {
      const model = `invented-${i}`;
      metrics.observeRequest({ endpoint: "chat", model, provider: "p", link: "l", status: 404, durationS: 0.001, overheadS: 0.0001 });
      metrics.addTokens("p", model, { promptTokens: 1, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }, 1);
    }
    const text = await metrics.render();
    const req = (model: string) =>
      sample(text, "waddleai_requests_total", { endpoint: "chat", model, provider: "p", link: "l", status: "4xx" });
    expect(req("invented-0")).toBe(1);
    expect(req("invented-2")).toBe(1);
    expect(req("invented-3")).toBeUndefined();
    expect(req("other")).toBe(7);
    expect(sample(text, "waddleai_llm_tokens_total", { provider: "p", model: "other", type: "prompt" })).toBe(7);
  });

  test("statusClass", () => {
    expect([200, 201, 302, 400, 429, 499, 500, 504, 0, 600, 99].map(statusClass)).toEqual([
      "2xx",
      "2xx",
      "3xx",
      "4xx",
      "4xx",
      "4xx",
      "5xx",
      "5xx",
      "other",
      "other",
      "other",
    ]);
  });
});

describe("noopMetrics", () => {
  test("implements every method of the real thing and records nothing", async () => {
    const real = createMetrics({ defaultMetrics: false });
    const noop = noopMetrics();
    const realKeys = Object.keys(real).sort();
    expect(Object.keys(noop).sort()).toEqual(realKeys);
    for (const key of realKeys) {
      expect(typeof noop[key as keyof Metrics]).toBe(typeof real[key as keyof Metrics]);
    }
    expect(() => exercise(noop)).not.toThrow();
    expect(await noop.render()).toBe("");
  });
});

describe("GET /metrics", () => {
  test("answers the text format with the Prometheus content type", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    exercise(metrics);
    const app = new Elysia().use(metricsRoute(metrics));
    const response = await app.handle(new Request("http://localhost/metrics"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(metrics.contentType);
    const body = await response.text();
    expect(body).toContain("# TYPE waddleai_requests_total counter");
    expect(body).toContain('waddleai_rate_limited_total{scope="key",kind="rpm"} 1');
  });
});
