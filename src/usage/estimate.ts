// Usage counted by the gateway when the upstream reported none (or the client left before it did).
import type { JsonObject, Operation, Usage } from "../providers/types.ts";
import { countChatPromptTokens, countCompletionPromptTokens, countEmbeddingInputTokens, countTextTokens } from "./tokens.ts";

export function estimatePromptTokens(operation: Operation, model: string, body: JsonObject): number {
  if (operation === "chat") return countChatPromptTokens(model, body.messages, body.tools);
  if (operation === "completions") return countCompletionPromptTokens(model, body.prompt);
  return countEmbeddingInputTokens(model, body.input);
}

export function estimateUsage(operation: Operation, model: string, body: JsonObject, completionText: string): Usage {
  return {
    promptTokens: estimatePromptTokens(operation, model, body),
    completionTokens: completionText.length > 0 ? countTextTokens(model, completionText) : 0,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
  };
}
