// Reads Ollama error bodies: {"error":"…"}.

import type { GatewayError } from "../../errors.ts";
import type { LinkConfig } from "../types.ts";
import { isJsonObject, parseJson } from "../shared/json.ts";
import { NO_DETAILS, upstreamStatusError } from "../shared/errors.ts";

export function normalizeOllamaError(status: number, bodyText: string, link: LinkConfig): GatewayError {
  const parsed = parseJson(bodyText);
  const message = isJsonObject(parsed) && typeof parsed.error === "string" ? parsed.error : null;
  return upstreamStatusError(status, { ...NO_DETAILS, message }, link);
}
