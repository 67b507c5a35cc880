// Anthropic Messages request (the /v1/messages ingress) → OpenAI chat request, so any provider can serve it.
//
// In lenient mode, what has no chat counterpart (server tools, their result blocks, file or content
// sources, future block types) is reduced to the text it holds instead of refused: that translation is
// only the gates' view (scanning, token estimates) of a request forwarded natively to an Anthropic link.

import { GatewayError } from "../../errors.ts";
import type { JsonObject } from "../../providers/types.ts";
import { isJsonObject, numberField, stringField } from "../../providers/shared/json.ts";

function invalid(message: string, param: string): GatewayError {
  return new GatewayError("invalid_request_error", message, { param });
}

/**
 * String fields that hold nothing the model reads as text: identifiers, names, media types, signatures,
 * addresses, encrypted or base64 payloads (`data`, except a text source's).
 */
const OPAQUE_FIELDS = new Set(["type", "id", "tool_use_id", "name", "media_type", "signature", "encrypted_content", "encrypted_index", "file_id", "url", "source", "data"]);

/**
 * The text a block holds wherever it nests, for the gates' view: every string field but the opaque ones,
 * so a page fetched by a server tool, code output, a tool input or a document's title is scanned too.
 */
function textWithin(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) textWithin(item, out);
  else if (isJsonObject(value)) {
    const textSource = value.type === "text";
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === "string") {
        if (field.length > 0 && (!OPAQUE_FIELDS.has(key) || (key === "data" && textSource))) out.push(field);
      } else if (typeof field === "object" && field !== null) textWithin(field, out);
    }
  }
  return out;
}

/** A block with no chat counterpart, as a text part in lenient mode (null when it holds no text). */
function lenientTextPart(block: unknown): JsonObject | null {
  const text = textWithin(block).join("\n");
  return text.length > 0 ? { type: "text", text } : null;
}

function imagePart(source: unknown, param: string): JsonObject | GatewayError {
  if (!isJsonObject(source)) return invalid("image.source is required.", param);
  if (source.type === "base64") {
    const mediaType = stringField(source, "media_type");
    const data = stringField(source, "data");
    if (!mediaType || !data) return invalid("image.source needs media_type and data.", param);
    return { type: "image_url", image_url: { url: `data:${mediaType};base64,${data}` } };
  }
  if (source.type === "url" && typeof source.url === "string") return { type: "image_url", image_url: { url: source.url } };
  return invalid("image.source must be of type base64 or url.", param);
}

function documentPart(source: unknown, param: string): JsonObject | GatewayError {
  if (isJsonObject(source) && source.type === "base64" && typeof source.data === "string") {
    const mediaType = stringField(source, "media_type") ?? "application/pdf";
    return { type: "file", file: { filename: "document.pdf", file_data: `data:${mediaType};base64,${source.data}` } };
  }
  if (isJsonObject(source) && source.type === "text" && typeof source.data === "string") return { type: "text", text: source.data };
  return invalid("Only base64 and text document sources are supported.", param);
}

/** Text of a tool_result's content; images in it are returned separately (tool messages hold only text). */
function toolResultContent(content: unknown, param: string, lenient: boolean): { text: string; images: JsonObject[] } | GatewayError {
  if (content === undefined || content === null) return { text: "", images: [] };
  if (typeof content === "string") return { text: content, images: [] };
  if (!Array.isArray(content)) return invalid("tool_result content must be a string or an array of blocks.", param);
  const texts: string[] = [];
  const images: JsonObject[] = [];
  for (let i = 0; i < content.length; i++) {
    const block: unknown = content[i];
    if (!isJsonObject(block)) return invalid("Each content block must be an object.", `${param}[${i}]`);
    if (block.type === "text") texts.push(stringField(block, "text") ?? "");
    else if (block.type === "image") {
      const image = imagePart(block.source, `${param}[${i}].source`);
      if (!(image instanceof GatewayError)) images.push(image);
      else if (!lenient) return image;
    } else if (lenient) texts.push(...textWithin(block));
    else return invalid(`tool_result blocks of type "${String(block.type)}" are not supported.`, `${param}[${i}].type`);
  }
  return { text: texts.join("\n"), images };
}

/** A user turn: tool results become `tool` messages (first, as OpenAI needs them right after the call). */
function userMessages(content: unknown, param: string, out: JsonObject[], lenient: boolean): GatewayError | undefined {
  if (typeof content === "string") {
    out.push({ role: "user", content });
    return undefined;
  }
  const parts: JsonObject[] = [];
  const flush = (): void => {
    if (parts.length === 0) return;
    // Text-only turns become a plain string: the form every OpenAI-compatible server accepts.
    const textOnly = parts.every((part) => part.type === "text");
    out.push({ role: "user", content: textOnly ? parts.map((part) => String(part.text)).join("\n") : [...parts] });
    parts.length = 0;
  };
  if (!Array.isArray(content)) return invalid("content must be a string or an array of content blocks.", param);
  for (let i = 0; i < content.length; i++) {
    const block: unknown = content[i];
    const blockParam = `${param}[${i}]`;
    if (!isJsonObject(block)) return invalid("Each content block must be an object.", blockParam);
    switch (block.type) {
      case "text":
        parts.push({ type: "text", text: stringField(block, "text") ?? "" });
        break;
      case "image": {
        const image = imagePart(block.source, `${blockParam}.source`);
        if (!(image instanceof GatewayError)) parts.push(image);
        else if (!lenient) return image;
        break;
      }
      case "document": {
        const document = documentPart(block.source, `${blockParam}.source`);
        if (!(document instanceof GatewayError)) {
          // The model reads a document's title and context with it: they travel (and are scanned) as text.
          for (const note of [block.title, block.context]) if (typeof note === "string" && note.length > 0) parts.push({ type: "text", text: note });
          parts.push(document);
        } else if (!lenient) return document;
        else pushLenient(parts, block);
        break;
      }
      case "tool_result": {
        const toolUseId = stringField(block, "tool_use_id");
        if (!toolUseId) return invalid("tool_result needs a tool_use_id.", `${blockParam}.tool_use_id`);
        const result = toolResultContent(block.content, `${blockParam}.content`, lenient);
        if (result instanceof GatewayError) return result;
        flush();
        // OpenAI has no error flag on tool results; say it in the text the model reads.
        const text = block.is_error === true ? `Error: ${result.text}` : result.text;
        out.push({ role: "tool", tool_call_id: toolUseId, content: text });
        parts.push(...result.images);
        break;
      }
      case "thinking":
      case "redacted_thinking":
        // Signed reasoning of an earlier turn means nothing to another provider.
        break;
      default:
        if (!lenient) return invalid(`Content blocks of type "${String(block.type)}" are not supported.`, `${blockParam}.type`);
        pushLenient(parts, block);
    }
  }
  flush();
  return undefined;
}

function pushLenient(parts: JsonObject[], block: unknown): void {
  const part = lenientTextPart(block);
  if (part !== null) parts.push(part);
}

function assistantMessage(content: unknown, param: string, lenient: boolean): JsonObject | GatewayError {
  if (typeof content === "string") return { role: "assistant", content };
  if (!Array.isArray(content)) return invalid("content must be a string or an array of content blocks.", param);
  const texts: string[] = [];
  const toolCalls: JsonObject[] = [];
  for (let i = 0; i < content.length; i++) {
    const block: unknown = content[i];
    const blockParam = `${param}[${i}]`;
    if (!isJsonObject(block)) return invalid("Each content block must be an object.", blockParam);
    if (block.type === "text") texts.push(stringField(block, "text") ?? "");
    else if (block.type === "tool_use") {
      const id = stringField(block, "id");
      const name = stringField(block, "name");
      if (!id || !name) return invalid("tool_use needs an id and a name.", blockParam);
      toolCalls.push({ id, type: "function", function: { name, arguments: JSON.stringify(block.input ?? {}) } });
    } else if (lenient) {
      // Server tool calls and their results (web search, code execution, …) ran inside Anthropic's API.
      // Their fields are pieces of their own, kept apart from the text around them.
      if (block.type !== "thinking" && block.type !== "redacted_thinking") for (const piece of textWithin(block)) texts.push(`${piece}\n`);
    } else if (block.type !== "thinking" && block.type !== "redacted_thinking") {
      return invalid(`Assistant content blocks of type "${String(block.type)}" are not supported.`, `${blockParam}.type`);
    }
  }
  const message: JsonObject = { role: "assistant", content: texts.length > 0 ? texts.join("") : null };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return message;
}

function systemMessage(system: unknown, lenient: boolean): JsonObject | GatewayError | null {
  if (system === undefined || system === null) return null;
  if (typeof system === "string") return system.length > 0 ? { role: "system", content: system } : null;
  if (!Array.isArray(system)) return invalid("system must be a string or an array of text blocks.", "system");
  const texts: string[] = [];
  for (let i = 0; i < system.length; i++) {
    const block: unknown = system[i];
    if (!isJsonObject(block) || block.type !== "text" || typeof block.text !== "string") {
      if (!lenient) return invalid("system blocks must be text blocks.", `system[${i}]`);
      texts.push(...textWithin(block));
      continue;
    }
    texts.push(block.text);
  }
  return texts.length > 0 ? { role: "system", content: texts.join("\n\n") } : null;
}

function translateTools(tools: unknown, lenient: boolean): JsonObject[] | GatewayError {
  if (!Array.isArray(tools)) return invalid("tools must be an array.", "tools");
  const result: JsonObject[] = [];
  for (let i = 0; i < tools.length; i++) {
    const tool: unknown = tools[i];
    if (!isJsonObject(tool)) return invalid("Each tool must be an object.", `tools[${i}]`);
    // Server tools (web search, code execution, …) run inside Anthropic's API and cannot be translated.
    if (tool.type !== undefined && tool.type !== "custom") {
      if (lenient) continue;
      return invalid(`Tools of type "${String(tool.type)}" are not supported by this gateway.`, `tools[${i}].type`);
    }
    const name = stringField(tool, "name");
    if (!name) return invalid("Each tool needs a name.", `tools[${i}].name`);
    if (!isJsonObject(tool.input_schema)) return invalid("Each tool needs an input_schema object.", `tools[${i}].input_schema`);
    const fn: JsonObject = { name, parameters: tool.input_schema };
    const description = stringField(tool, "description");
    if (description) fn.description = description;
    result.push({ type: "function", function: fn });
  }
  return result;
}

function translateToolChoice(choice: unknown): string | JsonObject | GatewayError {
  if (!isJsonObject(choice)) return invalid("tool_choice must be an object.", "tool_choice");
  switch (choice.type) {
    case "auto":
      return "auto";
    case "any":
      return "required";
    case "none":
      return "none";
    case "tool":
      if (typeof choice.name === "string") return { type: "function", function: { name: choice.name } };
      return invalid("tool_choice of type tool needs a name.", "tool_choice.name");
    default:
      return invalid('tool_choice.type must be "auto", "any", "tool" or "none".', "tool_choice.type");
  }
}

/**
 * Validates an Anthropic Messages body and translates it into an OpenAI chat request. `lenient`: keep
 * what has no chat counterpart as text instead of refusing it (see the file's head); a malformed body is
 * refused either way.
 */
export function anthropicToOpenAIRequest(body: unknown, options: { lenient?: boolean } = {}): JsonObject | GatewayError {
  const lenient = options.lenient === true;
  if (!isJsonObject(body)) return invalid("The request body must be a JSON object.", "body");
  const model = stringField(body, "model");
  if (!model) return invalid("model: Field required.", "model");
  const maxTokens = numberField(body, "max_tokens");
  if (maxTokens === undefined || !Number.isInteger(maxTokens) || maxTokens < 1) {
    return invalid("max_tokens: Field required and must be a positive integer.", "max_tokens");
  }
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return invalid("messages: at least one message is required.", "messages");

  const out: JsonObject[] = [];
  const system = systemMessage(body.system, lenient);
  if (system instanceof GatewayError) return system;
  if (system !== null) out.push(system);
  for (let i = 0; i < messages.length; i++) {
    const message: unknown = messages[i];
    const param = `messages.${i}`;
    if (!isJsonObject(message)) return invalid("Each message must be an object.", param);
    if (message.role === "user") {
      const error = userMessages(message.content, `${param}.content`, out, lenient);
      if (error) return error;
    } else if (message.role === "assistant") {
      const translated = assistantMessage(message.content, `${param}.content`, lenient);
      if (translated instanceof GatewayError) return translated;
      out.push(translated);
    } else {
      return invalid(`messages.${i}.role: Input should be 'user' or 'assistant'.`, `${param}.role`);
    }
  }

  // Only blocks without text (e.g. a server tool's encrypted result): the gates still need a message.
  if (lenient && out.length === 0) out.push({ role: "user", content: "" });
  const request: JsonObject = { model, messages: out, max_tokens: maxTokens };
  // Wrong types are errors, as on /v1/chat/completions, not silently dropped.
  for (const field of ["temperature", "top_p"] as const) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== "number") return invalid(`${field}: Input should be a valid number.`, field);
  }
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== "boolean") return invalid("stream: Input should be a valid boolean.", "stream");
  const temperature = numberField(body, "temperature");
  if (temperature !== undefined) request.temperature = temperature;
  const topP = numberField(body, "top_p");
  if (topP !== undefined) request.top_p = topP;
  if (body.stop_sequences !== undefined) {
    const stops = body.stop_sequences;
    if (!Array.isArray(stops) || !stops.every((stop) => typeof stop === "string")) {
      return invalid("stop_sequences must be an array of strings.", "stop_sequences");
    }
    if (stops.length > 0) request.stop = stops;
  }
  if (body.tools !== undefined) {
    const tools = translateTools(body.tools, lenient);
    if (tools instanceof GatewayError) return tools;
    if (tools.length > 0) request.tools = tools;
  }
  if (body.tool_choice !== undefined) {
    const choice = translateToolChoice(body.tool_choice);
    if (choice instanceof GatewayError) {
      if (!lenient) return choice;
    } else if (request.tools !== undefined) {
      request.tool_choice = choice;
      if (isJsonObject(body.tool_choice) && body.tool_choice.disable_parallel_tool_use === true) request.parallel_tool_calls = false;
    }
  }
  if (body.stream === true) {
    request.stream = true;
    // The Anthropic stream ends with usage in message_delta, so the usage chunk is always needed.
    request.stream_options = { include_usage: true };
  }
  return request;
}
