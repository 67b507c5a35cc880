// Anthropic message → OpenAI chat.completion, and Anthropic usage → normalised usage.

import { GatewayError } from "../../errors.ts";
import type { JsonObject, ParsedResponse, Usage } from "../types.ts";
import { isJsonObject, numberField } from "../shared/json.ts";
import { unixSeconds } from "../shared/ids.ts";
import { usageToOpenAI } from "../shared/usage.ts";

const FINISH_REASONS: Record<string, string> = {
  end_turn: "stop",
  stop_sequence: "stop",
  pause_turn: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_calls",
  refusal: "content_filter",
};

export function finishReasonFromStopReason(stopReason: unknown): string {
  return (typeof stopReason === "string" ? FINISH_REASONS[stopReason] : undefined) ?? "stop";
}

/**
 * Anthropic's `input_tokens` excludes cache reads and writes; OpenAI's `prompt_tokens` includes them,
 * so all three are added.
 */
export function usageFromAnthropic(raw: JsonObject): Usage {
  const input = numberField(raw, "input_tokens") ?? 0;
  const cacheRead = numberField(raw, "cache_read_input_tokens") ?? 0;
  const cacheWrite = numberField(raw, "cache_creation_input_tokens") ?? 0;
  return {
    promptTokens: input + cacheRead + cacheWrite,
    completionTokens: numberField(raw, "output_tokens") ?? 0,
    cachedTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: 0,
  };
}

const USAGE_COUNTS = ["input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"] as const;

/**
 * Folds a stream's usage object (message_start's, then message_delta's) into `into`. message_delta usage
 * is cumulative and may repeat the input and cache counts: values overwrite, never add.
 */
export function mergeAnthropicUsage(into: JsonObject, usage: JsonObject): void {
  for (const key of USAGE_COUNTS) {
    const value = usage[key];
    if (typeof value === "number") into[key] = value;
  }
}

export function anthropicToOpenAIResponse(body: unknown, model: string): ParsedResponse | GatewayError {
  if (!isJsonObject(body) || !Array.isArray(body.content)) {
    return new GatewayError("upstream_error", "The upstream answered with a body that is not an Anthropic message.");
  }
  let text = "";
  let reasoning = "";
  const toolCalls: JsonObject[] = [];
  for (const block of body.content) {
    if (!isJsonObject(block)) continue;
    if (block.type === "text" && typeof block.text === "string") text += block.text;
    else if (block.type === "thinking" && typeof block.thinking === "string") reasoning += block.thinking;
    else if (block.type === "tool_use") {
      toolCalls.push({
        id: block.id,
        type: "function",
        function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  const message: JsonObject = { role: "assistant", content: text.length > 0 || toolCalls.length === 0 ? text : null };
  if (reasoning.length > 0) message.reasoning_content = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  message.refusal = null;

  const usage = isJsonObject(body.usage) ? usageFromAnthropic(body.usage) : null;
  const openAIBody: JsonObject = {
    id: typeof body.id === "string" ? body.id : "",
    object: "chat.completion",
    created: unixSeconds(),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReasonFromStopReason(body.stop_reason) }],
  };
  if (usage !== null) openAIBody.usage = usageToOpenAI(usage);
  return { body: openAIBody, usage };
}
