// Per-prompt decisions and head scores of the scanner, for comparing two versions of it row by row.
//
//   bun scripts/security-decisions.ts --out=before.tsv      (then change rules or weights)
//   bun scripts/security-decisions.ts --out=after.tsv
//   bun scripts/security-decisions.ts --compare before.tsv after.tsv [--policy=strict] [--list]
//
// The first form scans, under strict, balanced and permissive, every prompt of the corpus (both halves),
// of the read held-out sets (src/security/heldout/) and of the hand-written training files
// (src/security/training/*.jsonl), and writes one tab-separated line per prompt: set (fit, val, heldout,
// training), id, label, hard (1 for hard benign), the three actions, then the balanced scan's model scores
// (injection, jailbreak, extraction) and attack-head score. The unread probes (heldout-unread/) are left
// out: they are scanned once, for a decision written down before (docs/security.md, "Measuring").
// The second form counts the prompts whose decision (flagged or blocked, against allowed) differs, by set,
// group (attack, plain, hard) and direction; --list prints them with their scores.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCorpus, parseJsonLines, splitOf } from "../src/security/evaluation.ts";
import { scanWithScores } from "../src/security/scanner.ts";
import type { PolicyName } from "../src/security/types.ts";

const ROOT = resolve(import.meta.dir, "..");
const CORPUS = resolve(ROOT, process.env.SECURITY_CORPUS ?? "../shared/security-corpus/corpus.jsonl");
const POLICIES = ["strict", "balanced", "permissive"] as const;

interface Prompt {
  readonly set: "fit" | "val" | "heldout" | "training";
  readonly id: string;
  readonly label: string;
  readonly hard: boolean;
  readonly text: string;
}

interface Decision {
  readonly set: string;
  readonly id: string;
  readonly label: string;
  readonly hard: boolean;
  readonly actions: Readonly<Record<(typeof POLICIES)[number], string>>;
  readonly scores: readonly number[];
}

function jsonlPrompts(dir: string, set: Prompt["set"]): Prompt[] {
  const prompts: Prompt[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort()) {
    for (const record of parseJsonLines(readFileSync(resolve(dir, name), "utf8")) as Array<Record<string, unknown>>) {
      if (typeof record.text !== "string") continue;
      // Files of one kind (benign-everyday.jsonl, lookalikes-2026-11-28.jsonl, ...) carry no label: all benign.
      const label = typeof record.label === "string" ? record.label : "benign";
      const hard = record.hard === true || record.hard_benign === true;
      prompts.push({ set, id: `${name}:${String(record.id ?? prompts.length)}`, label, hard, text: record.text });
    }
  }
  return prompts;
}

function allPrompts(): Prompt[] {
  const corpus = parseCorpus(readFileSync(CORPUS, "utf8")).map((row): Prompt => ({
    set: splitOf(row.id) === "fit" ? "fit" : "val",
    id: row.id,
    label: row.label,
    hard: row.hard_benign,
    text: row.text,
  }));
  return [
    ...corpus,
    ...jsonlPrompts(resolve(ROOT, "src/security/heldout"), "heldout"),
    ...jsonlPrompts(resolve(ROOT, "src/security/training"), "training"),
  ];
}

function decide(prompt: Prompt): Decision {
  const actions = { strict: "", balanced: "", permissive: "" };
  let scores: number[] = [];
  for (const policy of POLICIES) {
    const scored = scanWithScores([prompt.text], policy as PolicyName);
    actions[policy] = scored.result.action;
    if (policy === "balanced") scores = [...scored.model, scored.attack];
  }
  return { set: prompt.set, id: prompt.id, label: prompt.label, hard: prompt.hard, actions, scores };
}

function toLine(d: Decision): string {
  const clean = (s: string): string => s.replace(/[\t\n]/g, " ");
  return [d.set, clean(d.id), d.label, d.hard ? 1 : 0, d.actions.strict, d.actions.balanced, d.actions.permissive, ...d.scores.map((s) => s.toFixed(4))].join("\t");
}

function fromLine(line: string): Decision {
  const [set, id, label, hard, strict, balanced, permissive, ...scores] = line.split("\t") as string[];
  return {
    set: set as string,
    id: id as string,
    label: label as string,
    hard: hard === "1",
    actions: { strict: strict as string, balanced: balanced as string, permissive: permissive as string },
    scores: scores.map(Number),
  };
}

function groupOf(d: Decision): string {
  if (d.label !== "benign") return "attack";
  return d.hard ? "hard" : "plain";
}

function read(path: string): Map<string, Decision> {
  const rows = new Map<string, Decision>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.length === 0) continue;
    const d = fromLine(line);
    rows.set(`${d.set}\t${d.id}`, d);
  }
  return rows;
}

function compare(beforePath: string, afterPath: string, policy: (typeof POLICIES)[number], list: boolean): void {
  const before = read(beforePath);
  const after = read(afterPath);
  const counts = new Map<string, number>();
  const totals = new Map<string, [number, number]>();
  const scoreText = (d: Decision): string => d.scores.map((s) => s.toFixed(3)).join(" ");
  for (const [key, a] of before) {
    const b = after.get(key);
    if (b === undefined) continue;
    const group = `${a.set} ${groupOf(a)}`;
    const total = totals.get(group) ?? [0, 0];
    total[0] += a.actions[policy] !== "allow" ? 1 : 0;
    total[1] += b.actions[policy] !== "allow" ? 1 : 0;
    totals.set(group, total);
    const was = a.actions[policy] !== "allow";
    const is = b.actions[policy] !== "allow";
    if (was === is) continue;
    const flip = `${group} ${is ? "+" : "-"}`;
    counts.set(flip, (counts.get(flip) ?? 0) + 1);
    if (list) console.log(`${is ? "+" : "-"} ${group.padEnd(17)} ${a.id.padEnd(48)} ${scoreText(a)} -> ${scoreText(b)}`);
  }
  console.log(`\n${policy}: flagged or blocked, before -> after (scores: injection jailbreak extraction attack, under balanced)`);
  for (const [group, [was, is]] of [...totals].sort()) {
    const gained = counts.get(`${group} +`) ?? 0;
    const lost = counts.get(`${group} -`) ?? 0;
    console.log(`${group.padEnd(17)} ${String(was).padStart(6)} -> ${String(is).padStart(6)}   (+${gained} -${lost})`);
  }
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
if (args[0] === "--compare") {
  const [beforePath, afterPath] = args.slice(1, 3);
  if (beforePath === undefined || afterPath === undefined) throw new Error("usage: --compare BEFORE.tsv AFTER.tsv [--policy=balanced] [--list]");
  const policy = (option("policy") ?? "balanced") as (typeof POLICIES)[number];
  if (!POLICIES.includes(policy)) throw new Error(`--policy must be one of ${POLICIES.join(", ")}`);
  compare(beforePath, afterPath, policy, args.includes("--list"));
} else {
  const out = option("out");
  if (out === undefined) throw new Error("usage: --out=FILE.tsv, or --compare BEFORE.tsv AFTER.tsv");
  const lines = allPrompts().map((p) => toLine(decide(p)));
  writeFileSync(out, `${lines.join("\n")}\n`);
  console.log(`${lines.length} prompts -> ${out}`);
}
