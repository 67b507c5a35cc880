// Reads Anthropic error bodies: {"type":"error","error":{"type":…,"message":…},"request_id":…}.

import type { GatewayError } from "../../errors.ts";
import type { LinkConfig } from "../types.ts";
import { isJsonObject, parseJson, stringField } from "../shared/json.ts";
import { NO_DETAILS, upstreamStatusError, type UpstreamErrorDetails } from "../shared/errors.ts";

export function anthropicErrorDetails(parsed: unknown): UpstreamErrorDetails {
  if (!isJsonObject(parsed) || !isJsonObject(parsed.error)) return NO_DETAILS;
  return { message: stringField(parsed.error, "message") ?? null, type: stringField(parsed.error, "type") ?? null, code: null, param: null };
}

export function normalizeAnthropicError(status: number, bodyText: string, link: LinkConfig): GatewayError {
  return upstreamStatusError(status, anthropicErrorDetails(parseJson(bodyText)), link);
}
