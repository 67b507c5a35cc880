// Non-stream OpenAI answers are already in the gateway's format: only the usage is read.

import { GatewayError } from "../../errors.ts";
import type { ParsedResponse } from "../types.ts";
import { isJsonObject } from "../shared/json.ts";
import { usageFromOpenAI } from "../shared/usage.ts";

export function parseOpenAIResponse(body: unknown): ParsedResponse | GatewayError {
  if (!isJsonObject(body)) return new GatewayError("upstream_error", "The upstream answered with a body that is not a JSON object.");
  return { body, usage: usageFromOpenAI(body.usage) };
}
