// Checks the few request fields the gateway interprets; everything else passes through untouched.
import { GatewayError } from "../errors.ts";
import type { JsonObject, Operation } from "../providers/types.ts";

export interface ValidRequest {
  model: string;
  stream: boolean;
  /** The client asked to see the usage chunk of a stream. */
  includeUsage: boolean;
  /** Completion-token ceiling named by the client, if any (for quota reservations). */
  maxTokens: number | null;
}

function invalid(message: string, param: string): GatewayError {
  return new GatewayError("invalid_request_error", message, { param });
}

export function validateRequest(operation: Operation, body: JsonObject): ValidRequest | GatewayError {
  const model = body.model;
  if (typeof model !== "string" || model.length === 0) return invalid("you must provide a model parameter", "model");
  if (model.length > 256) return invalid("model name is too long", "model");
  const stream = body.stream;
  if (stream !== undefined && stream !== null && typeof stream !== "boolean") return invalid("stream must be a boolean", "stream");
  if (operation === "chat") {
    const messages = body.messages;
    if (!Array.isArray(messages)) return invalid("messages is required and must be an array", "messages");
    if (messages.length === 0) return invalid("messages must contain at least one message", "messages");
    for (let index = 0; index < messages.length; index++) {
      const message: unknown = messages[index];
      if (message === null || typeof message !== "object" || Array.isArray(message)) return invalid("each message must be an object", `messages[${index}]`);
      const role = (message as JsonObject).role;
      if (typeof role !== "string") return invalid("each message needs a string role", `messages[${index}].role`);
    }
  } else if (operation === "completions") {
    const prompt = body.prompt;
    if (prompt === undefined || prompt === null) return invalid("prompt is required", "prompt");
    if (typeof prompt !== "string" && !Array.isArray(prompt)) return invalid("prompt must be a string or an array", "prompt");
  } else {
    const input = body.input;
    if (input === undefined || input === null) return invalid("input is required", "input");
    if (typeof input !== "string" && !Array.isArray(input)) return invalid("input must be a string or an array", "input");
  }
  const streamOptions = body.stream_options;
  if (streamOptions !== undefined && streamOptions !== null && (typeof streamOptions !== "object" || Array.isArray(streamOptions))) {
    return invalid("stream_options must be an object", "stream_options");
  }
  // Each given field is checked on its own, so an error names the field that is wrong.
  for (const field of ["max_completion_tokens", "max_tokens"] as const) {
    const value = body[field];
    if (value !== undefined && value !== null && (typeof value !== "number" || !Number.isInteger(value) || value < 0)) {
      return invalid(`${field} must be a non-negative integer`, field);
    }
  }
  const rawMax = body.max_completion_tokens ?? body.max_tokens;
  return {
    model,
    stream: stream === true,
    includeUsage: stream === true && (streamOptions as JsonObject | undefined)?.include_usage === true,
    maxTokens: typeof rawMax === "number" ? rawMax : null,
  };
}
