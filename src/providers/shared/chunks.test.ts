import { describe, expect, test } from "bun:test";
import OpenAI from "openai";
import { AnthropicToOpenAIStream } from "../anthropic/stream.ts";
import { OllamaToOpenAIStream } from "../ollama/stream.ts";
import { readFixture, testStreamOptions } from "./wire-fixtures.ts";
import type { StreamTranslator } from "../types.ts";

/** Decodes translated SSE with the official OpenAI SDK's stream helper, as a client of the gateway would. */
async function sdkFinalCompletion(sse: string): Promise<OpenAI.Chat.Completions.ChatCompletion> {
  const client = new OpenAI({
    apiKey: "test",
    maxRetries: 0,
    fetch: async () => new Response(sse, { headers: { "content-type": "text/event-stream" } }),
  });
  const stream = client.chat.completions.stream({
    model: "client-model",
    messages: [{ role: "user", content: "x" }],
    stream_options: { include_usage: true },
  });
  return stream.finalChatCompletion();
}

function translate(translator: StreamTranslator, text: string): string {
  return translator.push(text) + translator.finish();
}

describe("synthesised chunks decode with the OpenAI SDK", () => {
  test("Anthropic tool-use stream", async () => {
    const sse = translate(new AnthropicToOpenAIStream(testStreamOptions(true)), readFixture("anthropic/stream-tool-use.sse"));
    const completion = await sdkFinalCompletion(sse);
    const choice = completion.choices[0];
    expect(choice?.message.content).toBe("I'll check the current weather in Paris for you.");
    expect(choice?.finish_reason).toBe("tool_calls");
    const call = choice?.message.tool_calls?.[0];
    expect(call?.type === "function" ? [call.id, call.function.name, JSON.parse(call.function.arguments) as unknown] : null).toEqual([
      "toolu_01NRLabsLyVHZPKxbKvkfSMn",
      "get_weather",
      { location: "Paris" },
    ]);
    expect(completion.usage?.prompt_tokens).toBe(377);
    expect(completion.model).toBe("client-model");
  });

  test("Ollama streamed tool calls", async () => {
    const sse = translate(new OllamaToOpenAIStream("chat", testStreamOptions(true)), readFixture("ollama/chat-stream-tool-calls.ndjson"));
    const completion = await sdkFinalCompletion(sse);
    const calls = completion.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => (call.type === "function" ? call.function.name : ""))).toEqual(["weather", "search"]);
    expect(completion.usage?.completion_tokens).toBe(306);
  });

  test("Ollama text stream", async () => {
    const text = readFixture("ollama/chat-stream.ndjson");
    const completion = await sdkFinalCompletion(translate(new OllamaToOpenAIStream("chat", testStreamOptions(true)), text));
    expect(completion.choices[0]?.message.content).toStartWith("I am Granite");
    expect(completion.choices[0]?.finish_reason).toBe("stop");
  });
});
