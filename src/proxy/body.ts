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

/** UTF-8 only: a body with invalid bytes is refused, not silently given replacement characters. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decode(bytes: Uint8Array): string | GatewayError {
  try {
    return utf8.decode(bytes);
  } catch {
    return new GatewayError("invalid_request_error", "request body is not valid UTF-8");
  }
}

async function readLimited(request: Request, limit: number): Promise<{ text: string; bytes: number } | GatewayError> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return tooLarge(limit);
  let bytes: Uint8Array;
  if (declared !== null) {
    bytes = new Uint8Array(await request.arrayBuffer());
  } else {
    // Chunked upload: count as it arrives so a huge body is refused without being held in memory.
    if (!request.body) return { text: "", bytes: 0 };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of request.body) {
      total += chunk.byteLength;
      if (total > limit) return tooLarge(limit);
      chunks.push(chunk);
    }
    bytes = Buffer.concat(chunks);
  }
  const text = decode(bytes);
  return text instanceof GatewayError ? text : { text, bytes: bytes.byteLength };
}

export async function readJsonBody(request: Request, limit: number): Promise<ReadBody | GatewayError> {
  const read = await readLimited(request, limit);
  if (read instanceof GatewayError) return read;
  const { text, bytes } = read;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new GatewayError("invalid_request_error", "request body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return new GatewayError("invalid_request_error", "request body must be a JSON object");
  }
  return { body: parsed as JsonObject, bytes };
}
