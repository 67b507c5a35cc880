// The proxy handler's failure paths, in-process with fakes: whatever fails once the gates have run, every
// gate pass is settled exactly once (so quota reservations are handed back), and the client gets the
// gateway's envelope; bodies nested too deeply to forward are refused before any gate.
import { afterAll, describe, expect, test } from "bun:test";
import type { Sql } from "postgres";
import { hashApiKey } from "../auth/api-keys.ts";
import { KeyCache } from "../auth/key-cache.ts";
import { parseConfig } from "../config/schema.ts";
import { createLogger } from "../log.ts";
import { LeaseLedger } from "../limits/ledger.ts";
import { MemoryLeaseStore } from "../limits/lease-store.ts";
import { LimitPolicies } from "../limits/policies.ts";
import { QuotaGate } from "../limits/quota-gate.ts";
import { noopMetrics } from "../metrics/registry.ts";
import { openAIAdapter } from "../providers/openai-compatible/index.ts";
import type { ProviderAdapter } from "../providers/types.ts";
import { LinkRouter } from "../routing/router.ts";
import { linkSource, testLink } from "../routing/test-links.ts";
import { RateTable } from "../usage/rates.ts";
import { UsageWriter } from "../usage/writer.ts";
import type { GatePass, RequestGate, SettledUsage } from "./gate.ts";
import { MAX_BODY_DEPTH } from "./body.ts";
import { createProxyHandler, type Endpoint } from "./handler.ts";

const API_KEY = `wa-${"k".repeat(43)}`;
const quiet = createLogger("error", {}, () => {});

/** A key cache whose one database look-up finds API_KEY (with a daily quota of `dailyQuota`). */
function keyCache(dailyQuota: number | null): KeyCache {
  const row = {
    id: "11111111-1111-4111-8111-111111111111", key_hash: hashApiKey(API_KEY), prefix: "wa-kkkkkk", name: "", user_id: "22222222-2222-4222-8222-222222222222",
    username: "u", role: "user", organization_id: "33333333-3333-4333-8333-333333333333", allowed_models: null, expires_at: null, active: true,
    rpm: null, tpm: null, daily_quota: dailyQuota, monthly_quota: null, security_policy: null, org_security_policy: null, updated_at: new Date(),
  };
  const sql = (() => Promise.resolve([row])) as unknown as Sql;
  return new KeyCache(sql, quiet);
}

/** A gate that admits everything and counts how each pass is settled. */
function recordingGate(): RequestGate & { settled: SettledUsage[] } {
  const settled: SettledUsage[] = [];
  return {
    name: "recording",
    settled,
    check: (): GatePass => ({ settle: (usage) => settled.push({ ...usage }) }),
  };
}

function quotaGate(ledger: LeaseLedger): QuotaGate {
  const policies = new LimitPolicies(async () => [], quiet);
  policies.replace([]);
  return new QuotaGate({ ledger, policies, rates: new RateTable(), metrics: noopMetrics(), clock: Date.now, defaultMaxTokens: 100 });
}

function handlerWith(options: { gates: RequestGate[]; adapter?: Partial<ProviderAdapter>; endpointUrl?: string; dailyQuota?: number | null }) {
  const link = testLink("a", { models: ["m"] });
  link.adapter = { ...openAIAdapter, ...options.adapter };
  if (options.endpointUrl) link.config.endpointUrl = options.endpointUrl;
  const usage = new UsageWriter((() => Promise.resolve([])) as unknown as Sql, quiet, { flushMs: 60_000, batchRows: 1_000, bufferMax: 1_000 });
  const handle = createProxyHandler({
    config: parseConfig({}),
    log: quiet,
    keys: keyCache(options.dailyQuota ?? null),
    router: new LinkRouter(linkSource([link])),
    rates: new RateTable(),
    usage,
    metrics: noopMetrics(),
    gates: options.gates,
  });
  /** `body` as JSON, or as the text to send. */
  const send = (body: unknown, endpoint: Endpoint = "embeddings") => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return handle(endpoint, new Request("http://gateway/v1/x", { method: "POST", headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" }, body: text }), null);
  };
  return { send, usage };
}

/** 20 pre-tokenised tokens: 2 WaddleAI tokens at the default rate, no tokenizer needed. */
const EMBEDDING = { model: "m", input: [Array.from({ length: 20 }, (_, i) => i)] };

describe("a failure after the gates", () => {
  test("an adapter that throws: 500 internal_error, every pass settled once with nothing spent", async () => {
    const first = recordingGate();
    const second = recordingGate();
    const { send } = handlerWith({ gates: [first, second], adapter: { buildRequest: () => { throw new Error("adapter bug"); } } });
    const response = await send(EMBEDDING);
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ error: { code: "internal_error", type: "server_error" } });
    for (const gate of [first, second]) expect(gate.settled).toEqual([{ promptTokens: 0, completionTokens: 0, waddleaiTokens: 0, status: 500, release: null }]);
  });

  test("the quota reservation is handed back: a daily quota that fits one request still admits the next", async () => {
    const store = new MemoryLeaseStore();
    const ledger = new LeaseLedger({ store, clock: Date.now, log: quiet });
    const { send } = handlerWith({ gates: [quotaGate(ledger)], dailyQuota: 2, adapter: { buildRequest: () => { throw new Error("adapter bug"); } } });
    for (let i = 0; i < 3; i++) {
      // Before the fix the first reservation stayed held and the second request got 429 insufficient_quota.
      expect((await send(EMBEDDING)).status).toBe(500);
      ledger.tick();
      await Bun.sleep(0);
    }
    await ledger.stop();
    expect([...store.used.values()].every((used) => used === 0)).toBe(true);
  });

  test("a gate that throws: the passes taken before it are settled once, the client gets 500 in its envelope", async () => {
    const first = recordingGate();
    const exploding: RequestGate = { name: "exploding", check: () => { throw new Error("gate bug"); } };
    const { send } = handlerWith({ gates: [first, exploding] });
    const response = await send({ model: "m", max_tokens: 5, messages: [{ role: "user", content: "hi" }] }, "messages");
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "api_error", code: "internal_error" } });
    expect(first.settled).toHaveLength(1);
    expect(first.settled[0]?.status).toBe(500);
  });

  describe("mid-stream", () => {
    const upstream = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      fetch: () =>
        new Response('data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}\n\n', {
          headers: { "content-type": "text/event-stream" },
        }),
    });
    afterAll(() => upstream.stop(true));

    test("a translator that throws: the stream ends with an error event and every pass is settled once", async () => {
      const gate = recordingGate();
      const { send, usage } = handlerWith({
        gates: [gate],
        endpointUrl: `${upstream.url.origin}/v1`,
        adapter: {
          createStreamTranslator: (operation, options) => {
            const real = openAIAdapter.createStreamTranslator(operation, options);
            return Object.assign(Object.create(real) as typeof real, { push: (): string => { throw new Error("translator bug"); } });
          },
        },
      });
      const response = await send({ model: "m", stream: true, messages: [{ role: "user", content: "hi" }] }, "chat");
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('"code":"internal_error"');
      expect(gate.settled).toHaveLength(1);
      expect(gate.settled[0]?.status).toBe(500);
      expect(usage.depth).toBe(1);
    });
  });
});

describe("body nesting", () => {
  const brackets = (levels: number): string => `${"[".repeat(levels)}${"]".repeat(levels)}`;
  const nested = (levels: number): unknown => JSON.parse(brackets(levels));

  test("a body nested deeper than JSON.stringify can take is a 400 before any gate (OpenAI and Anthropic envelopes)", async () => {
    const gate = recordingGate();
    const { send } = handlerWith({ gates: [gate] });
    const deep = brackets(50_000);
    const openai = await send(`{"model":"m","messages":[{"role":"user","content":"hi"}],"extra":${deep}}`, "chat");
    expect(openai.status).toBe(400);
    expect(await openai.json()).toMatchObject({ error: { code: "invalid_request_error", type: "invalid_request_error" } });
    const anthropic = await send(`{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"extra":${deep}}`, "messages");
    expect(anthropic.status).toBe(400);
    expect(await anthropic.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    expect(gate.settled).toHaveLength(0);
  });

  test("the limit is the body's own depth: MAX_BODY_DEPTH levels pass, one more does not", async () => {
    const gate = recordingGate();
    const { send } = handlerWith({ gates: [gate], adapter: { buildRequest: () => { throw new Error("stop here"); } } });
    // The body object itself is one level, `extra` holds the rest.
    expect((await send({ ...EMBEDDING, extra: nested(MAX_BODY_DEPTH - 1) })).status).toBe(500);
    expect((await send({ ...EMBEDDING, extra: nested(MAX_BODY_DEPTH) })).status).toBe(400);
  });
});
