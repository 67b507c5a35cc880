// `?limit=&offset=` for every list route (default 50, at most 1000).
import { GatewayError } from "../errors.ts";

export interface Page {
  limit: number;
  offset: number;
}

export function parsePage(query: Record<string, string | undefined>): Page {
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new GatewayError("invalid_request_error", "limit must be an integer from 1 to 1000", { param: "limit" });
  if (!Number.isInteger(offset) || offset < 0) throw new GatewayError("invalid_request_error", "offset must be a non-negative integer", { param: "offset" });
  return { limit, offset };
}

/** The list envelope: `{data, has_more, next_offset}`; fetch limit+1 rows to know whether more exist. */
export function pageOf<T>(rows: T[], page: Page): { data: T[]; has_more: boolean; next_offset: number | null } {
  const hasMore = rows.length > page.limit;
  const data = hasMore ? rows.slice(0, page.limit) : rows;
  return { data, has_more: hasMore, next_offset: hasMore ? page.offset + page.limit : null };
}
