// Shared helpers for the scanner's unit tests.

import { scanMessages } from "./scanner.ts";
import type { PolicyName, ScanResult, SecurityCategory } from "./types.ts";

export function scan(text: string, policy: PolicyName = "balanced"): ScanResult {
  return scanMessages([text], policy);
}

export function categories(result: ScanResult): SecurityCategory[] {
  return result.findings.map((f) => f.category);
}

export function ruleIds(result: ScanResult): string[] {
  return result.findings.flatMap((f) => f.rules);
}

/** Unicode tag characters (U+E0000 block) spelling `ascii`: invisible, but models read them. */
export function toTagChars(ascii: string): string {
  return [...ascii].map((ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join("");
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (ch) => {
    const base = ch <= "Z" ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}
