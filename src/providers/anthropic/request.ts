// OpenAI chat request → Anthropic Messages request.

import { GatewayError } from "../../errors.ts";
import type { JsonObject, LinkConfig, UpstreamRequest } from "../types.ts";
import { isJsonObject, numberField, parseJson, stringField } from "../shared/json.ts";
import { joinUrl, jsonPost, linkHeaders } from "../shared/request.ts";

const ANTHROPIC_VERSION = "2023-06-01";
/** Anthropic requires max_tokens; OpenAI clients usually leave it out. */
export const DEFAULT_MAX_TOKENS = 4096;

type Block = JsonObject;
interface Turn {
  role: "user" | "assistant";
  content: Block[];
}

function invalid(message: string, param: string): GatewayError {
  return new GatewayError("invalid_request_error", message, { param });
}

export function anthropicHeaders(link: LinkConfig): Record<string, string> {
  const version = typeof link.options.anthropic_version === "string" ? link.options.anthropic_version : ANTHROPIC_VERSION;
  const headers: Record<string, string> = { "anthropic-version": version, ...linkHeaders(link) };
  if (link.apiKey) headers["x-api-key"] = link.apiKey;
  return headers;
}

export function buildAnthropicChatRequest(link: LinkConfig, body: JsonObject, model: string): UpstreamRequest | GatewayError {
  const translated = openAIToAnthropicRequest(body, model);
  if (translated instanceof GatewayError) return translated;
  return jsonPost(joinUrl(link.endpointUrl, "/v1/messages"), anthropicHeaders(link), translated);
}

/** Comma-separated beta names of the link's options and the client, each once, the link's first. */
function mergeBetas(...lists: (string | null | undefined)[]): string {
  const names = new Set<string>();
  for (const list of lists) {
    for (const name of list?.split(",") ?? []) if (name.trim().length > 0) names.add(name.trim());
  }
  return [...names].join(",");
}

/**
 * The client's betas a link lets through. A beta acts on the link's account (files, containers, skills,
 * MCP servers, premium context), so the link's `client_betas` option may name the ones clients may turn
 * on; without it every beta passes, as clients such as Claude Code expect.
 */
function allowedClientBetas(link: LinkConfig, requested: string | null): string | null {
  const allowed = link.options.client_betas;
  if (requested === null || !Array.isArray(allowed)) return requested;
  const names = new Set(allowed.filter((name): name is string => typeof name === "string").map((name) => name.trim()));
  return requested
    .split(",")
    .map((name) => name.trim())
    .filter((name) => names.has(name))
    .join(",");
}

/**
 * A /v1/messages body forwarded as the client wrote it: only `model` becomes the link's upstream name,
 * and the link's key replaces the client's. The client's `anthropic-version` wins over the link's default
 * (it describes the body and the answer the client expects); its betas are added to the link's.
 */
export function buildAnthropicMessagesRequest(link: LinkConfig, body: JsonObject, model: string, clientHeaders: Headers): UpstreamRequest {
  const headers = anthropicHeaders(link);
  const version = clientHeaders.get("anthropic-version");
  if (version) headers["anthropic-version"] = version;
  const betas = mergeBetas(headers["anthropic-beta"], allowedClientBetas(link, clientHeaders.get("anthropic-beta")));
  if (betas.length > 0) headers["anthropic-beta"] = betas;
  return jsonPost(joinUrl(link.endpointUrl, "/v1/messages"), headers, { ...body, model });
}

export function buildAnthropicListModelsRequest(link: LinkConfig): UpstreamRequest {
  return { url: joinUrl(link.endpointUrl, "/v1/models?limit=1000"), method: "GET", headers: anthropicHeaders(link) };
}

/** `data:<media type>;base64,<data>` → its parts, or null for anything else. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  if (!url.startsWith("data:")) return null;
  const comma = url.indexOf(",");
  if (comma === -1) return null;
  const meta = url.slice(5, comma);
  if (!meta.endsWith(";base64")) return null;
  return { mediaType: meta.slice(0, -7), data: url.slice(comma + 1) };
}

function withCacheControl(block: Block, part: JsonObject): Block {
  // Some OpenAI clients mark prompt-cache breakpoints on content parts the Anthropic way; keep them.
  if (isJsonObject(part.cache_control)) block.cache_control = part.cache_control;
  return block;
}

function imageBlock(part: JsonObject, param: string): Block | GatewayError {
  const image = part.image_url;
  const url = isJsonObject(image) ? stringField(image, "url") : typeof image === "string" ? image : undefined;
  if (url === undefined) return invalid("image_url.url is required.", param);
  const inline = parseDataUrl(url);
  if (inline !== null) return withCacheControl({ type: "image", source: { type: "base64", media_type: inline.mediaType, data: inline.data } }, part);
  if (url.startsWith("https://") || url.startsWith("http://")) return withCacheControl({ type: "image", source: { type: "url", url } }, part);
  return invalid("image_url.url must be an http(s) URL or a base64 data: URL.", param);
}

function fileBlock(part: JsonObject, param: string): Block | GatewayError {
  const file = isJsonObject(part.file) ? part.file : {};
  const data = stringField(file, "file_data");
  const inline = data === undefined ? null : parseDataUrl(data);
  if (inline === null) return invalid("Only inline base64 file_data is supported for file parts with this provider.", param);
  return withCacheControl({ type: "document", source: { type: "base64", media_type: inline.mediaType, data: inline.data } }, part);
}

/** A message's content as Anthropic blocks; `allowMedia` is false where only text is meaningful. */
function contentBlocks(content: unknown, param: string, allowMedia: boolean): Block[] | GatewayError {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return content.length > 0 ? [{ type: "text", text: content }] : [];
  if (!Array.isArray(content)) return invalid("content must be a string or an array of content parts.", param);
  const blocks: Block[] = [];
  for (let i = 0; i < content.length; i++) {
    const part: unknown = content[i];
    const partParam = `${param}[${i}]`;
    if (!isJsonObject(part)) return invalid("Each content part must be an object.", partParam);
    const type = part.type;
    if (type === "text") {
      const text = stringField(part, "text") ?? "";
      if (text.length > 0) blocks.push(withCacheControl({ type: "text", text }, part));
    } else if (allowMedia && type === "image_url") {
      const block = imageBlock(part, partParam);
      if (block instanceof GatewayError) return block;
      blocks.push(block);
    } else if (allowMedia && type === "file") {
      const block = fileBlock(part, partParam);
      if (block instanceof GatewayError) return block;
      blocks.push(block);
    } else {
      return invalid(`Content parts of type "${String(type)}" are not supported by this provider here.`, `${partParam}.type`);
    }
  }
  return blocks;
}

function toolUseBlocks(toolCalls: unknown, param: string): Block[] | GatewayError {
  if (!Array.isArray(toolCalls)) return [];
  const blocks: Block[] = [];
  for (let i = 0; i < toolCalls.length; i++) {
    const call: unknown = toolCalls[i];
    const callParam = `${param}[${i}]`;
    if (!isJsonObject(call) || !isJsonObject(call.function)) return invalid("Each tool call needs a function.", callParam);
    const args = stringField(call.function, "arguments") ?? "";
    let input: unknown = {};
    if (args.trim().length > 0) {
      input = parseJson(args);
      if (!isJsonObject(input)) return invalid("Tool call arguments must be a JSON object.", `${callParam}.function.arguments`);
    }
    blocks.push({ type: "tool_use", id: stringField(call, "id") ?? "", name: stringField(call.function, "name") ?? "", input });
  }
  return blocks;
}

/** Anthropic requires user/assistant alternation: consecutive same-role turns become one. */
function pushTurn(turns: Turn[], role: Turn["role"], content: Block[]): void {
  if (content.length === 0) return;
  const last = turns.at(-1);
  if (last !== undefined && last.role === role) last.content.push(...content);
  else turns.push({ role, content });
}

function systemText(content: unknown, param: string): Block[] | GatewayError {
  return contentBlocks(content, param, false);
}

function translateTools(tools: unknown): Block[] | GatewayError {
  if (!Array.isArray(tools)) return invalid("tools must be an array.", "tools");
  const result: Block[] = [];
  for (let i = 0; i < tools.length; i++) {
    const tool: unknown = tools[i];
    if (!isJsonObject(tool) || tool.type !== "function" || !isJsonObject(tool.function)) {
      return invalid("Only function tools are supported by this provider.", `tools[${i}]`);
    }
    const fn = tool.function;
    const translated: Block = {
      name: stringField(fn, "name") ?? "",
      input_schema: isJsonObject(fn.parameters) ? fn.parameters : { type: "object", properties: {} },
    };
    const description = stringField(fn, "description");
    if (description) translated.description = description;
    result.push(withCacheControl(translated, tool));
  }
  return result;
}

function translateToolChoice(choice: unknown): Block | GatewayError {
  if (choice === "auto") return { type: "auto" };
  if (choice === "none") return { type: "none" };
  if (choice === "required") return { type: "any" };
  if (isJsonObject(choice) && isJsonObject(choice.function) && typeof choice.function.name === "string") {
    return { type: "tool", name: choice.function.name };
  }
  return invalid('tool_choice must be "auto", "none", "required" or a function.', "tool_choice");
}

/** Translates an OpenAI chat request into an Anthropic Messages request for `model`. */
export function openAIToAnthropicRequest(body: JsonObject, model: string): JsonObject | GatewayError {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return invalid("messages must be a non-empty array.", "messages");
  if (typeof body.n === "number" && body.n > 1) return new GatewayError("unsupported_operation", "n > 1 is not supported by this provider.", { param: "n" });
  // json_object needs nothing (the prompt asks for JSON); a schema would be silently ignored, so refuse it.
  if (isJsonObject(body.response_format) && body.response_format.type === "json_schema") {
    return new GatewayError("unsupported_operation", "response_format json_schema is not supported by this provider.", {
      param: "response_format",
    });
  }

  const system: Block[] = [];
  const turns: Turn[] = [];
  for (let i = 0; i < messages.length; i++) {
    const message: unknown = messages[i];
    const param = `messages[${i}]`;
    if (!isJsonObject(message)) return invalid("Each message must be an object.", param);
    const role = message.role;
    if (role === "system" || role === "developer") {
      const blocks = systemText(message.content, `${param}.content`);
      if (blocks instanceof GatewayError) return blocks;
      system.push(...blocks);
    } else if (role === "user") {
      const blocks = contentBlocks(message.content, `${param}.content`, true);
      if (blocks instanceof GatewayError) return blocks;
      pushTurn(turns, "user", blocks);
    } else if (role === "assistant") {
      const blocks = contentBlocks(message.content, `${param}.content`, false);
      if (blocks instanceof GatewayError) return blocks;
      const toolUses = toolUseBlocks(message.tool_calls, `${param}.tool_calls`);
      if (toolUses instanceof GatewayError) return toolUses;
      pushTurn(turns, "assistant", [...blocks, ...toolUses]);
    } else if (role === "tool") {
      const toolCallId = stringField(message, "tool_call_id");
      if (!toolCallId) return invalid("Tool messages need a tool_call_id.", `${param}.tool_call_id`);
      const content = message.content;
      let resultContent: string | Block[];
      if (typeof content === "string") resultContent = content;
      else {
        const blocks = contentBlocks(content, `${param}.content`, true);
        if (blocks instanceof GatewayError) return blocks;
        resultContent = blocks;
      }
      // Tool results become user turns; consecutive results merge into one turn (parallel tool calls).
      pushTurn(turns, "user", [{ type: "tool_result", tool_use_id: toolCallId, content: resultContent }]);
    } else {
      return invalid(`Messages with role "${String(role)}" are not supported by this provider.`, `${param}.role`);
    }
  }
  if (turns.length === 0) return invalid("At least one user or assistant message is required.", "messages");

  const request: JsonObject = {
    model,
    max_tokens: numberField(body, "max_completion_tokens") ?? numberField(body, "max_tokens") ?? DEFAULT_MAX_TOKENS,
    messages: turns,
  };
  if (system.length > 0) {
    // A plain string unless a part carries a cache breakpoint, which only blocks can express.
    request.system = system.some((block) => block.cache_control !== undefined)
      ? system
      : system.map((block) => String(block.text)).join("\n\n");
  }
  const stop = body.stop;
  if (typeof stop === "string") request.stop_sequences = [stop];
  else if (Array.isArray(stop) && stop.length > 0) request.stop_sequences = stop.filter((value) => typeof value === "string");
  const temperature = numberField(body, "temperature");
  // OpenAI accepts 0–2, Anthropic 0–1: clamp rather than fail a request that is valid for the client.
  if (temperature !== undefined) request.temperature = Math.min(Math.max(temperature, 0), 1);
  const topP = numberField(body, "top_p");
  if (topP !== undefined) request.top_p = topP;
  // Anthropic-only fields some OpenAI clients send through extra body parameters.
  const topK = numberField(body, "top_k");
  if (topK !== undefined) request.top_k = topK;
  if (isJsonObject(body.thinking)) request.thinking = body.thinking;

  if (body.tools !== undefined && body.tools !== null) {
    const tools = translateTools(body.tools);
    if (tools instanceof GatewayError) return tools;
    if (tools.length > 0) request.tools = tools;
  }
  if (body.tool_choice !== undefined && body.tool_choice !== null) {
    const choice = translateToolChoice(body.tool_choice);
    if (choice instanceof GatewayError) return choice;
    request.tool_choice = choice;
  }
  if (body.parallel_tool_calls === false && request.tools !== undefined) {
    const choice = isJsonObject(request.tool_choice) ? request.tool_choice : { type: "auto" };
    if (choice.type !== "none") request.tool_choice = { ...choice, disable_parallel_tool_use: true };
  }
  if (typeof body.user === "string" && body.user.length > 0) request.metadata = { user_id: body.user };
  if (body.stream === true) request.stream = true;
  return request;
}
