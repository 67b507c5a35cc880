// Policy levels: per category a threshold and an action, plus how much text is scanned.

import type { ModelCategory, PolicyName, SecurityAction, SecurityCategory } from "./types.ts";
import type { ThresholdTable } from "./model.ts";

export const POLICY_NAMES: readonly PolicyName[] = ["strict", "balanced", "permissive", "off"];

export const DEFAULT_POLICY: PolicyName = "balanced";

export function isPolicyName(v: unknown): v is PolicyName {
  return typeof v === "string" && (POLICY_NAMES as readonly string[]).includes(v);
}

/**
 * The most specific setting wins: an API key's policy overrides its organisation's, which overrides
 * the global one; null means "inherit".
 */
export function resolvePolicy(global: PolicyName, org: PolicyName | null, key: PolicyName | null): PolicyName {
  return key ?? org ?? global;
}

export interface CategoryRule {
  /** Model probability at or above which the category fires (calibrated, from the weights file). */
  readonly modelThreshold: number;
  /** Rule severity at or above which a keyword rule alone fires the category. */
  readonly ruleThreshold: number;
  readonly action: SecurityAction;
}

export interface Policy {
  readonly name: Exclude<PolicyName, "off">;
  readonly categories: Readonly<Record<SecurityCategory, CategoryRule>>;
  /** Characters scanned at most; longer input is scanned as head + tail windows. */
  readonly maxChars: number;
}

interface PolicyShape {
  readonly ruleThreshold: number;
  readonly credentialThreshold: number;
  readonly maxChars: number;
  readonly actions: Readonly<Record<SecurityCategory, SecurityAction>>;
}

/**
 * Strict blocks everything it finds, scans the most and fires on medium-confidence rules.
 * Balanced blocks attacks and flags credentials (a user pasting their own key is a leak to warn
 * about, not an attack). Permissive only acts on high-confidence evidence and blocks only overt
 * overrides and jailbreaks.
 */
const SHAPES: Record<Exclude<PolicyName, "off">, PolicyShape> = {
  strict: {
    ruleThreshold: 0.6,
    credentialThreshold: 0.6,
    maxChars: 256 * 1024,
    actions: { injection: "block", jailbreak: "block", extraction: "block", credential: "block" },
  },
  balanced: {
    ruleThreshold: 0.75,
    credentialThreshold: 0.7,
    maxChars: 64 * 1024,
    actions: { injection: "block", jailbreak: "block", extraction: "block", credential: "flag" },
  },
  permissive: {
    ruleThreshold: 0.9,
    credentialThreshold: 0.9,
    maxChars: 32 * 1024,
    actions: { injection: "block", jailbreak: "block", extraction: "flag", credential: "flag" },
  },
};

export function buildPolicies(thresholds: ThresholdTable): Readonly<Record<Exclude<PolicyName, "off">, Policy>> {
  const build = (name: Exclude<PolicyName, "off">): Policy => {
    const shape = SHAPES[name];
    const model = (category: ModelCategory): CategoryRule => ({
      modelThreshold: thresholds[name][category],
      ruleThreshold: shape.ruleThreshold,
      action: shape.actions[category],
    });
    return {
      name,
      maxChars: shape.maxChars,
      categories: {
        injection: model("injection"),
        jailbreak: model("jailbreak"),
        extraction: model("extraction"),
        // Credentials are not scored by the model: only detectors fire them.
        credential: { modelThreshold: Number.POSITIVE_INFINITY, ruleThreshold: shape.credentialThreshold, action: shape.actions.credential },
      },
    };
  };
  return { strict: build("strict"), balanced: build("balanced"), permissive: build("permissive") };
}
