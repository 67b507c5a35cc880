// All rule sets, in a stable order (rule ids, not positions, are what the model weights refer to).

import type { CompoundSpec, RuleSpec } from "./types.ts";
import { COMPOUND_RULES as BASE_COMPOUNDS, FRAMING_RULES } from "./compounds.ts";
import { CONFIGURATION_RULES } from "./configuration.ts";
import { EXTRACTION_RULES } from "./extraction.ts";
import { HARMFUL_RULES } from "./harmful.ts";
import { HARMFUL_WIDE_COMPOUNDS, HARMFUL_WIDE_RULES } from "./harmful-wide.ts";
import { INDIRECT_RULES } from "./indirect.ts";
import { INJECTION_RULES } from "./injection.ts";
import { JAILBREAK_RULES } from "./jailbreak.ts";
import { RECORDS_COMPOUNDS, RECORDS_RULES } from "./records.ts";
import { SAFEGUARD_RULES } from "./safeguards.ts";

export { DELIMITER_RULES, SPEAKER_LABELS, SPEAKER_RULE_ID, type DelimiterSpec } from "./delimiters.ts";
export { type CompoundSpec, DEFAULT_WINDOW, type RuleSpec } from "./types.ts";

export const KEYWORD_RULES: readonly RuleSpec[] = [...INJECTION_RULES, ...JAILBREAK_RULES, ...EXTRACTION_RULES, ...INDIRECT_RULES, ...HARMFUL_RULES, ...FRAMING_RULES, ...SAFEGUARD_RULES, ...RECORDS_RULES, ...HARMFUL_WIDE_RULES, ...CONFIGURATION_RULES];

/** Rules made of other rules; new ones go last (rule ids, not positions, are what the weights refer to). */
export const COMPOUND_RULES: readonly CompoundSpec[] = [...BASE_COMPOUNDS, ...RECORDS_COMPOUNDS, ...HARMFUL_WIDE_COMPOUNDS];

/**
 * Obfuscation and encoding evidence. Each is a model feature; none blocks on its own, because
 * emoji flags use tag characters and some languages use zero-width joiners.
 */
export const SIGNAL_IDS = [
  "obfuscation.invisible_chars",
  "obfuscation.tag_chars",
  "obfuscation.homoglyphs",
  "obfuscation.leetspeak",
  "obfuscation.spaced_letters",
  "encoding.base64",
  "encoding.rot13",
  "encoding.morse",
  "encoding.binary",
  "encoding.hex",
  "encoding.reversed",
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];
