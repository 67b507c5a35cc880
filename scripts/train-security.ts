// Fits the prompt-scanner model and writes src/security/model/weights.json.
//
//   SECURITY_CORPUS=../shared/security-corpus/corpus.jsonl bun scripts/train-security.ts [--cv-only]
//
// Only the fit half of the corpus is used (split by a hash of the id), never the self-instruct rows.
// One logistic regression per category (one-vs-rest: positives are that label, negatives the benign
// rows plus, down-weighted, the other attack labels), L2-regularised, fitted by full-batch Adam
// from zero: deterministic for a given corpus and code. Thresholds for each policy come from
// 5-fold out-of-fold scores on the fit half, so the validation half stays untouched.

import { resolve } from "node:path";
import { analyzeSegment } from "../src/security/analyzer.ts";
import { parseCorpus, splitOf, mayFitOn, idHash, type CorpusRow } from "../src/security/evaluation.ts";
import { NGRAM_BITS } from "../src/security/features.ts";
import { loadModel, type ThresholdTable, type WeightsFile } from "../src/security/model.ts";
import { createScanner } from "../src/security/scanner.ts";
import { idPrefix, wilson } from "../src/security/evaluation.ts";
import { MODEL_FEATURE_COUNT, RULES } from "../src/security/ruleset.ts";
import { PROSE_DOCUMENTS, PROSE_TEMPLATES, STANDALONE_PROMPTS, TASK_TEMPLATES } from "../src/security/training/benign-augmentation.ts";
import { MODEL_CATEGORIES, type ModelCategory } from "../src/security/types.ts";

const ROOT = resolve(import.meta.dir, "..");
const CORPUS = resolve(ROOT, process.env.SECURITY_CORPUS ?? "../shared/security-corpus/corpus.jsonl");
const OUTPUT = resolve(ROOT, "src/security/model/weights.json");

const HYPER = {
  epochs: envNumber("SECURITY_EPOCHS", 200),
  learningRate: envNumber("SECURITY_LR", 0.08),
  /** L2 strength on n-gram weights (sum over rows of weighted loss is normalised to a mean). */
  l2Ngram: envNumber("SECURITY_L2_NGRAM", 2e-5),
  l2Rule: envNumber("SECURITY_L2_RULE", 1e-4),
  /** Weight of other attack labels as negatives: categories overlap, so they count less. */
  otherAttackWeight: envNumber("SECURITY_OTHER_WEIGHT", 0.25),
  /** Extra weight on benign rows: false positives on legitimate traffic are the costly error. */
  benignWeight: envNumber("SECURITY_BENIGN_WEIGHT", 2.0),
  folds: 5,
};

/** Hyper-parameters can be overridden for cross-validation sweeps (`--cv-only`). */
function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && process.env[name] !== undefined ? value : fallback;
}

/** Target out-of-fold benign false-positive rate per category, and a floor, per policy. */
// The floors matter more than the targets: the fit half's benign rows are few and mostly short
// questions, so out-of-fold FPRs are optimistic for ordinary long prompts. The floors keep a margin.
const CALIBRATION: Record<keyof ThresholdTable, { fpr: number; floor: number }> = {
  strict: { fpr: 0.04, floor: 0.35 },
  balanced: { fpr: 0.01, floor: 0.65 },
  permissive: { fpr: 0.003, floor: 0.88 },
};

const C = MODEL_CATEGORIES.length;
const PLACEHOLDER_THRESHOLDS: ThresholdTable = {
  strict: { injection: 0.5, jailbreak: 0.5, extraction: 0.5 },
  balanced: { injection: 0.5, jailbreak: 0.5, extraction: 0.5 },
  permissive: { injection: 0.5, jailbreak: 0.5, extraction: 0.5 },
};
const BUCKETS = 1 << NGRAM_BITS;

interface Example {
  id: string;
  label: CorpusRow["label"];
  hardBenign: boolean;
  rules: Int32Array;
  buckets: Int32Array;
  /** 1/sqrt(number of buckets): the n-gram vector is L2-normalised. */
  scale: number;
}

function featurise(row: CorpusRow): Example {
  const analysis = analyzeSegment(row.text);
  const rules = Int32Array.from(analysis.fired.filter((r) => r < MODEL_FEATURE_COUNT));
  const buckets = analysis.ngrams.buckets.slice(0, analysis.ngrams.count);
  return { id: row.id, label: row.label, hardBenign: row.hard_benign, rules, buckets, scale: buckets.length > 0 ? 1 / Math.sqrt(buckets.length) : 0 };
}

interface Params {
  bias: Float64Array;
  rule: Float64Array; // [rule * C + c]
  ngram: Float64Array; // [bucket * C + c]
}

function targetAndWeight(example: Example, c: number): [number, number] {
  const category = MODEL_CATEGORIES[c] as ModelCategory;
  if (example.label === category) return [1, 1];
  if (example.label === "benign") return [0, HYPER.benignWeight];
  return [0, HYPER.otherAttackWeight];
}

function train(examples: readonly Example[]): Params {
  const params: Params = { bias: new Float64Array(C), rule: new Float64Array(MODEL_FEATURE_COUNT * C), ngram: new Float64Array(BUCKETS * C) };
  // Balance classes per category so the small injection class is not drowned out.
  const classWeight: Array<[number, number]> = [];
  for (let c = 0; c < C; c++) {
    let positive = 0;
    let negative = 0;
    for (const example of examples) {
      const [y, w] = targetAndWeight(example, c);
      if (y === 1) positive += w; else negative += w;
    }
    classWeight.push([0.5 / Math.max(positive, 1), 0.5 / Math.max(negative, 1)]);
  }
  const gradBias = new Float64Array(C);
  const gradRule = new Float64Array(params.rule.length);
  const gradNgram = new Float64Array(params.ngram.length);
  const adam = {
    bias: [new Float64Array(C), new Float64Array(C)] as const,
    rule: [new Float64Array(params.rule.length), new Float64Array(params.rule.length)] as const,
    ngram: [new Float64Array(params.ngram.length), new Float64Array(params.ngram.length)] as const,
  };
  const touched = new Uint8Array(BUCKETS);
  for (const example of examples) for (const b of example.buckets) touched[b] = 1;
  const activeBuckets = Int32Array.from({ length: BUCKETS }, (_, b) => b).filter((b) => touched[b] === 1);
  const g = new Float64Array(C);

  for (let epoch = 1; epoch <= HYPER.epochs; epoch++) {
    gradBias.fill(0);
    gradRule.fill(0);
    gradNgram.fill(0);
    const ngram = params.ngram;
    for (const example of examples) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      const list = example.buckets;
      for (let k = 0; k < list.length; k++) {
        const base = (list[k] as number) * C;
        s0 += ngram[base] as number;
        s1 += ngram[base + 1] as number;
        s2 += ngram[base + 2] as number;
      }
      const sums = [s0, s1, s2];
      for (let c = 0; c < C; c++) {
        let z = params.bias[c] as number;
        for (const r of example.rules) z += params.rule[r * C + c] as number;
        z += (sums[c] as number) * example.scale;
        const p = 1 / (1 + Math.exp(-z));
        const [y, w] = targetAndWeight(example, c);
        const weights = classWeight[c] as [number, number];
        g[c] = (p - y) * w * (y === 1 ? weights[0] : weights[1]);
        gradBias[c] = (gradBias[c] as number) + (g[c] as number);
      }
      for (const r of example.rules) for (let c = 0; c < C; c++) gradRule[r * C + c] = (gradRule[r * C + c] as number) + (g[c] as number);
      const g0 = (g[0] as number) * example.scale;
      const g1 = (g[1] as number) * example.scale;
      const g2 = (g[2] as number) * example.scale;
      for (let k = 0; k < list.length; k++) {
        const base = (list[k] as number) * C;
        gradNgram[base] = (gradNgram[base] as number) + g0;
        gradNgram[base + 1] = (gradNgram[base + 1] as number) + g1;
        gradNgram[base + 2] = (gradNgram[base + 2] as number) + g2;
      }
    }
    for (let i = 0; i < gradRule.length; i++) gradRule[i] = (gradRule[i] as number) + HYPER.l2Rule * (params.rule[i] as number);
    adamStep(params.bias, gradBias, adam.bias, epoch, null);
    adamStep(params.rule, gradRule, adam.rule, epoch, null);
    for (const b of activeBuckets) {
      for (let c = 0; c < C; c++) {
        const i = b * C + c;
        gradNgram[i] = (gradNgram[i] as number) + HYPER.l2Ngram * (params.ngram[i] as number);
      }
    }
    adamStep(params.ngram, gradNgram, adam.ngram, epoch, activeBuckets);
  }
  return params;
}

function adamStep(values: Float64Array, grad: Float64Array, moments: readonly [Float64Array, Float64Array], t: number, active: Int32Array | null): void {
  const [m, v] = moments;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const correction1 = 1 - beta1 ** t;
  const correction2 = 1 - beta2 ** t;
  const update = (i: number): void => {
    const gi = grad[i] as number;
    m[i] = beta1 * (m[i] as number) + (1 - beta1) * gi;
    v[i] = beta2 * (v[i] as number) + (1 - beta2) * gi * gi;
    values[i] = (values[i] as number) - (HYPER.learningRate * ((m[i] as number) / correction1)) / (Math.sqrt((v[i] as number) / correction2) + 1e-8);
  };
  if (active === null) {
    for (let i = 0; i < values.length; i++) update(i);
  } else {
    for (const b of active) for (let c = 0; c < C; c++) update(b * C + c);
  }
}

function predict(params: Params, example: Example): number[] {
  const out: number[] = [];
  for (let c = 0; c < C; c++) {
    let z = params.bias[c] as number;
    for (const r of example.rules) z += params.rule[r * C + c] as number;
    let s = 0;
    for (const b of example.buckets) s += params.ngram[b * C + c] as number;
    out.push(1 / (1 + Math.exp(-(z + s * example.scale))));
  }
  return out;
}

/** The smallest threshold ≥ floor whose benign false-positive rate is ≤ the target. */
function calibrate(scores: number[][], examples: readonly Example[]): ThresholdTable {
  const benign = examples.map((e, i) => [e, scores[i] as number[]] as const).filter(([e]) => e.label === "benign");
  const table = {} as ThresholdTable;
  for (const [policy, { fpr, floor }] of Object.entries(CALIBRATION) as Array<[keyof ThresholdTable, { fpr: number; floor: number }]>) {
    const row = {} as Record<ModelCategory, number>;
    MODEL_CATEGORIES.forEach((category, c) => {
      const sorted = benign.map(([, s]) => s[c] as number).sort((a, b) => b - a);
      const allowed = Math.floor(fpr * sorted.length);
      const atLimit = sorted[allowed] ?? 0;
      row[category] = Math.round(Math.min(0.99, Math.max(floor, atLimit + 1e-6)) * 1e4) / 1e4;
    });
    table[policy] = row;
  }
  return table;
}

function report(name: string, scores: number[][], examples: readonly Example[], thresholds: ThresholdTable): void {
  for (const policy of ["strict", "balanced", "permissive"] as const) {
    const counts = new Map<string, [number, number]>();
    examples.forEach((e, i) => {
      const s = scores[i] as number[];
      const hit = MODEL_CATEGORIES.some((category, c) => (s[c] as number) >= thresholds[policy][category]);
      const key = e.label === "benign" ? (e.hardBenign ? "hard_benign" : "benign") : e.label;
      const entry = counts.get(key) ?? [0, 0];
      entry[0] += hit ? 1 : 0;
      entry[1] += 1;
      counts.set(key, entry);
    });
    const parts = [...counts].map(([k, [hit, n]]) => `${k} ${((100 * hit) / n).toFixed(1)}% (${hit}/${n})`);
    console.log(`${name} ${policy.padEnd(10)} model-only: ${parts.join(", ")}`);
  }
}

/** Threshold-free summary for sweeps: attack recall when the corpus benign FPR is held at 1%, 3%. */
function reportOperatingPoints(scores: number[][], examples: readonly Example[]): void {
  const top = (i: number): number => Math.max(...(scores[i] as number[]));
  const benign: number[] = [];
  const attacks: number[] = [];
  examples.forEach((e, i) => {
    if (e.id.startsWith("augment-")) return;
    (e.label === "benign" ? benign : attacks).push(top(i));
  });
  benign.sort((a, b) => b - a);
  const parts = [0.01, 0.03, 0.05].map((fpr) => {
    const cut = benign[Math.floor(fpr * benign.length)] ?? 1;
    const recall = attacks.filter((s) => s > cut).length / attacks.length;
    return `recall@${fpr * 100}%FPR=${(100 * recall).toFixed(1)}%`;
  });
  console.log(`cv operating points (model only): ${parts.join("  ")}`);
}

function encodeInt16(values: Float64Array, c: number): { scale: number; data: string } {
  let max = 0;
  for (let b = 0; b < BUCKETS; b++) max = Math.max(max, Math.abs(values[b * C + c] as number));
  const scale = max > 0 ? max / 32767 : 1;
  const bytes = Buffer.alloc(BUCKETS * 2);
  for (let b = 0; b < BUCKETS; b++) bytes.writeInt16LE(Math.round((values[b * C + c] as number) / scale), b * 2);
  return { scale: Number(scale.toPrecision(8)), data: bytes.toString("base64") };
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * Benign background text (see src/security/training/benign-augmentation.ts for why). The documents
 * are paragraphs of the dependency documentation in node_modules, pinned by the lockfile, so the
 * set is stable from one run to the next.
 */
async function augmentationRows(): Promise<CorpusRow[]> {
  const files: string[] = [];
  for await (const path of new Bun.Glob("node_modules/**/*.md").scan({ cwd: ROOT, onlyFiles: true })) files.push(path);
  files.sort();
  const chunks: string[] = [];
  for (const path of files) {
    const text = await Bun.file(resolve(ROOT, path)).text();
    let chunk = "";
    for (const paragraph of text.split(/\n\s*\n/)) {
      chunk = chunk === "" ? paragraph : `${chunk}\n\n${paragraph}`;
      if (chunk.length >= 300) {
        if (chunk.length <= 3000) chunks.push(chunk.trim());
        chunk = "";
      }
    }
  }
  const step = Math.max(1, Math.floor(chunks.length / AUGMENT_DOCS));
  const rows: CorpusRow[] = [];
  for (let i = 0, k = 0; i < chunks.length && rows.length < AUGMENT_DOCS; i += step, k++) {
    const template = TASK_TEMPLATES[k % TASK_TEMPLATES.length] as string;
    rows.push({ id: `augment-doc-${k}`, text: template.replace("{doc}", chunks[i] as string), label: "benign", hard_benign: false });
  }
  for (const [k, text] of STANDALONE_PROMPTS.entries()) rows.push({ id: `augment-prompt-${k}`, text, label: "benign", hard_benign: false });
  for (const [k, doc] of PROSE_DOCUMENTS.entries()) {
    for (const t of [0, 1]) {
      const template = PROSE_TEMPLATES[(2 * k + t) % PROSE_TEMPLATES.length] as string;
      rows.push({ id: `augment-prose-${2 * k + t}`, text: template.replace("{doc}", doc), label: "benign", hard_benign: false });
    }
  }
  return rows;
}

const AUGMENT_DOCS = 600;

function toWeightsFile(params: Params, thresholds: ThresholdTable, meta: Record<string, unknown>): WeightsFile {
  const rules: Record<string, number[]> = {};
  for (let r = 0; r < MODEL_FEATURE_COUNT; r++) {
    const weights = [0, 1, 2].map((c) => round(params.rule[r * C + c] as number));
    if (weights.some((w) => w !== 0)) rules[(RULES[r] as { id: string }).id] = weights;
  }
  return {
    format: 1,
    ngramBits: NGRAM_BITS,
    categories: [...MODEL_CATEGORIES],
    bias: [0, 1, 2].map((c) => round(params.bias[c] as number)),
    rules,
    ngrams: [0, 1, 2].map((c) => encodeInt16(params.ngram, c)),
    thresholds,
    meta,
  };
}

/**
 * The whole scanner (rules, decoders and the fold's quantised model, with the calibrated
 * thresholds) on each row of the fit half that its fold's model did not see. This is the
 * development measure: it uses the fit half only, so the validation half stays untouched.
 * `measureOnly` rows (fit-half self-instruct) are scored by the model of the fold their id hashes
 * to; none of them is ever fitted on. They are measured, never used for calibration.
 */
function pipelineReport(examples: readonly Example[], texts: readonly string[], measureOnly: readonly CorpusRow[], folds: readonly WeightsFile[], thresholds: ThresholdTable, foldOf: (id: string) => number): void {
  const scanners = folds.map((file) => createScanner(loadModel({ ...file, thresholds })));
  const rows: Array<{ id: string; label: string; group: string; text: string }> = [];
  examples.forEach((e, i) => {
    const group = e.label !== "benign" ? e.label : e.id.startsWith("augment-") ? "benign (augment)" : e.hardBenign ? "benign (hard)" : "benign (plain)";
    rows.push({ id: e.id, label: e.label, group, text: texts[i] as string });
  });
  for (const r of measureOnly) rows.push({ id: r.id, label: r.label, group: r.hard_benign ? "benign (hard)" : "selfinstruct (measure only)", text: r.text });
  const groups = ["injection", "jailbreak", "extraction", "attacks (combined)", "benign (plain)", "benign (hard)", "selfinstruct (measure only)", "benign (augment)"];
  const policies = ["strict", "balanced", "permissive"] as const;
  const counts = new Map<string, [number, number]>();
  const misses: string[] = [];
  for (const policy of policies) {
    for (const row of rows) {
      const result = (scanners[foldOf(row.id)] as ReturnType<typeof createScanner>)([row.text], policy);
      const positive = result.action !== "allow";
      const keys = [row.group, `slice:${idPrefix(row.id)}|${row.label}`];
      if (row.label !== "benign") keys.push("attacks (combined)");
      for (const key of keys) {
        const entry = counts.get(`${policy}|${key}`) ?? [0, 0];
        entry[0] += positive ? 1 : 0;
        entry[1] += 1;
        counts.set(`${policy}|${key}`, entry);
      }
      if (policy === "balanced" && process.env.SECURITY_SHOW_ERRORS === "1" && (positive === (row.label === "benign"))) {
        misses.push(`${positive ? "FP" : "FN"} ${row.id} ${JSON.stringify(row.text.slice(0, 300))}`);
      }
    }
  }
  const cell = (policy: string, key: string): string => {
    const [k, n] = counts.get(`${policy}|${key}`) ?? [0, 0];
    if (n === 0) return "n/a".padEnd(28);
    const [lo, hi] = wilson(k, n);
    return `${((100 * k) / n).toFixed(1)}% [${(100 * lo).toFixed(0)}–${(100 * hi).toFixed(0)}] ${k}/${n}`.padEnd(28);
  };
  console.log(`\ncv full pipeline (out-of-fold, fit half only)${"".padEnd(4)}${policies.map((p) => p.padEnd(28)).join("")}`);
  for (const group of groups) console.log(`${group.padEnd(50)}${policies.map((p) => cell(p, group)).join("")}`);
  const slices = [...new Set([...counts.keys()].filter((k) => k.includes("|slice:")).map((k) => k.slice(k.indexOf("|") + 1)))].sort();
  for (const slice of slices) console.log(`  ${slice.slice(6).padEnd(48)}${policies.map((p) => cell(p, slice)).join("")}`);
  for (const line of misses) console.log(line);
}

async function main(): Promise<void> {
  const rows = parseCorpus(await Bun.file(CORPUS).text());
  // SECURITY_DEV_HALF=1 fits on half of the fit half only, to inspect errors on the other half
  // while iterating on rules; never use it for the committed weights.
  const devHalf = process.env.SECURITY_DEV_HALF === "1";
  const fitRows = rows.filter((r) => splitOf(r.id) === "fit" && mayFitOn(r.id) && (!devHalf || idHash(`dev:${r.id}`) % 2 === 0));
  const augment = await augmentationRows();
  const started = performance.now();
  const texts = [...fitRows, ...augment].map((r) => r.text);
  const examples = [...fitRows, ...augment].map(featurise);
  console.log(`augmentation rows: ${augment.length}`);
  console.log(`fit rows: ${examples.length} (featurised in ${(performance.now() - started).toFixed(0)} ms)`);

  // Out-of-fold scores for threshold calibration; folds by a second hash so they differ from the split.
  const foldOf = (id: string): number => idHash(`fold:${id}`) % HYPER.folds;
  const oof: number[][] = examples.map(() => []);
  const foldFiles: WeightsFile[] = [];
  for (let fold = 0; fold < HYPER.folds; fold++) {
    const params = train(examples.filter((e) => foldOf(e.id) !== fold));
    examples.forEach((e, i) => { if (foldOf(e.id) === fold) oof[i] = predict(params, e); });
    foldFiles.push(toWeightsFile(params, PLACEHOLDER_THRESHOLDS, {}));
    console.log(`fold ${fold + 1}/${HYPER.folds} done (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const thresholds = calibrate(oof, examples);
  console.log("thresholds", JSON.stringify(thresholds));
  report("cv", oof, examples, thresholds);
  reportOperatingPoints(oof, examples);
  const measureOnly = rows.filter((r) => splitOf(r.id) === "fit" && !mayFitOn(r.id));
  pipelineReport(examples, texts, measureOnly, foldFiles, thresholds, foldOf);
  if (process.argv.includes("--cv-only")) return;

  const params = train(examples);
  const file = toWeightsFile(params, thresholds, { fitRows: examples.length, hyper: HYPER, calibration: CALIBRATION, split: "sha256(id) first 32 bits even", excluded: "selfinstruct-*" });
  await Bun.write(OUTPUT, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${OUTPUT} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

await main();
