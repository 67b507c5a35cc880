// Reads OpenAI-style error bodies, including the variants compatible servers send.

import type { GatewayError } from "../../errors.ts";
import type { LinkConfig } from "../types.ts";
import { isJsonObject, parseJson, stringField } from "../shared/json.ts";
import { NO_DETAILS, upstreamStatusError, type UpstreamErrorDetails } from "../shared/errors.ts";

/**
 * `{"error":{message,type,param,code}}` from OpenAI; `{"error":"…"}` from some servers; vLLM's top-level
 * `{"object":"error","message":…}`; FastAPI's `{"detail":…}`.
 */
export function openAIErrorDetails(parsed: unknown): UpstreamErrorDetails {
  if (!isJsonObject(parsed)) return NO_DETAILS;
  const error = parsed.error;
  if (typeof error === "string") return { ...NO_DETAILS, message: error };
  const source = isJsonObject(error) ? error : parsed;
  const message = stringField(source, "message") ?? stringField(parsed, "detail") ?? null;
  const code = source.code;
  return {
    message,
    type: stringField(source, "type") ?? null,
    code: typeof code === "string" ? code : null,
    param: stringField(source, "param") ?? null,
  };
}

export function normalizeOpenAIError(status: number, bodyText: string, link: LinkConfig): GatewayError {
  return upstreamStatusError(status, openAIErrorDetails(parseJson(bodyText)), link);
}
