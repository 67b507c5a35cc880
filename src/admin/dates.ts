// Dates in management requests (`from`, `to`, `expires_at`): a real calendar date (2026-02-30 would roll
// over to March) between the years 1970 and 9999 (Postgres timestamps and JavaScript dates reach much
// further, and such values came back as database errors or shifted years). Anything else is a 400.
import { GatewayError } from "../errors.ts";

/** `value` as an ISO date or timestamp; `what` names the field in the error. */
export function parseDate(value: string, what: string): Date {
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const real = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  if (Number.isNaN(parsed.getTime()) || !real || year < 1970 || year > 9999) {
    throw new GatewayError("invalid_request_error", `${what} must be a real ISO date (YYYY-MM-DD) or timestamp between the years 1970 and 9999`, { param: what });
  }
  return parsed;
}
