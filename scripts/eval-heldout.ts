// Measures the prompt scanner on the held-out hand-written sets in src/security/heldout/: prompts
// written for measuring only, outside the corpus, by writers who saw neither the corpus, the rules nor
// the training data. The committed weights are not fit on them (`SECURITY_HELDOUT=1` in the trainer adds
// the sets read before the seventh 2026-11-28 session, for experiments; not adopted): they are the estimate
// of how the scanner does on prompts it has never seen (docs/security.md, "Everyday prompts and the held-out
// set", "The held-out sets as training data").
//
//   bun run eval:heldout

import { resolve } from "node:path";
import { formatShare, parseJsonLines } from "../src/security/evaluation.ts";
import { scanMessages, type PolicyName } from "../src/security/index.ts";

interface HeldOutRow {
  id: string;
  label: "benign" | "injection" | "jailbreak" | "extraction";
  hard: boolean;
  lang: string;
  text: string;
}

const DIR = resolve(import.meta.dir, "../src/security/heldout");
const POLICIES: PolicyName[] = ["strict", "balanced", "permissive"];
const GROUPS = ["injection", "jailbreak", "extraction", "attacks (combined)", "benign (plain)", "benign (hard)", "benign, English", "benign, other languages"] as const;

function groupsOf(row: HeldOutRow): string[] {
  if (row.label !== "benign") return [row.label, "attacks (combined)"];
  return [row.hard ? "benign (hard)" : "benign (plain)", row.lang === "en" ? "benign, English" : "benign, other languages"];
}

for await (const name of new Bun.Glob("*.jsonl").scan({ cwd: DIR })) {
  const rows = parseJsonLines(await Bun.file(resolve(DIR, name)).text()) as HeldOutRow[];
  console.log(`\n${name}: ${rows.length} rows; share flagged or blocked, Wilson 95% interval`);
  console.log(`${"".padEnd(26)}${POLICIES.map((p) => p.padEnd(30)).join("")}`);
  const counts = new Map<string, [number, number]>();
  for (const policy of POLICIES) {
    for (const row of rows) {
      const caught = scanMessages([row.text], policy).action !== "allow";
      for (const group of groupsOf(row)) {
        const key = `${policy}|${group}`;
        const entry = counts.get(key) ?? [0, 0];
        entry[0] += caught ? 1 : 0;
        entry[1] += 1;
        counts.set(key, entry);
      }
    }
  }
  for (const group of GROUPS) {
    const cells = POLICIES.map((policy) => {
      const [k, n] = counts.get(`${policy}|${group}`) ?? [0, 0];
      return formatShare(k, n, 0).padEnd(30);
    });
    console.log(`${group.padEnd(26)}${cells.join("")}`);
  }
}
