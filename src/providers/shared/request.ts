// Pieces every adapter's request builder needs: base URL joining, JSON headers, per-link extra headers.

import type { JsonObject, LinkConfig, UpstreamRequest } from "../types.ts";
import { isJsonObject } from "./json.ts";

/** `base` without trailing slashes, then `path` (which starts with "/"). */
export function joinUrl(base: string, path: string): string {
  let end = base.length;
  while (end > 0 && base.charCodeAt(end - 1) === 47) end--;
  return base.slice(0, end) + path;
}

/** String-valued entries of `link.options.headers`, for gateways and vendors that need extra headers. */
export function linkHeaders(link: LinkConfig): Record<string, string> {
  const headers = link.options.headers;
  const result: Record<string, string> = {};
  if (!isJsonObject(headers)) return result;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") result[name.toLowerCase()] = value;
  }
  return result;
}

export function jsonPost(url: string, headers: Record<string, string>, body: JsonObject): UpstreamRequest {
  return { url, method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}
