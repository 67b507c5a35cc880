// Public vocabulary of the prompt scanner, shared by every module of src/security.

export type SecurityCategory = "injection" | "jailbreak" | "extraction" | "credential";
export type PolicyName = "strict" | "balanced" | "permissive" | "off";
export type SecurityAction = "block" | "flag";

export interface CategoryVerdict {
  category: SecurityCategory;
  score: number;
  rules: string[];
  action: SecurityAction;
}

export interface ScanResult {
  /** Highest-severity outcome: "block" if any category blocks, else "flag" if any flags, else "allow". */
  action: "allow" | "flag" | "block";
  /** Only the categories whose score crossed the policy threshold. */
  findings: CategoryVerdict[];
  truncated: boolean;
  /** A redacted excerpt (≤ 200 chars) around the strongest match: secrets/credentials masked. */
  excerpt: string;
  policy: PolicyName;
}

/** Categories scored by the learned model; credentials are purely pattern-based. */
export const MODEL_CATEGORIES = ["injection", "jailbreak", "extraction"] as const;
export type ModelCategory = (typeof MODEL_CATEGORIES)[number];

export const ALL_CATEGORIES: readonly SecurityCategory[] = ["injection", "jailbreak", "extraction", "credential"];
