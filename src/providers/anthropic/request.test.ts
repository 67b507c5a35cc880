import { describe, expect, test } from "bun:test";
import { anthropicAdapter } from "./index.ts";
import { openAIToAnthropicRequest } from "./request.ts";
import { GatewayError } from "../../errors.ts";
import { readJsonFixture, testLink } from "../shared/wire-fixtures.ts";
import type { JsonObject, UpstreamRequest } from "../types.ts";

function translate(body: JsonObject, model = "claude-sonnet-4-5"): JsonObject {
  const result = openAIToAnthropicRequest(body, model);
  if (result instanceof GatewayError) throw result;
  return result;
}

describe("OpenAI chat → Anthropic request", () => {
  test("URL and headers", () => {
    const built = anthropicAdapter.buildRequest("chat", testLink({ endpointUrl: "https://api.anthropic.com/", apiKey: "sk-ant-abc" }), { messages: [{ role: "user", content: "hi" }] }, "claude-haiku-4-5");
    if (built instanceof GatewayError) throw built;
    const request: UpstreamRequest = built;
    expect(request.url).toBe("https://api.anthropic.com/v1/messages");
    expect(request.headers).toEqual({ "content-type": "application/json", "x-api-key": "sk-ant-abc", "anthropic-version": "2023-06-01" });
    expect(JSON.parse(request.body ?? "")).toEqual({ model: "claude-haiku-4-5", max_tokens: 4096, messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }] });
  });

  test("system and developer messages become `system`; max tokens, stop, sampling, stream", () => {
    const result = translate({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "developer", content: [{ type: "text", text: "Use British spelling." }] },
        { role: "user", content: "Hello" },
      ],
      max_completion_tokens: 300,
      stop: "END",
      temperature: 1.6,
      top_p: 0.9,
      stream: true,
      stream_options: { include_usage: true },
      user: "user-42",
    });
    expect(result).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 300,
      messages: [{ role: "user", content: [{ type: "text", text: "Hello" }] }],
      system: "Be brief.\n\nUse British spelling.",
      stop_sequences: ["END"],
      temperature: 1,
      top_p: 0.9,
      metadata: { user_id: "user-42" },
      stream: true,
    });
  });

  test("images: data URL → base64 source, http URL → url source", () => {
    const result = translate({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Compare" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
            { type: "image_url", image_url: { url: "https://example.com/cat.jpg", detail: "high" } },
          ],
        },
      ],
    });
    expect(result.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Compare" },
          { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
          { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } },
        ],
      },
    ]);
  });

  test("tools, tool_choice, tool calls and tool results (fixture request)", () => {
    const body = readJsonFixture("openai-chat/stream-with-usage.request.json") as JsonObject;
    const result = translate(body);
    expect(result.tools).toEqual([
      {
        name: "get_capital",
        input_schema: { additionalProperties: false, properties: { country: { type: "string" } }, required: ["country"], type: "object" },
      },
    ]);
    expect(result.tool_choice).toEqual({ type: "auto" });
    expect(result.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "What is the capital of the UK? Use the tool, then answer." }] },
      { role: "assistant", content: [{ type: "tool_use", id: "call_ZR5UUuTt3pf61kjwAJIYdVMj", name: "get_capital", input: { country: "UK" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_ZR5UUuTt3pf61kjwAJIYdVMj", content: "London" }] },
    ]);
  });

  test("tool_choice variants and parallel_tool_calls", () => {
    const tools = [{ type: "function", function: { name: "f", description: "does f", parameters: { type: "object", properties: {} } } }];
    const messages = [{ role: "user", content: "x" }];
    expect(translate({ messages, tools, tool_choice: "none" }).tool_choice).toEqual({ type: "none" });
    expect(translate({ messages, tools, tool_choice: "required" }).tool_choice).toEqual({ type: "any" });
    expect(translate({ messages, tools, tool_choice: { type: "function", function: { name: "f" } } }).tool_choice).toEqual({ type: "tool", name: "f" });
    expect(translate({ messages, tools, parallel_tool_calls: false }).tool_choice).toEqual({ type: "auto", disable_parallel_tool_use: true });
    expect(translate({ messages, tools }).tools).toEqual([{ name: "f", description: "does f", input_schema: { type: "object", properties: {} } }]);
  });

  test("parallel tool results merge into one user turn; consecutive same-role turns merge", () => {
    const result = translate({
      messages: [
        { role: "user", content: "a" },
        { role: "user", content: "b" },
        {
          role: "assistant",
          content: "Checking both.",
          tool_calls: [
            { id: "t1", type: "function", function: { name: "f", arguments: '{"x":1}' } },
            { id: "t2", type: "function", function: { name: "f", arguments: "" } },
          ],
        },
        { role: "tool", tool_call_id: "t1", content: "one" },
        { role: "tool", tool_call_id: "t2", content: [{ type: "text", text: "two" }] },
        { role: "user", content: "thanks" },
      ],
    });
    expect(result.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Checking both." },
          { type: "tool_use", id: "t1", name: "f", input: { x: 1 } },
          { type: "tool_use", id: "t2", name: "f", input: {} },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "t1", content: "one" },
          { type: "tool_result", tool_use_id: "t2", content: [{ type: "text", text: "two" }] },
          { type: "text", text: "thanks" },
        ],
      },
    ]);
  });

  test("cache_control on parts is kept and turns system into blocks", () => {
    const result = translate({
      messages: [
        { role: "system", content: [{ type: "text", text: "long context", cache_control: { type: "ephemeral" } }] },
        { role: "user", content: "q" },
      ],
    });
    expect(result.system).toEqual([{ type: "text", text: "long context", cache_control: { type: "ephemeral" } }]);
  });

  test("clear errors", () => {
    const cases: [JsonObject, string][] = [
      [{ messages: [] }, "messages"],
      [{ messages: [{ role: "user", content: "x" }], n: 2 }, "n"],
      [{ messages: [{ role: "function", content: "x" }] }, "messages[0].role"],
      [{ messages: [{ role: "tool", content: "x" }] }, "messages[0].tool_call_id"],
      [{ messages: [{ role: "user", content: [{ type: "input_audio" }] }] }, "messages[0].content[0].type"],
      [{ messages: [{ role: "assistant", tool_calls: [{ id: "a", function: { name: "f", arguments: "{oops" } }] }] }, "messages[0].tool_calls[0].function.arguments"],
      [{ messages: [{ role: "user", content: "x" }], tools: [{ type: "web_search" }] }, "tools[0]"],
      [{ messages: [{ role: "user", content: "x" }], response_format: { type: "json_schema", json_schema: {} } }, "response_format"],
    ];
    for (const [body, param] of cases) {
      const result = openAIToAnthropicRequest(body, "m");
      expect(result).toBeInstanceOf(GatewayError);
      expect((result as GatewayError).param).toBe(param);
      expect((result as GatewayError).status).toBe(400);
    }
  });

  test("other operations are a typed unsupported_operation error", () => {
    for (const operation of ["embeddings", "completions"] as const) {
      const result = anthropicAdapter.buildRequest(operation, testLink(), { input: "x" }, "m");
      expect(result).toBeInstanceOf(GatewayError);
      expect((result as GatewayError).code).toBe("unsupported_operation");
    }
    expect(anthropicAdapter.operations.has("chat")).toBe(true);
    expect(anthropicAdapter.operations.has("embeddings")).toBe(false);
  });

  test("model discovery", () => {
    const request = anthropicAdapter.buildListModelsRequest(testLink({ endpointUrl: "https://api.anthropic.com", apiKey: "k-123" }));
    expect(request?.url).toBe("https://api.anthropic.com/v1/models?limit=1000");
    expect(request?.headers["x-api-key"]).toBe("k-123");
    const ids = anthropicAdapter.parseModelList(readJsonFixture("anthropic/models-list.json"));
    expect(ids[0]).toBe("claude-opus-4-1-20250805");
    expect(ids).toHaveLength(9);
  });
});
