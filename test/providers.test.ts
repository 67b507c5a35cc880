// Providers end to end with the official openai SDK: the links ANTHROPIC_API_KEY and OLLAMA_URL create at
// start, against fake Anthropic and Ollama upstreams replying with recorded wire fixtures (chat, streams,
// tools, images, embeddings, usage) and upstream errors normalised into OpenAI's envelope.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import OpenAI from "openai";
import { type FakeAnthropic, startFakeAnthropic } from "./support/fake-anthropic.ts";
import { type FakeOllama, startFakeOllama } from "./support/fake-ollama.ts";
import { call, type DatabaseHandle, freshDatabase, type Gateway, startGateway } from "./support/gateway.ts";
import { createKey, createLink, usageOf } from "./support/setup.ts";

const ENV_ANTHROPIC_KEY = "sk-ant-from-the-environment-0123456789";
const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const WEATHER_TOOL = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Weather in a city",
    parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  },
};

let database: DatabaseHandle;
let gateway: Gateway;
let anthropic: FakeAnthropic;
let ollama: FakeOllama;
let adminKey: string;
let client: OpenAI;

interface LinkView {
  id: string;
  name: string;
  provider: string;
  endpoint_url: string;
  has_api_key: boolean;
  model_list: unknown;
}

beforeAll(async () => {
  anthropic = startFakeAnthropic({ apiKey: ENV_ANTHROPIC_KEY });
  ollama = startFakeOllama();
  database = await freshDatabase();
  gateway = await startGateway({ database, env: { ANTHROPIC_API_KEY: ENV_ANTHROPIC_KEY, OLLAMA_URL: ollama.url } });
  adminKey = gateway.adminKey ?? "";
  const links = (await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey })).body as { data: LinkView[] };
  const fromEnv = links.data.find((link) => link.provider === "anthropic");
  if (!fromEnv) throw new Error("no anthropic link from the environment");
  // Point the environment's link at the fake; its key stays the one from ANTHROPIC_API_KEY.
  const patched = await call(`${gateway.mgmtUrl}/config/links/${fromEnv.id}`, {
    method: "PATCH",
    token: adminKey,
    body: { endpoint_url: anthropic.url, model_list: ["claude-sonnet-4-5", "fail-400", "fail-401", "fail-529"] },
  });
  expect(patched.status).toBe(200);
  await createLink(gateway, adminKey, {
    name: "ollama-errors",
    provider: "ollama",
    endpoint_url: ollama.url,
    api_key: undefined,
    model_list: ["fail-400", "fail-500"],
  });
  client = new OpenAI({
    apiKey: (await createKey(gateway, adminKey, { name: "providers" })).key,
    baseURL: `${gateway.proxyUrl}/v1`,
    maxRetries: 0,
  });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  anthropic?.stop();
  ollama?.stop();
  await database?.drop();
}, 60_000);

function lastAnthropicRequest() {
  const last = anthropic.received.at(-1);
  if (!last) throw new Error("the fake Anthropic received nothing");
  return last;
}

function lastOllamaChat() {
  const last = ollama.received.filter((request) => request.path === "/api/chat").at(-1);
  if (!last) throw new Error("the fake Ollama received no chat");
  return last;
}

describe("links from the environment", () => {
  test("ANTHROPIC_API_KEY and OLLAMA_URL created one link each; Ollama's models are discovered from /api/tags", async () => {
    const links = ((await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey })).body as { data: LinkView[] }).data;
    expect(links.find((link) => link.name === "anthropic")).toMatchObject({ provider: "anthropic", has_api_key: true });
    expect(links.find((link) => link.name === "ollama")).toMatchObject({
      provider: "ollama",
      endpoint_url: ollama.url,
      has_api_key: false,
    });
    expect(JSON.stringify(links)).not.toContain(ENV_ANTHROPIC_KEY);
    const deadline = Date.now() + 10_000;
    let models: string[] = [];
    while (Date.now() < deadline) {
      models = (await client.models.list()).data.map((model) => model.id);
      if (models.includes("llama3.2:latest")) break;
      await Bun.sleep(200);
    }
    expect(models).toEqual(expect.arrayContaining(["claude-sonnet-4-5", "deepseek-r1:latest", "llama3.2:latest"]));
    expect(ollama.received.some((request) => request.path === "/api/tags" && request.method === "GET")).toBe(true);
  });
});

describe("openai SDK → Anthropic upstream", () => {
  test("chat: translated request with the link's key and version, recorded answer and usage", async () => {
    const { data, response } = await client.chat.completions
      .create({
        model: "claude-sonnet-4-5",
        messages: [
          { role: "system", content: "Be kind." },
          { role: "user", content: "How are you?" },
        ],
      })
      .withResponse();
    expect(data.choices[0]?.message.content).toStartWith("Hello! I'm doing well");
    expect(data.choices[0]?.finish_reason).toBe("stop");
    expect(data.model).toBe("claude-sonnet-4-5");
    expect(data.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 29, total_tokens: 41 });
    const sent = lastAnthropicRequest();
    expect(sent).toMatchObject({ method: "POST", path: "/v1/messages" });
    expect(sent.headers["x-api-key"]).toBe(ENV_ANTHROPIC_KEY);
    expect(sent.headers["anthropic-version"]).toBe("2023-06-01");
    expect(sent.body).toMatchObject({ model: "claude-sonnet-4-5", system: "Be kind.", max_tokens: 4096, messages: [{ role: "user" }] });
    expect(response.headers.get("x-waddleai-link")).toBe("anthropic");
    const recorded = await usageOf(gateway, adminKey, response.headers.get("x-request-id") ?? "");
    expect(recorded).toMatchObject({ prompt_tokens: 12, completion_tokens: 29, estimated: false });
  });

  test("stream with usage: padded SSE and pings translated to chat chunks", async () => {
    const stream = await client.chat.completions.create({
      model: "claude-sonnet-4-5",
      messages: [{ role: "user", content: "1+1?" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish ??= chunk.choices[0]?.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe("2");
    expect(finish).toBe("stop");
    expect(usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 5 });
    expect(lastAnthropicRequest().body).toMatchObject({ stream: true });
  });

  test("tools: parallel tool_use blocks become tool_calls; tools were sent as input_schema", async () => {
    const data = await client.chat.completions.create({
      model: "claude-sonnet-4-5",
      messages: [{ role: "user", content: "Who is youngest?" }],
      tools: [WEATHER_TOOL],
    });
    const calls = data.choices[0]?.message.tool_calls ?? [];
    expect(calls).toHaveLength(4);
    expect(data.choices[0]?.finish_reason).toBe("tool_calls");
    const first = calls[0];
    if (first?.type !== "function") throw new Error("expected a function call");
    expect(first.id).toBe("toolu_0167cfEnoQaPviGdVXA95zcu");
    expect(JSON.parse(first.function.arguments)).toEqual({ name: "Alice" });
    expect(lastAnthropicRequest().body?.tools).toEqual([
      { name: "get_weather", description: "Weather in a city", input_schema: WEATHER_TOOL.function.parameters },
    ]);
  });

  test("tools streamed: input_json_delta fragments arrive as tool_call argument fragments", async () => {
    const stream = await client.chat.completions.create({
      model: "claude-sonnet-4-5",
      messages: [{ role: "user", content: "Weather in Paris?" }],
      tools: [WEATHER_TOOL],
      stream: true,
    });
    let args = "";
    let name = "";
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        name ||= call.function?.name ?? "";
        args += call.function?.arguments ?? "";
      }
    }
    expect(name).toBe("get_weather");
    expect(JSON.parse(args)).toEqual({ location: "Paris" });
  });

  test("images: a data: URL becomes a base64 image block", async () => {
    await client.chat.completions.create({
      model: "claude-sonnet-4-5",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PIXEL}` } },
          ],
        },
      ],
    });
    const content = ((lastAnthropicRequest().body?.messages ?? []) as { content: unknown[] }[])[0]?.content;
    expect(content).toEqual([
      { type: "text", text: "What is this?" },
      { type: "image", source: { type: "base64", media_type: "image/png", data: PIXEL } },
    ]);
  });

  test("errors: 400 stays 400; 401 becomes 502 about the link's credentials without the key; 529 becomes 503", async () => {
    const bad = await client.chat.completions
      .create({ model: "fail-400", messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    const auth = await client.chat.completions
      .create({ model: "fail-401", messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect(auth).toBeInstanceOf(OpenAI.APIError);
    expect((auth as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((auth as InstanceType<typeof OpenAI.APIError>).message).toMatch(/credentials/);
    expect(JSON.stringify((auth as InstanceType<typeof OpenAI.APIError>).error)).not.toContain(ENV_ANTHROPIC_KEY);
    const overloaded = await client.chat.completions
      .create({ model: "fail-529", messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect((overloaded as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
  });
});

describe("openai SDK → Ollama upstream", () => {
  test("chat: native /api/chat with stream:false, recorded answer and eval counts as usage", async () => {
    const data = await client.chat.completions.create({
      model: "llama3.2:latest",
      messages: [{ role: "user", content: "Who are you?" }],
      max_tokens: 100,
    });
    expect(data.choices[0]?.message.content).toStartWith("I'm Qwen");
    expect(data.usage).toMatchObject({ prompt_tokens: 33, completion_tokens: 57 });
    const sent = lastOllamaChat();
    expect(sent.method).toBe("POST");
    expect(sent.body).toMatchObject({
      model: "llama3.2:latest",
      stream: false,
      options: { num_predict: 100 },
      messages: [{ role: "user", content: "Who are you?" }],
    });
  });

  test("stream: NDJSON lines become chat chunks, final counts become the usage chunk", async () => {
    const stream = await client.chat.completions.create({
      model: "llama3.2:latest",
      messages: [{ role: "user", content: "Who are you?" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toStartWith("I am Gr");
    expect(usage).toMatchObject({ prompt_tokens: 37, completion_tokens: 37 });
  });

  test("tools: object arguments become JSON strings with ids; streamed calls arrive whole", async () => {
    const data = await client.chat.completions.create({
      model: "llama3.2:latest",
      messages: [{ role: "user", content: "Tigers game?" }],
      tools: [WEATHER_TOOL],
    });
    const calls = (data.choices[0]?.message.tool_calls ?? []).flatMap((call) => (call.type === "function" ? [call] : []));
    expect(calls.map((call) => call.function.name)).toEqual(["search", "weather"]);
    expect(JSON.parse(calls[1]?.function.arguments ?? "")).toEqual({ city: "Detroit" });
    expect(calls.every((call) => typeof call.id === "string" && call.id.length > 0)).toBe(true);
    expect(data.choices[0]?.finish_reason).toBe("tool_calls");
    expect(lastOllamaChat().body?.tools).toEqual([WEATHER_TOOL]);

    const stream = await client.chat.completions.create({
      model: "llama3.2:latest",
      messages: [{ role: "user", content: "Tigers game?" }],
      tools: [WEATHER_TOOL],
      stream: true,
    });
    const names: string[] = [];
    for await (const chunk of stream)
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) if (call.function?.name) names.push(call.function.name);
    expect(names).toEqual(["weather", "search"]);
  });

  test("images: data: URLs become Ollama's base64 images", async () => {
    await client.chat.completions.create({
      model: "llama3.2:latest",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PIXEL}` } },
          ],
        },
      ],
    });
    expect(((lastOllamaChat().body?.messages ?? []) as unknown[])[0]).toEqual({ role: "user", content: "What is this?", images: [PIXEL] });
  });

  test("embeddings: the SDK's default base64 encoding is produced from Ollama's float arrays", async () => {
    const result = await client.embeddings.create({ model: "llama3.2:latest", input: "hello" });
    expect(result.data[0]?.embedding.length).toBe(256);
    expect(ollama.received.at(-1)).toMatchObject({ path: "/api/embed", method: "POST" });
  });

  test("errors: Ollama's 400 stays 400, 500 becomes 502", async () => {
    const bad = await client.chat.completions
      .create({ model: "fail-400", messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect((bad as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
    const broken = await client.chat.completions
      .create({ model: "fail-500", messages: [{ role: "user", content: "x" }] })
      .catch((error: unknown) => error);
    expect((broken as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  });
});

describe("fakes saw only well-formed requests", () => {
  test("no request to the fakes broke the real APIs' rules", () => {
    expect(anthropic.violations).toEqual([]);
    expect(ollama.violations).toEqual([]);
  });
});
