import { describe, expect, test } from "bun:test";
import Anthropic from "@anthropic-ai/sdk";
import { anthropicToOpenAIRequest } from "./request.ts";
import { openAIToAnthropicResponse } from "./response.ts";
import { OpenAIToAnthropicStream } from "./stream.ts";
import { anthropicErrorBody, anthropicErrorResponse } from "./errors.ts";
import { GatewayError } from "../../errors.ts";
import { openAIToAnthropicRequest } from "../../providers/anthropic/request.ts";
import { anthropicToOpenAIResponse } from "../../providers/anthropic/response.ts";
import { AnthropicToOpenAIStream } from "../../providers/anthropic/stream.ts";
import { OpenAIPassthroughStream } from "../../providers/openai-compatible/stream.ts";
import { parseSseText } from "../../streaming/sse.ts";
import { pushInPieces, randomCuts, readFixture, readJsonFixture, testStreamOptions } from "../../providers/shared/wire-fixtures.ts";
import type { JsonObject, ParsedResponse } from "../../providers/types.ts";

function toOpenAI(body: unknown): JsonObject {
  const result = anthropicToOpenAIRequest(body);
  if (result instanceof GatewayError) throw result;
  return result;
}

function backToAnthropic(openAI: JsonObject): JsonObject {
  const result = openAIToAnthropicRequest(openAI, String(openAI.model));
  if (result instanceof GatewayError) throw result;
  return result;
}

describe("Anthropic ingress request → OpenAI chat request", () => {
  test("parallel tool use fixture: translation and round trip", () => {
    const original = readJsonFixture("anthropic/nonstream-tool-use-parallel.request.json") as JsonObject;
    const openAI = toOpenAI(original);
    expect(openAI).toEqual({
      model: "claude-haiku-4-5",
      messages: [
        { role: "system", content: original.system },
        { role: "user", content: "Alice, Bob, Charlie and Daisy are a family. Who is the youngest?" },
      ],
      max_tokens: 4096,
      tools: [
        {
          type: "function",
          function: {
            name: "retrieve_entity_info",
            description: "Get the knowledge about the given entity.",
            parameters: { additionalProperties: false, properties: { name: { type: "string" } }, required: ["name"], type: "object" },
          },
        },
      ],
      tool_choice: "auto",
    });
    const { stream: _stream, ...withoutStream } = original;
    expect(backToAnthropic(openAI)).toEqual(withoutStream);
  });

  test("a full tool conversation round trips (assistant tool_use blocks, user tool_result blocks)", () => {
    const request = readJsonFixture("anthropic/nonstream-tool-use-parallel.request.json") as JsonObject;
    const response = readJsonFixture("anthropic/nonstream-tool-use-parallel.json") as { content: JsonObject[] };
    const toolResults = response.content
      .filter((block) => block.type === "tool_use")
      .map((block, i) => ({ type: "tool_result", tool_use_id: block.id, content: `age ${30 - i}` }));
    const conversation = {
      ...request,
      stream: true,
      messages: [...(request.messages as JsonObject[]), { role: "assistant", content: response.content }, { role: "user", content: toolResults }],
    };
    const openAI = toOpenAI(conversation);
    const messages = openAI.messages as JsonObject[];
    expect(messages.slice(2).map((message) => message.role)).toEqual(["assistant", "tool", "tool", "tool", "tool"]);
    expect((messages[2]?.tool_calls as JsonObject[] | undefined)?.[0]).toEqual({
      id: "toolu_0167cfEnoQaPviGdVXA95zcu",
      type: "function",
      function: { name: "retrieve_entity_info", arguments: '{"name":"Alice"}' },
    });
    expect(messages[3]).toEqual({ role: "tool", tool_call_id: "toolu_0167cfEnoQaPviGdVXA95zcu", content: "age 30" });
    expect(openAI.stream).toBe(true);
    expect(openAI.stream_options).toEqual({ include_usage: true });
    const back = backToAnthropic(openAI);
    expect(back.messages).toEqual(conversation.messages);
  });

  test("basic and thinking stream requests", () => {
    const basic = toOpenAI(readJsonFixture("anthropic/stream-basic.request.json"));
    expect(basic).toEqual({
      model: "claude-sonnet-4-5",
      messages: [{ role: "user", content: "What is 1+1? Answer with just the number." }],
      max_tokens: 32000,
      stream: true,
      stream_options: { include_usage: true },
    });
    const thinking = toOpenAI(readJsonFixture("anthropic/stream-thinking.request.json"));
    expect(thinking.thinking).toBeUndefined();
    expect(thinking.messages).toEqual([{ role: "user", content: "How do I cross the street?" }]);
  });

  test("system blocks, images, documents, tool_result with is_error and images, stop sequences, tool_choice", () => {
    const openAI = toOpenAI({
      model: "m",
      max_tokens: 10,
      system: [
        { type: "text", text: "You are Claude Code.", cache_control: { type: "ephemeral" } },
        { type: "text", text: "Be careful." },
      ],
      metadata: { user_id: "u" },
      stop_sequences: ["\n\nHuman:"],
      temperature: 0.5,
      top_p: 0.9,
      top_k: 5,
      tools: [{ name: "t", input_schema: { type: "object" } }],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/png", data: "AAAA" } },
            { type: "image", source: { type: "url", url: "https://x.test/a.png" } },
            { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBE" } },
            { type: "text", text: "Describe" },
          ],
        },
        { role: "assistant", content: [{ type: "thinking", thinking: "...", signature: "s" }, { type: "tool_use", id: "tu1", name: "t", input: {} }] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "tu1", is_error: true, content: [{ type: "text", text: "boom" }, { type: "image", source: { type: "url", url: "https://x.test/s.png" } }] },
            { type: "text", text: "Try again" },
          ],
        },
      ],
    });
    expect(openAI).toEqual({
      model: "m",
      max_tokens: 10,
      temperature: 0.5,
      top_p: 0.9,
      stop: ["\n\nHuman:"],
      tools: [{ type: "function", function: { name: "t", parameters: { type: "object" } } }],
      tool_choice: "required",
      parallel_tool_calls: false,
      messages: [
        { role: "system", content: "You are Claude Code.\n\nBe careful." },
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
            { type: "image_url", image_url: { url: "https://x.test/a.png" } },
            { type: "file", file: { filename: "document.pdf", file_data: "data:application/pdf;base64,JVBE" } },
            { type: "text", text: "Describe" },
          ],
        },
        { role: "assistant", content: null, tool_calls: [{ id: "tu1", type: "function", function: { name: "t", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "tu1", content: "Error: boom" },
        { role: "user", content: [{ type: "image_url", image_url: { url: "https://x.test/s.png" } }, { type: "text", text: "Try again" }] },
      ],
    });
  });

  test("tool_choice variants", () => {
    const base = { model: "m", max_tokens: 1, messages: [{ role: "user", content: "x" }], tools: [{ name: "t", input_schema: { type: "object" } }] };
    expect(toOpenAI({ ...base, tool_choice: { type: "auto" } }).tool_choice).toBe("auto");
    expect(toOpenAI({ ...base, tool_choice: { type: "none" } }).tool_choice).toBe("none");
    expect(toOpenAI({ ...base, tool_choice: { type: "tool", name: "t" } }).tool_choice).toEqual({ type: "function", function: { name: "t" } });
  });

  test("validation errors in Anthropic's envelope", () => {
    const cases: [unknown, string][] = [
      ["nope", "body"],
      [{ max_tokens: 1, messages: [{ role: "user", content: "x" }] }, "model"],
      [{ model: "m", messages: [{ role: "user", content: "x" }] }, "max_tokens"],
      [{ model: "m", max_tokens: 1, messages: [] }, "messages"],
      [{ model: "m", max_tokens: 1, messages: [{ role: "system", content: "x" }] }, "messages.0.role"],
      [{ model: "m", max_tokens: 1, messages: [{ role: "user", content: [{ type: "video" }] }] }, "messages.0.content[0].type"],
      [{ model: "m", max_tokens: 1, messages: [{ role: "user", content: [{ type: "tool_result" }] }] }, "messages.0.content[0].tool_use_id"],
      [readJsonFixture("anthropic/count-tokens.request.json"), "max_tokens"],
      [{ ...(readJsonFixture("anthropic/count-tokens.request.json") as JsonObject), max_tokens: 5 }, "tools[0].type"],
    ];
    for (const [body, param] of cases) {
      const result = anthropicToOpenAIRequest(body);
      expect(result).toBeInstanceOf(GatewayError);
      const error = result as GatewayError;
      expect(error.param).toBe(param);
      expect(anthropicErrorBody(error)).toEqual({ type: "error", error: { type: "invalid_request_error", message: error.message, code: "invalid_request_error" } });
    }
  });

  test("error envelope for other statuses", async () => {
    expect(anthropicErrorBody(new GatewayError("rate_limit_exceeded", "slow down"), "req_1")).toEqual({
      type: "error",
      error: { type: "rate_limit_error", message: "slow down", code: "rate_limit_exceeded" },
      request_id: "req_1",
    });
    expect(anthropicErrorBody(new GatewayError("insufficient_quota", "quota")).error).toMatchObject({ type: "rate_limit_error", code: "insufficient_quota" });
    expect(anthropicErrorBody(new GatewayError("content_policy_violation", "blocked")).error).toMatchObject({ type: "invalid_request_error", code: "content_policy_violation" });
    expect(anthropicErrorBody(new GatewayError("invalid_api_key", "bad key")).error.type).toBe("authentication_error");
    expect(anthropicErrorBody(new GatewayError("model_not_found", "no")).error.type).toBe("not_found_error");
    expect(anthropicErrorBody(new GatewayError("upstream_unavailable", "busy")).error.type).toBe("overloaded_error");
    expect(anthropicErrorBody(new GatewayError("upstream_error", "bad")).error.type).toBe("api_error");
    const response = anthropicErrorResponse(new GatewayError("model_not_allowed", "not for you"), "req_2");
    expect(response.status).toBe(403);
    expect(response.headers.get("x-request-id")).toBe("req_2");
    expect(response.headers.get("request-id")).toBe("req_2");
    expect(await response.json()).toEqual({ type: "error", error: { type: "permission_error", message: "not for you", code: "model_not_allowed" }, request_id: "req_2" });
  });
});

function providerResponse(fixture: string): JsonObject {
  const parsed = anthropicToOpenAIResponse(readJsonFixture(fixture), "claude") as ParsedResponse;
  return parsed.body;
}

describe("OpenAI response → Anthropic message", () => {
  test("round trip of the parallel tool-use fixture", () => {
    const original = readJsonFixture("anthropic/nonstream-tool-use-parallel.json") as JsonObject;
    const message = openAIToAnthropicResponse(providerResponse("anthropic/nonstream-tool-use-parallel.json"), "claude-haiku-4-5");
    expect(message.id).toMatch(/^msg_/);
    expect(message).toMatchObject({ type: "message", role: "assistant", model: "claude-haiku-4-5", stop_reason: "tool_use", stop_sequence: null });
    expect(message.content).toEqual(original.content);
    expect(message.usage).toEqual({ input_tokens: 423, output_tokens: 202, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
  });

  test("cache accounting converts back: input excludes cache reads and writes", () => {
    const message = openAIToAnthropicResponse(providerResponse("anthropic/usage-with-cache.json"), "m");
    expect(message.usage).toEqual({ input_tokens: 3, output_tokens: 33, cache_creation_input_tokens: 418, cache_read_input_tokens: 1111 });
    expect(message.stop_reason).toBe("end_turn");
  });

  test("OpenAI fixtures", () => {
    const cached = openAIToAnthropicResponse(readJsonFixture("openai-chat/usage-with-cached-tokens.json") as JsonObject, "m");
    expect(cached.usage).toEqual({ input_tokens: 8, output_tokens: 4, cache_creation_input_tokens: 0, cache_read_input_tokens: 4012 });
    expect(cached.content).toEqual([{ type: "text", text: "OK" }]);
    const tools = openAIToAnthropicResponse(readJsonFixture("openai-chat/nonstream-tool-calls.json") as JsonObject, "m");
    expect(tools.stop_reason).toBe("tool_use");
    expect(tools.content).toEqual([
      { type: "tool_use", id: "call_fdNz3vOBKYgOIpMdWotB9MjY", name: "GetWeatherArgs", input: { city: "Edinburgh", country: "GB", units: "c" } },
      { type: "tool_use", id: "call_h1DWI1POMJLb0KwIyQHWXD4p", name: "get_stock_price", input: { ticker: "AAPL", exchange: "NASDAQ" } },
    ]);
    const length = openAIToAnthropicResponse({ choices: [{ message: { content: "" }, finish_reason: "length" }] }, "m");
    expect(length.stop_reason).toBe("max_tokens");
    expect(length.content).toEqual([]);
  });
});

/** Decodes Anthropic SSE with the official SDK, as Claude Code would. */
async function sdkFinalMessage(sse: string): Promise<Anthropic.Message> {
  const client = new Anthropic({
    apiKey: "test",
    maxRetries: 0,
    fetch: async () => new Response(sse, { headers: { "content-type": "text/event-stream" } }),
  });
  return client.messages.stream({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "x" }] }).finalMessage();
}

function throughBoth(fixture: string, cuts: readonly number[] = []): { sse: string; ingress: OpenAIToAnthropicStream } {
  const provider = new AnthropicToOpenAIStream(testStreamOptions(true));
  const ingress = new OpenAIToAnthropicStream({ model: "claude-client", estimatedInputTokens: 10 });
  const sse = pushInPieces(readFixture(fixture), cuts, (piece) => ingress.push(provider.push(piece))) + ingress.push(provider.finish()) + ingress.finish();
  return { sse, ingress };
}

describe("OpenAI chunks → Anthropic SSE", () => {
  test("Anthropic stream fixtures survive Anthropic → OpenAI → Anthropic and decode with the SDK", async () => {
    for (const fixture of ["anthropic/stream-basic.sse", "anthropic/stream-tool-use.sse", "anthropic/stream-tool-use.docs.sse"]) {
      const { sse, ingress } = throughBoth(fixture);
      const message = await sdkFinalMessage(sse);
      const expected = { text: "", tools: [] as { id: string; name: string; json: string }[], stop: "", output: 0 };
      for (const event of parseSseText(readFixture(fixture))) {
        const data = JSON.parse(event.data) as JsonObject;
        const delta = (data.delta ?? {}) as JsonObject;
        const block = (data.content_block ?? {}) as JsonObject;
        if (data.type === "content_block_start" && block.type === "tool_use") expected.tools.push({ id: String(block.id), name: String(block.name), json: "" });
        if (delta.type === "text_delta") expected.text += String(delta.text);
        const tool = expected.tools.at(-1);
        if (delta.type === "input_json_delta" && tool) tool.json += String(delta.partial_json);
        if (data.type === "message_delta") {
          expected.stop = String(delta.stop_reason);
          expected.output = Number((data.usage as JsonObject).output_tokens);
        }
      }
      const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
      expect(text).toBe(expected.text);
      const tools = message.content.flatMap((block) => (block.type === "tool_use" ? [{ id: block.id, name: block.name, input: block.input }] : []));
      expect(tools).toEqual(expected.tools.map(({ id, name, json }) => ({ id, name, input: JSON.parse(json) as unknown })));
      expect(message.stop_reason).toBe(expected.stop as Anthropic.Message["stop_reason"]);
      expect(message.usage.output_tokens).toBe(expected.output);
      expect(message.model).toBe("claude-client");
      expect(ingress.finished).toBe(true);
    }
  });

  test("usage: input tokens exclude cache, estimate shown first", async () => {
    const { sse, ingress } = throughBoth("anthropic/stream-basic.sse");
    const events = parseSseText(sse);
    expect(events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect((JSON.parse(events[0]?.data ?? "") as { message: { usage: JsonObject } }).message.usage).toEqual({ input_tokens: 10, output_tokens: 0 });
    expect((JSON.parse(events[4]?.data ?? "") as { usage: JsonObject }).usage).toEqual({
      input_tokens: 20,
      output_tokens: 5,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
    expect(ingress.usage?.promptTokens).toBe(20);
    const message = await sdkFinalMessage(sse);
    expect(message.usage.input_tokens).toBe(20);
  });

  test("same output at any split", () => {
    const strip = (text: string) => text.replace(/"(msg|toolu)_[A-Za-z0-9]+"/g, '""');
    for (const fixture of ["anthropic/stream-tool-use.sse", "anthropic/stream-thinking.sse"]) {
      const whole = strip(throughBoth(fixture).sse);
      const length = readFixture(fixture).length;
      for (let seed = 1; seed <= 10; seed++) expect(strip(throughBoth(fixture, randomCuts(length, 25, seed)).sse)).toBe(whole);
    }
  });

  test("OpenAI parallel tool-call stream → two tool_use blocks", async () => {
    const provider = new OpenAIPassthroughStream("chat", testStreamOptions(true));
    const ingress = new OpenAIToAnthropicStream({ model: "m" });
    const sse = ingress.push(provider.push(readFixture("openai-chat/stream-tool-calls.sse"))) + ingress.push(provider.finish()) + ingress.finish();
    const message = await sdkFinalMessage(sse);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content.map((block) => (block.type === "tool_use" ? [block.name, block.input] : block.type))).toEqual([
      ["GetWeatherArgs", { city: "Edinburgh", country: "GB", units: "c" }],
      ["get_stock_price", { ticker: "AAPL", exchange: "NASDAQ" }],
    ]);
    expect(message.usage).toMatchObject({ input_tokens: 149, output_tokens: 60 });
  });

  test("OpenAI text stream with cached tokens and length stop", () => {
    const ingress = new OpenAIToAnthropicStream({ model: "m" });
    const chunk = (body: JsonObject) => `data: ${JSON.stringify(body)}\n\n`;
    const sse =
      ingress.push(
        chunk({ choices: [{ index: 0, delta: { role: "assistant", content: "Hel" } }] }) +
          chunk({ choices: [{ index: 0, delta: { content: "lo" }, finish_reason: "length" }] }) +
          chunk({ choices: [], usage: { prompt_tokens: 100, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 60 } } }) +
          "data: [DONE]\n\n",
      ) + ingress.finish();
    const events = parseSseText(sse);
    const delta = JSON.parse(events.at(-2)?.data ?? "") as { delta: JsonObject; usage: JsonObject };
    expect(delta.delta.stop_reason).toBe("max_tokens");
    expect(delta.usage).toEqual({ input_tokens: 40, output_tokens: 2, cache_creation_input_tokens: 0, cache_read_input_tokens: 60 });
  });

  test("OpenAI error events become `event: error`", async () => {
    const provider = new OpenAIPassthroughStream("chat", testStreamOptions(true));
    const ingress = new OpenAIToAnthropicStream({ model: "m" });
    const sse = ingress.push(provider.push(readFixture("openai-chat/stream-error-midstream.sse"))) + ingress.push(provider.finish()) + ingress.finish();
    const last = parseSseText(sse).at(-1);
    expect(last?.event).toBe("error");
    expect(JSON.parse(last?.data ?? "")).toEqual({
      type: "error",
      error: { type: "api_error", message: "The server had an error while processing your request. Sorry about that!" },
    });
    expect(ingress.error).not.toBeNull();
    await expect(sdkFinalMessage(sse)).rejects.toThrow();
  });

  test("Anthropic overloaded error round trips as overloaded_error", () => {
    const { sse, ingress } = throughBoth("anthropic/stream-error-event.docs.sse");
    const events = parseSseText(sse);
    expect(events.map((event) => event.event)).toEqual(["error"]);
    expect(JSON.parse(events[0]?.data ?? "")).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
    expect(ingress.finished).toBe(false);
  });

  test("a cut stream ends with an error event", () => {
    const ingress = new OpenAIToAnthropicStream({ model: "m" });
    const sse = ingress.push('data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n') + ingress.finish();
    expect(parseSseText(sse).at(-1)?.event).toBe("error");
  });
});

describe("wrong types on /v1/messages are errors, as on chat completions", () => {
  test.each([
    [{ stream: "yes" }, "stream"],
    [{ temperature: "hot" }, "temperature"],
    [{ top_p: [1] }, "top_p"],
  ])("%j", (extra, param) => {
    const result = anthropicToOpenAIRequest({ model: "m", max_tokens: 5, messages: [{ role: "user", content: "hi" }], ...extra });
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).param).toBe(param);
  });
});
