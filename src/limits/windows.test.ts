import { describe, expect, test } from "bun:test";
import { fixedWindow, formatReset, utcDay, utcMonth } from "./windows.ts";

describe("windows", () => {
  test("UTC day and month boundaries, including year end", () => {
    const late = Date.UTC(2025, 11, 31, 23, 59, 59, 999);
    expect(utcDay(late)).toEqual({ start: Date.UTC(2025, 11, 31), end: Date.UTC(2026, 0, 1) });
    expect(utcMonth(late)).toEqual({ start: Date.UTC(2025, 11, 1), end: Date.UTC(2026, 0, 1) });
    expect(utcDay(late + 1).start).toBe(Date.UTC(2026, 0, 1));
  });

  test("fixed windows align to multiples of their length", () => {
    expect(fixedWindow(125_000, 60_000)).toEqual({ start: 120_000, end: 180_000 });
  });

  test("reset durations in OpenAI's format", () => {
    expect(formatReset(20)).toBe("20ms");
    expect(formatReset(1000)).toBe("1s");
    expect(formatReset(360_000)).toBe("6m0s");
    expect(formatReset(3_723_000)).toBe("1h2m3s");
  });
});
