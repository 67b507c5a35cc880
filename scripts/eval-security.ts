// Measures the prompt scanner on the validation half of the security corpus.
//
//   bun run eval:security            (SECURITY_CORPUS overrides the corpus path)
//   bun scripts/eval-security.ts --split=fit   (the half the model was fitted on, for comparison)
//
// For each policy: share caught per attack label and combined, share flagged of plain and hard
// benign prompts, with Wilson 95% intervals, then the same sliced by id prefix. Ends with the scan
// speed in µs per KB over the whole corpus.

import { resolve } from "node:path";
import { formatShare, idPrefix, parseCorpus, splitOf, type CorpusRow } from "../src/security/evaluation.ts";
import { scanMessages, type PolicyName } from "../src/security/index.ts";

const ROOT = resolve(import.meta.dir, "..");
const CORPUS = resolve(ROOT, process.env.SECURITY_CORPUS ?? "../shared/security-corpus/corpus.jsonl");
const SPLIT = process.argv.find((a) => a.startsWith("--split="))?.slice("--split=".length) ?? "validation";
const POLICIES: PolicyName[] = ["strict", "balanced", "permissive"];
const ATTACKS = ["injection", "jailbreak", "extraction"] as const;

type Group = "injection" | "jailbreak" | "extraction" | "attacks (combined)" | "benign (plain)" | "benign (hard)";

function groupsOf(row: CorpusRow): Group[] {
  if (row.label === "benign") return [row.hard_benign ? "benign (hard)" : "benign (plain)"];
  return [row.label, "attacks (combined)"];
}

function evaluate(rows: readonly CorpusRow[], policy: PolicyName): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  const add = (key: string, positive: boolean): void => {
    const entry = counts.get(key) ?? [0, 0];
    entry[0] += positive ? 1 : 0;
    entry[1] += 1;
    counts.set(key, entry);
  };
  for (const row of rows) {
    const positive = scanMessages([row.text], policy).action !== "allow";
    for (const group of groupsOf(row)) add(`group:${group}`, positive);
    add(`slice:${idPrefix(row.id)}|${row.label}${row.hard_benign ? " (hard)" : ""}`, positive);
  }
  return counts;
}

/**
 * Scan speed over the whole corpus under the balanced policy. The machine is shared, so several
 * rounds are timed and both the best and the median round are reported.
 */
function measureSpeed(texts: readonly string[][], kb: number): { bestUsPerKb: number; medianUsPerKb: number; p99Us: number } {
  for (let i = 0; i < 3; i++) for (const t of texts) scanMessages(t, "balanced");
  const rounds: number[] = [];
  const perCall: number[] = [];
  for (let round = 0; round < 9; round++) {
    const started = performance.now();
    for (const t of texts) {
      const t0 = performance.now();
      scanMessages(t, "balanced");
      perCall.push(performance.now() - t0);
    }
    rounds.push(((performance.now() - started) * 1000) / kb);
  }
  rounds.sort((a, b) => a - b);
  perCall.sort((a, b) => a - b);
  return {
    bestUsPerKb: rounds[0] ?? 0,
    medianUsPerKb: rounds[Math.floor(rounds.length / 2)] ?? 0,
    p99Us: (perCall[Math.floor(perCall.length * 0.99)] ?? 0) * 1000,
  };
}

/**
 * The same scans with warm caches: each prompt is scanned twice in a row and only the second scan is
 * timed. The gap to measureSpeed is what meeting each prompt's automaton rows, weight-table lines and
 * text for the first time costs (docs/security.md, "Speed, the same session" under "Everyday instructions").
 */
function measureWarmSpeed(texts: readonly string[][], kb: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    let spent = 0;
    for (const t of texts) {
      scanMessages(t, "balanced");
      const t0 = performance.now();
      scanMessages(t, "balanced");
      spent += performance.now() - t0;
    }
    best = Math.min(best, (spent * 1000) / kb);
  }
  return best;
}

async function main(): Promise<void> {
  const all = parseCorpus(await Bun.file(CORPUS).text());
  const rows = all.filter((r) => splitOf(r.id) === SPLIT);
  console.log(`corpus ${CORPUS}\nsplit: ${SPLIT} half, ${rows.length} rows (self-instruct rows are measured here, never fitted)\n`);
  const groups: Group[] = [...ATTACKS, "attacks (combined)", "benign (plain)", "benign (hard)"];
  const results = new Map(POLICIES.map((p) => [p, evaluate(rows, p)] as const));

  console.log("share flagged or blocked, Wilson 95% interval:");
  console.log(`${"".padEnd(20)}${POLICIES.map((p) => p.padEnd(36)).join("")}`);
  for (const group of groups) {
    const cells = POLICIES.map((p) => {
      const [k, n] = results.get(p)?.get(`group:${group}`) ?? [0, 0];
      return formatShare(k, n).padEnd(36);
    });
    console.log(`${group.padEnd(20)}${cells.join("")}`);
  }

  console.log("\nby id prefix:");
  const slices = [...(results.get("balanced")?.keys() ?? [])].filter((k) => k.startsWith("slice:")).sort();
  for (const slice of slices) {
    const cells = POLICIES.map((p) => {
      const [k, n] = results.get(p)?.get(slice) ?? [0, 0];
      return formatShare(k, n).padEnd(36);
    });
    console.log(`${slice.slice(6).padEnd(44)}${cells.join("")}`);
  }

  const texts = all.map((r) => [r.text]);
  const kb = all.reduce((n, r) => n + Buffer.byteLength(r.text, "utf8"), 0) / 1024;
  const speed = measureSpeed(texts, kb);
  console.log(`\nspeed (balanced, whole corpus, ${all.length} prompts, ${kb.toFixed(0)} KB): best round ${speed.bestUsPerKb.toFixed(2)} µs/KB, median round ${speed.medianUsPerKb.toFixed(2)} µs/KB, p99 ${speed.p99Us.toFixed(0)} µs per prompt`);
  console.log(`speed with warm caches (each prompt timed when scanned a second time in a row): best round ${measureWarmSpeed(texts, kb).toFixed(2)} µs/KB`);
  // Parsed from JSON, as a request body's text arrives: a string built by repeat() is a rope, and its
  // first slice would spend ≈ 10–20 ms on this 2-core machine joining 5.6 MB that a parsed body never costs.
  const huge = JSON.parse(JSON.stringify("ignore ".repeat(800_000))) as string;
  const t0 = performance.now();
  const result = scanMessages([huge], "balanced");
  console.log(`5.6 MB prompt: ${(performance.now() - t0).toFixed(2)} ms, truncated=${result.truncated}, action=${result.action}`);
}

await main();
