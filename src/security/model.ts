// Logistic-regression scorer, one model per category, over rule hits and hashed n-grams, plus the
// optional "attack" head (any attack label vs benign, see attack-head.ts).
//
// The weights are fitted offline by scripts/train-security.ts and committed as
// model/weights.json; n-gram weights are stored as base64 int16 with one scale per head to keep
// the file small. Scoring a segment is a sum over its fired rules and distinct n-gram buckets.
// In memory the four heads' weights of one bucket sit side by side (8 bytes), so a bucket costs one
// cache line for all of them.

import { type AttackHeadFile, type AttackThresholds, loadAttackHead } from "./attack-head.ts";
import type { BucketList } from "./features.ts";
import { NGRAM_BITS, NGRAM_FEATURES } from "./features.ts";
import { IS_MODEL_FEATURE, MODEL_FEATURE_COUNT, RULES } from "./ruleset.ts";
import { MODEL_CATEGORIES, type ModelCategory } from "./types.ts";
import { decodeInt16, LITTLE_ENDIAN } from "./int16.ts";

export type ThresholdTable = Record<"strict" | "balanced" | "permissive", Record<ModelCategory, number>>;

export interface WeightsFile {
  format: 1;
  ngramBits: number;
  /** NGRAM_FEATURES of the build that fitted the weights; absent in files written before it existed (1). */
  ngramFeatures?: number;
  categories: readonly string[];
  bias: readonly number[];
  /** Rule id → one weight per category. Unknown ids are ignored, missing ones weigh 0. */
  rules: Record<string, readonly number[]>;
  /** Per category: int16 little-endian weights, base64, and the factor that restores them. */
  ngrams: ReadonlyArray<{ scale: number; data: string }>;
  /** Probability thresholds per policy, calibrated on the fit half by the training script. */
  thresholds: ThresholdTable;
  /** The attack head; absent in files written before it existed. */
  attack?: AttackHeadFile;
  meta?: Record<string, unknown>;
}

export interface Model {
  /** Per head: the three categories, then the attack head (0 when the file has none). */
  readonly bias: Float64Array;
  /** ruleWeights[rule * HEADS + h] */
  readonly ruleWeights: Float64Array;
  /**
   * The int16 weights w[bucket * HEADS + h] (quantised; multiply sums by ngramScale[h]; half the cache
   * of float32), read as int32 pairs: heads 0 and 1 in ngramPairs[2·bucket], 2 and 3 in the next
   * (little-endian), so scoreNgrams reads a bucket's four weights in two loads instead of four.
   */
  readonly ngramPairs: Int32Array;
  readonly ngramScale: Float64Array;
  readonly thresholds: ThresholdTable;
  /** The attack head's thresholds per policy; null when the weights carry no attack head. */
  readonly attackThresholds: AttackThresholds | null;
}

/**
 * The n-gram sum of a text with fewer distinct buckets than this is normalised as if it had this many:
 * with so few features (about 25 characters) one or two heavy n-grams decided the score, and the
 * default policy blocked "Say" (extraction 0.71) and OpenAI's own first example, "Say this is a test"
 * (injection 0.68). Grouped cross-validation: balanced 646 -> 645 of 692 attacks, 2 fewer flags on the
 * benign augmentation; no decision on the fit half changed, one under strict on the validation half.
 */
export const MIN_NORM_BUCKETS = 32;
const C = MODEL_CATEGORIES.length;
/** Heads scored per segment: the categories and the attack head. `out[ATTACK_HEAD]` is its probability. */
export const HEADS = C + 1;
export const ATTACK_HEAD = C;

export function loadModel(file: WeightsFile): Model {
  if (file.format !== 1 || file.ngramBits !== NGRAM_BITS || (file.ngramFeatures ?? 1) !== NGRAM_FEATURES) throw new Error("security model weights do not match this scanner build");
  MODEL_CATEGORIES.forEach((category, c) => {
    if (file.categories[c] !== category) throw new Error("security model categories out of order");
  });
  const bias = new Float64Array(HEADS);
  bias.set(file.bias.slice(0, C));
  const ruleWeights = new Float64Array(MODEL_FEATURE_COUNT * HEADS);
  for (let rule = 0; rule < MODEL_FEATURE_COUNT; rule++) {
    // A rule that is not a model feature (RuleSpec.feature) weighs nothing, whatever a weights file says.
    if (IS_MODEL_FEATURE[rule] === 0) continue;
    const weights = file.rules[(RULES[rule] as { id: string }).id];
    if (weights === undefined) continue;
    for (let c = 0; c < C; c++) ruleWeights[rule * HEADS + c] = weights[c] ?? 0;
  }
  const buckets = 1 << NGRAM_BITS;
  const ngramWeights = new Int16Array(buckets * HEADS);
  const ngramScale = new Float64Array(HEADS);
  file.ngrams.slice(0, C).forEach((entry, c) => {
    const values = decodeInt16(entry.data);
    for (let b = 0; b < buckets && b < values.length; b++) ngramWeights[b * HEADS + c] = values[b] as number;
    ngramScale[c] = entry.scale;
  });
  const attack = loadAttackHead(file);
  if (attack !== null) {
    bias[ATTACK_HEAD] = attack.bias;
    for (let rule = 0; rule < MODEL_FEATURE_COUNT; rule++) ruleWeights[rule * HEADS + ATTACK_HEAD] = IS_MODEL_FEATURE[rule] === 1 ? (attack.ruleWeights[rule] as number) : 0;
    for (let b = 0; b < buckets; b++) ngramWeights[b * HEADS + ATTACK_HEAD] = attack.ngramWeights[b] as number;
    ngramScale[ATTACK_HEAD] = attack.ngramScale;
  }
  // ngramPairs reads two int16 lanes per int32, which assumes little-endian memory.
  if (!LITTLE_ENDIAN) throw new Error("security model scoring needs a little-endian platform");
  const ngramPairs = new Int32Array(ngramWeights.buffer, ngramWeights.byteOffset, buckets * 2);
  return { bias, ruleWeights, ngramPairs, ngramScale, thresholds: file.thresholds, attackThresholds: attack?.thresholds ?? null };
}

/** Bias plus fired rule weights, per head (scoreSegment's scratch). */
const segmentLogits = new Float64Array(HEADS);

/**
 * Writes the per-category probabilities of one segment into out[0..3) and the attack head's into
 * out[ATTACK_HEAD] (0 without an attack head); `out` has length ≥ HEADS.
 */
export function scoreSegment(model: Model, fired: readonly number[], ngrams: BucketList, out: Float64Array): void {
  ruleLogits(model, fired, segmentLogits);
  scoreNgrams(model, segmentLogits, ngrams, out);
}

/**
 * Writes bias + the fired rules' weights per head into z[0..HEADS): the part of a segment's logit
 * that its windows share (see scoreNgrams).
 */
export function ruleLogits(model: Model, fired: readonly number[], z: Float64Array): void {
  let z0 = model.bias[0] as number;
  let z1 = model.bias[1] as number;
  let z2 = model.bias[2] as number;
  let z3 = model.bias[3] as number;
  const rw = model.ruleWeights;
  for (let k = 0; k < fired.length; k++) {
    const rule = fired[k] as number;
    if (rule >= MODEL_FEATURE_COUNT) continue;
    const base = rule * HEADS;
    z0 += rw[base] as number;
    z1 += rw[base + 1] as number;
    z2 += rw[base + 2] as number;
    z3 += rw[base + 3] as number;
  }
  z[0] = z0;
  z[1] = z1;
  z[2] = z2;
  z[3] = z3;
}

/**
 * The probabilities of rule logits `z` (ruleLogits) plus the n-gram weights of `ngrams`, normalised by
 * 1/sqrt(distinct buckets, at least MIN_NORM_BUCKETS): a whole segment's buckets, or one window's.
 */
export function scoreNgrams(model: Model, z: Float64Array, ngrams: BucketList, out: Float64Array): void {
  const w = model.ngramPairs;
  const list = ngrams.buckets;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  // Integer sums: exact (at most 2^16 distinct buckets × |w| ≤ 2^15 stays inside int32), so the
  // same as summing in doubles, and an integer add does not stall the loop like a float add does.
  // Two int32 loads per bucket instead of four int16 ones (scoring alone ≈ 1.15× faster); the low
  // lane is sign-extended by (x << 16) >> 16, the high one by x >> 16.
  for (let i = 0; i < ngrams.count; i++) {
    const base = (list[i] as number) << 1;
    const low = w[base] as number;
    const high = w[base + 1] as number;
    s0 = (s0 + ((low << 16) >> 16)) | 0;
    s1 = (s1 + (low >> 16)) | 0;
    s2 = (s2 + ((high << 16) >> 16)) | 0;
    s3 = (s3 + (high >> 16)) | 0;
  }
  const norm = ngrams.count > 0 ? 1 / Math.sqrt(Math.max(ngrams.count, MIN_NORM_BUCKETS)) : 0;
  const scale = model.ngramScale;
  out[0] = sigmoid((z[0] as number) + s0 * (scale[0] as number) * norm);
  out[1] = sigmoid((z[1] as number) + s1 * (scale[1] as number) * norm);
  out[2] = sigmoid((z[2] as number) + s2 * (scale[2] as number) * norm);
  out[ATTACK_HEAD] = model.attackThresholds === null ? 0 : sigmoid((z[3] as number) + s3 * (scale[3] as number) * norm);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
