import { describe, expect, test } from "bun:test";
import { GatewayError } from "../errors.ts";
import { parseDate } from "./dates.ts";
import { parseWindow } from "./routes/analytics.ts";

describe("parseDate", () => {
  test("ISO dates and timestamps, offsets included", () => {
    expect(parseDate("2026-02-28", "from").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(parseDate("2099-03-01T01:00:00+02:00", "expires_at").toISOString()).toBe("2099-02-28T23:00:00.000Z");
  });

  test.each(["2026-02-30", "2026-13-01", "0001-01-01T00:00:00Z", "1969-12-31", "+275760-09-13", "-271821-04-20", "yesterday"])("%s is a 400 naming the field", (value) => {
    expect(() => parseDate(value, "to")).toThrow(GatewayError);
    try {
      parseDate(value, "to");
    } catch (error) {
      expect((error as GatewayError).param).toBe("to");
    }
  });

  test("analytics windows use it: a date-only `to` includes its whole day", () => {
    const window = parseWindow("2026-02-01", "2026-02-28");
    expect(window.to.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(() => parseWindow("2026-02-30", undefined)).toThrow(GatewayError);
  });
});
