// The Anthropic-compatible ingress with the official @anthropic-ai/sdk: /v1/messages served by an
// OpenAI upstream (translated both ways) and by an Anthropic upstream, streams, tools and tool results,
// count_tokens, and errors in Anthropic's envelope.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import { type FakeAnthropic, startFakeAnthropic } from "./support/fake-anthropic.ts";
import { type FakeOpenAI, startFakeOpenAI } from "./support/fake-openai.ts";
import { call, type DatabaseHandle, freshDatabase, type Gateway, startGateway } from "./support/gateway.ts";
import { createKey, createLink } from "./support/setup.ts";

const OPENAI_FIXTURES = join(import.meta.dir, "..", "..", "shared", "wire-fixtures", "openai-chat");
const WEATHER = {
  name: "get_weather",
  description: "Weather in a city",
  input_schema: { type: "object" as const, properties: { location: { type: "string" } }, required: ["location"] },
};

let database: DatabaseHandle;
let gateway: Gateway;
let openai: FakeOpenAI;
let anthropic: FakeAnthropic;
let adminKey: string;
let userKey: string;
/** A key limited to one model, made before any traffic. */
let limitedKey: string;
let client: Anthropic;

beforeAll(async () => {
  openai = startFakeOpenAI({ reply: "Paris is the capital." });
  // Tool requests get OpenAI's recorded tool-call answers, unless the last message is a tool result.
  openai.override = (_model, body) => {
    const messages = Array.isArray(body?.messages) ? (body.messages as { role?: string }[]) : [];
    if (!Array.isArray(body?.tools) || messages.at(-1)?.role === "tool") return null;
    if (body.stream === true) {
      return new Response(readFileSync(join(OPENAI_FIXTURES, "stream-tool-call-single.sse"), "utf8"), {
        headers: { "content-type": "text/event-stream" },
      });
    }
    return new Response(readFileSync(join(OPENAI_FIXTURES, "nonstream-tool-calls.json"), "utf8"), {
      headers: { "content-type": "application/json" },
    });
  };
  anthropic = startFakeAnthropic();
  database = await freshDatabase();
  gateway = await startGateway({ database });
  adminKey = gateway.adminKey ?? "";
  await createLink(gateway, adminKey, {
    name: "openai-fake",
    endpoint_url: openai.url,
    model_list: ["gpt-4o-mini", "fail-400", "fail-401"],
  });
  await createLink(gateway, adminKey, {
    name: "anthropic-fake",
    provider: "anthropic",
    endpoint_url: anthropic.url,
    api_key: anthropic.apiKey,
    model_list: ["claude-sonnet-4-5"],
  });
  userKey = (await createKey(gateway, adminKey, { name: "messages" })).key;
  limitedKey = (await createKey(gateway, adminKey, { name: "limited", allowed_models: ["claude-sonnet-4-5"] })).key;
  client = new Anthropic({ apiKey: userKey, baseURL: gateway.proxyUrl, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  openai?.stop();
  anthropic?.stop();
  await database?.drop();
}, 60_000);

function textOf(message: Anthropic.Message): string {
  return message.content.map((block) => (block.type === "text" ? block.text : "")).join("");
}

describe("/v1/messages served by an OpenAI upstream", () => {
  test("non-stream: Anthropic message shape with usage", async () => {
    const message = await client.messages.create({
      model: "gpt-4o-mini",
      max_tokens: 100,
      system: "Be brief.",
      messages: [{ role: "user", content: "Capital of France?" }],
    });
    expect(message.type).toBe("message");
    expect(message.model).toBe("gpt-4o-mini");
    expect(textOf(message)).toBe("Paris is the capital.");
    expect(message.stop_reason).toBe("end_turn");
    expect(message.usage.output_tokens).toBe(4);
    const sent = openai.received.at(-1)?.body;
    expect(sent).toMatchObject({
      model: "gpt-4o-mini",
      max_tokens: 100,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Capital of France?" },
      ],
    });
  });

  test("stream: the SDK's stream helper assembles the final message", async () => {
    const stream = client.messages.stream({ model: "gpt-4o-mini", max_tokens: 100, messages: [{ role: "user", content: "Capital?" }] });
    let deltas = "";
    stream.on("text", (text) => {
      deltas += text;
    });
    const final = await stream.finalMessage();
    expect(deltas).toBe("Paris is the capital.");
    expect(textOf(final)).toBe("Paris is the capital.");
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });

  test("tools: OpenAI tool calls become tool_use blocks (stream and not); tool results go back as tool messages", async () => {
    const message = await client.messages.create({
      model: "gpt-4o-mini",
      max_tokens: 100,
      tools: [WEATHER],
      messages: [{ role: "user", content: "Weather?" }],
    });
    expect(message.stop_reason).toBe("tool_use");
    const uses = message.content.filter((block) => block.type === "tool_use");
    expect(uses.map((block) => (block.type === "tool_use" ? [block.id, block.name, block.input] : null))).toEqual([
      ["call_fdNz3vOBKYgOIpMdWotB9MjY", "GetWeatherArgs", { city: "Edinburgh", country: "GB", units: "c" }],
      ["call_h1DWI1POMJLb0KwIyQHWXD4p", "get_stock_price", { ticker: "AAPL", exchange: "NASDAQ" }],
    ]);
    expect(openai.received.at(-1)?.body?.tools).toEqual([
      { type: "function", function: { name: "get_weather", description: "Weather in a city", parameters: WEATHER.input_schema } },
    ]);

    const streamed = await client.messages
      .stream({ model: "gpt-4o-mini", max_tokens: 100, tools: [WEATHER], messages: [{ role: "user", content: "Capital?" }] })
      .finalMessage();
    const use = streamed.content.find((block) => block.type === "tool_use");
    expect(use?.type === "tool_use" ? [use.name, use.input] : null).toEqual(["get_capital", { country: "UK" }]);

    const answer = await client.messages.create({
      model: "gpt-4o-mini",
      max_tokens: 100,
      tools: [WEATHER],
      messages: [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { location: "Paris" } }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "18°C, sunny" }] },
      ],
    });
    expect(textOf(answer)).toBe("Paris is the capital.");
    const sent = openai.received.at(-1)?.body?.messages as Record<string, unknown>[];
    expect(sent.at(-2)).toMatchObject({ role: "assistant", tool_calls: [{ id: "toolu_1", function: { name: "get_weather" } }] });
    expect(sent.at(-1)).toEqual({ role: "tool", tool_call_id: "toolu_1", content: "18°C, sunny" });
  });

  test("errors in Anthropic's envelope: 400 stays 400, upstream 401 → 502 about the link's credentials", async () => {
    const bad = await client.messages
      .create({ model: "fail-400", max_tokens: 10, messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(Anthropic.BadRequestError);
    expect((bad as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error" },
    });
    const auth = await client.messages
      .create({ model: "fail-401", max_tokens: 10, messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect((auth as InstanceType<typeof Anthropic.APIError>).status).toBe(502);
    expect(JSON.stringify((auth as InstanceType<typeof Anthropic.APIError>).error)).toMatch(/credentials/);
    expect(JSON.stringify((auth as InstanceType<typeof Anthropic.APIError>).error)).not.toContain("sk-fake-upstream-secret");
    const unknown = await client.messages
      .create({ model: "nope", max_tokens: 10, messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    const noKey = new Anthropic({ apiKey: "wa-thisisnotarealkeythisisnotarealkey12345678", baseURL: gateway.proxyUrl, maxRetries: 0 });
    expect(
      await noKey.messages
        .create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: "x" }] })
        .catch((error: unknown) => error),
    ).toBeInstanceOf(Anthropic.AuthenticationError);
  });
});

describe("/v1/messages served by an Anthropic upstream", () => {
  test("non-stream and stream, with the link's own key and version upstream", async () => {
    const message = await client.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      messages: [{ role: "user", content: "How are you?" }],
    });
    expect(textOf(message)).toStartWith("Hello! I'm doing well");
    expect(message.usage).toMatchObject({ input_tokens: 12, output_tokens: 29 });
    const sent = anthropic.received.at(-1);
    expect(sent?.headers["x-api-key"]).toBe(anthropic.apiKey);
    expect(sent?.headers["anthropic-version"]).toBeTruthy();
    const final = await client.messages
      .stream({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: "1+1?" }] })
      .finalMessage();
    expect(textOf(final)).toBe("2");
    expect(final.usage.output_tokens).toBe(5);
  });

  test("stream + tools + tool result round trip", async () => {
    const first = await client.messages
      .stream({ model: "claude-sonnet-4-5", max_tokens: 200, tools: [WEATHER], messages: [{ role: "user", content: "Weather in Paris?" }] })
      .finalMessage();
    expect(first.stop_reason).toBe("tool_use");
    const use = first.content.find((block) => block.type === "tool_use");
    if (use?.type !== "tool_use") throw new Error("no tool_use block");
    expect([use.name, use.input]).toEqual(["get_weather", { location: "Paris" }]);
    expect(textOf(first)).toBe("I'll check the current weather in Paris for you.");

    const second = await client.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 200,
      tools: [WEATHER],
      messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "assistant", content: first.content },
        { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "18°C, sunny" }] },
      ],
    });
    expect(second.stop_reason).toBe("end_turn");
    const sent = anthropic.received.at(-1)?.body?.messages as {
      role: string;
      content: { type: string; tool_use_id?: string; id?: string }[];
    }[];
    expect(sent.at(-2)?.content.some((block) => block.type === "tool_use" && block.id === use.id)).toBe(true);
    expect(sent.at(-1)?.content[0]).toMatchObject({ type: "tool_result", tool_use_id: use.id });
    expect(anthropic.violations).toEqual([]);
  });
});

describe("POST /v1/messages/count_tokens", () => {
  test("counts the prompt locally, with x-api-key or Bearer; nothing goes upstream", async () => {
    const before = anthropic.received.length + openai.received.length;
    const counted = await client.messages.countTokens({
      model: "claude-sonnet-4-5",
      system: "Be brief.",
      messages: [{ role: "user", content: "Hello there, how are you?" }],
      tools: [WEATHER],
    });
    expect(counted.input_tokens).toBeGreaterThan(10);
    const bearer = await call(`${gateway.proxyUrl}/v1/messages/count_tokens`, {
      token: userKey,
      body: { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello there, how are you?" }] },
    });
    expect(bearer.status).toBe(200);
    const tokens = (bearer.body as { input_tokens: number }).input_tokens;
    expect(tokens).toBeGreaterThan(5);
    expect(tokens).toBeLessThan(counted.input_tokens);
    expect(anthropic.received.length + openai.received.length).toBe(before);
  });

  test("errors in Anthropic's envelope: no key 401, unknown model 404, malformed 400", async () => {
    const none = await call(`${gateway.proxyUrl}/v1/messages/count_tokens`, {
      body: { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] },
    });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    const missing = await call(`${gateway.proxyUrl}/v1/messages/count_tokens`, {
      token: userKey,
      body: { model: "nope", messages: [{ role: "user", content: "x" }] },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: "error", error: { type: "not_found_error" } });
    const malformed = await call(`${gateway.proxyUrl}/v1/messages/count_tokens`, {
      token: userKey,
      body: { model: "gpt-4o-mini", messages: "hi" },
    });
    expect(malformed.status).toBe(400);
    const refused = await call(`${gateway.proxyUrl}/v1/messages/count_tokens`, {
      headers: { "x-api-key": limitedKey },
      body: { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] },
    });
    expect(refused.status).toBe(403);
  });
});
