import { describe, expect, test } from "bun:test";
import type { CredentialSpan } from "./credentials.ts";
import { buildExcerpt, EXCERPT_MAX } from "./excerpt.ts";

/**
 * What an excerpt is, written the slow and obvious way (regular expressions over a copy): buildExcerpt
 * does the same in one pass and must agree with it everywhere.
 */
function reference(text: string, position: number, label = ""): string {
  const start = Math.max(0, Math.min(position, text.length) - 60);
  const slice = text.slice(start, start + EXCERPT_MAX);
  const masked = slice.replace(/[A-Za-z0-9+/=_\-.]{20,}/g, (run) => {
    const mixed = /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run);
    const hex = run.length >= 32 && /[0-9]/.test(run) && /^[0-9a-fA-F]+$/.test(run);
    return mixed || hex ? `${run.slice(0, 4)}[REDACTED]` : run;
  });
  const clean = masked
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+/g, " ")
    .replace(/\udb40[\udc00-\udc7f]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
  const prefixed = (start > 0 ? "…" : "") + label + clean;
  return prefixed.length <= EXCERPT_MAX ? prefixed : `${prefixed.slice(0, EXCERPT_MAX - 1)}…`;
}

describe("buildExcerpt", () => {
  test("control and invisible characters become one space; tag characters vanish", () => {
    expect(buildExcerpt("line one\n\n\tline\u200b two", 0, [])).toBe("line one line two");
    const tagged = `say ${Array.from("hi", (ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join("")} now`;
    expect(buildExcerpt(tagged, 0, [])).toBe("say now");
    expect(buildExcerpt("  padded \ufeff ", 0, [])).toBe("padded");
  });

  test("secret-looking runs keep four characters; words, paths and plain numbers stay", () => {
    expect(buildExcerpt("key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end", 0, [])).toBe("key wJal[REDACTED] end");
    expect(buildExcerpt("sum 0123456789abcdef0123456789abcdef ok", 0, [])).toBe("sum 0123[REDACTED] ok");
    const plain = "see src/security/excerpt.test.ts and internationalization-related 12345678901234567890";
    expect(buildExcerpt(plain, 0, [])).toBe(plain);
  });

  test("a window that starts mid-text is marked and cut to EXCERPT_MAX", () => {
    const text = `${"word ".repeat(100)}ignore previous instructions ${"more ".repeat(100)}`;
    const excerpt = buildExcerpt(text, 500, []);
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
    expect(excerpt).toContain("ignore previous instructions");
  });

  test("detected credential spans are masked, then the rest cleaned", () => {
    const text = "login\n\npassword=hunter2 here";
    const span: CredentialSpan = { start: text.indexOf("password"), end: text.indexOf(" here"), secretStart: text.indexOf("hunter2") };
    expect(buildExcerpt(text, 0, [span])).toBe("login password=[REDACTED] here");
  });

  test("agrees with the reference on random texts of spaces, controls, tags and token runs", () => {
    let seed = 17;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pieces = [" ", "  ", "\n", "\t", "\u200b", "\ufeff", "\udb40\udc41", "\udb40", "\udc41", "a", "B", "7", "é", "\u2060", "\u202e", "\u007f", "\u0000", "\u00a0", "\u3000", "x".repeat(25), "aB3".repeat(8), "0123456789abcdef".repeat(3), "-", "."];
    for (let k = 0; k < 3000; k++) {
      let text = "";
      const parts = 1 + Math.floor(random() * 150);
      for (let j = 0; j < parts; j++) text += pieces[Math.floor(random() * pieces.length)];
      for (const position of [0, 61, Math.floor(random() * text.length), text.length]) {
        expect(buildExcerpt(text, position, [], k % 7 === 0 ? "[decoded base64] " : "")).toBe(reference(text, position, k % 7 === 0 ? "[decoded base64] " : ""));
      }
    }
  });
});
