import { describe, expect, test } from "bun:test";
import { ollamaAdapter } from "./index.ts";
import { float32Base64 } from "./response.ts";
import { GatewayError } from "../../errors.ts";
import { pushInPieces, randomCuts, readFixture, readJsonFixture, reassembleChatStream, testLink, testStreamOptions } from "../shared/wire-fixtures.ts";
import type { JsonObject, Operation, ParsedResponse, UpstreamRequest } from "../types.ts";

const link = testLink({ provider: "ollama", endpointUrl: "http://localhost:11434/", apiKey: null });

function build(operation: Operation, body: JsonObject, model = "qwen3:14b"): { request: UpstreamRequest; body: JsonObject } {
  const result = ollamaAdapter.buildRequest(operation, link, body, model);
  if (result instanceof GatewayError) throw result;
  return { request: result, body: JSON.parse(result.body ?? "") as JsonObject };
}

function parse(operation: Operation, body: unknown, request: JsonObject = {}): ParsedResponse {
  const result = ollamaAdapter.parseResponse(operation, body, request, "client-model");
  if (result instanceof GatewayError) throw result;
  return result;
}

function firstChoice(body: JsonObject): { message: JsonObject; finish_reason: string; text?: string } {
  return (body.choices as { message: JsonObject; finish_reason: string }[])[0] as { message: JsonObject; finish_reason: string };
}

describe("OpenAI → Ollama requests", () => {
  test("chat: endpoint, stream false by default, options, format", () => {
    const { request, body } = build("chat", {
      model: "alias",
      messages: [
        { role: "developer", content: "Be terse." },
        { role: "user", content: "Hi" },
      ],
      temperature: 0.3,
      top_p: 0.8,
      seed: 7,
      stop: "###",
      max_tokens: 64,
      response_format: { type: "json_object" },
    });
    expect(request.url).toBe("http://localhost:11434/api/chat");
    expect(request.headers.authorization).toBeUndefined();
    expect(body).toEqual({
      model: "qwen3:14b",
      messages: [
        { role: "system", content: "Be terse." },
        { role: "user", content: "Hi" },
      ],
      options: { temperature: 0.3, top_p: 0.8, seed: 7, num_predict: 64, stop: ["###"] },
      format: "json",
      stream: false,
    });
    expect(build("chat", { messages: [{ role: "user", content: "x" }], stream: true }).body.stream).toBe(true);
  });

  test("json_schema → format schema; max_completion_tokens wins", () => {
    const schema = { type: "object", properties: { a: { type: "string" } } };
    const { body } = build("chat", {
      messages: [{ role: "user", content: "x" }],
      max_tokens: 10,
      max_completion_tokens: 20,
      response_format: { type: "json_schema", json_schema: { name: "s", schema } },
    });
    expect(body.format).toEqual(schema);
    expect((body.options as JsonObject).num_predict).toBe(20);
  });

  test("images from data URLs; http URLs are a clear 400", () => {
    const { body } = build("chat", {
      messages: [{ role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQ" } }] }],
    });
    expect(body.messages).toEqual([{ role: "user", content: "What is this?", images: ["/9j/4AAQ"] }]);
    const error = ollamaAdapter.buildRequest("chat", link, { messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://x.test/a.png" } }] }] }, "m");
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).status).toBe(400);
    expect((error as GatewayError).message).toContain("data: URLs");
  });

  test("tools pass through; tool calls get object arguments; tool results name their tool", () => {
    const fixture = readJsonFixture("openai-chat/stream-with-usage.request.json") as JsonObject;
    const { body } = build("chat", fixture);
    expect(body.tools).toEqual(fixture.tools);
    expect(body.messages).toEqual([
      { role: "user", content: "What is the capital of the UK? Use the tool, then answer." },
      { role: "assistant", content: "", tool_calls: [{ function: { name: "get_capital", arguments: { country: "UK" } } }] },
      { role: "tool", content: "London", tool_name: "get_capital" },
    ]);
    expect(build("chat", { ...fixture, tool_choice: "none" }).body.tools).toBeUndefined();
  });

  test("embeddings and completions", () => {
    const embed = build("embeddings", { input: ["a", "b"], dimensions: 256, encoding_format: "base64" }, "mxbai-embed-large");
    expect(embed.request.url).toBe("http://localhost:11434/api/embed");
    expect(embed.body).toEqual({ model: "mxbai-embed-large", input: ["a", "b"], dimensions: 256 });
    expect(ollamaAdapter.buildRequest("embeddings", link, { input: [1, 2, 3] }, "m")).toBeInstanceOf(GatewayError);
    const generate = build("completions", { prompt: "Once upon", max_tokens: 5, stream: true });
    expect(generate.request.url).toBe("http://localhost:11434/api/generate");
    expect(generate.body).toEqual({ model: "qwen3:14b", prompt: "Once upon", options: { num_predict: 5 }, stream: true });
  });

  test("model discovery from /api/tags", () => {
    expect(ollamaAdapter.buildListModelsRequest(link)?.url).toBe("http://localhost:11434/api/tags");
    expect(ollamaAdapter.parseModelList(readJsonFixture("ollama/tags.docs.json"))).toEqual(["deepseek-r1:latest", "llama3.2:latest"]);
  });
});

describe("Ollama → OpenAI responses", () => {
  test("chat", () => {
    const { body, usage } = parse("chat", readJsonFixture("ollama/chat-nonstream.json"));
    const choice = firstChoice(body);
    expect(choice.message.content).toStartWith("I'm Qwen");
    expect(choice.finish_reason).toBe("stop");
    expect(body.object).toBe("chat.completion");
    expect(body.model).toBe("client-model");
    expect(body.created).toBe(Math.floor(Date.parse("2025-01-29T23:37:41.068257Z") / 1000));
    expect(usage).toEqual({ promptTokens: 33, completionTokens: 57, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(body.usage).toMatchObject({ prompt_tokens: 33, completion_tokens: 57, total_tokens: 90 });
  });

  test("tool calls: JSON-string arguments, generated ids, finish_reason tool_calls", () => {
    const { body } = parse("chat", readJsonFixture("ollama/chat-tool-calls.json"));
    const choice = firstChoice(body);
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    const calls = choice.message.tool_calls as { id: string; type: string; function: { name: string; arguments: string } }[];
    expect(calls.map((call) => [call.function.name, JSON.parse(call.function.arguments) as unknown])).toEqual([
      ["search", { query: "time of Detroit Tigers game today" }],
      ["weather", { city: "Detroit" }],
    ]);
    expect(calls[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(calls[0]?.id).not.toBe(calls[1]?.id);
  });

  test("thinking → reasoning_content", () => {
    const { body } = parse("chat", readJsonFixture("ollama/chat-nonstream-thinking.json"));
    expect(firstChoice(body).message).toMatchObject({ content: "Got it! How can I help you with your test?", reasoning_content: expect.stringContaining("Test prompt") });
  });

  test("missing prompt_eval_count → no usage (the core estimates)", () => {
    const raw = readJsonFixture("ollama/chat-nonstream.json") as JsonObject;
    delete raw.prompt_eval_count;
    const { body, usage } = parse("chat", raw);
    expect(usage).toBeNull();
    expect(body.usage).toBeUndefined();
  });

  test("done_reason length", () => {
    const raw = { ...(readJsonFixture("ollama/chat-nonstream.json") as JsonObject), done_reason: "length" };
    expect(firstChoice(parse("chat", raw).body).finish_reason).toBe("length");
  });

  test("embeddings as floats", () => {
    const raw = readJsonFixture("ollama/embed.json") as { embeddings: number[][]; prompt_eval_count: number };
    const { body, usage } = parse("embeddings", raw, { encoding_format: "float" });
    const data = body.data as { object: string; index: number; embedding: number[] }[];
    expect(data).toHaveLength(1);
    expect(data[0]?.embedding).toEqual(raw.embeddings[0] ?? []);
    expect(body.usage).toEqual({ prompt_tokens: raw.prompt_eval_count, total_tokens: raw.prompt_eval_count });
    expect(usage?.completionTokens).toBe(0);
  });

  test("embeddings as base64 little-endian float32, decodable the way the SDKs do", () => {
    const raw = readJsonFixture("ollama/embed.json") as { embeddings: number[][] };
    const vector = raw.embeddings[0] ?? [];
    const { body } = parse("embeddings", raw, { encoding_format: "base64" });
    const encoded = (body.data as { embedding: string }[])[0]?.embedding ?? "";
    expect(typeof encoded).toBe("string");
    const bytes = Buffer.from(encoded, "base64");
    expect(bytes.length).toBe(vector.length * 4);
    const decoded = new Float32Array(bytes.buffer, bytes.byteOffset, vector.length);
    for (let i = 0; i < vector.length; i++) expect(decoded[i]).toBeCloseTo(vector[i] ?? 0, 6);
    expect(float32Base64([1])).toBe("AACAPw==");
  });

  test("embed docs example", () => {
    const { body } = parse("embeddings", readJsonFixture("ollama/embed.docs.json"));
    expect(((body.data as { embedding: number[] }[])[0]?.embedding ?? []).length).toBe(10);
  });
});

function translate(fixture: string, includeUsage: boolean, cuts: readonly number[] = [], operation: Operation = "chat") {
  const options = testStreamOptions(includeUsage);
  const translator = ollamaAdapter.createStreamTranslator(operation, options);
  const out = pushInPieces(readFixture(fixture), cuts, (piece) => translator.push(piece)) + translator.finish();
  return { out, translator, options, result: reassembleChatStream(out) };
}

describe("Ollama NDJSON stream → chat chunks", () => {
  test("chat-stream", () => {
    const lines = readFixture("ollama/chat-stream.ndjson").trim().split("\n").map((line) => JSON.parse(line) as { message: { content: string }; eval_count?: number; prompt_eval_count?: number });
    const { result, translator } = translate("ollama/chat-stream.ndjson", true);
    expect(result.role).toBe("assistant");
    expect(result.content).toBe(lines.map((line) => line.message.content).join(""));
    expect(result.finishReason).toBe("stop");
    expect(result.done).toBe(true);
    const last = lines.at(-1);
    expect(translator.usage).toEqual({ promptTokens: last?.prompt_eval_count ?? -1, completionTokens: last?.eval_count ?? -1, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(result.usage).toMatchObject({ prompt_tokens: last?.prompt_eval_count, waddleai_tokens: expect.any(Number) });
    expect(translator.finished).toBe(true);
  });

  test("no usage chunk when not asked", () => {
    const { result, translator } = translate("ollama/chat-stream.ndjson", false);
    expect(result.usage).toBeNull();
    expect(translator.usage).not.toBeNull();
  });

  test("streamed tool calls: indexes from position or function.index, ids generated", () => {
    const { result } = translate("ollama/chat-stream-tool-calls.ndjson", true);
    expect(result.toolCalls.map((call) => [call.name, JSON.parse(call.arguments) as unknown])).toEqual([
      ["weather", { city: "Detroit" }],
      ["search", { query: "Detroit Tigers game time today" }],
    ]);
    for (const call of result.toolCalls) expect(call.id).toStartWith("call_");
    expect(result.finishReason).toBe("tool_calls");
    expect(result.usage).toMatchObject({ prompt_tokens: 218, completion_tokens: 306 });
  });

  test("thinking stream → reasoning_content then content", () => {
    const { result, translator } = translate("ollama/chat-stream-thinking.ndjson", true);
    expect(result.reasoning).toStartWith('The user says "Test prompt".');
    expect(result.content.length).toBeGreaterThan(0);
    expect(result.content).not.toContain("The user says");
    expect(translator.completionText).toContain("The user says");
  });

  test("think tags inside content stay content", () => {
    const { result } = translate("ollama/chat-stream-think-tags-in-content.ndjson", false);
    expect(result.content).toStartWith("<think>\nOkay");
  });

  test("identical output at any split", () => {
    for (const fixture of ["ollama/chat-stream.ndjson", "ollama/chat-stream-thinking.ndjson"]) {
      const strip = (text: string) => text.replace(/"id":"chatcmpl-[A-Za-z0-9]+"/g, "").replace(/"created":\d+/g, "");
      const whole = strip(translate(fixture, true).out);
      const length = readFixture(fixture).length;
      for (let seed = 1; seed <= 10; seed++) expect(strip(translate(fixture, true, randomCuts(length, 40, seed)).out)).toBe(whole);
    }
  });

  test("missing prompt_eval_count in the final line → no usage; estimator used when asked", () => {
    const text = readFixture("ollama/chat-stream.ndjson").replace(/"prompt_eval_count":\d+,/, "");
    const options = testStreamOptions(true, {
      estimateUsage: (completion) => ({ promptTokens: 1, completionTokens: completion.length, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }),
    });
    const translator = ollamaAdapter.createStreamTranslator("chat", options);
    const result = reassembleChatStream(translator.push(text) + translator.finish());
    expect(translator.usage).toBeNull();
    expect(result.usage).toMatchObject({ prompt_tokens: 1 });
    expect(result.done).toBe(true);
  });

  test("error line mid-stream → error event, no [DONE]", () => {
    const { result, translator } = translate("ollama/error-mid-stream.docs.ndjson", true, [], "completions");
    expect(result.content).toBe(" Yes.Ican");
    expect(result.error).toMatchObject({ message: "an error was encountered while running the model", code: "upstream_error" });
    expect(result.done).toBe(false);
    expect(translator.error?.code).toBe("upstream_error");
  });

  test("generate stream emits text_completion chunks", () => {
    const options = testStreamOptions(true);
    const translator = ollamaAdapter.createStreamTranslator("completions", options);
    const out = translator.push('{"model":"m","response":"Hi","done":false}\n{"model":"m","response":"","done":true,"done_reason":"length","prompt_eval_count":3,"eval_count":1}\n') + translator.finish();
    const result = reassembleChatStream(out);
    expect(out).toContain('"object":"text_completion"');
    expect(result.content).toBe("Hi");
    expect(result.finishReason).toBe("length");
    expect(result.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 1 });
  });

  test("a cut stream ends with an error event", () => {
    const text = readFixture("ollama/chat-stream.ndjson");
    const translator = ollamaAdapter.createStreamTranslator("chat", testStreamOptions(true));
    const out = translator.push(text.slice(0, text.lastIndexOf('{"model"'))) + translator.finish();
    expect(reassembleChatStream(out).error?.code).toBe("upstream_error");
  });
});

describe("Ollama error normalisation", () => {
  test("docs error body and statuses", () => {
    const body = readFixture("ollama/error.docs.json");
    expect(ollamaAdapter.normalizeError(500, body, link)).toMatchObject({ code: "upstream_error", status: 502 });
    expect(ollamaAdapter.normalizeError(500, body, link).message).toContain("the model failed to generate a response");
    expect(ollamaAdapter.normalizeError(404, JSON.stringify({ error: 'model "nope" not found, try pulling it first' }), link)).toMatchObject({ code: "model_not_found", status: 404 });
    expect(ollamaAdapter.normalizeError(400, JSON.stringify({ error: "invalid options" }), link)).toMatchObject({ code: "invalid_request_error", message: "invalid options" });
  });
});
