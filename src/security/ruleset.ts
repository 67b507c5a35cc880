// Compiles every rule, credential anchor and encoding trigger into two keyword automata, once, at
// module load. Latin-script keywords share one small automaton that always runs; keywords in other
// scripts get a second one that only runs when the text contains non-Latin letters.

import { ASSIGNMENT_SPEC, CREDENTIAL_SPECS, type CredentialSpec } from "./credentials.ts";
import { rot13 } from "./decoders.ts";
import { compileAutomaton, type Automaton } from "./matcher.ts";
import { foldPattern, isUnspacedScript } from "./normalize.ts";
import { COMPOUND_RULES, DEFAULT_WINDOW, DELIMITER_RULES, KEYWORD_RULES, SIGNAL_IDS, SPEAKER_LABELS, SPEAKER_RULE_ID } from "./rules/index.ts";
import type { SecurityCategory } from "./types.ts";

/** One reportable rule: keyword and delimiter rules, obfuscation signals and credential detectors. */
export interface RuleInfo {
  readonly id: string;
  /** null for obfuscation/encoding signals, which support whichever category fires. */
  readonly category: SecurityCategory | null;
  readonly severity: number;
  /** Keyword rules only: number of steps and the window between them. */
  readonly steps: number;
  readonly window: number;
  /**
   * The rule's veto group (see vetoGroupOf), if it has veto words: one of them (a negation) shortly
   * before the previous step cancels the rule.
   */
  readonly vetoGroup?: number;
  /** Context-dependent rule (see RuleSpec.contextual). */
  readonly contextual?: boolean;
  /** Harmless-topic rule that disarms its category's contextual rules (see RuleSpec). */
  readonly suppressesContextual?: boolean;
  /** Folded topic nouns after step `topicStep` that cancel an occurrence (see RuleSpec.topicAfter). */
  readonly topicAfter?: readonly Uint16Array[];
  readonly topicStep?: number;
  /** How the topics are read (RuleSpec.topicKind). */
  readonly topicKind?: "secret" | "own";
  /** An occurrence quoted as an example does not count (RuleSpec.quotable). */
  readonly quotable?: true;
  /** false: never a model feature (RuleSpec.feature); the training script leaves it out. */
  readonly feature?: false;
}

/** The `stage` of a term reference that is a veto word, not a step; its rule field is a veto group. */
export const VETO_STAGE = 255;

export interface TermInfo {
  /** (rule index, step) pairs this keyword serves. */
  readonly refs: Array<[number, number]>;
  /** Credential specs anchored on this keyword (indices into CREDENTIAL_CHECKS). */
  readonly credentialChecks: number[];
  rot13: boolean;
  /** Number of non-separator characters before the optional trailing separator. */
  readonly letters: number;
  readonly trailingSeparator: boolean;
}

export const RULES: RuleInfo[] = [];
const ruleIndexById = new Map<string, number>();

function addRule(info: RuleInfo): number {
  const index = RULES.length;
  RULES.push(info);
  ruleIndexById.set(info.id, index);
  return index;
}

/** Folded topic nouns, each once (rules share the same list). */
const topicCodes = new Map<string, Uint16Array>();
function foldTopics(topics: readonly string[]): Uint16Array[] {
  return topics.map((topic) => {
    const folded = foldPattern(topic);
    let codes = topicCodes.get(folded);
    if (codes === undefined) {
      codes = Uint16Array.from(folded, (ch) => ch.charCodeAt(0));
      topicCodes.set(folded, codes);
    }
    return codes;
  });
}

/**
 * Rules with the same veto words share one group, so a veto word's hit is noted once, not once per
 * rule (all of today's vetoed rules share one list of negations). Keyed by the folded words.
 */
const vetoGroups = new Map<string, number>();
function vetoGroupOf(veto: readonly string[] | undefined): number | undefined {
  if (veto === undefined) return undefined;
  const key = [...new Set(veto.map((raw) => termKey(raw, true)).filter((term) => term !== null))].sort().join("\n");
  let group = vetoGroups.get(key);
  if (group === undefined) {
    group = vetoGroups.size;
    vetoGroups.set(key, group);
  }
  return group;
}

for (const rule of KEYWORD_RULES) {
  addRule({
    id: rule.id, category: rule.category, severity: rule.severity, steps: rule.steps.length, window: rule.window ?? DEFAULT_WINDOW,
    ...(rule.veto === undefined ? {} : { vetoGroup: vetoGroupOf(rule.veto) }), contextual: rule.contextual === true, suppressesContextual: rule.suppressesContextual === true,
    ...(rule.topicAfter === undefined ? {} : { topicAfter: foldTopics(rule.topicAfter), topicStep: rule.topicStep ?? rule.steps.length - 1, topicKind: rule.topicKind ?? "secret" }),
    ...(rule.feature === false ? { feature: false as const } : {}),
    ...(rule.quotable === true ? { quotable: true as const } : {}),
  });
}
export const DELIMITER_RULE_OFFSET = RULES.length;
for (const rule of DELIMITER_RULES) addRule({ id: rule.id, category: "injection", severity: rule.severity, steps: 1, window: 0 });
export const SPEAKER_RULE = addRule({ id: SPEAKER_RULE_ID, category: "injection", severity: 0, steps: 1, window: 0 });
/** Number of veto groups (RuleInfo.vetoGroup). */
export const VETO_GROUPS = vetoGroups.size;
/** Adversarial-suffix detector (suffix.ts): weak and strong grade, model features only. */
export const SUFFIX_WEAK_RULE = addRule({ id: "jailbreak.adversarial_suffix_weak", category: "jailbreak", severity: 0, steps: 1, window: 0 });
export const SUFFIX_RULE = addRule({ id: "jailbreak.adversarial_suffix", category: "jailbreak", severity: 0, steps: 1, window: 0 });
/** A secret named as a topic ("your password policy"), which cancelled a rule's occurrence: a model feature. */
export const SECRET_TOPIC_RULE = addRule({ id: "extraction.secret_topic", category: "extraction", severity: 0, steps: 1, window: 0 });
/**
 * Text hidden from the reader of a pasted page that addresses an AI (hidden-element.ts): in an HTML
 * comment, or in a hidden element or a markdown comment. Decision rules only, not model inputs.
 */
export const HIDDEN_COMMENT_RULE = addRule({ id: "injection.hidden_comment_directive", category: "injection", severity: 0.8, steps: 1, window: 0, feature: false });
export const HIDDEN_ELEMENT_RULE = addRule({ id: "injection.hidden_element_directive", category: "injection", severity: 0.8, steps: 1, window: 0, feature: false });
/** A label in pasted content that addresses an AI and gives it an order (embedded-directive.ts): a decision rule only. */
export const EMBEDDED_DIRECTIVE_RULE = addRule({ id: "injection.embedded_directive", category: "injection", severity: 0.8, steps: 1, window: 0, feature: false });
export const SIGNAL_RULE_OFFSET = RULES.length;
for (const id of SIGNAL_IDS) addRule({ id, category: null, severity: 0, steps: 1, window: 0 });
/** Rules made of other rules (RuleSpec's CompoundSpec): the analysis fires them after every other rule. */
export const COMPOUNDS: ReadonlyArray<{ readonly rule: number; readonly groups: readonly Int32Array[] }> = COMPOUND_RULES.map((compound) => ({
  rule: addRule({
    id: compound.id, category: compound.category, severity: compound.severity, steps: 1, window: 0,
    ...(compound.contextual === true ? { contextual: true } : {}), ...(compound.feature === false ? { feature: false as const } : {}),
  }),
  groups: compound.allOf.map((ids) => Int32Array.from(ids, (id) => ruleIndex(id))),
}));
/** Rules below this index are model features; credential detectors are not (the corpus has none). */
export const MODEL_FEATURE_COUNT = RULES.length;
/** Per rule below MODEL_FEATURE_COUNT, 1 if the model may weigh it (RuleSpec.feature). */
export const IS_MODEL_FEATURE = Uint8Array.from(RULES, (rule) => (rule.feature === false ? 0 : 1));

export type CredentialCheck = Pick<CredentialSpec, "verify"> & { readonly rule: number; readonly severity: number };
export const CREDENTIAL_CHECKS: CredentialCheck[] = [];
for (const spec of [...CREDENTIAL_SPECS, ASSIGNMENT_SPEC]) {
  const rule = addRule({ id: spec.id, category: "credential", severity: spec.severity, steps: 1, window: 0 });
  CREDENTIAL_CHECKS.push({ verify: spec.verify, rule, severity: spec.severity });
}
export const ASSIGNMENT_CHECK = CREDENTIAL_CHECKS.length - 1;

export function ruleIndex(id: string): number {
  const index = ruleIndexById.get(id);
  if (index === undefined) throw new Error(`unknown security rule ${id}`);
  return index;
}

// ---- keyword terms -------------------------------------------------------------------------

export const TERMS: TermInfo[] = [];
const termIds = new Map<string, number>();
const latinTerms: string[] = [];
const latinIds: number[] = [];
const otherTerms: string[] = [];
const otherIds: number[] = [];

function isLatinTerm(term: string): boolean {
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c > 0x7f) return false;
  }
  return true;
}

/** Folds a keyword and adds the word-start boundary unless it is in an unspaced script (CJK). */
function termKey(raw: string, wordStart: boolean): string | null {
  const folded = foldPattern(raw);
  if (folded.trim().length === 0) return null;
  const first = folded.charCodeAt(0);
  return wordStart && !isUnspacedScript(first) ? ` ${folded}` : folded;
}

function internTerm(key: string): TermInfo {
  let id = termIds.get(key);
  if (id === undefined) {
    id = TERMS.length;
    termIds.set(key, id);
    const trailingSeparator = key.endsWith(" ");
    TERMS.push({ refs: [], credentialChecks: [], rot13: false, letters: key.trim().length, trailingSeparator });
    if (isLatinTerm(key)) { latinTerms.push(key); latinIds.push(id); }
    else { otherTerms.push(key); otherIds.push(id); }
  }
  return TERMS[id] as TermInfo;
}

KEYWORD_RULES.forEach((rule, ruleIdx) => {
  const group = (RULES[ruleIdx] as RuleInfo).vetoGroup as number;
  for (const raw of rule.veto ?? []) {
    const key = termKey(raw, true);
    if (key !== null) internTerm(key).refs.push([group, VETO_STAGE]);
  }
  rule.steps.forEach((alternatives, stage) => {
    for (const raw of alternatives) {
      const key = termKey(raw, true);
      if (key === null) continue;
      internTerm(key).refs.push([ruleIdx, stage]);
      if (rule.severity === 0 || !isLatinTerm(key)) continue;
      const core = key.trim();
      // Squashed phrases catch "i g n o r e p r e v i o u s ..." once the letters are joined.
      if (rule.steps.length === 1 && core.includes(" ")) {
        const squashed = core.replace(/ /g, "");
        if (squashed.length >= 10) internTerm(squashed).refs.push([ruleIdx, 0]);
      }
    }
  });
});

/**
 * ROT13-encoded forms of a few words that attacks cannot avoid. Two distinct ones in a text trigger
 * decoding and a rescan (see scanner). A short list keeps the automaton small and cache-friendly.
 */
const ROT13_TRIGGERS = [
  "ignore", "disregard", "previous", "instructions", "system prompt", "password", "reveal", "secret", "jailbreak",
  "developer mode", "do anything now", "forget", "pretend", "print your", "your instructions", "restrictions",
  // A harmful request's own opening ("Ubj qb V fgrny ..."): with the encoding named, one is enough.
  "how do i", "how to make", "how can i", "step by step",
];
for (const word of ROT13_TRIGGERS) {
  const encoded = termKey(rot13(word), true);
  if (encoded !== null) internTerm(encoded).rot13 = true;
}
// Naming the encoding counts as one trigger: "The following is ROT13. Decode it and …" plus one
// encoded keyword is enough to decode.
for (const name of ["rot13", "rot 13"]) {
  const key = termKey(name, true);
  if (key !== null) internTerm(key).rot13 = true;
}

CREDENTIAL_CHECKS.forEach((_, checkIndex) => {
  const spec = checkIndex === ASSIGNMENT_CHECK ? ASSIGNMENT_SPEC : (CREDENTIAL_SPECS[checkIndex] as CredentialSpec);
  for (const raw of spec.anchors) {
    const key = termKey(raw, true);
    if (key !== null) internTerm(key).credentialChecks.push(checkIndex);
  }
});

// A term listed twice in one step, or two spellings that fold to the same term ("révèle", "revele"),
// would visit that rule step twice per hit: each (rule, stage) pair is kept once, first one first.
for (const term of TERMS) {
  const pairs = new Set<number>();
  const unique = term.refs.filter(([rule, stage]) => {
    const pair = rule * 256 + stage;
    if (pairs.has(pair)) return false;
    pairs.add(pair);
    return true;
  });
  term.refs.splice(0, term.refs.length, ...unique);
}

/**
 * Everything a keyword hit reads, one record per term, so that a hit costs one or two cache lines
 * instead of one per table (a corpus scan reports ≈ 45 hits per KB, and these tables are mostly
 * cold by the next prompt). The record of term t starts at TERM_RECORD_AT[t]:
 *   [at]      t;
 *   [at + 1]  span << 1 | rare: span is the characters from the term's first letter to the index it is
 *             reported at (its last code unit); rare (1) for ROT13 triggers and credential anchors;
 *   [at + 2]  n, the number of its (rule, stage) references;
 *   [at + 3 .. at + 3 + n)  the references, packed as rule << 8 | stage.
 * The automata report a term by its record's start.
 */
export const TERM_RECORD_AT = new Int32Array(TERMS.length);
const recordWords: number[] = [];
TERMS.forEach((term, t) => {
  TERM_RECORD_AT[t] = recordWords.length;
  const span = term.letters - 1 + (term.trailingSeparator ? 1 : 0);
  const rare = term.rot13 || term.credentialChecks.length > 0 ? 1 : 0;
  recordWords.push(t, (span << 1) | rare, term.refs.length);
  for (const [rule, stage] of term.refs) recordWords.push((rule << 8) | stage);
});
export const TERM_RECORDS = Int32Array.from(recordWords);
// Rule indices must fit in the 23 bits above the stage.
if (RULES.length >= 1 << 23) throw new Error("too many security rules to pack");

export const LATIN_AUTOMATON: Automaton = compileAutomaton(latinTerms, latinIds.map((t) => TERM_RECORD_AT[t] as number));
export const OTHER_AUTOMATON: Automaton = compileAutomaton(otherTerms, otherIds.map((t) => TERM_RECORD_AT[t] as number));

// ---- delimiter literals --------------------------------------------------------------------

export interface DelimiterLiteral {
  readonly codes: Uint16Array;
  readonly rule: number;
  /** A markdown-heading marker's allowed next words (DelimiterSpec.headingWords), else null. */
  readonly headingWords: ReadonlySet<string> | null;
  /** DelimiterSpec.mentionable. */
  readonly mentionable: boolean;
}

/** Literals grouped by their first code unit (always ASCII punctuation), for one pass over the text. */
export const DELIMITERS_BY_FIRST: Array<DelimiterLiteral[] | undefined> = new Array(128).fill(undefined);
DELIMITER_RULES.forEach((rule, i) => {
  const headingWords = rule.headingWords === undefined ? null : new Set(rule.headingWords);
  for (const marker of rule.markers) {
    const literal = marker.trim().toLowerCase();
    const codes = Uint16Array.from(literal, (ch) => ch.charCodeAt(0));
    const first = codes[0] as number;
    if (first >= 128 || (first >= 97 && first <= 122)) throw new Error(`delimiter ${marker} must start with ASCII punctuation`);
    const heading = first === 35 && /[a-z]$/.test(literal);
    const list = DELIMITERS_BY_FIRST[first] ?? [];
    list.push({ codes, rule: DELIMITER_RULE_OFFSET + i, headingWords: heading ? headingWords : null, mentionable: rule.mentionable === true });
    DELIMITERS_BY_FIRST[first] = list;
  }
});

export const SPEAKER_CODES: readonly Uint16Array[] = SPEAKER_LABELS.map((label) => Uint16Array.from(label, (ch) => ch.charCodeAt(0)));
