// Logistic-regression scorer, one model per category, over rule hits and hashed n-grams.
//
// The weights are fitted offline by scripts/train-security.ts and committed as
// model/weights.json; n-gram weights are stored as base64 int16 with one scale per category to keep
// the file small. Scoring a segment is a sum over its fired rules and distinct n-gram buckets.

import type { BucketList } from "./features.ts";
import { NGRAM_BITS } from "./features.ts";
import { MODEL_FEATURE_COUNT, RULES } from "./ruleset.ts";
import { MODEL_CATEGORIES, type ModelCategory } from "./types.ts";

export type ThresholdTable = Record<"strict" | "balanced" | "permissive", Record<ModelCategory, number>>;

export interface WeightsFile {
  format: 1;
  ngramBits: number;
  categories: readonly string[];
  bias: readonly number[];
  /** Rule id → one weight per category. Unknown ids are ignored, missing ones weigh 0. */
  rules: Record<string, readonly number[]>;
  /** Per category: int16 little-endian weights, base64, and the factor that restores them. */
  ngrams: ReadonlyArray<{ scale: number; data: string }>;
  /** Probability thresholds per policy, calibrated on the fit half by the training script. */
  thresholds: ThresholdTable;
  meta?: Record<string, unknown>;
}

export interface Model {
  readonly bias: Float64Array;
  /** ruleWeights[rule * C + c] */
  readonly ruleWeights: Float64Array;
  /** ngramWeights[bucket * C + c], quantised; multiply sums by ngramScale[c]. Half the cache of float32. */
  readonly ngramWeights: Int16Array;
  readonly ngramScale: Float64Array;
  readonly thresholds: ThresholdTable;
}

const C = MODEL_CATEGORIES.length;

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function decodeInt16(base64: string): Int16Array {
  const bytes = Buffer.from(base64, "base64");
  // Copy into an aligned buffer; on little-endian hosts (x86, ARM) that is the whole decode.
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  const out = new Int16Array(aligned.buffer);
  if (!LITTLE_ENDIAN) {
    const view = new DataView(aligned.buffer);
    for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  }
  return out;
}

export function loadModel(file: WeightsFile): Model {
  if (file.format !== 1 || file.ngramBits !== NGRAM_BITS) throw new Error("security model weights do not match this scanner build");
  MODEL_CATEGORIES.forEach((category, c) => {
    if (file.categories[c] !== category) throw new Error("security model categories out of order");
  });
  const bias = Float64Array.from(file.bias);
  const ruleWeights = new Float64Array(MODEL_FEATURE_COUNT * C);
  for (let rule = 0; rule < MODEL_FEATURE_COUNT; rule++) {
    const weights = file.rules[(RULES[rule] as { id: string }).id];
    if (weights === undefined) continue;
    for (let c = 0; c < C; c++) ruleWeights[rule * C + c] = weights[c] ?? 0;
  }
  const buckets = 1 << NGRAM_BITS;
  const ngramWeights = new Int16Array(buckets * C);
  const ngramScale = new Float64Array(C);
  file.ngrams.forEach((entry, c) => {
    const values = decodeInt16(entry.data);
    for (let b = 0; b < buckets && b < values.length; b++) ngramWeights[b * C + c] = values[b] as number;
    ngramScale[c] = entry.scale;
  });
  return { bias, ruleWeights, ngramWeights, ngramScale, thresholds: file.thresholds };
}

/** Writes the per-category probabilities of one segment into `out` (length ≥ 3). */
export function scoreSegment(model: Model, fired: readonly number[], ngrams: BucketList, out: Float64Array): void {
  let z0 = model.bias[0] as number;
  let z1 = model.bias[1] as number;
  let z2 = model.bias[2] as number;
  const rw = model.ruleWeights;
  for (const rule of fired) {
    if (rule >= MODEL_FEATURE_COUNT) continue;
    z0 += rw[rule * C] as number;
    z1 += rw[rule * C + 1] as number;
    z2 += rw[rule * C + 2] as number;
  }
  const w = model.ngramWeights;
  const list = ngrams.buckets;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < ngrams.count; i++) {
    const base = (list[i] as number) * C;
    s0 += w[base] as number;
    s1 += w[base + 1] as number;
    s2 += w[base + 2] as number;
  }
  const norm = ngrams.count > 0 ? 1 / Math.sqrt(ngrams.count) : 0;
  const scale = model.ngramScale;
  out[0] = sigmoid(z0 + s0 * (scale[0] as number) * norm);
  out[1] = sigmoid(z1 + s1 * (scale[1] as number) * norm);
  out[2] = sigmoid(z2 + s2 * (scale[2] as number) * norm);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
