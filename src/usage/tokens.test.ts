import { describe, expect, test } from "bun:test";
import {
  countChatPromptTokens,
  countCompletionPromptTokens,
  countEmbeddingInputTokens,
  countTextTokens,
  encodingForModel,
  IMAGE_TOKENS_HIGH,
  IMAGE_TOKENS_LOW,
} from "./tokens.ts";

// The example from OpenAI's cookbook "How to count tokens with tiktoken"; it reports 129 prompt tokens for
// gpt-4-0613 / gpt-3.5-turbo-0613 and 124 for gpt-4o / gpt-4o-mini, which the API itself returned.
const cookbookMessages = [
  {
    role: "system",
    content:
      "You are a helpful, pattern-following assistant that translates corporate jargon into plain English.",
  },
  { role: "system", name: "example_user", content: "New synergies will help drive top-line growth." },
  { role: "system", name: "example_assistant", content: "Things working well together will increase revenue." },
  {
    role: "system",
    name: "example_user",
    content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  {
    role: "system",
    name: "example_assistant",
    content: "Let's talk later when we're less busy about how to do better.",
  },
  {
    role: "user",
    content: "This late pivot means we don't have time to boil the ocean for the client deliverable.",
  },
];

describe("encodingForModel", () => {
  const table: [string, "o200k_base" | "cl100k_base"][] = [
    ["gpt-4o", "o200k_base"],
    ["gpt-4o-2024-08-06", "o200k_base"],
    ["gpt-4o-mini", "o200k_base"],
    ["chatgpt-4o-latest", "o200k_base"],
    ["gpt-4.1", "o200k_base"],
    ["gpt-4.1-nano-2025-04-14", "o200k_base"],
    ["gpt-4.5-preview", "o200k_base"],
    ["gpt-5", "o200k_base"],
    ["gpt-5-nano", "o200k_base"],
    ["gpt-5.1", "o200k_base"],
    ["o1", "o200k_base"],
    ["o1-preview", "o200k_base"],
    ["o3-mini", "o200k_base"],
    ["o4-mini-2025-04-16", "o200k_base"],
    ["openai/gpt-4o", "o200k_base"],
    ["ft:gpt-4o-mini-2024-07-18:acme::abc123", "o200k_base"],
    ["GPT-4O", "o200k_base"],
    ["gpt-4", "cl100k_base"],
    ["gpt-4-0613", "cl100k_base"],
    ["gpt-4-turbo", "cl100k_base"],
    ["gpt-3.5-turbo", "cl100k_base"],
    ["text-embedding-3-small", "cl100k_base"],
    ["text-embedding-ada-002", "cl100k_base"],
    ["claude-sonnet-4-5", "cl100k_base"],
    ["llama3.1:8b", "cl100k_base"],
    ["o1ama", "cl100k_base"],
    ["", "cl100k_base"],
  ];
  for (const [model, encoding] of table) {
    test(`${model || "(empty)"} → ${encoding}`, () => expect(encodingForModel(model)).toBe(encoding));
  }
});

describe("countTextTokens", () => {
  test("hello world is 2 tokens in both encodings", () => {
    expect(countTextTokens("gpt-4o", "hello world")).toBe(2);
    expect(countTextTokens("gpt-4", "hello world")).toBe(2);
  });

  test("empty text is 0", () => expect(countTextTokens("gpt-4o", "")).toBe(0));

  test("the encodings differ where they should", () => {
    // o200k_base is the denser encoding for non-Latin scripts (values read off the encoders).
    expect(countTextTokens("gpt-4", "こんにちは世界")).toBe(4);
    expect(countTextTokens("gpt-4o", "こんにちは世界")).toBe(2);
    expect(countTextTokens("gpt-4", "नमस्ते दुनिया")).toBe(13);
    expect(countTextTokens("gpt-4o", "नमस्ते दुनिया")).toBe(5);
  });

  test("special-token text in user input is counted as text, not thrown on", () => {
    expect(countTextTokens("gpt-4o", "<|endoftext|>")).toBeGreaterThan(1);
  });

  test("a pathological run stays fast and close to exact", () => {
    const started = performance.now();
    const count = countTextTokens("gpt-4o", "x".repeat(1_000_000));
    expect(performance.now() - started).toBeLessThan(2_000);
    // Exact is 125 000 (8 x's per token); slicing may add a few.
    expect(count).toBeGreaterThanOrEqual(125_000);
    expect(count).toBeLessThan(130_000);
  });
});

describe("countChatPromptTokens", () => {
  test("cookbook example: 129 for gpt-4, 124 for gpt-4o", () => {
    expect(countChatPromptTokens("gpt-4-0613", cookbookMessages)).toBe(129);
    expect(countChatPromptTokens("gpt-4o", cookbookMessages)).toBe(124);
    expect(countChatPromptTokens("gpt-4o-mini", cookbookMessages)).toBe(124);
  });

  test("the cookbook formula: 3 per message + fields + 1 per name + 3", () => {
    for (const model of ["gpt-4", "gpt-4o"]) {
      let expected = 3;
      for (const message of cookbookMessages) {
        expected += 3 + countTextTokens(model, message.role) + countTextTokens(model, message.content);
        if (message.name !== undefined) expected += countTextTokens(model, message.name) + 1;
      }
      expect(countChatPromptTokens(model, cookbookMessages)).toBe(expected);
    }
  });

  test("multi-part content counts text parts and a fixed estimate per image", () => {
    const text = "What is in this image?";
    const messages = [
      {
        role: "user",
        content: [
          { type: "text", text },
          { type: "image_url", image_url: { url: "data:image/png;base64,AAAA", detail: "low" } },
          { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
        ],
      },
    ];
    const expected = 3 + countTextTokens("gpt-4o", "user") + countTextTokens("gpt-4o", text) + 3;
    expect(countChatPromptTokens("gpt-4o", messages)).toBe(expected + IMAGE_TOKENS_LOW + IMAGE_TOKENS_HIGH);
  });

  test("assistant tool calls count function name and arguments; tools count as JSON", () => {
    const args = '{"city":"Paris"}';
    const messages = [
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: args } }],
      },
    ];
    const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }];
    const m = "gpt-4o";
    const base = 3 + countTextTokens(m, "assistant") + countTextTokens(m, "get_weather") + countTextTokens(m, args) + 3;
    expect(countChatPromptTokens(m, messages)).toBe(base);
    expect(countChatPromptTokens(m, messages, tools)).toBe(base + countTextTokens(m, JSON.stringify(tools)));
  });

  test("odd input never throws and counts what it can", () => {
    const odd: unknown[] = [
      undefined,
      null,
      42,
      "hello",
      {},
      [null, 1, "x", [], { role: 7, content: { nested: true } }],
      [{ role: "user", content: [null, 5, { type: "text", text: 9 }, { type: "image_url" }, "bare string"] }],
      [{ role: "user", name: 3, tool_calls: "nope", function_call: { name: "f", arguments: { a: 1 } } }],
      [{ role: "user", content: [{ type: "tool_result", content: [{ type: "text", text: "deep" }] }] }],
    ];
    for (const messages of odd) {
      const count = countChatPromptTokens("gpt-4o", messages, { not: "an array" });
      expect(Number.isInteger(count)).toBe(true);
      expect(count).toBeGreaterThanOrEqual(0);
    }
    expect(countChatPromptTokens("gpt-4o", "not messages")).toBe(0);
    // A non-object message still costs its framing; the reply priming is added once.
    expect(countChatPromptTokens("gpt-4o", [null])).toBe(6);
    const circular: Record<string, unknown> = {};
    circular["self"] = circular;
    expect(() => countChatPromptTokens("gpt-4o", [], [circular])).not.toThrow();
    // @ts-expect-error: wrong model type from an untyped caller.
    expect(() => countTextTokens(undefined, "hello")).not.toThrow();
  });
});

describe("completion prompts and embedding inputs", () => {
  test("string, array of strings, token arrays", () => {
    expect(countCompletionPromptTokens("gpt-3.5-turbo-instruct", "hello world")).toBe(2);
    expect(countCompletionPromptTokens("gpt-3.5-turbo-instruct", ["hello world", "hello world"])).toBe(4);
    expect(countCompletionPromptTokens("gpt-3.5-turbo-instruct", [15339, 1917, 0])).toBe(3);
    expect(countEmbeddingInputTokens("text-embedding-3-small", "hello world")).toBe(2);
    expect(countEmbeddingInputTokens("text-embedding-3-small", ["hello world", "hello"])).toBe(3);
    expect(
      countEmbeddingInputTokens("text-embedding-3-small", [
        [1, 2, 3],
        [4, 5],
      ]),
    ).toBe(5);
  });

  test("odd input counts 0 and never throws", () => {
    for (const input of [undefined, null, 3, {}, [], [null, {}], ""]) {
      expect(countEmbeddingInputTokens("text-embedding-3-small", input)).toBe(0);
      expect(countCompletionPromptTokens("gpt-3.5-turbo-instruct", input)).toBe(0);
    }
  });
});
