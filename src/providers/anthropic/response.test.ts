import { describe, expect, test } from "bun:test";
import { anthropicAdapter } from "./index.ts";
import { GatewayError } from "../../errors.ts";
import { forOpenAIClients, isOverloaded } from "../shared/errors.ts";
import { pushInPieces, randomCuts, readFixture, readJsonFixture, reassembleChatStream, testLink, testStreamOptions } from "../shared/wire-fixtures.ts";
import type { JsonObject, ParsedResponse } from "../types.ts";

function parse(fixture: string): ParsedResponse {
  const result = anthropicAdapter.parseResponse("chat", readJsonFixture(fixture), {}, "client-model");
  if (result instanceof GatewayError) throw result;
  return result;
}

describe("Anthropic message → chat.completion", () => {
  test("nonstream-basic", () => {
    const { body, usage } = parse("anthropic/nonstream-basic.json");
    expect(body).toMatchObject({
      id: "msg_01VdEjxAP5ahtHKrrRdNBteQ",
      object: "chat.completion",
      model: "client-model",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?" },
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 29, total_tokens: 41 },
    });
    expect(usage).toEqual({ promptTokens: 12, completionTokens: 29, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  test("parallel tool use", () => {
    const { body } = parse("anthropic/nonstream-tool-use-parallel.json");
    const choice = (body.choices as JsonObject[])[0] as { message: JsonObject; finish_reason: string };
    expect(choice.finish_reason).toBe("tool_calls");
    expect(String(choice.message.content)).toStartWith("I'll help you find out who is the youngest");
    const calls = choice.message.tool_calls as { id: string; type: string; function: { name: string; arguments: string } }[];
    expect(calls.map((call) => JSON.parse(call.function.arguments) as unknown)).toEqual([{ name: "Alice" }, { name: "Bob" }, { name: "Charlie" }, { name: "Daisy" }]);
    expect(calls[0]).toEqual({ id: "toolu_0167cfEnoQaPviGdVXA95zcu", type: "function", function: { name: "retrieve_entity_info", arguments: '{"name":"Alice"}' } });
  });

  test("cache reads and writes are added into prompt tokens", () => {
    const { body, usage } = parse("anthropic/usage-with-cache.json");
    expect(usage).toEqual({ promptTokens: 3 + 418 + 1111, completionTokens: 33, cachedTokens: 1111, cacheWriteTokens: 418, reasoningTokens: 0 });
    expect(body.usage).toEqual({
      prompt_tokens: 1532,
      completion_tokens: 33,
      total_tokens: 1565,
      prompt_tokens_details: { cached_tokens: 1111, cache_write_tokens: 418 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  test("thinking blocks are reasoning, not content", () => {
    const result = anthropicAdapter.parseResponse(
      "chat",
      {
        id: "msg_1",
        content: [
          { type: "thinking", thinking: "hmm", signature: "sig" },
          { type: "text", text: "Answer" },
        ],
        stop_reason: "max_tokens",
        usage: { input_tokens: 1, output_tokens: 2 },
      },
      {},
      "m",
    ) as ParsedResponse;
    const choice = (result.body.choices as JsonObject[])[0] as { message: JsonObject; finish_reason: string };
    expect(choice.message.content).toBe("Answer");
    expect(choice.message.reasoning_content).toBe("hmm");
    expect(choice.finish_reason).toBe("length");
  });
});

function translateStream(fixture: string, includeUsage: boolean, cuts: readonly number[] = []) {
  const options = testStreamOptions(includeUsage);
  const translator = anthropicAdapter.createStreamTranslator("chat", options);
  const out = pushInPieces(readFixture(fixture), cuts, (piece) => translator.push(piece)) + translator.finish();
  return { out, translator, options, result: reassembleChatStream(out) };
}

describe("Anthropic stream → chat chunks", () => {
  test("stream-basic", () => {
    const { result, translator, options } = translateStream("anthropic/stream-basic.sse", true);
    expect(result.role).toBe("assistant");
    expect(result.content).toBe("2");
    expect(result.finishReason).toBe("stop");
    expect(result.done).toBe(true);
    expect(result.usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 5, total_tokens: 25, waddleai_tokens: 25 });
    expect(translator.usage).toEqual({ promptTokens: 20, completionTokens: 5, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(translator.finished).toBe(true);
    expect(translator.error).toBeNull();
    expect(options.decorated).toHaveLength(1);
  });

  test("usage chunk only when asked, usage recorded either way", () => {
    const { result, translator, options } = translateStream("anthropic/stream-basic.sse", false);
    expect(result.usage).toBeNull();
    expect(result.done).toBe(true);
    expect(translator.usage?.completionTokens).toBe(5);
    expect(options.decorated).toHaveLength(0);
  });

  test("stream-tool-use: text then one tool call with the full arguments", () => {
    const { result, translator } = translateStream("anthropic/stream-tool-use.sse", true);
    expect(result.content).toBe("I'll check the current weather in Paris for you.");
    expect(result.toolCalls).toEqual([{ id: "toolu_01NRLabsLyVHZPKxbKvkfSMn", name: "get_weather", arguments: '{"location": "Paris"}' }]);
    expect(JSON.parse(result.toolCalls[0]?.arguments ?? "")).toEqual({ location: "Paris" });
    expect(result.finishReason).toBe("tool_calls");
    expect(result.usage).toMatchObject({ prompt_tokens: 377, completion_tokens: 65 });
    expect(translator.completionText).toContain('{"location": "Paris"}');
  });

  test("stream-tool-use.docs: message_start without cache fields", () => {
    const { result } = translateStream("anthropic/stream-tool-use.docs.sse", true);
    expect(JSON.parse(result.toolCalls[0]?.arguments ?? "")).toEqual({ location: "San Francisco, CA", unit: "fahrenheit" });
    expect(result.usage).toMatchObject({ prompt_tokens: 472, completion_tokens: 89 });
  });

  test("stream-thinking: reasoning separate from content, signature dropped", () => {
    const { result, translator } = translateStream("anthropic/stream-thinking.sse", true);
    expect(result.reasoning).toStartWith("This is a straightforward question about pedestrian safety.");
    expect(result.reasoning).toEndWith("help prevent accidents.");
    expect(result.content).toStartWith("Here are the basic");
    expect(result.content).toEndWith("when crossing streets.");
    expect(result.content).not.toContain("EvMC");
    expect(result.finishReason).toBe("stop");
    expect(translator.usage).toEqual({ promptTokens: 43, completionTokens: 282, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  test("identical output at any split", () => {
    for (const fixture of ["anthropic/stream-basic.sse", "anthropic/stream-thinking.sse", "anthropic/stream-tool-use.sse"]) {
      const whole = translateStream(fixture, true).result;
      const text = readFixture(fixture);
      for (let seed = 1; seed <= 20; seed++) {
        expect(translateStream(fixture, true, randomCuts(text.length, 30, seed)).result).toEqual(whole);
      }
    }
  });

  test("error event → OpenAI-shaped error, no [DONE]", () => {
    const { result, translator } = translateStream("anthropic/stream-error-event.docs.sse", true);
    expect(result.done).toBe(false);
    expect(result.error).toEqual({ message: "Overloaded", type: "upstream_error", param: null, code: "upstream_unavailable" });
    expect(translator.error?.code).toBe("upstream_unavailable");
  });

  test("error mid-stream after content", () => {
    const text = readFixture("anthropic/stream-basic.sse");
    const cut = text.slice(0, text.indexOf("event: content_block_stop"));
    const translator = anthropicAdapter.createStreamTranslator("chat", testStreamOptions(true));
    const out = translator.push(cut) + translator.push(readFixture("anthropic/stream-error-event.docs.sse")) + translator.finish();
    const result = reassembleChatStream(out);
    expect(result.content).toBe("2");
    expect(result.error?.code).toBe("upstream_unavailable");
    expect(result.done).toBe(false);
  });

  test("a cut stream ends with an error event", () => {
    const text = readFixture("anthropic/stream-basic.sse");
    const translator = anthropicAdapter.createStreamTranslator("chat", testStreamOptions(true));
    const out = translator.push(text.slice(0, text.indexOf("event: message_delta"))) + translator.finish();
    expect(reassembleChatStream(out).error?.code).toBe("upstream_error");
    expect(translator.finished).toBe(false);
  });
});

describe("Anthropic error normalisation", () => {
  const link = testLink({ provider: "anthropic", apiKey: "sk-ant-api03-secretsecretsecret" });

  test("400 keeps the message", () => {
    const error = anthropicAdapter.normalizeError(400, readFixture("anthropic/error-400-invalid-request.json"), link);
    expect(error.code).toBe("invalid_request_error");
    expect(error.message).toContain("effort level 'xhigh'");
    const tooLong = anthropicAdapter.normalizeError(400, readFixture("anthropic/error-400-prompt-too-long.json"), link);
    expect(tooLong.message).toMatch(/prompt is too long: \d+ tokens > \d+ maximum/);
  });

  test("404 → model_not_found", () => {
    const error = anthropicAdapter.normalizeError(404, readFixture("anthropic/error-404-not-found.json"), link);
    expect(error.code).toBe("model_not_found");
    expect(error.status).toBe(404);
  });

  test("529 overloaded stays 529 (an overload, not a rate limit); OpenAI-format clients see 503", () => {
    const error = anthropicAdapter.normalizeError(529, readFixture("anthropic/error-overloaded.json"), link);
    expect(error.code).toBe("upstream_unavailable");
    expect(error.status).toBe(529);
    expect(isOverloaded(error)).toBe(true);
    expect(forOpenAIClients(error).status).toBe(503);
    expect(forOpenAIClients(error).toBody().error.code).toBe("upstream_unavailable");
    // The type alone says so too, whatever the status it came with.
    expect(isOverloaded(anthropicAdapter.normalizeError(500, readFixture("anthropic/error-overloaded.json"), link))).toBe(true);
    expect(isOverloaded(anthropicAdapter.normalizeError(503, "", link))).toBe(false);
  });

  test("401 → upstream_auth_error without the key", () => {
    const body = JSON.stringify({ type: "error", error: { type: "authentication_error", message: "invalid x-api-key sk-ant-api03-secretsecretsecret" } });
    const error = anthropicAdapter.normalizeError(401, body, link);
    expect(error.code).toBe("upstream_auth_error");
    expect(JSON.stringify(error.toBody())).not.toContain("secret");
    const server = anthropicAdapter.normalizeError(500, JSON.stringify({ type: "error", error: { type: "api_error", message: "bad sk-ant-api03-secretsecretsecret" } }), link);
    expect(server.code).toBe("upstream_error");
    expect(server.message).not.toContain("secret");
  });
});
