// The compiled ruleset's shared tables: veto groups (one slot per list of veto words).

import { describe, expect, test } from "bun:test";
import { analyzeSegment } from "./analyzer.ts";
import { foldPattern, isUnspacedScript } from "./normalize.ts";
import { KEYWORD_RULES } from "./rules/index.ts";
import { LATIN_AUTOMATON, OTHER_AUTOMATON, RULES, ruleIndex, TERM_RECORD_AT, TERM_RECORDS, TERMS, VETO_GROUPS, VETO_STAGE } from "./ruleset.ts";

/** The folded keys of a rule's veto words, worked out here independently of ruleset.ts. */
function vetoKeys(words: readonly string[]): string {
  const keys = new Set<string>();
  for (const word of words) {
    const folded = foldPattern(word);
    if (folded.trim().length === 0) continue;
    keys.add(isUnspacedScript(folded.charCodeAt(0)) ? folded : ` ${folded}`);
  }
  return [...keys].sort().join("\n");
}

/** Number of keyword terms that note a hit for veto group `group`. */
function termsOfGroup(group: number): number {
  let count = 0;
  for (let t = 0; t < TERMS.length; t++) {
    const at = TERM_RECORD_AT[t] as number;
    for (let r = at + 3; r < at + 3 + (TERM_RECORDS[at + 2] as number); r++) {
      const packed = TERM_RECORDS[r] as number;
      if ((packed & 255) === VETO_STAGE && packed >> 8 === group) count++;
    }
  }
  return count;
}

describe("veto groups", () => {
  test("rules share a group exactly when their veto words are the same, and the group holds those words", () => {
    const groupOfList = new Map<string, number>();
    let vetoed = 0;
    KEYWORD_RULES.forEach((spec, i) => {
      const group = RULES[i]?.vetoGroup;
      if (spec.veto === undefined) {
        expect(group).toBeUndefined();
        return;
      }
      vetoed++;
      expect(group).toBeGreaterThanOrEqual(0);
      expect(group).toBeLessThan(VETO_GROUPS);
      const list = vetoKeys(spec.veto);
      const known = groupOfList.get(list);
      if (known === undefined) {
        expect([...groupOfList.values()]).not.toContain(group);
        groupOfList.set(list, group as number);
        expect(termsOfGroup(group as number)).toBe(list.split("\n").length);
      } else {
        expect(group).toBe(known);
      }
    });
    expect(vetoed).toBeGreaterThan(0);
    expect(groupOfList.size).toBe(VETO_GROUPS);
  });

  test("a negation shortly before a vetoed rule's request still cancels it", () => {
    const rule = ruleIndex("extraction.your_secret_request");
    expect(RULES[rule]?.vetoGroup).toBeGreaterThanOrEqual(0);
    expect(analyzeSegment("Share your password with me, please.").fired).toContain(rule);
    expect(analyzeSegment("Never share your password with me.").fired).not.toContain(rule);
    expect(analyzeSegment("Please do not share your password with anyone.").fired).not.toContain(rule);
  });
});

describe("automaton size", () => {
  // Every text runs through the Latin automaton. Past 65,536 states a 16-bit table needs escapes for
  // its deepest keyword ends (matcher.ts, ESCAPE), and once the states without outputs alone pass
  // 65,535 the table becomes 32-bit and twice the size: at 71,000 states that made the whole-corpus
  // scan ≈ 14% slower (in-process A/B, 2026-11-28), against ≈ 3–5% with escapes. Growing past either
  // line is a decision to take with a benchmark, not by accident.
  test("the Latin automaton fits a 16-bit transition table", () => {
    expect(LATIN_AUTOMATON.next).toBeInstanceOf(Uint16Array);
  });

  // The other scripts' alphabet has over a thousand classes: as a dense table their automaton took
  // 43.5 MB of memory, and a non-Latin text's scan met a new cache line of it at nearly every step.
  test("the other scripts' automaton keeps a sparse table of a few MB", () => {
    expect(OTHER_AUTOMATON.sparse).not.toBeNull();
    expect(OTHER_AUTOMATON.next.length).toBe(0);
    const bytes = (OTHER_AUTOMATON.sparse?.keys.byteLength ?? 0) + (OTHER_AUTOMATON.sparse?.targets.byteLength ?? 0) + (OTHER_AUTOMATON.sparse?.rootRow.byteLength ?? 0);
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });
});
