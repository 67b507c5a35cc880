// Where a corpus scan's first-time cost goes: the prompt scanner timed over the security corpus
// (balanced) in four states of the machine, side by side in one run.
//
//   bun bench/security-cold.ts            (SECURITY_CORPUS overrides the corpus path)
//
// - first:      each prompt scanned after the previous one, as `bun run eval:security` times it;
// - again:      each prompt scanned twice in a row, the second scan timed (caches and branch history warm);
// - walked:     each prompt scanned, then a memory walk of WALK_MB (default 4 MB, over the 1 MB L2 of the
//               2-core machines) evicts its data from the core's caches, then the timed scan: caches cold,
//               the branch history of this very text still trained;
// - far walk:   the same with a 32 MB walk, past the shared L3 as well (memory-bound, for scale).
// A walk evicts data but leaves the branch history of the text trained: where "walked" reaches "first" as
// WALK_MB grows, a first scan's extra cost is data fetched again from further out (on the 2026-11-29 Zen 5
// machine: 1-4 MB walks cost little, 8 MB as much as a first scan; docs/security.md, "Damaged binary
// carriers").
import { resolve } from "node:path";
import { parseCorpus } from "../src/security/evaluation.ts";
import { scanMessages } from "../src/security/index.ts";

const CORPUS = resolve(import.meta.dir, "..", process.env.SECURITY_CORPUS ?? "../shared/security-corpus/corpus.jsonl");
const WALK_MB = Number(process.env.WALK_MB ?? 4);
const ROUNDS = 3;

const texts = parseCorpus(await Bun.file(CORPUS).text()).map((row) => [row.text]);
const kb = texts.reduce((sum, [text]) => sum + Buffer.byteLength(text as string, "utf8"), 0) / 1024;

/** One load per 64-byte line of a buffer larger than the caches to be emptied. */
const walkBuffer = new Int32Array((32 << 20) / 4).map((_, i) => i);
let walkSink = 0;
function walk(megabytes: number): void {
  const end = Math.min(walkBuffer.length, (megabytes << 20) / 4);
  let sum = 0;
  for (let i = 0; i < end; i += 16) sum += walkBuffer[i] as number;
  walkSink += sum;
}

/** Best of ROUNDS rounds, µs per KB of the timed scans only. */
function timed(before: (text: string[]) => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    let spent = 0;
    for (const text of texts) {
      before(text);
      const started = performance.now();
      scanMessages(text, "balanced");
      spent += performance.now() - started;
    }
    best = Math.min(best, (spent * 1000) / kb);
  }
  return best;
}

for (let i = 0; i < 3; i++) for (const text of texts) scanMessages(text, "balanced");
const states: Array<[string, (text: string[]) => void]> = [
  ["first", () => {}],
  ["again", (text) => scanMessages(text, "balanced")],
  [`walked (${WALK_MB} MB)`, (text) => { scanMessages(text, "balanced"); walk(WALK_MB); }],
  ["far walk (32 MB)", (text) => { scanMessages(text, "balanced"); walk(32); }],
];
console.log(`${texts.length} prompts, ${kb.toFixed(0)} KB, balanced; best of ${ROUNDS} rounds, two passes`);
for (let pass = 0; pass < 2; pass++) {
  console.log(states.map(([name, before]) => `${name} ${timed(before).toFixed(1)}`).join(" | "), "µs/KB");
}
if (walkSink === 0) console.log("");
