import { describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SseParser, encodeSseData, encodeSseEvent, parseSseText, type SseEvent } from "./sse.ts";
import { WIRE_FIXTURES_DIR, randomCuts, readFixture } from "../providers/shared/wire-fixtures.ts";

function parseInPieces(text: string, cuts: readonly number[]): { events: SseEvent[]; skipped: string[] } {
  const events: SseEvent[] = [];
  const skipped: string[] = [];
  const parser = new SseParser({ onEvent: (event) => events.push(event), onSkipped: (raw) => skipped.push(raw) });
  let start = 0;
  for (const cut of cuts) {
    parser.push(text.slice(start, cut));
    start = cut;
  }
  parser.push(text.slice(start));
  parser.end();
  return { events, skipped };
}

const sseFixtures = ["openai-chat", "anthropic", "openai-responses"].flatMap((dir) =>
  readdirSync(join(WIRE_FIXTURES_DIR, dir))
    .filter((name) => name.endsWith(".sse"))
    .map((name) => `${dir}/${name}`),
);

describe("SseParser on recorded streams", () => {
  test("finds the fixtures", () => {
    expect(sseFixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const fixture of sseFixtures) {
    test(`${fixture}: identical events for every split point, raw text reassembles the input`, () => {
      const text = readFixture(fixture);
      const whole = parseSseText(text);
      expect(whole.length).toBeGreaterThan(0);
      expect(whole.map((event) => event.raw).join("")).toBe(text);
      // Every single split point for small files; many random multi-cuts for all.
      const step = text.length > 20000 ? 7 : 1;
      for (let offset = 0; offset <= text.length; offset += step) {
        const { events } = parseInPieces(text, [offset]);
        if (events.length !== whole.length) throw new Error(`split at ${offset}: ${events.length} events`);
        for (let i = 0; i < whole.length; i++) {
          const a = events[i];
          const b = whole[i];
          if (a?.data !== b?.data || a?.event !== b?.event || a?.raw !== b?.raw) throw new Error(`split at ${offset}: event ${i} differs`);
        }
      }
      for (let seed = 1; seed <= 50; seed++) {
        expect(parseInPieces(text, randomCuts(text.length, 40, seed)).events).toEqual(whole);
      }
    });

    test(`${fixture}: CRLF and CR line endings give the same events`, () => {
      const text = readFixture(fixture);
      const whole = parseSseText(text).map(({ event, data }) => ({ event, data }));
      for (const ending of ["\r\n", "\r"]) {
        const converted = text.replace(/\n/g, ending);
        const once = parseSseText(converted).map(({ event, data }) => ({ event, data }));
        expect(once).toEqual(whole);
        for (let seed = 1; seed <= 10; seed++) {
          const pieces = parseInPieces(converted, randomCuts(converted.length, 60, seed)).events;
          expect(pieces.map(({ event, data }) => ({ event, data }))).toEqual(whole);
        }
      }
    });
  }

  test("Anthropic event names are read", () => {
    const events = parseSseText(readFixture("anthropic/stream-basic.sse"));
    expect(events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "ping",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(JSON.parse(events[2]?.data ?? "")).toEqual({ type: "ping" });
  });
});

describe("SseParser edge cases", () => {
  test("comments are skipped but reported raw", () => {
    const { events, skipped } = parseInPieces(": keep-alive\n\ndata: a\n: inside\n\n", []);
    expect(events).toEqual([{ event: "message", data: "a", id: null, raw: "data: a\n: inside\n\n" }]);
    expect(skipped).toEqual([": keep-alive\n\n"]);
  });

  test("multi-line data is joined with newlines; no space after colon and bare field names work", () => {
    const events = parseSseText("data: first\ndata:second\ndata\ndata:  two spaces\n\n");
    expect(events[0]?.data).toBe("first\nsecond\n\n two spaces");
  });

  test("event names, ids and default type", () => {
    const events = parseSseText("id: 7\nevent: ping\ndata: {}\n\ndata: x\n\n");
    expect(events.map(({ event, id }) => ({ event, id }))).toEqual([
      { event: "ping", id: "7" },
      { event: "message", id: "7" },
    ]);
  });

  test("blocks without data dispatch nothing", () => {
    const { events, skipped } = parseInPieces("event: lonely\n\n\n\ndata: y\n\n", []);
    expect(events.map((event) => event.data)).toEqual(["y"]);
    expect(skipped.join("")).toBe("event: lonely\n\n\n\n");
  });

  test("a CRLF split between chunks is one line ending", () => {
    const { events } = parseInPieces("data: a\r\n\r\ndata: b\r\n\r\n", [8, 9, 10]);
    expect(events.map((event) => event.data)).toEqual(["a", "b"]);
    expect(events.map((event) => event.raw).join("")).toBe("data: a\r\n\r\ndata: b\r\n\r\n");
  });

  test("a leading BOM is ignored", () => {
    expect(parseSseText("\uFEFFdata: a\n\n")[0]?.data).toBe("a");
  });

  test("an unterminated last event is still dispatched at the end", () => {
    expect(parseSseText("data: x\n\ndata: [DONE]").map((event) => event.data)).toEqual(["x", "[DONE]"]);
    expect(parseSseText("data: [DONE]\n").map((event) => event.data)).toEqual(["[DONE]"]);
  });

  test("encoder round trips", () => {
    expect(encodeSseData('{"a":1}')).toBe('data: {"a":1}\n\n');
    expect(encodeSseData("a\nb")).toBe("data: a\ndata: b\n\n");
    expect(encodeSseEvent("message_stop", "{}")).toBe("event: message_stop\ndata: {}\n\n");
    const parsed = parseSseText(encodeSseEvent("x", "line1\nline2"));
    expect(parsed[0]?.event).toBe("x");
    expect(parsed[0]?.data).toBe("line1\nline2");
  });
});
