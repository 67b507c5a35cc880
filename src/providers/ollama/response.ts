// Ollama answers → OpenAI chat.completion, text_completion and embedding lists.

import { GatewayError } from "../../errors.ts";
import type { JsonObject, Operation, ParsedResponse, Usage } from "../types.ts";
import { isJsonObject, numberField } from "../shared/json.ts";
import { randomId, unixSeconds } from "../shared/ids.ts";
import { usageToOpenAI } from "../shared/usage.ts";

/**
 * Ollama omits zero-valued metrics (`omitempty`), so a missing count cannot be told apart from a real
 * zero; with either one missing the usage is reported as unknown and the core estimates it.
 */
export function usageFromOllama(body: JsonObject, completion: boolean): Usage | null {
  const prompt = numberField(body, "prompt_eval_count");
  const output = completion ? numberField(body, "eval_count") : 0;
  if (prompt === undefined || output === undefined) return null;
  return { promptTokens: prompt, completionTokens: output, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
}

export function finishReasonFromOllama(doneReason: unknown, sawToolCalls: boolean): string {
  if (sawToolCalls) return "tool_calls";
  return doneReason === "length" ? "length" : "stop";
}

/** Ollama tool calls (object arguments, no id) → OpenAI tool calls (JSON-string arguments, an id). */
export function toolCallFromOllama(call: unknown, position: number): { index: number; toolCall: JsonObject } | null {
  if (!isJsonObject(call) || !isJsonObject(call.function)) return null;
  const fn = call.function;
  const index = numberField(fn, "index") ?? position;
  const args = fn.arguments;
  return {
    index,
    toolCall: {
      id: typeof call.id === "string" && call.id.length > 0 ? call.id : randomId("call_"),
      type: "function",
      function: { name: typeof fn.name === "string" ? fn.name : "", arguments: typeof args === "string" ? args : JSON.stringify(args ?? {}) },
    },
  };
}

function createdFrom(body: JsonObject): number {
  const parsed = typeof body.created_at === "string" ? Date.parse(body.created_at) : Number.NaN;
  return Number.isNaN(parsed) ? unixSeconds() : Math.floor(parsed / 1000);
}

function withUsage(body: JsonObject, usage: Usage | null): ParsedResponse {
  if (usage !== null) body.usage = usageToOpenAI(usage);
  return { body, usage };
}

function chatResponse(body: JsonObject, model: string): ParsedResponse | GatewayError {
  if (!isJsonObject(body.message)) return new GatewayError("upstream_error", "The upstream answer has no message.");
  const upstream = body.message;
  const message: JsonObject = { role: "assistant", content: typeof upstream.content === "string" ? upstream.content : "" };
  if (typeof upstream.thinking === "string" && upstream.thinking.length > 0) message.reasoning_content = upstream.thinking;
  const toolCalls: JsonObject[] = [];
  if (Array.isArray(upstream.tool_calls)) {
    upstream.tool_calls.forEach((call: unknown, position: number) => {
      const translated = toolCallFromOllama(call, position);
      if (translated !== null) toolCalls.push(translated.toolCall);
    });
  }
  if (toolCalls.length > 0) {
    message.tool_calls = toolCalls;
    if (message.content === "") message.content = null;
  }
  return withUsage(
    {
      id: randomId("chatcmpl-"),
      object: "chat.completion",
      created: createdFrom(body),
      model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: finishReasonFromOllama(body.done_reason, toolCalls.length > 0) }],
    },
    usageFromOllama(body, true),
  );
}

function completionResponse(body: JsonObject, model: string): ParsedResponse {
  return withUsage(
    {
      id: randomId("cmpl-"),
      object: "text_completion",
      created: createdFrom(body),
      model,
      choices: [
        { text: typeof body.response === "string" ? body.response : "", index: 0, logprobs: null, finish_reason: finishReasonFromOllama(body.done_reason, false) },
      ],
    },
    usageFromOllama(body, true),
  );
}

/** Little-endian float32 bytes in base64: what OpenAI sends for `encoding_format: "base64"`. */
export function float32Base64(values: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] ?? 0, true);
  return Buffer.from(view.buffer).toString("base64");
}

function embeddingResponse(body: JsonObject, request: JsonObject, model: string): ParsedResponse | GatewayError {
  if (!Array.isArray(body.embeddings)) return new GatewayError("upstream_error", "The upstream answer has no embeddings.");
  // The official SDKs ask for base64 by default and decode it themselves.
  const base64 = request.encoding_format === "base64";
  const data = body.embeddings.map((vector: unknown, index: number) => {
    const values = Array.isArray(vector) ? vector.filter((value): value is number => typeof value === "number") : [];
    return { object: "embedding", index, embedding: base64 ? float32Base64(values) : values };
  });
  const usage = usageFromOllama(body, false);
  const openAIBody: JsonObject = { object: "list", data, model };
  if (usage !== null) openAIBody.usage = { prompt_tokens: usage.promptTokens, total_tokens: usage.promptTokens };
  return { body: openAIBody, usage };
}

export function parseOllamaResponse(operation: Operation, body: unknown, request: JsonObject, model: string): ParsedResponse | GatewayError {
  if (!isJsonObject(body)) return new GatewayError("upstream_error", "The upstream answered with a body that is not a JSON object.");
  if (operation === "chat") return chatResponse(body, model);
  if (operation === "completions") return completionResponse(body, model);
  return embeddingResponse(body, request, model);
}
