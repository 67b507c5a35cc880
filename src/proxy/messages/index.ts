// Translators that let any provider serve the Anthropic-compatible POST /v1/messages ingress.

export { anthropicToOpenAIRequest } from "./request.ts";
export { openAIToAnthropicResponse, anthropicUsage } from "./response.ts";
export { OpenAIToAnthropicStream, type AnthropicStreamOptions } from "./stream.ts";
export { anthropicErrorBody, anthropicErrorEvent, anthropicErrorResponse, anthropicErrorType, type AnthropicErrorBody } from "./errors.ts";
