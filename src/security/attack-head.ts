// The "attack" head: one more logistic regression over the same features as the three category
// heads (fired rule ids and hashed n-gram buckets), fitted on "any attack label vs benign".
//
// The category heads split the attack rows between three overlapping labels; a scan counts as caught
// when any category fires, and this head, with every attack row as a positive, fits that combined
// measure better. It only adds catches: the scanner reports a finding from it when no category fired
// (see docs/security.md). The weights live in an optional `attack` field of model/weights.json, read
// here; loadModel interleaves them with the category heads' and scoreSegment scores all four at once.
// Older scanners ignore the field; a file without it yields null (and no attack head).

import { NGRAM_BITS } from "./features.ts";
import { MODEL_FEATURE_COUNT, RULES } from "./ruleset.ts";
import { decodeInt16 } from "./int16.ts";

/** Thresholds per policy (the "off" policy scans nothing). */
export type AttackThresholds = Readonly<Record<"strict" | "balanced" | "permissive", number>>;

/** The `attack` field of weights.json. */
export interface AttackHeadFile {
  readonly bias: number;
  /** Rule id → weight. Unknown ids are ignored, missing ones weigh 0. */
  readonly rules: Readonly<Record<string, number>>;
  /** int16 little-endian, one per bucket, base64; multiply by `scale`. */
  readonly ngrams: { readonly scale: number; readonly data: string };
  /** Probability thresholds per policy, calibrated by the training script. */
  readonly thresholds: AttackThresholds;
}

export interface AttackHead {
  readonly bias: number;
  /** Indexed by rule index, length MODEL_FEATURE_COUNT. */
  readonly ruleWeights: Float64Array;
  /** Indexed by bucket, quantised; multiply sums by ngramScale. */
  readonly ngramWeights: Int16Array;
  readonly ngramScale: number;
  readonly thresholds: AttackThresholds;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Reads the attack head from a weights file, or null when the file has none (or one this build
 * cannot use: other n-gram bits, malformed fields).
 */
export function loadAttackHead(file: { readonly ngramBits: number; readonly attack?: unknown }): AttackHead | null {
  if (file.ngramBits !== NGRAM_BITS) return null;
  const raw = file.attack;
  if (typeof raw !== "object" || raw === null) return null;
  const head = raw as Partial<Record<keyof AttackHeadFile, unknown>>;
  const ngrams = head.ngrams as Partial<Record<"scale" | "data", unknown>> | null | undefined;
  const thresholds = head.thresholds as Partial<Record<keyof AttackThresholds, unknown>> | null | undefined;
  const rules = head.rules as Record<string, unknown> | null | undefined;
  if (!isFiniteNumber(head.bias) || typeof ngrams !== "object" || ngrams === null || !isFiniteNumber(ngrams.scale) || typeof ngrams.data !== "string") return null;
  if (typeof thresholds !== "object" || thresholds === null || typeof rules !== "object" || rules === null) return null;
  if (!isFiniteNumber(thresholds.strict) || !isFiniteNumber(thresholds.balanced) || !isFiniteNumber(thresholds.permissive)) return null;

  const ruleWeights = new Float64Array(MODEL_FEATURE_COUNT);
  for (let rule = 0; rule < MODEL_FEATURE_COUNT; rule++) {
    const weight = rules[(RULES[rule] as { id: string }).id];
    if (isFiniteNumber(weight)) ruleWeights[rule] = weight;
  }
  const buckets = 1 << NGRAM_BITS;
  const decoded = decodeInt16(ngrams.data);
  const ngramWeights = new Int16Array(buckets);
  ngramWeights.set(decoded.length > buckets ? decoded.subarray(0, buckets) : decoded);
  return {
    bias: head.bias,
    ruleWeights,
    ngramWeights,
    ngramScale: ngrams.scale,
    thresholds: { strict: thresholds.strict, balanced: thresholds.balanced, permissive: thresholds.permissive },
  };
}

