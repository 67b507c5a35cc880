// The scanner: analyses every message (and any payload decoded from it), combines keyword rules
// and the model per category, and applies the policy.
//
// A category's score is the larger of the model probability and the severity of its strongest
// rule; it fires when the model crosses the policy's calibrated threshold or a rule's severity
// crosses the policy's rule threshold.

import { analyzeSegment, markEncoding, type SegmentAnalysis } from "./analyzer.ts";
import type { CredentialSpan } from "./credentials.ts";
import { decodeBase64Payloads, rot13 } from "./decoders.ts";
import { buildExcerpt } from "./excerpt.ts";
import { loadModel, scoreSegment, type Model, type WeightsFile } from "./model.ts";
import weightsJson from "./model/weights.json";
import { buildPolicies, type Policy } from "./policies.ts";
import { RULES, SIGNAL_RULE_OFFSET } from "./ruleset.ts";
import { ALL_CATEGORIES, MODEL_CATEGORIES, type CategoryVerdict, type PolicyName, type ScanResult, type SecurityCategory } from "./types.ts";
import { selectWindow } from "./window.ts";

const MODEL = loadModel(weightsJson as unknown as WeightsFile);
const POLICIES = buildPolicies(MODEL.thresholds);

/** Only long-enough runs can hide an instruction in base64. */
const BASE64_TRIGGER = 24;
/** Two distinct ROT13-encoded keywords are needed before decoding: one can be chance. */
const ROT13_TRIGGER = 2;

type Encoding = "base64" | "rot13" | "tags" | null;

interface Segment {
  readonly text: string;
  readonly encoding: Encoding;
}

/** Per-call accumulator; small and short-lived. */
interface Tally {
  readonly modelScore: Float64Array;
  readonly ruleScore: Float64Array;
  /** Strongest context-dependent rule per category (see RuleSpec.contextual). */
  readonly contextScore: Float64Array;
  readonly rulesByCategory: Array<Set<number>>;
  readonly signals: Set<number>;
  strongest: { severity: number; text: string; position: number; spans: CredentialSpan[]; label: string } | null;
  modelExcerpt: { score: number; text: string; spans: CredentialSpan[]; label: string } | null;
}

const CATEGORY_INDEX: Record<SecurityCategory, number> = { injection: 0, jailbreak: 1, extraction: 2, credential: 3 };
const LABELS: Record<Exclude<Encoding, null>, string> = { base64: "[decoded base64] ", rot13: "[decoded rot13] ", tags: "[decoded tag characters] " };
const modelOut = new Float64Array(MODEL_CATEGORIES.length);

function record(model: Model, tally: Tally, analysis: SegmentAnalysis, encoding: Encoding): void {
  const label = encoding === null ? "" : LABELS[encoding];
  scoreSegment(model, analysis.fired, analysis.ngrams, modelOut);
  let segmentBest = 0;
  for (let c = 0; c < MODEL_CATEGORIES.length; c++) {
    const score = modelOut[c] as number;
    if (score > (tally.modelScore[c] as number)) tally.modelScore[c] = score;
    if (score > segmentBest) segmentBest = score;
  }
  if (tally.modelExcerpt === null || segmentBest > tally.modelExcerpt.score) {
    tally.modelExcerpt = { score: segmentBest, text: analysis.text, spans: analysis.credentials.slice(), label };
  }
  let suppressed = 0;
  for (const rule of analysis.fired) {
    const info = RULES[rule];
    if (info?.suppressesContextual === true && info.category !== null) suppressed |= 1 << CATEGORY_INDEX[info.category];
  }
  for (const rule of analysis.fired) {
    const info = RULES[rule];
    if (info === undefined) continue;
    if (info.category === null) {
      tally.signals.add(rule);
      continue;
    }
    const c = CATEGORY_INDEX[info.category];
    (tally.rulesByCategory[c] as Set<number>).add(rule);
    if (info.contextual === true) {
      // A harmless topic in the same message ("the password policy") disarms context-dependent rules.
      if ((suppressed & (1 << c)) !== 0) continue;
      if (info.severity > (tally.contextScore[c] as number)) tally.contextScore[c] = info.severity;
    } else if (info.severity > (tally.ruleScore[c] as number)) tally.ruleScore[c] = info.severity;
    if (info.severity > 0 && (tally.strongest === null || info.severity > tally.strongest.severity)) {
      tally.strongest = { severity: info.severity, text: analysis.text, position: analysis.firstMatch[rule] as number, spans: analysis.credentials.slice(), label };
    }
  }
}

/** Payloads worth decoding and rescanning; computed before the analysis buffers are reused. */
function decodedChildren(analysis: SegmentAnalysis): Segment[] {
  const children: Segment[] = [];
  if (analysis.tagPayload.length > 0) children.push({ text: analysis.tagPayload, encoding: "tags" });
  if (analysis.rot13Keywords >= ROT13_TRIGGER) children.push({ text: rot13(analysis.text), encoding: "rot13" });
  if (analysis.signals.longestToken >= BASE64_TRIGGER) {
    for (const decoded of decodeBase64Payloads(analysis.text)) children.push({ text: decoded, encoding: "base64" });
  }
  return children;
}

function decide(tally: Tally, policy: Policy, truncated: boolean): ScanResult {
  const findings: CategoryVerdict[] = [];
  let strongestFiredSeverity = 0;
  for (const category of ALL_CATEGORIES) {
    const c = CATEGORY_INDEX[category];
    const rule = policy.categories[category];
    const modelScore = c < MODEL_CATEGORIES.length ? (tally.modelScore[c] as number) : 0;
    const contextScore = tally.contextScore[c] as number;
    const ruleScore = Math.max(tally.ruleScore[c] as number, contextScore);
    const modelFires = modelScore >= rule.modelThreshold;
    const ruleFires = ruleScore >= rule.ruleThreshold;
    // Context-dependent evidence alone may fire with the policy's milder action (balanced: flag).
    const contextFires = !modelFires && !ruleFires && contextScore >= rule.contextThreshold;
    if (!modelFires && !ruleFires && !contextFires) continue;
    if (ruleFires || contextFires) strongestFiredSeverity = Math.max(strongestFiredSeverity, ruleScore);
    const ids = [...(tally.rulesByCategory[c] as Set<number>)].map((r) => (RULES[r] as { id: string }).id);
    if (modelFires) ids.push(`model.${category}`);
    if (category !== "credential") for (const signal of tally.signals) ids.push((RULES[signal] as { id: string }).id);
    const action = contextFires ? rule.contextAction : rule.action;
    findings.push({ category, score: Math.round(Math.max(modelScore, ruleScore) * 1000) / 1000, rules: ids, action });
  }
  const action = findings.some((f) => f.action === "block") ? "block" : findings.length > 0 ? "flag" : "allow";
  let excerpt = "";
  if (findings.length > 0) {
    const strongest = tally.strongest;
    if (strongest !== null && strongest.severity >= strongestFiredSeverity && strongestFiredSeverity > 0) {
      excerpt = buildExcerpt(strongest.text, strongest.position, strongest.spans, strongest.label);
    } else if (tally.modelExcerpt !== null) {
      excerpt = buildExcerpt(tally.modelExcerpt.text, 0, tally.modelExcerpt.spans, tally.modelExcerpt.label);
    }
  }
  return { action, findings, truncated, excerpt, policy: policy.name };
}

/**
 * Scans the text parts of a request (system, user, assistant and tool messages, in order) under
 * `policyName`. Pure and synchronous; cost is linear in min(total length, the policy's size limit).
 */
export function scanMessages(texts: readonly string[], policyName: PolicyName): ScanResult {
  return scanWith(MODEL, POLICIES, texts, policyName);
}

/**
 * A scanner over another model (the training script uses it to measure the whole pipeline on
 * out-of-fold rows). Not part of the public API.
 */
export function createScanner(model: Model): (texts: readonly string[], policyName: PolicyName) => ScanResult {
  const policies = buildPolicies(model.thresholds);
  return (texts, policyName) => scanWith(model, policies, texts, policyName);
}

function scanWith(model: Model, policies: ReturnType<typeof buildPolicies>, texts: readonly string[], policyName: PolicyName): ScanResult {
  if (policyName === "off") return { action: "allow", findings: [], truncated: false, excerpt: "", policy: "off" };
  const policy = policies[policyName];
  const window = selectWindow(texts, policy.maxChars);
  const tally: Tally = {
    modelScore: new Float64Array(MODEL_CATEGORIES.length),
    ruleScore: new Float64Array(ALL_CATEGORIES.length),
    contextScore: new Float64Array(ALL_CATEGORIES.length),
    rulesByCategory: ALL_CATEGORIES.map(() => new Set<number>()),
    signals: new Set<number>(),
    strongest: null,
    modelExcerpt: null,
  };
  for (const text of window.segments) {
    const analysis = analyzeSegment(text);
    const children = decodedChildren(analysis);
    record(model, tally, analysis, null);
    for (const child of children) {
      const decoded = analyzeSegment(child.text);
      if (child.encoding === "base64") markEncoding(5);
      else if (child.encoding === "rot13") markEncoding(6);
      else tally.signals.add(SIGNAL_RULE_OFFSET + 1);
      record(model, tally, decoded, child.encoding);
    }
  }
  return decide(tally, policy, window.truncated);
}
