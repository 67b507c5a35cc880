// Reads how long an upstream asked us to stay away from a 429/503 answer's headers. Providers say it in
// different ways, and a gateway that ignores them hammers a link that has told it exactly when to come
// back:
//   retry-after-ms: 1500                                  OpenAI, milliseconds
//   retry-after: 2  |  retry-after: <HTTP-date>           RFC 9110, everyone
//   x-ratelimit-reset-requests/-tokens: 1s, 6m0s, 20ms    OpenAI (and Groq…), Go durations
//   anthropic-ratelimit-*-reset: <RFC 3339 time>          Anthropic
// Pure: the clock comes in (dates are absolute), nothing is remembered. A value that cannot be read,
// is zero or negative, or lies in the past says nothing and is ignored.

/** What the parser reads: `Headers` satisfies it, and so does a plain lookup in tests. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** No hint is believed beyond this (the router applies the link's own, usually smaller, cap). */
export const MAX_HINT_MS = 3_600_000;

const SECONDS = /^\d+(?:\.\d+)?$/;
const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "2", "1.5" → ms. Signs and exponents are not delay-seconds: ignored. */
export function parseSeconds(value: string): number | null {
  const text = value.trim();
  return SECONDS.test(text) ? Number(text) * 1_000 : null;
}

/** "1s", "6m0s", "1.5s", "20ms" (Go's time.Duration format) → ms. */
export function parseGoDuration(value: string): number | null {
  const text = value.trim();
  if (!GO_DURATION.test(text)) return null;
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(GO_PART)) ms += Number(amount) * (UNIT_MS[unit ?? ""] ?? 0);
  return ms;
}

/** An HTTP-date or RFC 3339 time → ms from `now`. Bare numbers are not dates (Date.parse("5") is 2001). */
export function parseDate(value: string, now: number): number | null {
  const text = value.trim();
  if (!/[a-z]/i.test(text) && !/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : at - now;
}

/** A usable wait: positive, whole milliseconds, at most `maxMs`; anything else is no hint. */
function usable(ms: number | null, maxMs: number): number | null {
  if (ms === null || Number.isNaN(ms) || ms <= 0) return null;
  return Math.min(Math.ceil(ms), maxMs);
}

/** `retry-after`: delay-seconds or an HTTP-date. */
export function parseRetryAfter(value: string, now: number): number | null {
  return parseSeconds(value) ?? parseDate(value, now);
}

/** A rate-limit reset header: a Go duration, plain seconds or a date, whichever the provider sends. */
export function parseReset(value: string, now: number): number | null {
  return parseGoDuration(value) ?? parseSeconds(value) ?? parseDate(value, now);
}

/** Each reset header with the header saying how much of that limit is left. */
const RESET_HEADERS: readonly [reset: string, remaining: string][] = [
  ["x-ratelimit-reset-requests", "x-ratelimit-remaining-requests"],
  ["x-ratelimit-reset-tokens", "x-ratelimit-remaining-tokens"],
  ["anthropic-ratelimit-requests-reset", "anthropic-ratelimit-requests-remaining"],
  ["anthropic-ratelimit-tokens-reset", "anthropic-ratelimit-tokens-remaining"],
  ["anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-input-tokens-remaining"],
  ["anthropic-ratelimit-output-tokens-reset", "anthropic-ratelimit-output-tokens-remaining"],
];

/**
 * The wait the reset headers imply. A limit reported spent (remaining 0) is what refused us, and all
 * spent limits must reset: the latest of those. Without a spent one, the limits whose remainder is not
 * reported might be the cause: the earliest of those, so a link is not kept idle on a guess. A limit
 * with requests or tokens left did not cause the refusal and is ignored.
 */
function resetHint(headers: HeaderSource, now: number, maxMs: number): number | null {
  const spent: number[] = [];
  const unknown: number[] = [];
  for (const [resetName, remainingName] of RESET_HEADERS) {
    const reset = headers.get(resetName);
    const ms = reset === null ? null : usable(parseReset(reset, now), maxMs);
    if (ms === null) continue;
    const remaining = headers.get(remainingName)?.trim() ?? null;
    if (remaining === null || remaining === "") unknown.push(ms);
    else if (Number(remaining) === 0) spent.push(ms);
  }
  if (spent.length > 0) return Math.max(...spent);
  return unknown.length > 0 ? Math.min(...unknown) : null;
}

/**
 * How long (ms) the upstream asked us to wait, or null when it did not say. The most explicit header
 * wins: `retry-after-ms`, then `retry-after`, then the rate-limit reset headers.
 */
export function retryHintMs(headers: HeaderSource, now: number, maxMs = MAX_HINT_MS): number | null {
  const ms = headers.get("retry-after-ms");
  if (ms !== null) {
    const text = ms.trim();
    const hint = usable(SECONDS.test(text) ? Number(text) : null, maxMs);
    if (hint !== null) return hint;
  }
  const after = headers.get("retry-after");
  if (after !== null) {
    const hint = usable(parseRetryAfter(after, now), maxMs);
    if (hint !== null) return hint;
  }
  return resetHint(headers, now, maxMs);
}
