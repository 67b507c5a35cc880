import { describe, expect, test } from "bun:test";
import { NdjsonParser, splitNdjsonText } from "./ndjson.ts";
import { randomCuts, readFixture } from "../providers/shared/wire-fixtures.ts";

const fixtures = [
  "ollama/chat-stream.ndjson",
  "ollama/chat-stream-tool-calls.ndjson",
  "ollama/chat-stream-thinking.ndjson",
  "ollama/chat-stream-think-tags-in-content.ndjson",
  "ollama/error-mid-stream.docs.ndjson",
];

function splitInPieces(text: string, cuts: readonly number[]): string[] {
  const lines: string[] = [];
  const parser = new NdjsonParser((line) => lines.push(line));
  let start = 0;
  for (const cut of cuts) {
    parser.push(text.slice(start, cut));
    start = cut;
  }
  parser.push(text.slice(start));
  parser.end();
  return lines;
}

describe("NdjsonParser", () => {
  for (const fixture of fixtures) {
    test(`${fixture}: same lines at every split point`, () => {
      const text = readFixture(fixture);
      const whole = splitNdjsonText(text);
      expect(whole).toEqual(text.split("\n").filter((line) => line.trim() !== ""));
      for (const line of whole) expect(() => JSON.parse(line) as unknown).not.toThrow();
      for (let offset = 0; offset <= text.length; offset++) {
        const lines = splitInPieces(text, [offset]);
        if (lines.length !== whole.length || lines.some((line, i) => line !== whole[i])) throw new Error(`split at ${offset}`);
      }
      for (let seed = 1; seed <= 20; seed++) expect(splitInPieces(text, randomCuts(text.length, 30, seed))).toEqual(whole);
    });
  }

  test("CRLF, blank lines and a last line without newline", () => {
    expect(splitNdjsonText('{"a":1}\r\n\r\n  \n{"b":2}')).toEqual(['{"a":1}', '{"b":2}']);
  });
});
