import { describe, expect, test } from "bun:test";
import { MAX_HINT_MS, parseDate, parseGoDuration, parseReset, parseRetryAfter, parseSeconds, retryHintMs } from "./retry-after.ts";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const hint = (headers: Record<string, string>, maxMs?: number) => retryHintMs(new Headers(headers), NOW, maxMs);

describe("single formats", () => {
  test("delay-seconds", () => {
    expect(parseSeconds("2")).toBe(2_000);
    expect(parseSeconds(" 1.5 ")).toBe(1_500);
    for (const bad of ["", "-1", "+2", "1e3", "2s", "soon", "1,5"]) expect(parseSeconds(bad)).toBeNull();
  });

  test("Go durations as OpenAI sends them", () => {
    expect(parseGoDuration("1s")).toBe(1_000);
    expect(parseGoDuration("6m0s")).toBe(360_000);
    expect(parseGoDuration("1.5s")).toBe(1_500);
    expect(parseGoDuration("20ms")).toBe(20);
    expect(parseGoDuration("1h2m3.5s")).toBe(3_723_500);
    expect(parseGoDuration("500us")).toBeCloseTo(0.5);
    for (const bad of ["", "1", "-1s", "1x", "s", "1s garbage", "6m 0s"]) expect(parseGoDuration(bad)).toBeNull();
  });

  test("HTTP-date and RFC 3339, relative to now; bare numbers are not dates", () => {
    expect(parseDate("Sun, 01 Mar 2026 12:00:05 GMT", NOW)).toBe(5_000);
    expect(parseDate("2026-03-01T12:00:03Z", NOW)).toBe(3_000);
    expect(parseDate("2026-03-01T11:59:00Z", NOW)).toBe(-60_000);
    expect(parseDate("5", NOW)).toBeNull();
    expect(parseDate("-1", NOW)).toBeNull();
    expect(parseDate("tomorrow-ish", NOW)).toBeNull();
  });

  test("retry-after takes seconds or a date; reset headers also take Go durations", () => {
    expect(parseRetryAfter("3", NOW)).toBe(3_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:01:00 GMT", NOW)).toBe(60_000);
    expect(parseRetryAfter("3s", NOW)).toBeNull();
    expect(parseReset("6m0s", NOW)).toBe(360_000);
    expect(parseReset("2", NOW)).toBe(2_000);
    expect(parseReset("2026-03-01T12:00:01Z", NOW)).toBe(1_000);
  });
});

describe("retryHintMs", () => {
  test("retry-after in seconds and as an HTTP date", () => {
    expect(hint({ "retry-after": "2" })).toBe(2_000);
    expect(hint({ "retry-after": "Sun, 01 Mar 2026 12:00:10 GMT" })).toBe(10_000);
  });

  test("OpenAI's retry-after-ms wins over retry-after", () => {
    expect(hint({ "retry-after-ms": "250", "retry-after": "2" })).toBe(250);
    expect(hint({ "retry-after-ms": "12.2" })).toBe(13);
  });

  test("a garbage or non-positive header is ignored and the next one is read", () => {
    expect(hint({ "retry-after-ms": "soon", "retry-after": "3" })).toBe(3_000);
    expect(hint({ "retry-after-ms": "-5", "retry-after": "1" })).toBe(1_000);
    expect(hint({ "retry-after": "-1" })).toBeNull();
    expect(hint({ "retry-after": "0" })).toBeNull();
    expect(hint({ "retry-after": "later, please" })).toBeNull();
    // A date in the past says nothing.
    expect(hint({ "retry-after": "Sun, 01 Mar 2026 11:00:00 GMT" })).toBeNull();
    expect(hint({})).toBeNull();
  });

  test("huge hints are capped", () => {
    expect(hint({ "retry-after": "99999999999" })).toBe(MAX_HINT_MS);
    expect(hint({ "retry-after": "9".repeat(400) })).toBe(MAX_HINT_MS);
    expect(hint({ "retry-after": "120" }, 60_000)).toBe(60_000);
    expect(hint({ "x-ratelimit-reset-tokens": "9999h" }, 60_000)).toBe(60_000);
  });

  test("OpenAI reset headers: the spent limit decides; with none reported spent, the earliest unknown", () => {
    const reset = { "x-ratelimit-reset-requests": "1s", "x-ratelimit-reset-tokens": "6m0s" };
    expect(hint({ ...reset, "x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "5000" })).toBe(1_000);
    expect(hint({ ...reset, "x-ratelimit-remaining-requests": "3", "x-ratelimit-remaining-tokens": "0" })).toBe(360_000);
    expect(hint({ ...reset, "x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "0" })).toBe(360_000);
    expect(hint(reset)).toBe(1_000);
    expect(hint({ ...reset, "x-ratelimit-remaining-requests": "3", "x-ratelimit-remaining-tokens": "7" })).toBeNull();
    expect(hint({ "x-ratelimit-reset-requests": "20ms" })).toBe(20);
    expect(hint({ "x-ratelimit-reset-requests": "nope" })).toBeNull();
  });

  test("Anthropic reset times (RFC 3339); retry-after still wins", () => {
    const headers = {
      "anthropic-ratelimit-requests-reset": "2026-03-01T12:00:30Z",
      "anthropic-ratelimit-requests-remaining": "0",
      "anthropic-ratelimit-tokens-reset": "2026-03-01T12:00:02Z",
      "anthropic-ratelimit-tokens-remaining": "1000",
    };
    expect(hint(headers)).toBe(30_000);
    expect(hint({ ...headers, "retry-after": "4" })).toBe(4_000);
  });
});
