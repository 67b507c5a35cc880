// OpenAI requests → Ollama's native API (/api/chat, /api/generate, /api/embed).

import { GatewayError } from "../../errors.ts";
import type { JsonObject, LinkConfig, Operation, UpstreamRequest } from "../types.ts";
import { isJsonObject, numberField, parseJson, stringField } from "../shared/json.ts";
import { joinUrl, jsonPost, linkHeaders } from "../shared/request.ts";

function invalid(message: string, param: string): GatewayError {
  return new GatewayError("invalid_request_error", message, { param });
}

/** Ollama itself has no auth; a key is sent as Bearer for instances behind an authenticating proxy. */
export function ollamaHeaders(link: LinkConfig): Record<string, string> {
  const headers = linkHeaders(link);
  if (link.apiKey) headers.authorization = `Bearer ${link.apiKey}`;
  return headers;
}

/** Sampling parameters live in Ollama's `options` object under their llama.cpp names. */
function samplingOptions(body: JsonObject): JsonObject {
  const options: JsonObject = {};
  const copy = (from: string, to: string): void => {
    const value = numberField(body, from);
    if (value !== undefined) options[to] = value;
  };
  copy("temperature", "temperature");
  copy("top_p", "top_p");
  copy("top_k", "top_k");
  copy("seed", "seed");
  copy("frequency_penalty", "frequency_penalty");
  copy("presence_penalty", "presence_penalty");
  copy("max_tokens", "num_predict");
  copy("max_completion_tokens", "num_predict");
  const stop = body.stop;
  if (typeof stop === "string") options.stop = [stop];
  else if (Array.isArray(stop) && stop.length > 0) options.stop = stop;
  return options;
}

/** Fields shared by /api/chat and /api/generate. */
function commonFields(request: JsonObject, body: JsonObject): void {
  const options = samplingOptions(body);
  if (Object.keys(options).length > 0) request.options = options;
  const format = body.response_format;
  if (isJsonObject(format)) {
    if (format.type === "json_object") request.format = "json";
    else if (format.type === "json_schema" && isJsonObject(format.json_schema) && isJsonObject(format.json_schema.schema)) {
      request.format = format.json_schema.schema;
    }
  }
  // Ollama-native knobs some clients pass through an OpenAI SDK's extra body.
  if (body.think !== undefined) request.think = body.think;
  if (body.keep_alive !== undefined) request.keep_alive = body.keep_alive;
  // Ollama streams unless told otherwise.
  request.stream = body.stream === true;
}

function base64FromDataUrl(url: string): string | null {
  if (!url.startsWith("data:")) return null;
  const marker = url.indexOf(";base64,");
  return marker === -1 ? null : url.slice(marker + 8);
}

/** A message's content as text plus base64 images. */
function splitContent(content: unknown, param: string): { text: string; images: string[] } | GatewayError {
  if (content === null || content === undefined) return { text: "", images: [] };
  if (typeof content === "string") return { text: content, images: [] };
  if (!Array.isArray(content)) return invalid("content must be a string or an array of content parts.", param);
  const texts: string[] = [];
  const images: string[] = [];
  for (let i = 0; i < content.length; i++) {
    const part: unknown = content[i];
    const partParam = `${param}[${i}]`;
    if (!isJsonObject(part)) return invalid("Each content part must be an object.", partParam);
    if (part.type === "text") {
      texts.push(stringField(part, "text") ?? "");
    } else if (part.type === "image_url") {
      const image = part.image_url;
      const url = isJsonObject(image) ? stringField(image, "url") : typeof image === "string" ? image : undefined;
      const data = url === undefined ? null : base64FromDataUrl(url);
      if (data === null) {
        return invalid("Ollama accepts images only as base64 data: URLs, not links to fetch.", `${partParam}.image_url.url`);
      }
      images.push(data);
    } else {
      return invalid(`Content parts of type "${String(part.type)}" are not supported by Ollama.`, `${partParam}.type`);
    }
  }
  return { text: texts.join("\n"), images };
}

export function openAIToOllamaChat(body: JsonObject, model: string): JsonObject | GatewayError {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return invalid("messages must be a non-empty array.", "messages");
  const translated: JsonObject[] = [];
  // Ollama's tool messages name the tool, not the call: remember which call id belongs to which tool.
  const toolNames = new Map<string, string>();
  for (let i = 0; i < messages.length; i++) {
    const message: unknown = messages[i];
    const param = `messages[${i}]`;
    if (!isJsonObject(message)) return invalid("Each message must be an object.", param);
    const role = message.role === "developer" ? "system" : message.role;
    if (role !== "system" && role !== "user" && role !== "assistant" && role !== "tool") {
      return invalid(`Messages with role "${String(message.role)}" are not supported by Ollama.`, `${param}.role`);
    }
    const content = splitContent(message.content, `${param}.content`);
    if (content instanceof GatewayError) return content;
    const out: JsonObject = { role, content: content.text };
    if (content.images.length > 0) out.images = content.images;
    if (role === "assistant" && Array.isArray(message.tool_calls) && message.tool_calls.length > 0) {
      const calls: JsonObject[] = [];
      for (let j = 0; j < message.tool_calls.length; j++) {
        const call: unknown = message.tool_calls[j];
        const callParam = `${param}.tool_calls[${j}]`;
        if (!isJsonObject(call) || !isJsonObject(call.function)) return invalid("Each tool call needs a function.", callParam);
        const name = stringField(call.function, "name") ?? "";
        const rawArguments = stringField(call.function, "arguments") ?? "";
        // Ollama wants arguments as an object, not the JSON string OpenAI uses.
        const args = rawArguments.trim().length === 0 ? {} : parseJson(rawArguments);
        if (!isJsonObject(args)) return invalid("Tool call arguments must be a JSON object.", `${callParam}.function.arguments`);
        const id = stringField(call, "id");
        if (id !== undefined) toolNames.set(id, name);
        calls.push({ function: { name, arguments: args } });
      }
      out.tool_calls = calls;
    }
    if (role === "tool") {
      const name = toolNames.get(stringField(message, "tool_call_id") ?? "");
      if (name !== undefined) out.tool_name = name;
    }
    translated.push(out);
  }
  const request: JsonObject = { model, messages: translated };
  // Ollama has no tool_choice; "none" is honoured by not offering the tools.
  if (Array.isArray(body.tools) && body.tools.length > 0 && body.tool_choice !== "none") request.tools = body.tools;
  commonFields(request, body);
  return request;
}

export function openAIToOllamaGenerate(body: JsonObject, model: string): JsonObject | GatewayError {
  let prompt = body.prompt;
  if (Array.isArray(prompt) && prompt.length === 1) prompt = prompt[0];
  if (typeof prompt !== "string") return invalid("prompt must be a single string for Ollama.", "prompt");
  const request: JsonObject = { model, prompt };
  if (typeof body.suffix === "string") request.suffix = body.suffix;
  commonFields(request, body);
  return request;
}

export function openAIToOllamaEmbed(body: JsonObject, model: string): JsonObject | GatewayError {
  const input = body.input;
  const valid = typeof input === "string" || (Array.isArray(input) && input.length > 0 && input.every((item) => typeof item === "string"));
  if (!valid) return invalid("input must be a string or an array of strings for Ollama (token arrays are not supported).", "input");
  const request: JsonObject = { model, input };
  const dimensions = numberField(body, "dimensions");
  if (dimensions !== undefined) request.dimensions = dimensions;
  return request;
}

const PATHS: Record<Operation, string> = { chat: "/api/chat", completions: "/api/generate", embeddings: "/api/embed" };

export function buildOllamaRequest(operation: Operation, link: LinkConfig, body: JsonObject, model: string): UpstreamRequest | GatewayError {
  const translated =
    operation === "chat"
      ? openAIToOllamaChat(body, model)
      : operation === "completions"
        ? openAIToOllamaGenerate(body, model)
        : openAIToOllamaEmbed(body, model);
  if (translated instanceof GatewayError) return translated;
  return jsonPost(joinUrl(link.endpointUrl, PATHS[operation]), ollamaHeaders(link), translated);
}

export function buildOllamaListModelsRequest(link: LinkConfig): UpstreamRequest {
  return { url: joinUrl(link.endpointUrl, "/api/tags"), method: "GET", headers: ollamaHeaders(link) };
}

export function parseOllamaModelList(body: unknown): string[] {
  if (!isJsonObject(body) || !Array.isArray(body.models)) return [];
  return body.models.flatMap((entry) => {
    if (!isJsonObject(entry)) return [];
    const name = stringField(entry, "name") ?? stringField(entry, "model");
    return name === undefined ? [] : [name];
  });
}
