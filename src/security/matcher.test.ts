import { describe, expect, test } from "bun:test";
import { collectBucketsScanning, WHOLE_TEXT_MAX } from "./features.ts";
import { compileAutomaton, ESCAPE, runAutomaton } from "./matcher.ts";

const isSeparator = (c: string): boolean => c === " " || c === "," || c === ".";

/** A reproducible stream of numbers in [0, 1) (a linear congruential generator). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** All (term, end) pairs of `terms` in `text` by brute force, with separator runs collapsed. */
function reference(terms: readonly string[], text: string): string[] {
  const units: Array<[string, number]> = [[" ", -1]];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const separator = isSeparator(c);
    if (separator && isSeparator((units[units.length - 1] as [string, number])[0])) continue;
    units.push([separator ? " " : c, i]);
  }
  if (!isSeparator((units[units.length - 1] as [string, number])[0])) units.push([" ", text.length - 1]);
  const collapsed = units.map(([c]) => c).join("");
  const hits: string[] = [];
  terms.forEach((term, id) => {
    for (let at = collapsed.indexOf(term); at >= 0; at = collapsed.indexOf(term, at + 1)) {
      hits.push(`${id}@${(units[at + term.length - 1] as [string, number])[1]}`);
    }
  });
  return hits.sort();
}

/** Runs `automaton` over `text` (separators as spaces): its hits, checked to come in text order. */
function scan(automaton: ReturnType<typeof compileAutomaton>, text: string): string[] {
  const codes = Uint16Array.from(text, (c) => (isSeparator(c) ? 32 : c.charCodeAt(0)));
  const hits: string[] = [];
  const ends: number[] = [];
  runAutomaton(automaton, codes, codes.length, (termId, end) => {
    hits.push(`${termId}@${end}`);
    ends.push(end);
  });
  // In text order, as a single pass reports them (multi-step rules rely on it).
  expect(ends).toEqual([...ends].sort((a, b) => a - b));
  return hits.sort();
}

// Keyword hits against a naive reference, on texts long enough for runAutomaton to scan two halves
// at once, and from 2,048 units four quarters: the splits must neither lose, invent nor reorder hits,
// whatever the separator runs around them.
describe.each([false, true])("runAutomaton (sparse table: %p)", (sparse) => {
  const terms = [" ab", "ab ", " ab cd", "bc", "cd e ", " e", "abcabcabc", " a b c d e a b c d e"];
  const automaton = compileAutomaton(terms, terms.map((_, i) => i), { sparse });

  test("matches a brute-force reference on random texts", () => {
    const random = seededRandom(7);
    const alphabet = "abcde ,.  ";
    const separatorRun = (): string => " ,.".slice(0, 1 + Math.floor(random() * 3));
    for (let round = 0; round < 500; round++) {
      // Keywords (separators stretched into runs) among noise, so that long ones straddle the middle.
      const length = 1 + Math.floor(random() * (round % 2 === 0 ? 900 : 4000));
      let text = "";
      while (text.length < length) {
        if (random() < 0.5) text += (terms[Math.floor(random() * terms.length)] as string).replace(/ /g, separatorRun);
        else text += alphabet[Math.floor(random() * alphabet.length)];
      }
      expect(scan(automaton, text)).toEqual(reference(terms, text));
    }
  });
});

// Keywords that all hold a unit outside ASCII (as the non-Latin automaton's do) are looked for only
// around such units: stretches of every length between them, merged or not, must give every hit once.
describe.each([false, true])("runAutomaton around non-ASCII anchors (sparse table: %p)", (sparse) => {
  // The longest keywords put their anchor first or last, so the stretches have no slack to hide a bug.
  const terms = [" жab", "cж", " a b ж", "жж", "ж c ", "жabcdeabc", "abcdeabcж", " ж", "a ж b"];
  const automaton = compileAutomaton(terms, terms.map((_, i) => i), { sparse });

  test("the automaton scans around anchors", () => {
    expect(automaton.anchorFrom).toBeGreaterThan(0);
    expect(compileAutomaton(["ab", "жж"], [0, 1]).anchorFrom).toBe(0);
  });

  test("matches a brute-force reference on random texts", () => {
    const random = seededRandom(13);
    const separatorRun = (): string => " ,.".slice(0, 1 + Math.floor(random() * 3));
    // Long runs without anchors, so that most texts are scanned as separate stretches, not whole.
    const asciiRun = (): string => Array.from({ length: Math.floor(random() * (random() < 0.7 ? 150 : 12)) }, () => "abcdeabc ,."[Math.floor(random() * 11)]).join("");
    for (let round = 0; round < 800; round++) {
      let text = "";
      const parts = 1 + Math.floor(random() * 12);
      for (let p = 0; p < parts; p++) {
        text += random() < 0.5 ? (terms[Math.floor(random() * terms.length)] as string).replace(/ /g, separatorRun) : "ж";
        text += asciiRun();
      }
      if (random() < 0.5) text = asciiRun() + text;
      expect(scan(automaton, text)).toEqual(reference(terms, text));
    }
  });

  test("matches the reference on long texts dense with anchors (read whole, in halves or quarters)", () => {
    const random = seededRandom(29);
    const separatorRun = (): string => " ,.".slice(0, 1 + Math.floor(random() * 3));
    for (let round = 0; round < 60; round++) {
      let text = "";
      const length = 200 + Math.floor(random() * 5000);
      while (text.length < length) text += random() < 0.6 ? (terms[Math.floor(random() * terms.length)] as string).replace(/ /g, separatorRun) : "abcж ,."[Math.floor(random() * 7)];
      expect(scan(automaton, text)).toEqual(reference(terms, text));
    }
  });
});

// An alphabet of more than 256 classes (the other scripts' automaton has about 1,260) gets a sparse
// table by default: the root's row plus the entries where a state's row differs from it.
describe("runAutomaton over a large alphabet", () => {
  const random = seededRandom(41);
  const letter = (): string => String.fromCharCode(0x4e00 + Math.floor(random() * 400));
  const terms = Array.from({ length: 300 }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, letter).join(""));
  terms.push(" 忽略 之前", "之前的指令 ");
  const automaton = compileAutomaton(terms, terms.map((_, i) => i));

  test("the table is sparse and far smaller than a dense one", () => {
    expect(automaton.alphabetSize).toBeGreaterThan(256);
    expect(automaton.sparse).not.toBeNull();
    expect(automaton.next.length).toBe(0);
    const sparseBytes = (automaton.sparse?.keys.byteLength ?? 0) + (automaton.sparse?.targets.byteLength ?? 0);
    expect(sparseBytes * 4).toBeLessThan(automaton.stateCount * automaton.alphabetSize * 2);
  });

  test("matches the dense table and a brute-force reference on random texts", () => {
    const dense = compileAutomaton(terms, terms.map((_, i) => i), { sparse: false });
    expect(dense.sparse).toBeNull();
    const separatorRun = (): string => " ,.".slice(0, 1 + Math.floor(random() * 3));
    for (let round = 0; round < 300; round++) {
      let text = "";
      const length = 1 + Math.floor(random() * (round % 3 === 0 ? 3000 : 300));
      while (text.length < length) {
        const pick = random();
        if (pick < 0.4) text += (terms[Math.floor(random() * terms.length)] as string).replace(/ /g, separatorRun);
        else if (pick < 0.8) text += letter();
        else text += "ab ,."[Math.floor(random() * 5)];
      }
      const expected = reference(terms, text);
      expect(scan(automaton, text)).toEqual(expected);
      expect(scan(dense, text)).toEqual(expected);
    }
  });
});

/** The hits of `automaton` over a separator-free `text`, as "id@end" in report order, and their ends. */
function hitsOf(automaton: ReturnType<typeof compileAutomaton>, codes: Uint16Array): { hits: string[]; ends: number[] } {
  const hits: string[] = [];
  const ends: number[] = [];
  runAutomaton(automaton, codes, codes.length, (termId, end) => {
    hits.push(`${termId}@${end}`);
    ends.push(end);
  });
  return { hits, ends };
}

/** Every occurrence of a term (of one of `sizes`, by its text in `byText`) in a separator-free `text`, by brute force. */
function occurrences(byText: ReadonlyMap<string, number>, text: string, sizes: readonly number[]): string[] {
  const expected: string[] = [];
  for (let end = 0; end < text.length; end++) {
    for (const size of sizes) {
      const id = end + 1 >= size ? byText.get(text.slice(end + 1 - size, end + 1)) : undefined;
      if (id !== undefined) expected.push(`${id}@${end}`);
    }
  }
  return expected.sort();
}

// More than 65,536 states, but fewer than ESCAPE without outputs: the table stays 16-bit and the
// transitions into the last states with outputs go through Automaton.escapes.
describe("runAutomaton over a 16-bit table with escapes", () => {
  const random = seededRandom(11);
  const letters = "abcdef";
  const word = (length: number): string => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join("");
  // Distinct 12-letter terms plus a few short ones whose outputs stay below the escape line.
  const terms = [...new Set(Array.from({ length: 9000 }, () => word(12)))].concat(["abc", "fed", "cafe"]);
  const automaton = compileAutomaton(terms, terms.map((_, i) => i));
  const byText = new Map(terms.map((term, id) => [term, id]));

  test("the automaton is past 65,536 states and escapes some transitions", () => {
    expect(automaton.stateCount).toBeGreaterThan(1 << 16);
    expect(automaton.next).toBeInstanceOf(Uint16Array);
    expect(automaton.escapes?.size ?? 0).toBeGreaterThan(0);
    expect(automaton.firstOutputState).toBeLessThan(ESCAPE);
  });

  test("finds every term occurrence, in text order, single pass, two halves and four quarters alike", () => {
    for (let round = 0; round < 40; round++) {
      let text = "";
      const length = 100 + Math.floor(random() * 3000);
      while (text.length < length) text += random() < 0.3 ? (terms[Math.floor(random() * terms.length)] as string) : word(1 + Math.floor(random() * 5));
      const { hits, ends } = hitsOf(automaton, Uint16Array.from(text, (c) => c.charCodeAt(0)));
      expect(ends).toEqual([...ends].sort((a, b) => a - b));
      expect(hits.sort()).toEqual(occurrences(byText, text, [3, 4, 12]));
    }
  });
});

// More states without outputs than fit below ESCAPE: the deepest of them move behind firstOutputState with
// an empty output list, and the table stays 16-bit. The n-gram loop that runs the automaton on the way
// (features.ts collectBucketsScanning) must report the same hits.
describe("runAutomaton when the states without outputs alone pass ESCAPE", () => {
  const random = seededRandom(23);
  const letters = "abcdef";
  const word = (length: number): string => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join("");
  const terms = [...new Set(Array.from({ length: 8000 }, () => word(16)))].concat(["abc", "fed", "cafe"]);
  const automaton = compileAutomaton(terms, terms.map((_, i) => i));
  const byText = new Map(terms.map((term, id) => [term, id]));

  test("the table stays 16-bit with fewer than ESCAPE states before the first output state", () => {
    expect(automaton.stateCount - terms.length).toBeGreaterThan(ESCAPE);
    expect(automaton.next).toBeInstanceOf(Uint16Array);
    expect(automaton.firstOutputState).toBeLessThan(ESCAPE);
    expect(automaton.escapes?.size ?? 0).toBeGreaterThan(0);
  });

  test("finds every term occurrence in text order, and the n-gram loop reports the same hits", () => {
    for (let round = 0; round < 40; round++) {
      let text = "";
      const length = 100 + Math.floor(random() * 3000);
      while (text.length < length) {
        const pick = random();
        // Whole terms, and prefixes of terms that stop inside the moved states.
        if (pick < 0.25) text += terms[Math.floor(random() * terms.length)] as string;
        else if (pick < 0.5) text += (terms[Math.floor(random() * terms.length)] as string).slice(0, 8 + Math.floor(random() * 8));
        else text += word(1 + Math.floor(random() * 5));
      }
      const codes = Uint16Array.from(text, (c) => c.charCodeAt(0));
      const { hits, ends } = hitsOf(automaton, codes);
      expect(ends).toEqual([...ends].sort((a, b) => a - b));
      expect([...hits].sort()).toEqual(occurrences(byText, text, [3, 4, 16]));
      if (codes.length <= WHOLE_TEXT_MAX) {
        const fused: string[] = [];
        collectBucketsScanning(codes, codes.length, false, automaton, (termId, end) => fused.push(`${termId}@${end}`));
        expect(fused).toEqual(hits);
      }
    }
  });
});
