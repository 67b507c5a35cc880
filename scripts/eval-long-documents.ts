// Measures the scanner on long documents with an attack buried in the middle (window scoring, see
// docs/security.md, "Long texts"). Deterministic: same corpus, code and weights, same output.
//
//   bun scripts/eval-long-documents.ts               (SECURITY_CORPUS overrides the corpus path)
//   bun scripts/eval-long-documents.ts --calibrate   (also: benign flag rate per window floor)
//   SECURITY_WEIGHTS=/tmp/candidate.json bun scripts/eval-long-documents.ts --calibrate   (another weights file)
//   bun scripts/eval-long-documents.ts --heldout     (also: the read held-out sets' attacks, buried)
//
// Payloads: fit-half attack rows only (labels injection / jailbreak / extraction, never
// `selfinstruct-*`, at most 1,000 characters so that they are buried, not the bulk of the text).
// The validation half is not read. Carriers: 4–8 KB documents built from the benign augmentation's
// everyday and prose documents (concatenated in a seeded order) and from this repository's own
// source files outside src/security (code). Each payload goes into one carrier, at the paragraph
// break nearest the middle. Texts this long are scored by the model only through their windows:
// "before" is the scanner with every window below its floor (floors above 1), i.e. keyword rules,
// detectors and decoders without the model; "after" is the shipped scanner.
//
// The fit-half payloads are training rows of every candidate, and the committed weights were chosen
// with this script, so their buried figure flatters them against any retrained candidate. --heldout
// also buries, in the same carriers, the attacks of the held-out sets already read (src/security/heldout,
// at most 1,000 characters; no weights file is trained on them), which measures window scoring on
// attacks that neither the committed weights nor a candidate has seen.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { mayFitOn, parseCorpus, splitOf, type CorpusRow } from "../src/security/evaluation.ts";
import { loadModel, type WeightsFile } from "../src/security/model.ts";
import weightsJson from "../src/security/model/weights.json";
import { createScanner, WINDOW_FLOORS } from "../src/security/scanner.ts";
import { EVERYDAY_DOCUMENTS, PROSE_DOCUMENTS } from "../src/security/training/benign-augmentation.ts";
import type { PolicyName } from "../src/security/types.ts";
import { CALIBRATION_EVERY, longDependencyFiles } from "./dependency-texts.ts";

const ROOT = resolve(import.meta.dir, "..");
const CORPUS = resolve(ROOT, process.env.SECURITY_CORPUS ?? "../shared/security-corpus/corpus.jsonl");
const POLICIES = ["strict", "balanced", "permissive"] as const;
type Policy = (typeof POLICIES)[number];
const MAX_PAYLOAD = 1000;
const PROSE_CARRIERS = 40;
/** SECURITY_WEIGHTS=<path> measures another weights file (a candidate) instead of the committed one. */
const model = loadModel((process.env.SECURITY_WEIGHTS ? JSON.parse(readFileSync(process.env.SECURITY_WEIGHTS, "utf8")) : weightsJson) as unknown as WeightsFile);
const OFF = { strict: { categories: 2, attack: 2 }, balanced: { categories: 2, attack: 2 }, permissive: { categories: 2, attack: 2 } };
const before = createScanner(model, OFF);
const after = createScanner(model, WINDOW_FLOORS);
/**
 * The keyword rules, detectors and decoders alone, for every text length: `before` still scores a text
 * of up to WHOLE_TEXT_MAX characters whole with the model, so choosing carrier documents with it made
 * the carriers (and the buried set) depend on the weights measured, and two candidates were compared
 * on different texts.
 */
const NEVER = { injection: 2, jailbreak: 2, extraction: 2 };
const rulesOnly = createScanner({ ...model, thresholds: { strict: NEVER, balanced: NEVER, permissive: NEVER }, attackThresholds: null }, OFF);
let excludedDocuments = 0;

/** mulberry32: a small seeded generator, so the carriers are the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Everyday and prose documents, concatenated in a seeded order until each carrier has 4–8 KB. Only
 * documents that strict's rules allow on their own are used (a few, e.g. release notes with
 * "--ignore-case … overrides … previous behaviour", already fire keyword rules: they would only
 * measure the rules). The model does not choose them, so every weights file is measured on the same
 * carriers.
 */
function proseCarriers(): string[] {
  const pool = [...EVERYDAY_DOCUMENTS, ...PROSE_DOCUMENTS].filter((doc) => rulesOnly([doc], "strict").action === "allow");
  excludedDocuments = EVERYDAY_DOCUMENTS.length + PROSE_DOCUMENTS.length - pool.length;
  const random = generator(20260127);
  const carriers: string[] = [];
  for (let c = 0; c < PROSE_CARRIERS; c++) {
    const target = 4096 + Math.floor(random() * 4096);
    const parts: string[] = [];
    let length = 0;
    const used = new Set<number>();
    while (length < target && used.size < pool.length) {
      const pick = Math.floor(random() * pool.length);
      if (used.has(pick)) continue;
      used.add(pick);
      const doc = pool[pick] as string;
      const room = 8192 - length - 2;
      if (doc.length > room) break;
      parts.push(doc);
      length += doc.length + 2;
    }
    carriers.push(parts.join("\n\n"));
  }
  return carriers;
}

/** This repository's TypeScript files outside src/security, cut at a line break to at most 8 KB; 4 KB and longer only. */
function codeCarriers(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (path !== join(ROOT, "src/security")) walk(path);
      } else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) files.push(path);
    }
  };
  walk(join(ROOT, "src"));
  const carriers: string[] = [];
  for (const path of files) {
    let text = readFileSync(path, "utf8");
    if (text.length > 8192) text = text.slice(0, text.lastIndexOf("\n", 8192));
    if (text.length >= 4096) carriers.push(text);
  }
  return carriers;
}

/**
 * Calibration texts for the window floors, apart from the carriers: the dependency documentation
 * (every README/CHANGELOG .md of 4 KB+) and every third type declaration file (.d.ts, 4 KB+) in
 * node_modules (pinned by the lockfile; dependency-texts.ts), each cut at a line break to at most 8 KB.
 */
function calibrationTexts(): string[] {
  const { md, dts } = longDependencyFiles(join(ROOT, "node_modules"));
  const texts: string[] = [];
  for (const path of [...md, ...dts.filter((_, i) => i % CALIBRATION_EVERY === 0)]) {
    let text = readFileSync(path, "utf8");
    if (text.length > 8192) text = text.slice(0, text.lastIndexOf("\n", 8192));
    if (text.length >= 4096) texts.push(text);
  }
  return texts;
}

const HELDOUT_DIR = join(ROOT, "src/security/heldout");

/** The attack rows of the read held-out sets (file order, then row order), at most MAX_PAYLOAD characters. */
function readHeldOutAttacks(): Array<{ text: string; lang: string }> {
  const rows: Array<{ text: string; lang: string }> = [];
  for (const name of readdirSync(HELDOUT_DIR).filter((n) => n.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(join(HELDOUT_DIR, name), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const row = JSON.parse(line) as { label?: string; text: string; lang?: string };
      if (row.label !== undefined && row.label !== "benign" && row.text.length <= MAX_PAYLOAD) rows.push({ text: row.text, lang: row.lang ?? "" });
    }
  }
  return rows;
}

/** The carrier with `payload` inserted at the paragraph (else line, else word) break nearest its middle. */
function bury(carrier: string, payload: string): string {
  const middle = carrier.length >> 1;
  for (const mark of ["\n\n", "\n", " "]) {
    const after = carrier.indexOf(mark, middle);
    const before = carrier.lastIndexOf(mark, middle);
    const candidates = [after, before].filter((i) => i >= 0);
    if (candidates.length === 0) continue;
    const at = candidates.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
    return `${carrier.slice(0, at)}\n\n${payload}\n\n${carrier.slice(at + mark.length)}`;
  }
  return `${carrier}\n\n${payload}`;
}


function rate(scan: (texts: readonly string[], policy: PolicyName) => { action: string }, texts: readonly string[], policy: Policy): number {
  let k = 0;
  for (const text of texts) if (scan([text], policy).action !== "allow") k++;
  return k;
}

function cell(k: number, n: number): string {
  return `${((100 * k) / n).toFixed(1).padStart(5)}% (${k}/${n})`;
}

async function main(): Promise<void> {
  const rows = parseCorpus(await Bun.file(CORPUS).text());
  const payloads = rows.filter((r: CorpusRow) => splitOf(r.id) === "fit" && mayFitOn(r.id) && r.label !== "benign" && r.text.length <= MAX_PAYLOAD);
  const prose = proseCarriers();
  const code = codeCarriers();
  const carriers = [...prose, ...code];
  const lengths = carriers.map((c) => c.length);
  console.log(`carriers: ${prose.length} prose (${excludedDocuments} documents strict flags alone left out), ${code.length} code, ${Math.min(...lengths)}–${Math.max(...lengths)} chars`);
  const counts = new Map<string, number>();
  for (const p of payloads) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
  console.log(`payloads: ${payloads.length} fit-half attack rows ≤ ${MAX_PAYLOAD} chars (${[...counts].map(([l, n]) => `${l} ${n}`).join(", ")})`);
  console.log(`window floors (categories / attack head; 0: the policy's thresholds): ${POLICIES.map((p) => `${p} ${WINDOW_FLOORS[p].categories} / ${WINDOW_FLOORS[p].attack}`).join(", ")}\n`);

  const buried = payloads.map((p, i) => ({ label: p.label, text: bury(carriers[i % carriers.length] as string, p.text) }));
  const alone = payloads.map((p) => p.text);
  console.log(`${"".padEnd(34)}${POLICIES.map((p) => `${p} before`.padEnd(18) + `${p} after`.padEnd(18)).join("")}`);
  const line = (name: string, texts: readonly string[]): void => {
    const cells = POLICIES.map((p) => cell(rate(before, texts, p), texts.length).padEnd(18) + cell(rate(after, texts, p), texts.length).padEnd(18));
    console.log(`${name.padEnd(34)}${cells.join("")}`);
  };
  line("payload alone (reference)", alone);
  line("buried, all attacks", buried.map((b) => b.text));
  for (const label of ["injection", "jailbreak", "extraction"]) line(`buried, ${label}`, buried.filter((b) => b.label === label).map((b) => b.text));
  // Only carriers the rules alone allow under the policy: a catch there is the payload's.
  const cleanCells = POLICIES.map((p) => {
    const clean = carriers.map((c) => before([c], p).action === "allow");
    const texts = buried.filter((_, i) => clean[i % carriers.length] === true).map((b) => b.text);
    return cell(rate(before, texts, p), texts.length).padEnd(18) + cell(rate(after, texts, p), texts.length).padEnd(18);
  });
  console.log(`${"buried, carrier allowed alone".padEnd(34)}${cleanCells.join("")}`);
  line("carriers without payload, prose", prose);
  line("carriers without payload, code", code);
  if (process.argv.includes("--heldout")) {
    const held = readHeldOutAttacks();
    const heldBuried = held.map((p, i) => bury(carriers[i % carriers.length] as string, p.text));
    console.log(`\nread held-out sets' attacks ≤ ${MAX_PAYLOAD} chars: ${held.length} (${held.filter((p) => p.lang === "en").length} English)`);
    line("held-out, buried", heldBuried);
    line("held-out English, buried", heldBuried.filter((_, i) => held[i]?.lang === "en"));
  }

  if (process.argv.includes("--calibrate")) {
    // Per policy and window floor for the category heads (the attack head's stays as shipped): long
    // benign calibration texts flagged only because of the model's windows, carriers flagged, buried
    // attacks caught.
    const calibration = calibrationTexts();
    const flaggedBefore = new Map(POLICIES.map((p) => [p, calibration.map((t) => before([t], p).action !== "allow")] as const));
    console.log(`\nwindow floor sweep: node_modules texts (${calibration.length}) flagged only with windows / carriers flagged / buried caught`);
    for (const floor of [0, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.95]) {
      const scan = createScanner(model, {
        strict: { categories: floor, attack: WINDOW_FLOORS.strict.attack },
        balanced: { categories: floor, attack: WINDOW_FLOORS.balanced.attack },
        permissive: { categories: floor, attack: WINDOW_FLOORS.permissive.attack },
      });
      const cells = POLICIES.map((p) => {
        const was = flaggedBefore.get(p) ?? [];
        const added = calibration.filter((t, i) => was[i] !== true && scan([t], p).action !== "allow").length;
        return `${p} ${added} ${rate(scan, carriers, p)}/${carriers.length} ${rate(scan, buried.map((b) => b.text), p)}/${buried.length}`.padEnd(30);
      });
      console.log(`floor ${floor.toFixed(2)}  ${cells.join("")}`);
    }
    console.log(`flagged by the rules alone: ${POLICIES.map((p) => `${p} ${(flaggedBefore.get(p) ?? []).filter(Boolean).length}`).join(", ")}`);
  }
}

await main();
