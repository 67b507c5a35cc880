// The Anthropic Messages adapter: chat only; other operations are a typed error.

import { GatewayError } from "../../errors.ts";
import type { Operation, ProviderAdapter } from "../types.ts";
import { isJsonObject } from "../shared/json.ts";
import { buildAnthropicChatRequest, buildAnthropicListModelsRequest, buildAnthropicMessagesRequest } from "./request.ts";
import { anthropicToOpenAIResponse } from "./response.ts";
import { AnthropicToOpenAIStream } from "./stream.ts";
import { normalizeAnthropicError } from "./errors.ts";

function unsupported(operation: Operation): GatewayError {
  return new GatewayError("unsupported_operation", `The ${operation} operation is not supported by Anthropic links.`);
}

export const anthropicAdapter: ProviderAdapter = {
  name: "anthropic",
  operations: new Set<Operation>(["chat"]),
  messages: { buildRequest: buildAnthropicMessagesRequest },
  buildRequest: (operation, link, body, model) =>
    operation === "chat" ? buildAnthropicChatRequest(link, body, model) : unsupported(operation),
  parseResponse: (operation, body, _request, model) =>
    operation === "chat" ? anthropicToOpenAIResponse(body, model) : unsupported(operation),
  createStreamTranslator: (_operation, options) => new AnthropicToOpenAIStream(options),
  normalizeError: normalizeAnthropicError,
  buildListModelsRequest: buildAnthropicListModelsRequest,
  parseModelList: (body) => {
    if (!isJsonObject(body) || !Array.isArray(body.data)) return [];
    return body.data.flatMap((entry) => (isJsonObject(entry) && typeof entry.id === "string" ? [entry.id] : []));
  },
};

export { openAIToAnthropicRequest, parseDataUrl } from "./request.ts";
export { anthropicToOpenAIResponse, mergeAnthropicUsage, usageFromAnthropic } from "./response.ts";
export { AnthropicToOpenAIStream } from "./stream.ts";
export { anthropicErrorDetails } from "./errors.ts";
