// Shape of a keyword rule. Rules are data: they are compiled once into the shared automaton.

import type { SecurityCategory } from "../types.ts";

export interface RuleSpec {
  /** Stable id reported in findings and used as a model feature, e.g. "injection.ignore_previous". */
  readonly id: string;
  readonly category: SecurityCategory;
  /**
   * The score this rule alone guarantees its category when it fires (0 = the rule is only a model
   * feature). Reserve high severities for phrasings that are rare in legitimate prompts.
   */
  readonly severity: number;
  /**
   * Keyword alternatives per step. Every step must match, in order, each within `window` folded
   * characters of the previous one. Keywords are folded like the text (lowercase, no accents);
   * keywords in spaced scripts match at a word start and as a prefix ("instruction" also matches
   * "instructions"); a trailing space requires a word end.
   */
  readonly steps: readonly (readonly string[])[];
  readonly window?: number;
  /**
   * Negations and similar words that cancel the rule when one ends within VETO_WINDOW folded
   * characters before the first step ("never share your password", "ne partagez jamais").
   */
  readonly veto?: readonly string[];
  /**
   * Context-dependent evidence ("what's the password?" is an attack only if a secret is in
   * context): the policy may act on it with a separate threshold and a milder action (balanced
   * flags it instead of blocking).
   */
  readonly contextual?: boolean;
  /**
   * A severity-0 rule naming a harmless topic ("the password policy", "the password field"): when it
   * fires in a message, the contextual rules of its category count only as model features there.
   */
  readonly suppressesContextual?: boolean;
  /**
   * Nouns that make the secret the rule's last step names a topic rather than the thing asked for:
   * "your password policy", "your API key rotation", "Passwortrichtlinie", "密码策略". An occurrence of
   * the last step followed by one of them, directly or after one separator, does not complete the
   * rule (the `extraction.secret_topic` feature fires instead); any other occurrence still does.
   */
  readonly topicAfter?: readonly string[];
  /** The step whose keyword `topicAfter` follows: the last one unless set ("密码策略是什么": 0). */
  readonly topicStep?: number;
  /**
   * How `topicAfter` reads. "secret" (the default): a topic noun follows the keyword directly or after
   * one separator, and a cancelled occurrence fires the `extraction.secret_topic` feature. "own": the
   * speaker's own words follow the end of the word the keyword is in (override verbs are matched by
   * stem: "ignor" in "ignore my previous instruction"), and a cancelled occurrence fires nothing.
   */
  readonly topicKind?: "secret" | "own";
  /**
   * true: an occurrence quoted as an example ("my chatbot keeps getting messages like 'ignore
   * previous instructions'", "“忽略之前的指令”之类的话") or named as what someone else might ask ("If
   * someone asks you to ignore these instructions, politely decline") is written about, not used. The
   * rule still fires (a model feature as before), but its severity counts only when some occurrence in
   * the text is neither (analyzer.ts isQuotedExample, isConditionalRequest).
   */
  readonly quotable?: true;
  /**
   * false: not a feature of the learned model, only a part of compound rules. For frames and subjects
   * whose words are common in ordinary prompts ("imagine", "backwards", "step by step", "meth"): fitted
   * on hand-written attacks, they learned to weigh as attacks on their own and blocked "print the list
   * in reverse order".
   */
  readonly feature?: false;
}

export const VETO_WINDOW = 24;

export const DEFAULT_WINDOW = 48;

/**
 * A rule made of other rules: it fires when, in one message, at least one rule of every group fired
 * (anywhere, in any order). For evidence that is only telling together and may sit far apart: a
 * request for a weapon's recipe and, somewhere in the same message, the story or persona around it.
 * Groups may name keyword rules, delimiter rules and obfuscation or encoding signals.
 */
export interface CompoundSpec {
  readonly id: string;
  readonly category: SecurityCategory;
  readonly severity: number;
  readonly allOf: readonly (readonly string[])[];
  /** As RuleSpec.contextual. */
  readonly contextual?: boolean;
  /** As RuleSpec.feature: false for a decision rule that is no input of the learned model. */
  readonly feature?: false;
}
