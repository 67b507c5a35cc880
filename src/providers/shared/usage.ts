// Conversions between OpenAI-format usage objects and the normalised `Usage`.

import type { JsonObject, Usage } from "../types.ts";
import { isJsonObject, numberField, objectField } from "./json.ts";

/**
 * Reads an OpenAI-format usage object. Cache and reasoning details are optional everywhere; cache writes
 * appear under `prompt_tokens_details` (OpenAI 2026) or at the top level depending on the server.
 */
export function usageFromOpenAI(raw: unknown): Usage | null {
  if (!isJsonObject(raw)) return null;
  const promptTokens = numberField(raw, "prompt_tokens");
  const completionTokens = numberField(raw, "completion_tokens");
  if (promptTokens === undefined && completionTokens === undefined) return null;
  const promptDetails = objectField(raw, "prompt_tokens_details");
  const completionDetails = objectField(raw, "completion_tokens_details");
  return {
    promptTokens: promptTokens ?? 0,
    completionTokens: completionTokens ?? 0,
    cachedTokens:
      (promptDetails && numberField(promptDetails, "cached_tokens")) ??
      // DeepSeek-style servers report cache hits at the top level.
      numberField(raw, "prompt_cache_hit_tokens") ??
      0,
    cacheWriteTokens:
      (promptDetails && numberField(promptDetails, "cache_write_tokens")) ?? numberField(raw, "cache_write_tokens") ?? 0,
    reasoningTokens: (completionDetails && numberField(completionDetails, "reasoning_tokens")) ?? 0,
  };
}

/** Builds the OpenAI usage object for translated responses and synthesised usage chunks. */
export function usageToOpenAI(usage: Usage): JsonObject {
  const promptDetails: JsonObject = { cached_tokens: usage.cachedTokens };
  if (usage.cacheWriteTokens > 0) promptDetails.cache_write_tokens = usage.cacheWriteTokens;
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: promptDetails,
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
  };
}
