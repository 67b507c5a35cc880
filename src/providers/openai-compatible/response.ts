// Non-stream OpenAI answers are already in the gateway's format: only the usage is read.

import { GatewayError } from "../../errors.ts";
import type { ParsedResponse } from "../types.ts";
import { isJsonObject } from "../shared/json.ts";
import { usageFromOpenAI } from "../shared/usage.ts";

export function parseOpenAIResponse(body: unknown): ParsedResponse | GatewayError {
  if (!isJsonObject(body)) return new GatewayError("upstream_error", "The upstream answered with a body that is not a JSON object.");
  // Some servers answer 200 with an error envelope instead of a result: that is a failed call, not
  // an answer to pass on and bill.
  if (isJsonObject(body.error) && body.choices === undefined && body.data === undefined) {
    const message = typeof body.error.message === "string" ? body.error.message.slice(0, 500) : "no message";
    return new GatewayError("upstream_error", `The upstream answered 200 with an error: ${message}`);
  }
  return { body, usage: usageFromOpenAI(body.usage) };
}
