// Helpers shared by the training and evaluation scripts. Pure: the scripts do the file reading.

import { createHash } from "node:crypto";

export type CorpusLabel = "injection" | "jailbreak" | "extraction" | "benign";

export interface CorpusRow {
  id: string;
  text: string;
  label: CorpusLabel;
  hard_benign: boolean;
}

/**
 * First 32 bits of SHA-256 of the id: stable, needs no random state, and every bit is well mixed
 * (FNV-1a's lowest bit is only the parity of the characters, a poor even/odd split).
 */
export function idHash(id: string): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0);
}

/** Even hash → fit half, odd → validation half. */
export function splitOf(id: string): "fit" | "validation" {
  return idHash(id) % 2 === 0 ? "fit" : "validation";
}

/** The self-instruct rows may be measured but never fitted on (their authors' condition). */
export function mayFitOn(id: string): boolean {
  return !id.startsWith("selfinstruct-");
}

/** Sub-source of a row, for slicing results: the id without its trailing number/type. */
export function idPrefix(id: string): string {
  if (id.startsWith("xstest-")) return "xstest";
  if (id.startsWith("mtbench-")) return "mtbench";
  if (id.startsWith("vicunabench-")) return "vicunabench";
  if (id.startsWith("garak-dan-")) return "garak-dan";
  if (id.startsWith("garak-sysprompt-")) return "garak-sysprompt";
  const cut = id.lastIndexOf("-");
  return cut > 0 ? id.slice(0, cut) : id;
}

/** Wilson score interval for k successes out of n, 95% by default. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** " 12.3% [8.1–17.6] (12/98)": a share with its Wilson interval, the bounds to `digits` decimals. */
export function formatShare(k: number, n: number, digits = 1): string {
  if (n === 0) return "   n/a";
  const [lo, hi] = wilson(k, n);
  return `${((100 * k) / n).toFixed(1).padStart(5)}% [${(100 * lo).toFixed(digits)}–${(100 * hi).toFixed(digits)}] (${k}/${n})`;
}

/** One JSON value per non-blank line. */
export function parseJsonLines(jsonl: string): unknown[] {
  return jsonl.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as unknown);
}

export function parseCorpus(jsonl: string): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (const value of parseJsonLines(jsonl)) {
    if (typeof value !== "object" || value === null) continue;
    const record = value as Record<string, unknown>;
    const label = record.label;
    if (typeof record.id !== "string" || typeof record.text !== "string") continue;
    if (label !== "injection" && label !== "jailbreak" && label !== "extraction" && label !== "benign") continue;
    rows.push({ id: record.id, text: record.text, label, hard_benign: record.hard_benign === true });
  }
  return rows;
}
