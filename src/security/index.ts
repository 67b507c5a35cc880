// Prompt security scanner: pattern rules, obfuscation-aware normalisation and a small learned
// model, applied per policy. See docs/security.md.

export type { CategoryVerdict, PolicyName, ScanResult, SecurityAction, SecurityCategory } from "./types.ts";
export { POLICY_NAMES, DEFAULT_POLICY, isPolicyName, resolvePolicy } from "./policies.ts";
export { createScanCache, type ScanCache, scanMessages } from "./scanner.ts";
