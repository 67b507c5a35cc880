// The dependencies' long documents and type declarations (node_modules, pinned by the lockfile), listed
// in one fixed order. The long-document gate (eval-long-documents.ts) measures benign flags on the .md
// files and every third .d.ts file; the training script may learn from the other .d.ts files, so the
// two never share a file.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Files under this size are not long documents. */
export const LONG_FILE_BYTES = 4096;

/** The gate measures every CALIBRATION_EVERY-th .d.ts file (index % CALIBRATION_EVERY === 0). */
export const CALIBRATION_EVERY = 3;

/** Paths of the .md and .d.ts files of LONG_FILE_BYTES or more under `dir`, directories walked in name order. */
export function longDependencyFiles(dir: string): { md: string[]; dts: string[] } {
  const md: string[] = [];
  const dts: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      if (name.startsWith(".")) continue;
      const path = join(at, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat === undefined) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.size >= LONG_FILE_BYTES && name.endsWith(".md")) md.push(path);
      else if (stat.size >= LONG_FILE_BYTES && name.endsWith(".d.ts")) dts.push(path);
    }
  };
  walk(dir);
  return { md, dts };
}
