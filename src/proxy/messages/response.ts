// OpenAI chat.completion → Anthropic message, for the /v1/messages ingress.

import type { JsonObject, Usage } from "../../providers/types.ts";
import { isJsonObject, parseJson } from "../../providers/shared/json.ts";
import { randomId } from "../../providers/shared/ids.ts";
import { usageFromOpenAI } from "../../providers/shared/usage.ts";

const STOP_REASONS: Record<string, string> = {
  stop: "end_turn",
  length: "max_tokens",
  tool_calls: "tool_use",
  function_call: "tool_use",
  content_filter: "refusal",
};

export function stopReasonFromFinishReason(finishReason: unknown, sawToolCalls: boolean): string {
  // Some servers report "stop" after tool calls; the client must still run the tools.
  if (sawToolCalls) return "tool_use";
  return (typeof finishReason === "string" ? STOP_REASONS[finishReason] : undefined) ?? "end_turn";
}

/**
 * OpenAI's prompt_tokens include cache reads and writes; Anthropic's input_tokens exclude both, which
 * are reported in their own fields.
 */
export function anthropicUsage(usage: Usage | null): JsonObject {
  if (usage === null) return { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  return {
    input_tokens: Math.max(usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens, 0),
    output_tokens: usage.completionTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cachedTokens,
  };
}

/** Tool arguments are a JSON string in OpenAI and an object in Anthropic. */
export function toolInput(args: unknown): JsonObject {
  if (typeof args !== "string" || args.trim().length === 0) return {};
  const parsed = parseJson(args);
  return isJsonObject(parsed) ? parsed : {};
}

export function openAIToAnthropicResponse(openAIBody: JsonObject, model: string): JsonObject {
  const choices = Array.isArray(openAIBody.choices) ? openAIBody.choices : [];
  const choice: unknown = choices[0];
  const message = isJsonObject(choice) && isJsonObject(choice.message) ? choice.message : {};
  const content: JsonObject[] = [];
  if (typeof message.content === "string" && message.content.length > 0) content.push({ type: "text", text: message.content });
  else if (Array.isArray(message.content)) {
    for (const part of message.content) {
      if (isJsonObject(part) && part.type === "text" && typeof part.text === "string") content.push({ type: "text", text: part.text });
    }
  }
  const toolCalls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  for (const call of toolCalls) {
    if (!isJsonObject(call) || !isJsonObject(call.function)) continue;
    content.push({
      type: "tool_use",
      id: typeof call.id === "string" && call.id.length > 0 ? call.id : randomId("toolu_"),
      name: typeof call.function.name === "string" ? call.function.name : "",
      input: toolInput(call.function.arguments),
    });
  }
  return {
    id: randomId("msg_"),
    type: "message",
    role: "assistant",
    model,
    content,
    stop_reason: stopReasonFromFinishReason(isJsonObject(choice) ? choice.finish_reason : null, toolCalls.length > 0),
    stop_sequence: null,
    usage: anthropicUsage(usageFromOpenAI(openAIBody.usage)),
  };
}
