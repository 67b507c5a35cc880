// Prometheus metrics behind one small interface. Each Metrics object owns a private prom-client Registry
// (never the global one), so tests and several app instances in one process do not collide.
//
// The hot path calls these methods per request. prom-client validates and hashes the label values on every
// call, even through a bound child (~200 ns a counter increment, ~300 ns a histogram observation), so:
// - bound children are cached per label set — for a request, one Map lookup yields every cell it touches;
// - counters and gauges are plain numbers in our own cells, handed to prom-client in its `collect` hook
//   when the registry is read (a scrape), so an increment on the hot path is a field update;
// - histograms stay prom-client children (their bucket state has no public bulk-update API).
// Labels are low-cardinality only: never a key, user or organisation.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type Endpoint = "chat" | "completions" | "embeddings" | "messages" | "models";
export type TokenType = "prompt" | "completion" | "cached" | "cache_write" | "reasoning";
export type AttemptOutcome = "ok" | "error" | "timeout" | "rate_limited" | "connection";
export type LinkState = "closed" | "open" | "half_open";
export type UsageWriteResult = "ok" | "failed" | "dropped";
export type RateLimitScope = "key" | "user" | "org";
export type RateLimitKind = "rpm" | "tpm" | "quota";

export interface RequestObservation {
  endpoint: Endpoint;
  model: string;
  provider: string;
  link: string;
  /** The HTTP status answered to the client; recorded as its class ("2xx", "4xx", …). */
  status: number;
  /** Whole request, as the client saw it. */
  durationS: number;
  /** Time spent waiting on the upstream, when one was called. */
  upstreamS?: number;
  /** Time to the first streamed token, for streams that produced one. */
  ttftS?: number;
  /** Time spent in the gateway itself (auth, limits, scanning, routing, transforms). */
  overheadS: number;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

export interface Metrics {
  observeRequest(r: RequestObservation): void;
  addTokens(provider: string, model: string, usage: TokenUsage, waddleaiTokens: number): void;
  /** +1 when a request starts, -1 when it ends (including streams that end by client disconnect). */
  inFlight(endpoint: Endpoint, delta: 1 | -1): void;
  upstreamAttempt(provider: string, link: string, outcome: AttemptOutcome): void;
  setLinkState(link: string, state: LinkState): void;
  usageBuffer(depth: number): void;
  usageWrite(result: UsageWriteResult, rows: number): void;
  securityEvent(category: string, action: string): void;
  rateLimited(scope: RateLimitScope, kind: RateLimitKind): void;
  /** The Prometheus text exposition of everything in this object's registry. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /** Process and runtime metrics (CPU, memory, event-loop lag, GC). Default true. */
  defaultMetrics?: boolean;
  /**
   * Label sets kept per metric family before new models are folded into model="other": a guard against
   * clients inventing model names. Default 2000.
   */
  maxSeries?: number;
}

/** Request latency of LLM calls: from cached/short answers to long generations. */
export const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];
export const TTFT_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 30, 60, 120];
/** The gateway's own work per request: tens of microseconds when all is well. */
export const OVERHEAD_BUCKETS = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
];

export const OTHER = "other";
const SEP = "\u0001";
const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;

export function statusClass(status: number): string {
  return STATUS_CLASSES[Math.floor(status / 100) - 1] ?? OTHER;
}

/** An empty label reads as a missing one in PromQL; say "none" instead (e.g. no provider was chosen). */
function label(value: string): string {
  return typeof value === "string" && value.length > 0 ? value : "none";
}

function usable(value: number | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

interface Observe {
  observe(value: number): void;
}

type Labels = Record<string, string>;

/** A counter series accumulated in a plain field; its family flushes it to prom-client on scrape. */
class CounterCell {
  pending = 0;
  constructor(readonly labels: Labels) {}
  inc(value = 1): void {
    this.pending += value;
  }
}

/** A gauge series held in a plain field; its family copies it to prom-client on scrape. */
class GaugeCell {
  value = 0;
  constructor(readonly labels: Labels) {}
  inc(delta: number): void {
    this.value += delta;
  }
  set(value: number): void {
    this.value = value;
  }
}

function zipLabels(names: readonly string[], values: readonly string[]): Labels {
  const labels: Labels = {};
  for (let i = 0; i < names.length; i++) labels[names[i] ?? ""] = values[i] ?? "";
  return labels;
}

class CounterFamily {
  private readonly cells: CounterCell[] = [];
  constructor(registry: Registry, name: string, help: string, private readonly labelNames: readonly string[] = []) {
    const cells = this.cells;
    new Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        for (const cell of cells) {
          if (cell.pending > 0) {
            this.inc(cell.labels, cell.pending);
            cell.pending = 0;
          }
        }
      },
    });
  }
  /** A new series; callers cache it. */
  cell(...values: string[]): CounterCell {
    const cell = new CounterCell(zipLabels(this.labelNames, values));
    this.cells.push(cell);
    return cell;
  }
}

class GaugeFamily {
  private readonly cells: GaugeCell[] = [];
  constructor(registry: Registry, name: string, help: string, private readonly labelNames: readonly string[] = []) {
    const cells = this.cells;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        for (const cell of cells) this.set(cell.labels, cell.value);
      },
    });
  }
  cell(...values: string[]): GaugeCell {
    const cell = new GaugeCell(zipLabels(this.labelNames, values));
    this.cells.push(cell);
    return cell;
  }
}

interface RequestCells {
  requests: CounterCell;
  duration: Observe;
  upstream: Observe;
  ttft: Observe;
}

interface TokenCells {
  prompt: CounterCell;
  completion: CounterCell;
  cached: CounterCell;
  cacheWrite: CounterCell;
  reasoning: CounterCell;
  normalized: CounterCell;
}

/** A Map of bound children with a size cap; past the cap, callers fold their model label into "other". */
class ChildCache<T> {
  private readonly cells = new Map<string, T>();
  constructor(private readonly max: number) {}
  get(key: string): T | undefined {
    return this.cells.get(key);
  }
  full(): boolean {
    return this.cells.size >= this.max;
  }
  set(key: string, cells: T): T {
    this.cells.set(key, cells);
    return cells;
  }
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const maxSeries = options.maxSeries ?? 2000;
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const requestsTotal = new CounterFamily(
    registry,
    "waddleai_requests_total",
    "Requests answered, by endpoint, model, provider, provider link and status class.",
    ["endpoint", "model", "provider", "link", "status"],
  );
  const requestDuration = new Histogram({
    name: "waddleai_request_duration_seconds",
    help: "Whole-request latency as the client saw it.",
    labelNames: ["endpoint", "model", "provider", "status"] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: "waddleai_upstream_duration_seconds",
    help: "Time spent waiting on the upstream provider.",
    labelNames: ["provider", "link", "model"] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const timeToFirstToken = new Histogram({
    name: "waddleai_time_to_first_token_seconds",
    help: "Time from request to the first streamed token.",
    labelNames: ["provider", "link", "model"] as const,
    buckets: TTFT_BUCKETS,
    registers,
  });
  const gatewayOverhead = new Histogram({
    name: "waddleai_gateway_overhead_seconds",
    help: "Time spent in the gateway itself (auth, limits, scanning, routing, transforms).",
    labelNames: ["endpoint"] as const,
    buckets: OVERHEAD_BUCKETS,
    registers,
  });
  const llmTokens = new CounterFamily(
    registry,
    "waddleai_llm_tokens_total",
    "LLM tokens by type: prompt, completion, cached, cache_write, reasoning.",
    ["provider", "model", "type"],
  );
  const normalizedTokens = new CounterFamily(
    registry,
    "waddleai_normalized_tokens_total",
    "WaddleAI tokens (normalised billing units).",
    ["provider", "model"],
  );
  const activeConnections = new GaugeFamily(
    registry,
    "waddleai_active_connections",
    "Requests in flight, streams included.",
    ["endpoint"],
  );
  const usageBufferDepth = new GaugeFamily(
    registry,
    "waddleai_usage_buffer_depth",
    "Usage events waiting to be written to the database.",
  ).cell();
  const usageWrites = new CounterFamily(
    registry,
    "waddleai_usage_writes_total",
    "Usage rows by write result: ok, failed (will be retried), dropped (buffer full).",
    ["result"],
  );
  const usageEventsDropped = new CounterFamily(
    registry,
    "waddleai_usage_events_dropped_total",
    "Usage events lost because the buffer was full while the database was away.",
  ).cell();
  const upstreamAttempts = new CounterFamily(
    registry,
    "waddleai_upstream_attempts_total",
    "Upstream attempts (retries and fallbacks included) by outcome.",
    ["provider", "link", "outcome"],
  );
  const linkHealth = new GaugeFamily(
    registry,
    "waddleai_link_health",
    "Circuit-breaker state per provider link: 1 for the current state, 0 for the others.",
    ["link", "state"],
  );
  const securityEvents = new CounterFamily(
    registry,
    "waddleai_security_events_total",
    "Prompt-scanner findings by category and action taken.",
    ["category", "action"],
  );
  const rateLimitedTotal = new CounterFamily(
    registry,
    "waddleai_rate_limited_total",
    "Requests refused by a rate limit or quota, by scope (key, user, org) and kind (rpm, tpm, quota).",
    ["scope", "kind"],
  );

  const requestCells = new ChildCache<RequestCells>(maxSeries);
  const tokenCells = new ChildCache<TokenCells>(maxSeries);
  const overheadCells = new Map<string, Observe>();
  const inFlightCells = new Map<string, GaugeCell>();
  const attemptCells = new ChildCache<CounterCell>(maxSeries);
  const linkCells = new ChildCache<Record<LinkState, GaugeCell>>(maxSeries);
  const securityCells = new ChildCache<CounterCell>(maxSeries);
  const rateLimitCells = new Map<string, CounterCell>();
  const usageWriteCells = new Map<string, CounterCell>();

  function requestCellsFor(endpoint: string, model: string, provider: string, link: string, status: string): RequestCells {
    const key = endpoint + SEP + model + SEP + provider + SEP + link + SEP + status;
    const cached = requestCells.get(key);
    if (cached !== undefined) return cached;
    if (requestCells.full() && model !== OTHER) return requestCellsFor(endpoint, OTHER, provider, link, status);
    return requestCells.set(key, {
      requests: requestsTotal.cell(endpoint, model, provider, link, status),
      duration: requestDuration.labels(endpoint, model, provider, status),
      upstream: upstreamDuration.labels(provider, link, model),
      ttft: timeToFirstToken.labels(provider, link, model),
    });
  }

  function tokenCellsFor(provider: string, model: string): TokenCells {
    const key = provider + SEP + model;
    const cached = tokenCells.get(key);
    if (cached !== undefined) return cached;
    if (tokenCells.full() && model !== OTHER) return tokenCellsFor(provider, OTHER);
    return tokenCells.set(key, {
      prompt: llmTokens.cell(provider, model, "prompt"),
      completion: llmTokens.cell(provider, model, "completion"),
      cached: llmTokens.cell(provider, model, "cached"),
      cacheWrite: llmTokens.cell(provider, model, "cache_write"),
      reasoning: llmTokens.cell(provider, model, "reasoning"),
      normalized: normalizedTokens.cell(provider, model),
    });
  }

  function overheadCellFor(endpoint: string): Observe {
    let cell = overheadCells.get(endpoint);
    if (cell === undefined) {
      cell = gatewayOverhead.labels(endpoint);
      overheadCells.set(endpoint, cell);
    }
    return cell;
  }

  function add(cell: CounterCell, value: number): void {
    if (usable(value) && value > 0) cell.inc(value);
  }

  return {
    contentType: registry.contentType,

    observeRequest(r) {
      const cells = requestCellsFor(r.endpoint, label(r.model), label(r.provider), label(r.link), statusClass(r.status));
      cells.requests.inc();
      if (usable(r.durationS)) cells.duration.observe(r.durationS);
      if (usable(r.upstreamS)) cells.upstream.observe(r.upstreamS);
      if (usable(r.ttftS)) cells.ttft.observe(r.ttftS);
      if (usable(r.overheadS)) overheadCellFor(r.endpoint).observe(r.overheadS);
    },

    addTokens(provider, model, usage, waddleaiTokens) {
      const cells = tokenCellsFor(label(provider), label(model));
      add(cells.prompt, usage.promptTokens);
      add(cells.completion, usage.completionTokens);
      add(cells.cached, usage.cachedTokens);
      add(cells.cacheWrite, usage.cacheWriteTokens);
      add(cells.reasoning, usage.reasoningTokens);
      add(cells.normalized, waddleaiTokens);
    },

    inFlight(endpoint, delta) {
      let cell = inFlightCells.get(endpoint);
      if (cell === undefined) {
        cell = activeConnections.cell(endpoint);
        inFlightCells.set(endpoint, cell);
      }
      cell.inc(delta);
    },

    upstreamAttempt(provider, link, outcome) {
      const p = label(provider);
      const l = label(link);
      const key = p + SEP + l + SEP + outcome;
      let cell = attemptCells.get(key);
      // Past the cap new label sets are not recorded: this family has no model label to fold.
      if (cell === undefined && !attemptCells.full()) cell = attemptCells.set(key, upstreamAttempts.cell(p, l, outcome));
      cell?.inc();
    },

    setLinkState(link, state) {
      const l = label(link);
      let cells = linkCells.get(l);
      if (cells === undefined && !linkCells.full()) {
        cells = linkCells.set(l, {
          closed: linkHealth.cell(l, "closed"),
          open: linkHealth.cell(l, "open"),
          half_open: linkHealth.cell(l, "half_open"),
        });
      }
      if (cells === undefined) return;
      cells.closed.set(state === "closed" ? 1 : 0);
      cells.open.set(state === "open" ? 1 : 0);
      cells.half_open.set(state === "half_open" ? 1 : 0);
    },

    usageBuffer(depth) {
      if (usable(depth)) usageBufferDepth.set(depth);
    },

    usageWrite(result, rows) {
      if (!usable(rows) || rows === 0) return;
      let cell = usageWriteCells.get(result);
      if (cell === undefined) {
        cell = usageWrites.cell(result);
        usageWriteCells.set(result, cell);
      }
      cell.inc(rows);
      if (result === "dropped") usageEventsDropped.inc(rows);
    },

    securityEvent(category, action) {
      const c = label(category);
      const a = label(action);
      const key = c + SEP + a;
      let cell = securityCells.get(key);
      if (cell === undefined && !securityCells.full()) cell = securityCells.set(key, securityEvents.cell(c, a));
      cell?.inc();
    },

    rateLimited(scope, kind) {
      const key = scope + SEP + kind;
      let cell = rateLimitCells.get(key);
      if (cell === undefined) {
        cell = rateLimitedTotal.cell(scope, kind);
        rateLimitCells.set(key, cell);
      }
      cell.inc();
    },

    render() {
      return registry.metrics();
    },
  };
}

/** Same interface, records nothing: for unit tests of modules that take a Metrics. */
export function noopMetrics(): Metrics {
  const nothing = (): void => {};
  return {
    contentType: "text/plain; version=0.0.4; charset=utf-8",
    observeRequest: nothing,
    addTokens: nothing,
    inFlight: nothing,
    upstreamAttempt: nothing,
    setLinkState: nothing,
    usageBuffer: nothing,
    usageWrite: nothing,
    securityEvent: nothing,
    rateLimited: nothing,
    render: async () => "",
  };
}
