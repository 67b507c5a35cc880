// Shared helpers for the scanner's unit tests.

import { expect } from "bun:test";
import { analyzeSegment } from "./analyzer.ts";
import { RULES } from "./ruleset.ts";
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

/** Whether the rule `id` fires on `text` (as a model feature or a decision rule, whatever the policy). */
export function fires(text: string, id: string): boolean {
  return analyzeSegment(text).fired.some((r) => (RULES[r] as { id: string }).id === id);
}

/** Expects `text` blocked under each of `policies` with the rule `id` among the findings' rules. */
export function expectBlockedBy(text: string, id: string, policies: readonly PolicyName[] = ["balanced", "strict"]): void {
  for (const policy of policies) {
    const result = scan(text, policy);
    expect(result.action).toBe("block");
    expect(ruleIds(result)).toContain(id);
  }
}

/** Expects the rule `id` to be a decision rule of `severity`, not a model input (RuleSpec.feature false). */
export function expectDecisionRule(id: string, severity: number): void {
  const rule = RULES.find((r) => r.id === id) as { feature?: false; severity: number } | undefined;
  expect(rule?.feature).toBe(false);
  expect(rule?.severity).toBe(severity);
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
