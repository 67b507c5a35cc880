// Reads a JSON request body with a size limit, answering in the gateway's error vocabulary.
import { GatewayError } from "../errors.ts";
import type { JsonObject } from "../providers/types.ts";

export interface ReadBody {
  body: JsonObject;
  bytes: number;
}

function tooLarge(limit: number): GatewayError {
  return new GatewayError("request_too_large", `request body exceeds the limit of ${limit} bytes`);
}

async function readLimited(request: Request, limit: number): Promise<string | GatewayError> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return tooLarge(limit);
  if (declared !== null) return request.text();
  // Chunked upload: count as it arrives so a huge body is refused without being held in memory.
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of request.body) {
    total += chunk.byteLength;
    if (total > limit) return tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJsonBody(request: Request, limit: number): Promise<ReadBody | GatewayError> {
  const text = await readLimited(request, limit);
  if (text instanceof GatewayError) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new GatewayError("invalid_request_error", "request body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return new GatewayError("invalid_request_error", "request body must be a JSON object");
  }
  return { body: parsed as JsonObject, bytes: Buffer.byteLength(text) };
}
