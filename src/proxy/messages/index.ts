// Translators that let any provider serve the Anthropic-compatible POST /v1/messages ingress, and the
// native path for links that speak the Messages API themselves.

export { anthropicToOpenAIRequest } from "./request.ts";
export { openAIToAnthropicResponse, anthropicUsage } from "./response.ts";
export { OpenAIToAnthropicStream, type AnthropicStreamOptions } from "./stream.ts";
export { anthropicErrorBody, anthropicErrorEvent, anthropicErrorResponse, anthropicErrorType, type AnthropicErrorBody } from "./errors.ts";
export {
  AnthropicPassthroughStream,
  type MessagesIntake,
  messageToSse,
  nativeMessageAnswer,
  readMessagesRequest,
  servesNatively,
} from "./native.ts";
