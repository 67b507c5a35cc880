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

/**
 * How deep a request body may nest. Far beyond any real request (tool schemas nest a few dozen levels),
 * far below what serialising it for the upstream (or any other walk over it) can take, on every
 * proxy route (/v1/messages/count_tokens included): JSON.parse
 * accepts 50 000 levels, JSON.stringify overflows the stack on them.
 */
export const MAX_BODY_DEPTH = 256;

/** Whether `value` nests at most `levels` deep (a scalar is 0, `[]` and `{}` are 1). */
function nestsWithin(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (levels === 0) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!nestsWithin(item, levels - 1)) return false;
    return true;
  }
  for (const key in value) if (!nestsWithin((value as Record<string, unknown>)[key], levels - 1)) return false;
  return true;
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
  if (!nestsWithin(parsed, MAX_BODY_DEPTH)) return new GatewayError("invalid_request_error", `request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  return { body: parsed as JsonObject, bytes };
}
