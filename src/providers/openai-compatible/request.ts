// Upstream requests for OpenAI and OpenAI-compatible servers: the client body, with `model` replaced,
// usage requested for streams, and `max_tokens` renamed for OpenAI's reasoning models.

import type { JsonObject, LinkConfig, Operation, UpstreamRequest } from "../types.ts";
import { isJsonObject } from "../shared/json.ts";
import { joinUrl, jsonPost, linkHeaders } from "../shared/request.ts";

const OPERATION_PATHS: Record<Operation, string> = {
  chat: "/chat/completions",
  completions: "/completions",
  embeddings: "/embeddings",
};

/**
 * The body to send upstream. Streams always ask for usage so every stream can be metered exactly; the
 * stream translator drops the usage chunk again when the client did not ask for it. A link can opt out
 * (`options.stream_usage: false`) for servers that reject `stream_options`.
 */
/**
 * OpenAI's reasoning models (o1, o3, o4-mini, gpt-5…) refuse `max_tokens` ("Use 'max_completion_tokens'
 * instead"), which /v1/messages translations and older clients send; for those models it is renamed.
 * Other servers keep the body as sent.
 */
const COMPLETION_TOKENS_ONLY = /^(o\d|gpt-5)/i;

export function openAIUpstreamBody(operation: Operation, link: LinkConfig, body: JsonObject, model: string): JsonObject {
  const upstream: JsonObject = { ...body, model };
  if (operation === "chat" && body.max_tokens !== undefined && body.max_completion_tokens === undefined && COMPLETION_TOKENS_ONLY.test(model)) {
    upstream.max_completion_tokens = body.max_tokens;
    delete upstream.max_tokens;
  }
  if (operation !== "embeddings" && body.stream === true && link.options.stream_usage !== false) {
    const streamOptions = isJsonObject(body.stream_options) ? body.stream_options : {};
    upstream.stream_options = { ...streamOptions, include_usage: true };
  }
  return upstream;
}

export function openAIAuthHeaders(link: LinkConfig): Record<string, string> {
  const headers = linkHeaders(link);
  if (link.apiKey) headers.authorization = `Bearer ${link.apiKey}`;
  return headers;
}

export function buildOpenAIRequest(operation: Operation, link: LinkConfig, body: JsonObject, model: string): UpstreamRequest {
  return jsonPost(
    joinUrl(link.endpointUrl, OPERATION_PATHS[operation]),
    openAIAuthHeaders(link),
    openAIUpstreamBody(operation, link, body, model),
  );
}

export function buildOpenAIListModelsRequest(link: LinkConfig): UpstreamRequest {
  return { url: joinUrl(link.endpointUrl, "/models"), method: "GET", headers: openAIAuthHeaders(link) };
}

/** Model ids from an OpenAI `GET /models` list. */
export function parseOpenAIModelList(body: unknown): string[] {
  if (!isJsonObject(body) || !Array.isArray(body.data)) return [];
  const ids: string[] = [];
  for (const entry of body.data) {
    if (isJsonObject(entry) && typeof entry.id === "string") ids.push(entry.id);
  }
  return ids;
}
