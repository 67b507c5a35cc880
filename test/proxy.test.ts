// The OpenAI-compatible proxy end to end: the official openai SDK against the gateway, the gateway against
// a fake OpenAI upstream that records what it receives.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import OpenAI from "openai";
import { call, type Gateway } from "./support/gateway.ts";
import { type FakeOpenAI, startFakeOpenAI } from "./support/fake-openai.ts";
import { createKey, createLink, type ProxyFixture, startProxyFixture, usageOf } from "./support/setup.ts";

let fixture: ProxyFixture;
let gateway: Gateway;
let upstream: FakeOpenAI;
let adminKey: string;
let userKey: string;
let client: OpenAI;

const MODELS = ["gpt-4o-mini", "text-embedding-3-small", "fail-500", "fail-400", "fail-401", "hang", "reset-mid", "slow-stream", "no-usage"];

beforeAll(async () => {
  fixture = await startProxyFixture({ models: MODELS, linkName: "fake-openai", linkOptions: { first_byte_timeout_ms: 1500 }, env: { MAX_BODY_BYTES: "200000" } });
  ({ gateway, upstream, adminKey } = fixture);
  userKey = (await createKey(gateway, adminKey, { name: "sdk" })).key;
  client = new OpenAI({ apiKey: userKey, baseURL: `${gateway.proxyUrl}/v1`, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
}, 60_000);

function lastReceived() {
  const last = upstream.received.at(-1);
  if (!last) throw new Error("upstream received nothing");
  return last;
}

describe("models", () => {
  test("lists only the models the key may use", async () => {
    const all = await client.models.list();
    expect(all.data.map((model) => model.id).sort()).toEqual([...MODELS].sort());
    const limited = await createKey(gateway, adminKey, { allowed_models: ["gpt-4o-mini"] });
    const limitedClient = new OpenAI({ apiKey: limited.key, baseURL: `${gateway.proxyUrl}/v1`, maxRetries: 0 });
    expect((await limitedClient.models.list()).data.map((model) => model.id)).toEqual(["gpt-4o-mini"]);
    const refused = await limitedClient.chat.completions.create({ model: "no-usage", messages: [{ role: "user", content: "hi" }] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).code).toBe("model_not_allowed");
  });
});

describe("chat completions", () => {
  test("non-stream: answer, usage with waddleai_tokens, upstream saw the request untouched", async () => {
    const { data, response } = await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "What is the capital of France?" }], temperature: 0.2, seed: 7 })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe(upstream.reply);
    const usage = data.usage as unknown as Record<string, number>;
    expect(usage.prompt_tokens).toBe(14);
    expect(usage.completion_tokens).toBe(6);
    expect(usage.waddleai_tokens).toBe(Math.ceil(14 / 10) + Math.ceil(6 / 5));
    const received = lastReceived();
    expect(received.path).toBe("/v1/chat/completions");
    expect(received.headers.authorization).toBe("Bearer sk-fake-upstream-secret");
    expect(received.body).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2, seed: 7, messages: [{ role: "user", content: "What is the capital of France?" }] });
    const requestId = response.headers.get("x-request-id") ?? "";
    expect(response.headers.get("x-waddleai-link")).toBe("fake-openai");
    const recorded = await usageOf(gateway, adminKey, requestId);
    expect(recorded).toMatchObject({ prompt_tokens: 14, completion_tokens: 6, cached_tokens: 4, reasoning_tokens: 2, waddleai_tokens: 4, estimated: false, status: 200, endpoint: "chat" });
  });

  test("stream with include_usage: chunks as sent, usage chunk with waddleai_tokens, recorded", async () => {
    const { data: stream, response } = await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "capital?" }], stream: true, stream_options: { include_usage: true } })
      .withResponse();
    let text = "";
    let usage: Record<string, number> | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage as unknown as Record<string, number>;
    }
    expect(text).toBe(upstream.reply);
    expect(usage).toMatchObject({ prompt_tokens: 14, completion_tokens: 6, waddleai_tokens: 4 });
    expect(lastReceived().body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const recorded = await usageOf(gateway, adminKey, response.headers.get("x-request-id") ?? "");
    expect(recorded).toMatchObject({ prompt_tokens: 14, completion_tokens: 6, waddleai_tokens: 4, estimated: false, status: 200 });
    expect(recorded.ttft_ms).not.toBeNull();
  });

  test("stream without include_usage: no usage chunk reaches the client, usage is still recorded exactly", async () => {
    const { data: stream, response } = await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "capital?" }], stream: true })
      .withResponse();
    let sawUsage = false;
    let text = "";
    for await (const chunk of stream) {
      if (chunk.usage) sawUsage = true;
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(sawUsage).toBe(false);
    expect(text).toBe(upstream.reply);
    // The gateway asked the upstream for usage although the client did not.
    expect(lastReceived().body).toMatchObject({ stream_options: { include_usage: true } });
    const recorded = await usageOf(gateway, adminKey, response.headers.get("x-request-id") ?? "");
    expect(recorded).toMatchObject({ prompt_tokens: 14, completion_tokens: 6, estimated: false });
  });

  test("tools, tool_choice, response_format, images and unknown fields pass through byte-for-byte", async () => {
    const payload = {
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "You are terse." },
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this image? Call the tool." },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", detail: "low" } },
          ],
        },
      ],
      tools: [{ type: "function", function: { name: "describe", description: "Describe an image", parameters: { type: "object", properties: { what: { type: "string" } }, required: ["what"] }, strict: true } }],
      tool_choice: { type: "function", function: { name: "describe" } },
      response_format: { type: "json_object" },
      logprobs: true,
      top_logprobs: 2,
      future_field_2027: { nested: [1, "two", null] },
    };
    const response = await fetch(`${gateway.proxyUrl}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${userKey}`, "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    expect(response.status).toBe(200);
    expect(lastReceived().body).toEqual(payload);
  });

  test("an upstream without usage: the gateway counts with tiktoken and marks the record estimated", async () => {
    const { data, response } = await client.chat.completions.create({ model: "no-usage", messages: [{ role: "user", content: "hello there" }] }).withResponse();
    const usage = data.usage as unknown as Record<string, number>;
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.completion_tokens).toBeGreaterThan(0);
    expect(usage.waddleai_tokens).toBeGreaterThan(0);
    const recorded = await usageOf(gateway, adminKey, response.headers.get("x-request-id") ?? "");
    expect(recorded.estimated).toBe(true);
    expect(recorded.prompt_tokens).toBe(usage.prompt_tokens as number);
  });
});

describe("completions and embeddings", () => {
  test("legacy completions", async () => {
    const completion = await client.completions.create({ model: "gpt-4o-mini", prompt: "Say hi" });
    expect(completion.choices[0]?.text).toBe(upstream.reply);
    expect((completion.usage as unknown as Record<string, number>).waddleai_tokens).toBe(4);
    expect(lastReceived().path).toBe("/v1/completions");
  });

  test("embeddings with the SDK's default base64 encoding", async () => {
    const { data: result, response } = await client.embeddings.create({ model: "text-embedding-3-small", input: ["one", "two"] }).withResponse();
    expect(result.data).toHaveLength(2);
    expect(Array.from(result.data[0]?.embedding ?? [])).toEqual([0.25, -0.5, 0.125, 1]);
    expect(lastReceived().body).toMatchObject({ encoding_format: "base64", input: ["one", "two"] });
    // The contract's four usage fields, embeddings included.
    expect(result.usage as unknown as Record<string, number>).toMatchObject({ prompt_tokens: 10, completion_tokens: 0, total_tokens: 10, waddleai_tokens: 1 });
    const recorded = await usageOf(gateway, adminKey, response.headers.get("x-request-id") ?? "");
    expect(recorded).toMatchObject({ prompt_tokens: 10, completion_tokens: 0, waddleai_tokens: 1, endpoint: "embeddings" });
  });
});

describe("errors", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    call(`${gateway.proxyUrl}/v1/chat/completions`, { body, headers: { authorization: `Bearer ${userKey}`, ...headers } });

  test("401 for a missing or wrong key, in OpenAI's envelope", async () => {
    const none = await call(`${gateway.proxyUrl}/v1/chat/completions`, { body: { model: "gpt-4o-mini", messages: [] } });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: { code: "invalid_api_key", type: "invalid_request_error" } });
    const wrong = new OpenAI({ apiKey: "wa-thisisnotarealkeythisisnotarealkey12345678", baseURL: `${gateway.proxyUrl}/v1`, maxRetries: 0 });
    expect(await wrong.models.list().catch((error: unknown) => error)).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(none.headers.get("x-request-id")).toBeTruthy();
  });

  test("404 model_not_found for a model no link serves", async () => {
    const error = await client.chat.completions.create({ model: "gpt-nonexistent", messages: [{ role: "user", content: "x" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe("model_not_found");
  });

  test("400 for malformed bodies, never a 500", async () => {
    const cases: [unknown, string | null][] = [
      ["{not json", null],
      [[1, 2], null],
      [{ messages: [{ role: "user", content: "x" }] }, "model"],
      [{ model: "gpt-4o-mini" }, "messages"],
      [{ model: "gpt-4o-mini", messages: "hello" }, "messages"],
      [{ model: "gpt-4o-mini", messages: [{ content: "no role" }] }, "messages[0].role"],
      [{ model: 42, messages: [] }, "model"],
      [{ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }], stream: "yes" }, "stream"],
      [{ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }], max_tokens: -1 }, "max_tokens"],
    ];
    for (const [body, param] of cases) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect((answer.body as { error: { type: string; param: string | null } }).error.type).toBe("invalid_request_error");
      if (param) expect((answer.body as { error: { param: string } }).error.param).toBe(param);
    }
  });

  test("413 for a body over the limit", async () => {
    const big = await post({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x".repeat(300_000) }] });
    expect(big.status).toBe(413);
    expect((big.body as { error: { code: string } }).error.code).toBe("request_too_large");
    // count_tokens reads the same bodies /v1/messages accepts: the same limit, in Anthropic's envelope.
    const counted = await call(`${gateway.proxyUrl}/v1/messages/count_tokens`, {
      token: userKey,
      body: { model: "gpt-4o-mini", messages: [{ role: "user", content: "x".repeat(300_000) }] },
    });
    expect(counted.status).toBe(413);
    expect(counted.body).toMatchObject({ type: "error", error: { type: "request_too_large" } });
  });

  test("upstream 500 → 502, upstream 400 stays 400, upstream 401 → 502 without the upstream key", async () => {
    const five = await post({ model: "fail-500", messages: [{ role: "user", content: "x" }] });
    expect(five.status).toBe(502);
    const four = await post({ model: "fail-400", messages: [{ role: "user", content: "x" }] });
    expect(four.status).toBe(400);
    const auth = await post({ model: "fail-401", messages: [{ role: "user", content: "x" }] });
    expect(auth.status).toBe(502);
    expect(auth.text).not.toContain("sk-fake-upstream-secret");
    expect((auth.body as { error: { message: string } }).error.message).toMatch(/credential/i);
  });

  test("upstream 429 without a retry hint → 429 rate_limit_exceeded with a short retry-after (both envelopes)", async () => {
    // Its own upstream and link, so the shared link's circuit is not touched.
    const limited = startFakeOpenAI();
    try {
      await createLink(gateway, adminKey, { name: "limited", endpoint_url: limited.url, model_list: ["fail-429"], options: { max_retries: 0 } });
      const openai = await post({ model: "fail-429", messages: [{ role: "user", content: "x" }] });
      expect(limited.received).toHaveLength(1);
      expect(openai.status).toBe(429);
      expect(openai.body).toMatchObject({ error: { code: "rate_limit_exceeded", type: "rate_limit_error" } });
      expect(openai.headers.get("retry-after")).toBe("1");
      const anthropic = await call(`${gateway.proxyUrl}/v1/messages`, { token: userKey, body: { model: "fail-429", max_tokens: 5, messages: [{ role: "user", content: "x" }] } });
      expect(anthropic.status).toBe(429);
      expect(anthropic.body).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
      expect(anthropic.headers.get("retry-after")).toBe("1");
    } finally {
      limited.stop();
    }
  });

  test("upstream hang → 504", async () => {
    const hang = await post({ model: "hang", messages: [{ role: "user", content: "x" }] });
    expect(hang.status).toBe(504);
  });

  test("upstream reset mid-stream → a final error event, then the stream ends", async () => {
    const response = await fetch(`${gateway.proxyUrl}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${userKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "reset-mid", messages: [{ role: "user", content: "x" }], stream: true }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const events = text.split("\n\n").filter((event) => event.startsWith("data: "));
    const last = events.at(-1) ?? "";
    expect(last).toContain('"error"');
    expect(text).not.toContain("[DONE]");
    const recorded = await usageOf(gateway, adminKey, response.headers.get("x-request-id") ?? "");
    expect(recorded.status).toBeGreaterThanOrEqual(500);
    expect(recorded.estimated).toBe(true);
  });

  test("client abort mid-stream → upstream aborted, partial usage recorded as estimated", async () => {
    const before = upstream.abortedStreams;
    const controller = new AbortController();
    const response = await fetch(`${gateway.proxyUrl}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${userKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "slow-stream", messages: [{ role: "user", content: "tell me a long story" }], stream: true }),
      signal: controller.signal,
    });
    const requestId = response.headers.get("x-request-id") ?? "";
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = "";
    while (!received.includes("word3")) {
      const { value } = await reader.read();
      received += new TextDecoder().decode(value);
    }
    controller.abort();
    const deadline = Date.now() + 5000;
    while (upstream.abortedStreams === before && Date.now() < deadline) await Bun.sleep(50);
    expect(upstream.abortedStreams).toBe(before + 1);
    const recorded = await usageOf(gateway, adminKey, requestId);
    expect(recorded.estimated).toBe(true);
    expect(recorded.status).toBe(499);
    expect(recorded.completion_tokens).toBeGreaterThan(0);
    expect(recorded.prompt_tokens).toBeGreaterThan(0);
  });
});

describe("recorded usage equals what clients saw", () => {
  test("request by request, stream and non-stream", async () => {
    const seen: { requestId: string; usage: Record<string, number> }[] = [];
    for (let i = 0; i < 6; i++) {
      upstream.reply = `Answer number ${i} ${"word ".repeat(i * 3)}`.trim();
      upstream.promptTokens = 10 + i * 7;
      if (i % 2 === 0) {
        const { data, response } = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `q${i}` }] }).withResponse();
        seen.push({ requestId: response.headers.get("x-request-id") ?? "", usage: data.usage as unknown as Record<string, number> });
      } else {
        const { data: stream, response } = await client.chat.completions
          .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `q${i}` }], stream: true, stream_options: { include_usage: true } })
          .withResponse();
        let usage: Record<string, number> = {};
        for await (const chunk of stream) if (chunk.usage) usage = chunk.usage as unknown as Record<string, number>;
        seen.push({ requestId: response.headers.get("x-request-id") ?? "", usage });
      }
    }
    upstream.reply = "The capital of France is Paris.";
    upstream.promptTokens = 14;
    for (const { requestId, usage } of seen) {
      const recorded = await usageOf(gateway, adminKey, requestId);
      expect({ prompt: recorded.prompt_tokens, completion: recorded.completion_tokens, units: recorded.waddleai_tokens }).toEqual({
        prompt: usage.prompt_tokens as number,
        completion: usage.completion_tokens as number,
        units: usage.waddleai_tokens as number,
      });
    }
  });
});

describe("x-request-id", () => {
  test("on /metrics, unknown routes and wrong methods, on both ports", async () => {
    const cases: [string, string, number][] = [
      ["GET", `${gateway.proxyUrl}/metrics`, 200],
      ["GET", `${gateway.mgmtUrl}/metrics`, 200],
      ["GET", `${gateway.proxyUrl}/no-such-route`, 404],
      ["GET", `${gateway.mgmtUrl}/no-such-route`, 404],
      ["GET", `${gateway.proxyUrl}/v1/chat/completions`, 404],
      ["PUT", `${gateway.proxyUrl}/v1/chat/completions`, 404],
      ["DELETE", `${gateway.proxyUrl}/v1/models`, 404],
    ];
    for (const [method, url, status] of cases) {
      const response = await fetch(url, { method, headers: { authorization: `Bearer ${userKey}` } });
      expect({ method, url, status: response.status }).toEqual({ method, url, status });
      expect({ method, url, id: response.headers.get("x-request-id") }).toEqual({ method, url, id: expect.stringMatching(/^req_[0-9a-f]{32}$/) });
      if (status === 404) expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
      else await response.arrayBuffer();
    }
    // A client's own id is kept after the gateway's, for correlation.
    const tagged = await fetch(`${gateway.proxyUrl}/no-such-route`, { headers: { "x-request-id": "client-trace-7" } });
    expect(tagged.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}\.client-trace-7$/);
  });
});

describe("metrics", () => {
  test("Prometheus text on both ports, without key or user labels", async () => {
    for (const base of [gateway.proxyUrl, gateway.mgmtUrl]) {
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      for (const name of [
        "waddleai_requests_total",
        "waddleai_request_duration_seconds",
        "waddleai_upstream_duration_seconds",
        "waddleai_time_to_first_token_seconds",
        "waddleai_gateway_overhead_seconds",
        "waddleai_llm_tokens_total",
        "waddleai_normalized_tokens_total",
        "waddleai_active_connections",
        "waddleai_usage_buffer_depth",
      ]) {
        expect(text).toContain(name);
      }
      expect(text).not.toMatch(/key_id=|user_id=|api_key=/);
      expect(text).not.toContain(userKey);
    }
  });
});
