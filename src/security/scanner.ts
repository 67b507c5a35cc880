// The scanner: analyses every message (and any payload decoded from it), combines keyword rules
// and the model per category, and applies the policy.
//
// A category's score is the larger of the model probability and the severity of its strongest
// rule; it fires when the model crosses the policy's calibrated threshold or a rule's severity
// crosses the policy's rule threshold. The attack head (any attack vs benign) only adds catches:
// when it crosses its own threshold and no category fired, the likeliest category is reported.

import { analyzeSegment, looksLikeCode, markEncoding, type SegmentAnalysis } from "./analyzer.ts";
import type { CredentialSpan } from "./credentials.ts";
import { decodeBase64Payloads, decodeBinaryPayloads, decodeHexPayloads, decodeMorsePayloads, rot13 } from "./decoders.ts";
import { buildExcerpt } from "./excerpt.ts";
import { collectWindowBuckets, windowCount, windowStart } from "./features.ts";
import { ATTACK_HEAD, HEADS, loadModel, ruleLogits, scoreNgrams, scoreSegment, type Model, type WeightsFile } from "./model.ts";
import weightsJson from "./model/weights.json";
import { buildPolicies, type CategoryRule, type Policy } from "./policies.ts";
import { RULES, ruleIndex } from "./ruleset.ts";
import { ALL_CATEGORIES, MODEL_CATEGORIES, type CategoryVerdict, type PolicyName, type ScanResult, type SecurityCategory } from "./types.ts";
import { SegmentCache } from "./segment-cache.ts";
import { selectWindow } from "./window.ts";

const MODEL = loadModel(weightsJson as unknown as WeightsFile);
const POLICIES = buildPolicies(MODEL.thresholds);

/** Only long-enough runs can hide an instruction in base64 or hex. */
const BASE64_TRIGGER = 24;
/** Two distinct ROT13-encoded keywords are needed before decoding: one can be chance. */
const ROT13_TRIGGER = 2;

type Encoding = "base64" | "hex" | "rot13" | "reversed" | "morse" | "binary" | "tags" | null;

interface Segment {
  readonly text: string;
  readonly encoding: Exclude<Encoding, null>;
}

/** The signal a decoded segment carries: fired on its analysis, except tag characters (see scanWith). */
const ENCODING_SIGNAL: Record<Exclude<Encoding, null>, number> = {
  base64: ruleIndex("encoding.base64"),
  hex: ruleIndex("encoding.hex"),
  rot13: ruleIndex("encoding.rot13"),
  reversed: ruleIndex("encoding.reversed"),
  morse: ruleIndex("encoding.morse"),
  binary: ruleIndex("encoding.binary"),
  tags: ruleIndex("obfuscation.tag_chars"),
};

/** Window floors per scanning policy, for the category heads and the attack head (see WINDOW_FLOORS). */
type WindowFloors = Readonly<Record<Exclude<PolicyName, "off">, { readonly categories: number; readonly attack: number }>>;

/** Per-call accumulator; one instance, reset at the start of each (synchronous) scan. */
interface Tally {
  readonly modelScore: Float64Array;
  /** Highest attack-head probability over the segments. */
  attackScore: number;
  readonly ruleScore: Float64Array;
  /** Strongest context-dependent rule per category (see RuleSpec.contextual). */
  readonly contextScore: Float64Array;
  /** Rules seen per category and signals seen, in first-seen order, each once (see addOnce). */
  readonly rulesByCategory: number[][];
  readonly signals: number[];
  /** The part with the strongest counting rule so far (its strongestSeverity), or null. */
  strongest: PartRecord | null;
  /** The part with the highest model score so far (modelExcerptScore), or null: excerpts are cut from these. */
  modelExcerpt: PartRecord | null;
  modelExcerptScore: number;
}

/**
 * Texts longer than WHOLE_TEXT_MAX folded characters are scored only through their windows (features.ts
 * windowCount), each like a prompt of its own: the model's n-gram sum is normalised by 1/√(distinct
 * n-grams), so over a whole long text many weakly positive n-grams add up (a dozen ordinary requests
 * joined in one message read as a jailbreak's rule list), while a window keeps the scale the model was
 * fitted at and still sees an instruction buried in the middle. A window counts for head h at or above
 * max(the policy's threshold for h, the floor); below that it counts as just under the threshold.
 * Strict's thresholds are low, and every window is one more chance of a false positive, so its windows
 * keep a floor: 0.55 for the categories, 0.95 for the attack head (at 0.35 windows flagged 25 of 230
 * long benign node_modules texts instead of 11). Balanced and permissive windows count at the policy's
 * thresholds, except balanced's attack head: its windows keep the 0.96 the whole-text threshold had
 * before rule 24 (with windows at 0.93 they flagged 4 of the 230 node_modules texts instead of 2).
 * `bun scripts/eval-long-documents.ts --calibrate` sweeps the floors (docs/security.md, "Long texts");
 * re-check after every retraining.
 */
export const WINDOW_FLOORS: WindowFloors = {
  strict: { categories: 0.55, attack: 0.95 },
  balanced: { categories: 0, attack: 0.96 },
  permissive: { categories: 0, attack: 0 },
};

const CATEGORY_INDEX: Record<SecurityCategory, number> = { injection: 0, jailbreak: 1, extraction: 2, credential: 3 };
const LABELS: Record<Exclude<Encoding, null>, string> = {
  base64: "[decoded base64] ",
  hex: "[decoded hex] ",
  rot13: "[decoded rot13] ",
  reversed: "[reversed] ",
  morse: "[decoded morse] ",
  binary: "[decoded binary] ",
  tags: "[decoded tag characters] ",
};
const modelOut = new Float64Array(HEADS);
const windowLogits = new Float64Array(HEADS);
const windowOut = new Float64Array(HEADS);

/**
 * What a scan under one policy needs beyond the policy itself, worked out once per scanner rather
 * than per call (a short prompt's scan costs about a microsecond, so per-call set-up shows).
 */
interface PolicyScan {
  readonly policy: Policy;
  /** Without an attack head its score stays 0 and this threshold is never reached. */
  readonly attackThreshold: number;
  /** Per head, the probability a window must reach to count under this policy (see WINDOW_FLOORS). */
  readonly windowGate: Float64Array;
  /** Per head, what a window below its gate counts as: just under the policy's threshold. */
  readonly windowCap: Float64Array;
}

type PolicyScans = Readonly<Record<Exclude<PolicyName, "off">, PolicyScan>>;

function policyScans(model: Model, policies: ReturnType<typeof buildPolicies>, windowFloors: WindowFloors): PolicyScans {
  const build = (name: Exclude<PolicyName, "off">): PolicyScan => {
    const policy = policies[name];
    const attackThreshold = model.attackThresholds?.[name] ?? Number.POSITIVE_INFINITY;
    const floors = windowFloors[name];
    const windowGate = new Float64Array(HEADS);
    const windowCap = new Float64Array(HEADS);
    for (let c = 0; c < MODEL_CATEGORIES.length; c++) {
      const threshold = policy.categories[MODEL_CATEGORIES[c] as SecurityCategory].modelThreshold;
      windowGate[c] = Math.max(threshold, floors.categories);
      windowCap[c] = threshold - 1e-9;
    }
    windowGate[ATTACK_HEAD] = Math.max(attackThreshold, floors.attack);
    windowCap[ATTACK_HEAD] = attackThreshold - 1e-9;
    return { policy, attackThreshold, windowGate, windowCap };
  };
  return { strict: build("strict"), balanced: build("balanced"), permissive: build("permissive") };
}

const TALLY: Tally = {
  modelScore: new Float64Array(MODEL_CATEGORIES.length),
  attackScore: 0,
  ruleScore: new Float64Array(ALL_CATEGORIES.length),
  contextScore: new Float64Array(ALL_CATEGORIES.length),
  rulesByCategory: ALL_CATEGORIES.map(() => []),
  signals: [],
  strongest: null,
  modelExcerpt: null,
  modelExcerptScore: 0,
};

/** Clears the shared tally: allocating one per call costs as much as scanning a short prompt. */
function resetTally(): Tally {
  // Plain loops: for three or four elements, a native fill() call costs more than the stores.
  for (let c = 0; c < MODEL_CATEGORIES.length; c++) TALLY.modelScore[c] = 0;
  TALLY.attackScore = 0;
  for (let c = 0; c < ALL_CATEGORIES.length; c++) {
    TALLY.ruleScore[c] = 0;
    TALLY.contextScore[c] = 0;
  }
  for (let c = 0; c < ALL_CATEGORIES.length; c++) clearOnce(TALLY.rulesByCategory[c] as number[]);
  clearOnce(TALLY.signals);
  TALLY.strongest = null;
  TALLY.modelExcerpt = null;
  return TALLY;
}

/** Rules already in one of the tally's lists (a rule is in one list only). Cheaper than Sets here. */
const inTally = new Uint8Array(RULES.length);

function addOnce(list: number[], rule: number): void {
  if (inTally[rule] === 1) return;
  inTally[rule] = 1;
  list.push(rule);
}

function clearOnce(list: number[]): void {
  if (list.length === 0) return;
  for (let k = 0; k < list.length; k++) inTally[list[k] as number] = 0;
  list.length = 0;
}

/**
 * Scores a long segment through its windows (features.ts windowCount): modelOut[h] becomes the best
 * window probability for head h, a window below the scan's windowGate[h] counting as at most its
 * windowCap[h]. Returns the position in the segment's text of the window with the highest such score.
 */
function scoreWindows(model: Model, scan: PolicyScan, analysis: SegmentAnalysis, windows: number): number {
  const windowGate = scan.windowGate;
  const windowCap = scan.windowCap;
  ruleLogits(model, analysis.fired, windowLogits);
  for (let h = 0; h < HEADS; h++) modelOut[h] = 0;
  let best = -1;
  let position = 0;
  for (let k = 0; k < windows; k++) {
    scoreNgrams(model, windowLogits, collectWindowBuckets(analysis.codes, analysis.length, k, analysis.signals.nonLatin), windowOut);
    for (let h = 0; h < HEADS; h++) {
      let score = windowOut[h] as number;
      if (score < (windowGate[h] as number) && score > (windowCap[h] as number)) score = windowCap[h] as number;
      if (score > (modelOut[h] as number)) modelOut[h] = score;
      if (score > best) {
        best = score;
        position = analysis.origin[windowStart(k)] as number;
      }
    }
  }
  return position;
}

/**
 * What one analysed text (a message part, or a payload decoded from it) contributes to a scan under
 * one policy: its model scores after window scoring, the rules it fired and where, and what an
 * excerpt needs. Copied out of the analysis' reused buffers, so a SegmentCache can keep it.
 */
interface PartRecord {
  /** Model probabilities: the three categories, then the attack head. */
  readonly injection: number;
  readonly jailbreak: number;
  readonly extraction: number;
  readonly attack: number;
  /** Position in `text` of the window with the best score (a long text's), or 0. */
  readonly position: number;
  readonly fired: readonly number[];
  /**
   * The part's strongest rule that counts (severity > 0, not disarmed): its severity (0 if none) and
   * the position in `text` of its first match. The first such rule in firing order wins a tie.
   */
  readonly strongestSeverity: number;
  readonly strongestPosition: number;
  readonly text: string;
  readonly spans: CredentialSpan[];
  readonly label: string;
  /** Whether `text` reads as code (computed only when a rule that code mentions innocently fired). */
  readonly codeLike: boolean;
  /** Bit c: category c has a harmless-topic rule here, which disarms its contextual rules. */
  readonly suppressed: number;
  /** Quotable rules that fired here only as quoted examples (RuleSpec.quotable): they do not count. */
  readonly quotedOnly: readonly number[] | null;
  /** A payload decoded from tag characters: their signal joins the tally before this part's rules. */
  readonly tagCarrier: boolean;
}

/**
 * The part record of `analysis`. With `keep`, its rule list is copied so that the record outlives the
 * analysis' buffers (for a cache); without, it is valid until the next analysis.
 */
function summarize(model: Model, scan: PolicyScan, analysis: SegmentAnalysis, encoding: Encoding, keep: boolean): PartRecord {
  const windows = windowCount(analysis.length);
  let position = 0;
  if (windows > 0) position = scoreWindows(model, scan, analysis, windows);
  else scoreSegment(model, analysis.fired, analysis.ngrams, modelOut);
  const fired = keep ? analysis.fired.slice() : analysis.fired;
  let codeLike: boolean | null = null;
  let suppressed = 0;
  let quotedOnly: number[] | null = null;
  // Indexed loops: fired lists are short, and an array iterator's set-up costs as much as the body.
  for (let k = 0; k < fired.length; k++) {
    const rule = fired[k] as number;
    if (CODE_MENTION[rule] === 1) codeLike ??= looksLikeCode(analysis.text);
    if (RULE_SUPPRESSES[rule] === 1) suppressed |= 1 << (RULE_CATEGORY[rule] as number);
    if (RULE_QUOTABLE[rule] === 1 && analysis.usedAsIs[rule] === 0) {
      quotedOnly ??= [];
      quotedOnly.push(rule);
    }
  }
  // The first rule with the highest severity among those that count (what apply() compares).
  let strongest = -1;
  let strongestSeverity = 0;
  for (let k = 0; k < fired.length; k++) {
    const rule = fired[k] as number;
    const severity = RULE_SEVERITY[rule] as number;
    if (severity <= strongestSeverity || (RULE_CATEGORY[rule] as number) < 0 || !counts(rule, codeLike === true, suppressed, quotedOnly)) continue;
    strongest = rule;
    strongestSeverity = severity;
  }
  return {
    injection: modelOut[0] as number,
    jailbreak: modelOut[1] as number,
    extraction: modelOut[2] as number,
    attack: modelOut[ATTACK_HEAD] as number,
    position,
    fired,
    text: analysis.text,
    spans: copySpans(analysis.credentials),
    label: encoding === null ? "" : LABELS[encoding],
    strongestSeverity,
    strongestPosition: strongest >= 0 ? (analysis.firstMatch[strongest] as number) : 0,
    codeLike: codeLike === true,
    suppressed,
    quotedOnly,
    tagCarrier: encoding === "tags",
  };
}

/** Adds a part's contribution to the tally. */
function apply(tally: Tally, part: PartRecord): void {
  if (part.tagCarrier) addOnce(tally.signals, ENCODING_SIGNAL.tags);
  const fired = part.fired;
  const segmentBest = Math.max(raiseModelScore(tally, 0, part.injection), raiseModelScore(tally, 1, part.jailbreak), raiseModelScore(tally, 2, part.extraction), part.attack);
  const attack = part.attack;
  if (attack > tally.attackScore) tally.attackScore = attack;
  if (tally.modelExcerpt === null || segmentBest > tally.modelExcerptScore) {
    tally.modelExcerpt = part;
    tally.modelExcerptScore = segmentBest;
  }
  for (let k = 0; k < fired.length; k++) {
    const rule = fired[k] as number;
    const c = RULE_CATEGORY[rule] as number;
    if (c < 0) {
      addOnce(tally.signals, rule);
      continue;
    }
    addOnce(tally.rulesByCategory[c] as number[], rule);
    if (!counts(rule, part.codeLike, part.suppressed, part.quotedOnly)) continue;
    const severity = RULE_SEVERITY[rule] as number;
    if (RULE_CONTEXTUAL[rule] === 1) {
      if (severity > (tally.contextScore[c] as number)) tally.contextScore[c] = severity;
    } else if (severity > (tally.ruleScore[c] as number)) tally.ruleScore[c] = severity;
  }
  if (part.strongestSeverity > 0 && (tally.strongest === null || part.strongestSeverity > tally.strongest.strongestSeverity)) tally.strongest = part;
}

/**
 * Whether a fired category rule counts towards its category's score. In source code, markers that
 * are the code's own subject (a tokenizer's special tokens, `const [admin] = …`, `override = (model)
 * =>`) are model features only; a harmless topic in the same text ("the password policy") disarms
 * context-dependent rules; an override quoted only as an example ("messages like 'ignore previous
 * instructions'") is a model feature only.
 */
function counts(rule: number, codeLike: boolean, suppressed: number, quotedOnly: readonly number[] | null): boolean {
  if (CODE_MENTION[rule] === 1 && codeLike) return false;
  if (quotedOnly?.includes(rule)) return false;
  return RULE_CONTEXTUAL[rule] !== 1 || (suppressed & (1 << (RULE_CATEGORY[rule] as number))) === 0;
}

/** Raises category c's model score in the tally to `score` if higher; returns `score`. */
function raiseModelScore(tally: Tally, c: number, score: number): number {
  if (score > (tally.modelScore[c] as number)) tally.modelScore[c] = score;
  return score;
}

/**
 * Analyses one message text: its parts are the text itself, then each payload decoded from it. Each
 * part is applied to `tally` as soon as it is summarised, or, without a tally, kept in `kept` (for a
 * cache: see summarize).
 */
function analyseParts(model: Model, scan: PolicyScan, text: string, tally: Tally | null, kept: PartRecord[] | null): void {
  const analysis = analyzeSegment(text);
  const children = decodedChildren(analysis);
  const keep = kept !== null;
  let part = summarize(model, scan, analysis, null, keep);
  if (tally !== null) apply(tally, part);
  else kept?.push(part);
  for (let k = 0; k < children.length; k++) {
    const child = children[k] as Segment;
    const decoded = analyzeSegment(child.text);
    // The tag characters' signal already fired on the carrier; the decoded payload is plain text.
    if (child.encoding !== "tags") markEncoding(ENCODING_SIGNAL[child.encoding]);
    part = summarize(model, scan, decoded, child.encoding, keep);
    if (tally !== null) apply(tally, part);
    else kept?.push(part);
  }
}

/** The parts of one message text, kept for a cache. */
function keptParts(model: Model, scan: PolicyScan, text: string): PartRecord[] {
  const parts: PartRecord[] = [];
  analyseParts(model, scan, text, null, parts);
  return parts;
}

/**
 * Rules whose markers are ordinary tokens of source code: in code-like segments (analyzer.ts
 * looksLikeCode) they do not fire on their own, and the model (which still sees them) decides.
 */
const CODE_MENTION = new Uint8Array(RULES.length);
for (const id of ["injection.chat_template_token", "injection.fake_system_header", "injection.privileged_mode", "extraction.runtime_secret_request"]) {
  CODE_MENTION[ruleIndex(id)] = 1;
}

// The fields record() reads per fired rule, as typed arrays indexed by rule.
/** The rule's category index (CATEGORY_INDEX), -1 for signals. */
const RULE_CATEGORY = Int8Array.from(RULES, (rule) => (rule.category === null ? -1 : CATEGORY_INDEX[rule.category]));
const RULE_SEVERITY = Float64Array.from(RULES, (rule) => rule.severity);
const RULE_CONTEXTUAL = Uint8Array.from(RULES, (rule) => (rule.contextual === true ? 1 : 0));
const RULE_QUOTABLE = Uint8Array.from(RULES, (rule) => (rule.quotable === true ? 1 : 0));
const RULE_SUPPRESSES = Uint8Array.from(RULES, (rule) => (rule.suppressesContextual === true && rule.category !== null ? 1 : 0));

const NO_SPANS: CredentialSpan[] = [];

/** A copy of the analysis' (reused) credential list; almost always empty, then shared. */
function copySpans(spans: readonly CredentialSpan[]): CredentialSpan[] {
  return spans.length > 0 ? spans.slice() : NO_SPANS;
}

const NO_CHILDREN: readonly Segment[] = [];

/**
 * Common English words spelt backwards, as whole words; none is a word of the other languages scanned
 * ("si", "ni", "em", "era" and "ton" are, so they are left out).
 */
const REVERSED_WORDS = /(?:^|[^a-z])(?:eht|dna|uoy|woh|tahw|rof|htiw|taht|siht|ruoy|nac|yhw|nehw|erehw|ekam|lliw|yub|od|ot|fo|na)(?=[^a-z]|$)/g;

/** Whether a text that says it is backwards holds two or more distinct reversed common words (run only on a hint). */
function looksReversed(text: string): boolean {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  const hits = sample.toLowerCase().match(REVERSED_WORDS);
  if (hits === null) return false;
  return new Set(hits.map((hit) => hit.replace(/^[^a-z]/, ""))).size >= 2;
}

/**
 * 8-bit binary (two bytes in a row), looked for only in texts with 16 or more digits 0 and 1
 * (signals.binaryDigits). With signals.dotDash (a dot next to a dash: Morse), the hint for running
 * the Morse and binary decoders, which run only where it holds.
 */
const BINARY_HINT = /[01]{8}[ \n]?[01]{8}/;

/** Payloads worth decoding and rescanning; computed before the analysis buffers are reused. */
function decodedChildren(analysis: SegmentAnalysis): readonly Segment[] {
  const text = analysis.text;
  const signals = analysis.signals;
  const encoded = signals.dotDash || (signals.binaryDigits >= 16 && BINARY_HINT.test(text));
  if (!encoded && analysis.tagPayload.length === 0 && analysis.rot13Keywords < ROT13_TRIGGER && signals.longestToken < BASE64_TRIGGER && !analysis.reversedHint) return NO_CHILDREN;
  const children: Segment[] = [];
  if (analysis.tagPayload.length > 0) children.push({ text: analysis.tagPayload, encoding: "tags" });
  if (analysis.rot13Keywords >= ROT13_TRIGGER) children.push({ text: rot13(text), encoding: "rot13" });
  // "Read this backwards": the whole text reversed, by code points (the instruction itself reads as noise),
  // when it holds reversed words ("eht", "woh"): "print the list in reverse order" is a coding question.
  if (analysis.reversedHint && looksReversed(text)) children.push({ text: Array.from(text).reverse().join(""), encoding: "reversed" });
  if (signals.longestToken >= BASE64_TRIGGER) {
    for (const decoded of decodeBase64Payloads(text)) children.push({ text: decoded, encoding: "base64" });
    for (const decoded of decodeHexPayloads(text)) children.push({ text: decoded, encoding: "hex" });
  }
  if (encoded) {
    for (const decoded of decodeMorsePayloads(text)) children.push({ text: decoded, encoding: "morse" });
    for (const decoded of decodeBinaryPayloads(text)) children.push({ text: decoded, encoding: "binary" });
  }
  return children.length > 0 ? children : NO_CHILDREN;
}

/** The rule ids a finding lists: the category's rules, the model heads that fired, then the signals. */
function findingRules(tally: Tally, c: number, models: readonly string[]): string[] {
  const ids: string[] = [];
  for (const r of tally.rulesByCategory[c] as number[]) ids.push(RULE_IDS[r] as string);
  for (const model of models) ids.push(model);
  if (c !== CATEGORY_INDEX.credential) for (const signal of tally.signals) ids.push(RULE_IDS[signal] as string);
  return ids;
}

const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
/** Per category index, the id a firing model head adds (credentials have no head). */
const MODEL_RULE_IDS: readonly (readonly string[])[] = ALL_CATEGORIES.map((category) => [`model.${category}`]);
const ATTACK_RULE_IDS: readonly string[] = ["model.attack"];
const NO_IDS: readonly string[] = [];

/** The index of the category the three category heads find likeliest (what an attack-head catch is reported as). */
function likeliestCategory(tally: Tally): number {
  let best = 0;
  for (let c = 1; c < MODEL_CATEGORIES.length; c++) if ((tally.modelScore[c] as number) > (tally.modelScore[best] as number)) best = c;
  return best;
}

/**
 * The attack head's catch, reported as the likeliest category with model.attack: added where no attack
 * category fired (a credential finding alone must not hide an attack), and where the attack categories
 * that fired only flag while the head's category blocks under the policy (a contextual extraction flag
 * must not soften a confident head). It leads the findings; a flag of the same category becomes it.
 * Returns whether the catch it added blocks.
 */
function addAttackHeadCatch(tally: Tally, policy: Policy, findings: CategoryVerdict[], attackFound: boolean, attackBlocks: boolean): boolean {
  const c = likeliestCategory(tally);
  const action = (policy.byIndex[c] as CategoryRule).action;
  if (attackFound && (attackBlocks || action !== "block")) return false;
  const category = ALL_CATEGORIES[c] as SecurityCategory;
  const same = findings.findIndex((finding) => finding.category === category);
  // Such a flag is a contextual rule's (a category head that fired would block), so its rules are the category's.
  const flagged = same >= 0 ? (findings.splice(same, 1)[0] as CategoryVerdict) : null;
  const score = Math.round(Math.max(tally.attackScore, flagged?.score ?? 0) * 1000) / 1000;
  findings.unshift({ category, score, rules: findingRules(tally, c, ATTACK_RULE_IDS), action });
  return action === "block";
}

function decide(tally: Tally, policy: Policy, attackThreshold: number, truncated: boolean): ScanResult {
  const findings: CategoryVerdict[] = [];
  let strongestFiredSeverity = 0;
  let attackFound = false;
  let attackBlocks = false;
  let blocks = false;
  for (let c = 0; c < ALL_CATEGORIES.length; c++) {
    const rule = policy.byIndex[c] as CategoryRule;
    const modelScore = c < MODEL_CATEGORIES.length ? (tally.modelScore[c] as number) : 0;
    const contextScore = tally.contextScore[c] as number;
    const ruleScore = Math.max(tally.ruleScore[c] as number, contextScore);
    const modelFires = modelScore >= rule.modelThreshold;
    const ruleFires = ruleScore >= rule.ruleThreshold;
    // Context-dependent evidence alone may fire with the policy's milder action (balanced: flag).
    const contextFires = !modelFires && !ruleFires && contextScore >= rule.contextThreshold;
    if (!modelFires && !ruleFires && !contextFires) continue;
    if (ruleFires || contextFires) strongestFiredSeverity = Math.max(strongestFiredSeverity, ruleScore);
    const category = ALL_CATEGORIES[c] as SecurityCategory;
    if (category !== "credential") attackFound = true;
    const ids = findingRules(tally, c, modelFires ? (MODEL_RULE_IDS[c] as readonly string[]) : NO_IDS);
    const action = contextFires ? rule.contextAction : rule.action;
    if (action === "block") {
      blocks = true;
      if (category !== "credential") attackBlocks = true;
    }
    findings.push({ category, score: Math.round(Math.max(modelScore, ruleScore) * 1000) / 1000, rules: ids, action });
  }
  if (tally.attackScore >= attackThreshold && addAttackHeadCatch(tally, policy, findings, attackFound, attackBlocks)) blocks = true;
  const action = blocks ? "block" : findings.length > 0 ? "flag" : "allow";
  let excerpt = "";
  if (findings.length > 0) {
    const strongest = tally.strongest;
    if (strongest !== null && strongest.strongestSeverity >= strongestFiredSeverity && strongestFiredSeverity > 0) {
      excerpt = buildExcerpt(strongest.text, strongest.strongestPosition, strongest.spans, strongest.label);
    } else if (tally.modelExcerpt !== null) {
      excerpt = buildExcerpt(tally.modelExcerpt.text, tally.modelExcerpt.position, tally.modelExcerpt.spans, tally.modelExcerpt.label);
    }
  }
  return { action, findings, truncated, excerpt, policy: policy.name };
}

/**
 * Scans the text parts of a request (system, user, assistant and tool messages, in order) under
 * `policyName`. Synchronous; cost is linear in min(total length, the policy's size limit). With a
 * `cache` (createScanCache), texts it has seen cost a lookup; the result is the same without it.
 */
export function scanMessages(texts: readonly string[], policyName: PolicyName, cache?: ScanCache): ScanResult {
  return scanWith(SCANS, texts, policyName, cache);
}

/** A scan's result with the scores it was decided on (see scanWithScores). */
export interface ScoredScan {
  readonly result: ScanResult;
  /** Per model category (MODEL_CATEGORIES order): the probability the decision read (windows capped as in scanWith). */
  readonly model: readonly number[];
  /** The attack head's probability (0 without an attack head). */
  readonly attack: number;
}

/**
 * scanMessages plus the head scores behind its decision, for measurement scripts
 * (scripts/security-decisions.ts): how far a prompt is from each threshold. Not part of the public API.
 */
export function scanWithScores(texts: readonly string[], policyName: PolicyName): ScoredScan {
  const result = scanWith(SCANS, texts, policyName);
  if (policyName === "off") return { result, model: MODEL_CATEGORIES.map(() => 0), attack: 0 };
  return { result, model: Array.from(TALLY.modelScore), attack: TALLY.attackScore };
}

/**
 * Remembers what recently scanned message texts contributed (see segment-cache.ts), for callers that
 * see the same texts again: results are the same with or without it.
 */
export type ScanCache = SegmentCache<readonly PartRecord[]>;

export function createScanCache(capacity?: number, maxChars?: number): ScanCache {
  return new SegmentCache<readonly PartRecord[]>(capacity, maxChars);
}

/**
 * A scanner over another model (the training script uses it to measure the whole pipeline on
 * out-of-fold rows). Not part of the public API.
 */
export function createScanner(
  model: Model,
  windowFloors: WindowFloors = WINDOW_FLOORS,
): (texts: readonly string[], policyName: PolicyName) => ScanResult {
  const scans = { model, byPolicy: policyScans(model, buildPolicies(model.thresholds), windowFloors) };
  return (texts, policyName) => scanWith(scans, texts, policyName);
}

/** A model and its per-policy set-up (policyScans): everything scanWith reads besides its arguments. */
interface Scans {
  readonly model: Model;
  readonly byPolicy: PolicyScans;
}

const SCANS: Scans = { model: MODEL, byPolicy: policyScans(MODEL, POLICIES, WINDOW_FLOORS) };

function scanWith(scans: Scans, texts: readonly string[], policyName: PolicyName, cache?: ScanCache): ScanResult {
  if (policyName === "off") return { action: "allow", findings: [], truncated: false, excerpt: "", policy: "off" };
  const model = scans.model;
  const scan = scans.byPolicy[policyName];
  const policy = scan.policy;
  const window = selectWindow(texts, policy.maxChars);
  const tally = resetTally();
  const segments = window.segments;
  for (let s = 0; s < segments.length; s++) {
    const text = segments[s] as string;
    if (cache === undefined) analyseParts(model, scan, text, tally, null);
    else for (const part of cache.lookup(policyName, text, () => keptParts(model, scan, text))) apply(tally, part);
  }
  return decide(tally, policy, scan.attackThreshold, window.truncated);
}
