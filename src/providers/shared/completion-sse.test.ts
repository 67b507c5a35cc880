// A JSON completion re-told as a chunk stream reads back, through the OpenAI passthrough, as the same
// completion with the same usage; and which JSON answers are error envelopes, with the status they name.
import { describe, expect, test } from "bun:test";
import { OpenAIPassthroughStream } from "../openai-compatible/index.ts";
import type { JsonObject } from "../types.ts";
import { completionToSse } from "./completion-sse.ts";
import { errorEnvelopeStatus } from "./errors.ts";
import { readFixture, readJsonFixture, reassembleChatStream, testStreamOptions } from "./wire-fixtures.ts";

function replay(completion: JsonObject, includeUsage: boolean) {
  const options = testStreamOptions(includeUsage);
  const stream = new OpenAIPassthroughStream("chat", options);
  const out = stream.push(completionToSse("chat", completion)) + stream.finish();
  return { stream, out, options };
}

describe("completionToSse", () => {
  test("parallel tool calls: ids, names and arguments by index, finish reason, exact usage", () => {
    const completion = readJsonFixture("openai-chat/nonstream-tool-calls.json") as JsonObject;
    const { stream, out } = replay(completion, true);
    const seen = reassembleChatStream(out);
    const message = ((completion.choices as JsonObject[])[0] as JsonObject).message as JsonObject;
    const calls = message.tool_calls as { id: string; function: { name: string; arguments: string } }[];
    expect(seen.toolCalls).toEqual(calls.map((call) => ({ id: call.id, name: call.function.name, arguments: call.function.arguments })));
    expect(seen.finishReason).toBe("tool_calls");
    expect(seen.done).toBe(true);
    expect(stream.error).toBeNull();
    const usage = completion.usage as JsonObject;
    expect(stream.usage?.promptTokens).toBe(usage.prompt_tokens as number);
    expect(stream.usage?.completionTokens).toBe(usage.completion_tokens as number);
    expect(seen.usage).toMatchObject({ prompt_tokens: usage.prompt_tokens, completion_tokens: usage.completion_tokens });
  });

  test("text: the content and usage; the usage chunk is left out for a client that did not ask, yet counted", () => {
    const completion = readJsonFixture("openai-chat/nonstream-basic.json") as JsonObject;
    const { stream, out } = replay(completion, false);
    const seen = reassembleChatStream(out);
    const message = ((completion.choices as JsonObject[])[0] as JsonObject).message as JsonObject;
    expect(seen.role).toBe("assistant");
    expect(seen.content).toBe(message.content as string);
    expect(seen.finishReason).toBe("stop");
    expect(seen.usage).toBeNull();
    expect(stream.usage?.promptTokens).toBe((completion.usage as JsonObject).prompt_tokens as number);
  });

  test("legacy completions become text chunks", () => {
    const out = completionToSse("completions", { id: "cmpl-1", object: "text_completion", created: 1, model: "m", choices: [{ index: 0, text: "Hi.", finish_reason: "length" }] });
    const seen = reassembleChatStream(out);
    expect([seen.content, seen.finishReason, seen.done]).toEqual(["Hi.", "length", true]);
  });
});

describe("errorEnvelopeStatus", () => {
  test.each([
    ["openai-responses/error-400.json", 400],
    ["openai-chat/error-429.json", 429],
    ["openai-chat/error-404-model-not-found.json", 404],
    ["anthropic/error-overloaded.json", 529],
    ["anthropic/error-400-invalid-request.json", 400],
    ["ollama/error.docs.json", 500],
  ])("%s → %d", (fixture, status) => {
    expect(errorEnvelopeStatus(JSON.parse(readFixture(fixture)))).toBe(status);
  });

  test("answers are not errors; vLLM's numeric code is the status", () => {
    expect(errorEnvelopeStatus(readJsonFixture("openai-chat/nonstream-basic.json"))).toBeNull();
    expect(errorEnvelopeStatus(readJsonFixture("anthropic/nonstream-basic.json"))).toBeNull();
    expect(errorEnvelopeStatus({ object: "error", message: "bad", type: "BadRequestError", code: 400 })).toBe(400);
  });
});
