// Analyses one text segment: folds it, runs the keyword automata, evaluates multi-step rules,
// verifies credential anchors, finds fake delimiters and collects the n-gram buckets. Every step is
// a single linear pass; state lives in module-level buffers reused across calls.

import type { CredentialSpan } from "./credentials.ts";
import { collectBuckets, collectBucketsScanning, WHOLE_TEXT_MAX, type BucketList } from "./features.ts";
import { runAutomaton } from "./matcher.ts";
import { findHiddenDirectives, type HiddenDirectives } from "./hidden-element.ts";
import { findEmbeddedDirective } from "./embedded-directive.ts";
import { foldNfkc, isLetterCode, isPunctuationCode, isSeparatorCode, type FoldedText, type ObfuscationSignals } from "./normalize.ts";
import {
  COMPOUNDS,
  ASSIGNMENT_CHECK, CREDENTIAL_CHECKS, DELIMITERS_BY_FIRST, LATIN_AUTOMATON, OTHER_AUTOMATON, RULES, SIGNAL_RULE_OFFSET,
  EMBEDDED_DIRECTIVE_RULE, HIDDEN_COMMENT_RULE, HIDDEN_ELEMENT_RULE, SECRET_TOPIC_RULE, SPEAKER_CODES, SPEAKER_RULE, SUFFIX_RULE, SUFFIX_WEAK_RULE, TERM_RECORDS, TERMS, VETO_GROUPS, VETO_STAGE, ruleIndex, type CredentialCheck, type TermInfo,
} from "./ruleset.ts";
import { VETO_WINDOW } from "./rules/types.ts";
import { adversarialSuffixGrade } from "./suffix.ts";

const MAX_STEPS = 4;
/** Bounds the work spent verifying credential anchors in one segment. */
const MAX_CREDENTIAL_CHECKS = 256;
const MAX_CREDENTIAL_SPANS = 64;

export interface SegmentAnalysis {
  /** The NFKC text that was analysed: excerpts are cut from it. */
  readonly text: string;
  /** Indices (into RULES) of the rules that fired; reused buffer, valid until the next call. */
  readonly fired: readonly number[];
  /** Position in `text` of each fired rule's first match. */
  readonly firstMatch: Int32Array;
  /** For fired quotable rules (RuleSpec.quotable): 1 when some occurrence is not a quoted example. */
  readonly usedAsIs: Uint8Array;
  readonly credentials: readonly CredentialSpan[];
  readonly signals: ObfuscationSignals;
  /**
   * The whole text's n-gram buckets; empty for texts over WHOLE_TEXT_MAX folded characters (the
   * scanner scores those through windows) unless analyzeSegment was asked for them.
   */
  readonly ngrams: BucketList;
  /** The folded code units (reused buffer) and their count: long segments are also scored in windows. */
  readonly codes: Uint16Array;
  readonly length: number;
  /** For each folded code unit, its index in `text`. */
  readonly origin: Int32Array;
  /** Distinct ROT13-encoded keywords seen: two or more mean the text is worth decoding. */
  readonly rot13Keywords: number;
  /** The text says it is to be read backwards ("read this backwards"): worth reversing and scanning again. */
  readonly reversedHint: boolean;
  readonly tagPayload: string;
}

const fired: number[] = [];
/** findHiddenDirectives' result, reused. */
const hidden: HiddenDirectives = { comment: -1, element: -1 };
const isFired = new Uint8Array(RULES.length);
const firstMatch = new Int32Array(RULES.length);
const usedAsIs = new Uint8Array(RULES.length);
/** End of each rule step's / veto's latest match, -1 if none; reset() clears the slots in `touched`. */
const stageEnd = new Int32Array(RULES.length * MAX_STEPS).fill(-1);
/** Per veto group (RuleInfo.vetoGroup), the end of its latest veto word, -1 if none. */
const vetoEnd = new Int32Array(VETO_GROUPS).fill(-1);
const touchedStages: number[] = [];
const touchedVetoes: number[] = [];
const credentials: CredentialSpan[] = [];
const rot13Seen = new Uint8Array(TERMS.length);
const rot13List: number[] = [];

let currentText = "";
let currentOrigin: Int32Array = new Int32Array(0);
/** The folded text being analysed (topicFollows reads past a keyword). */
let currentCodes: Uint16Array = new Uint16Array(0);
let currentLength = 0;
let credentialChecks = 0;

function fire(rule: number, position: number): void {
  if (isFired[rule] === 1) return;
  isFired[rule] = 1;
  firstMatch[rule] = position;
  fired.push(rule);
}

function checkCredential(check: CredentialCheck, checkIndex: number, firstLetter: number, lastLetter: number): void {
  if (credentialChecks >= MAX_CREDENTIAL_CHECKS || credentials.length >= MAX_CREDENTIAL_SPANS) return;
  credentialChecks++;
  const span = checkIndex === ASSIGNMENT_CHECK
    ? check.verify(currentText, (currentOrigin[lastLetter] as number) + 1)
    : check.verify(currentText, currentOrigin[firstLetter] as number);
  if (span === null) return;
  for (const known of credentials) if (known.secretStart === span.secretStart) return;
  credentials.push(span);
  fire(check.rule, span.start);
}

// The rule fields onHit reads, as typed arrays: a hit visits ~3 rule references, and plain numbers
// are cheaper to reach than properties of the ruleset's objects. (A term's own fields are in its
// record, ruleset.ts TERM_RECORDS.)
const RULE_STEPS = Int32Array.from(RULES, (rule) => rule.steps);
const RULE_WINDOW = Int32Array.from(RULES, (rule) => rule.window);
const RULE_VETO_GROUP = Int32Array.from(RULES, (rule) => rule.vetoGroup ?? -1);

/** A keyword hit: the term whose record (TERM_RECORDS) starts at `record` ends at folded index `end`. */
function onHit(record: number, end: number): void {
  const records = TERM_RECORDS;
  const spanAndRare = records[record + 1] as number;
  const firstLetter = end - (spanAndRare >> 1);
  if ((spanAndRare & 1) === 1) onRareHit(records[record] as number, end, firstLetter);
  const to = record + 3 + (records[record + 2] as number);
  for (let r = record + 3; r < to; r++) {
    const packed = records[r] as number;
    const rule = packed >> 8;
    const stage = packed & 255;
    if (stage === VETO_STAGE) {
      // `rule` is a veto group here.
      if (vetoEnd[rule] === -1) touchedVetoes.push(rule);
      vetoEnd[rule] = end;
      continue;
    }
    // "What is your password policy?": the secret is the topic, not the thing asked for.
    if (stage === RULE_TOPIC_STEP[rule]) {
      if (RULE_TOPIC_OWN[rule] === 1) {
        // Right after the keyword ("忽略我之前的指示") or after the rest of its word ("ignor|e my").
        const topics = RULE_TOPICS[rule] as TopicIndex;
        if (topicFollows(topics, end) || topicFollows(topics, wordEnd(end))) continue;
      } else if (topicFollows(RULE_TOPICS[rule] as TopicIndex, end)) {
        fire(SECRET_TOPIC_RULE, currentOrigin[Math.max(0, firstLetter)] as number);
        continue;
      }
    }
    const slot = rule * MAX_STEPS + stage;
    if (stage > 0) {
      const previous = stageEnd[slot - 1] as number;
      if (previous < 0 || previous >= firstLetter || firstLetter - previous > (RULE_WINDOW[rule] as number)) continue;
      // A negation shortly before the previous step or between the steps cancels the rule:
      // "never share your password", "ne partagez jamais votre mot de passe".
      const group = RULE_VETO_GROUP[rule] as number;
      if (group >= 0 && (vetoEnd[group] as number) >= 0 && (vetoEnd[group] as number) + VETO_WINDOW >= previous) continue;
    } else if (RULE_STEPS[rule] === 1) {
      // A one-step rule's veto: one ending shortly before the keyword cancels it, as before a first step.
      const group = RULE_VETO_GROUP[rule] as number;
      if (group >= 0 && (vetoEnd[group] as number) >= 0 && (vetoEnd[group] as number) + VETO_WINDOW >= end) continue;
    }
    if (stage === (RULE_STEPS[rule] as number) - 1) {
      const at = currentOrigin[Math.max(0, firstLetter)] as number;
      // Quoted or not is decided where the override's first word is (a later step may run past the quote).
      if (RULE_QUOTABLE[rule] === 1 && usedAsIs[rule] === 0) {
        const lead = stage === 0 ? Math.max(0, firstLetter) : (stageEnd[rule * MAX_STEPS] as number);
        const leadAt = currentOrigin[lead] as number;
        if (!isQuotedExample(leadAt, leadAt + 1) && !isConditionalRequest(leadAt)) usedAsIs[rule] = 1;
      }
      fire(rule, at);
    } else {
      if (stageEnd[slot] === -1) touchedStages.push(slot);
      stageEnd[slot] = end;
    }
  }
}

/**
 * A rule's folded topic nouns (RuleSpec.topicAfter) by their first code unit, so that a hit compares
 * only the few that can match (a list holds ~240 nouns); `separatorFirst` holds those that start with
 * a space, which matches any separator or the text's end.
 */
interface TopicIndex {
  readonly byFirst: ReadonlyMap<number, readonly Uint16Array[]>;
  readonly separatorFirst: readonly Uint16Array[];
}

function indexTopics(topics: readonly Uint16Array[]): TopicIndex {
  const byFirst = new Map<number, Uint16Array[]>();
  const separatorFirst: Uint16Array[] = [];
  for (const topic of topics) {
    const first = topic[0] as number;
    if (first === 32) separatorFirst.push(topic);
    else byFirst.set(first, [...(byFirst.get(first) ?? []), topic]);
  }
  return { byFirst, separatorFirst };
}

/** Per rule, its topic index (null: none) and the step its topics follow (-1: none). */
const RULE_TOPICS: ReadonlyArray<TopicIndex | null> = RULES.map((rule) => (rule.topicAfter === undefined ? null : indexTopics(rule.topicAfter)));
const RULE_TOPIC_STEP = Int32Array.from(RULES, (rule) => rule.topicStep ?? -1);
const RULE_QUOTABLE = Uint8Array.from(RULES, (rule) => (rule.quotable === true ? 1 : 0));

/** Quotation marks that open or close a quoted example (straight, curly, guillemets, CJK corner brackets). */
const OPENING_QUOTES = new Set([34, 39, 96, 0x201c, 0x2018, 0x201e, 0xab, 0x300c, 0x300e]);
const CLOSING_QUOTES = new Set([34, 39, 96, 0x201d, 0x201c, 0x2019, 0xbb, 0x300d, 0x300f]);
/** How far a quoted example reaches on either side of the rule's first word. */
const QUOTE_REACH = 100;
/** Words that introduce an example right before its opening quote (lowercase, as written). */
const EXAMPLE_CUES_BEFORE = [
  "like", "such as", "e.g.", "e.g.,", "for example", "for instance", "called", "known as", "titled", "entitled", "phrases", "phrase", "messages",
  "prompts", "strings", "string", "inputs", "wie", "etwa", "z. b.", "zum beispiel", "comme", "tels que", "par exemple", "como",
  "por ejemplo", "por exemplo", "come", "ad esempio", "tipo", "как", "например", "типа", "比如", "例如", "诸如", "像", "如",
  // Reported speech and quoted material: what someone typed, wrote or posted, what a text reads or contains (not
  // "says" / "said": "Simon says …" is a jailbreak frame).
  "reads", "reading", "wrote", "typed", "posted", "containing", "contains", "the sentence", "the line",
  "including", "du type", "de type", "genre", "вроде", "类似", "类似于", "写着", "一句", "写了", "有人说", "有人让它", "用户说",
  "客户说",
  // Reported speech in the past and reported messages: "a note saying '…'", "the ticket said: '…'", "this
  // message: '…'", "the classic '…'", "test cases should include '…'".
  "saying", "said", "message", "the classic", "include", "includes", "variants of",
  // "The phrase" and "the sentence" in other languages, like the English "phrase" and "string" above.
  "фраза", "фразы", "фразу", "фразой", "строка", "строку", "beispielsatz", "satz", "formulierung", "la phrase", "la frase",
  "a frase", "frase", "frases", "un messaggio", "фраза вроде",
  // "For example" and "like" in the other languages the keyword rules read.
  "ví dụ", "chẳng hạn", "như", "misalnya", "contohnya", "contoh", "seperti", "예를 들어", "예를 들면", "örneğin", "mesela",
  "जैसे", "مثل", "مثلا", "bijvoorbeeld", "zoals", "np.", "na przykład", "typu", "till exempel", "t.ex.",
];
/** Words that mark a quote as an example right after its closing quote. */
const EXAMPLE_CUES_AFTER = [
  "-type", " type", "-style", " style", " attacks", " attack", "之类", "这样的", "这类", "这句话", "这种话", "のような", "などの", "といった",
  "などと", " 같은", "같은", " gibi",
  // Quotative particles: reported speech ("사용자가 \"이전 지시를 무시해\"라고 입력해도", "「…」という台詞").
  "라고", "이라고", "という", "と言",
];

/**
 * Whether text[start..end) (a rule's first word) sits inside quotes on one line, and the quote is
 * introduced as an example: a cue word right before the opening quote ("messages like '…'", "e.g.
 * \"…\"", "比如“…”") or right after the closing one ("'…' type attacks", "“…”之类的话"). An apostrophe
 * between letters ("don't") is not a quote.
 */
function isQuotedExample(start: number, end: number): boolean {
  const text = currentText;
  let open = -1;
  for (let i = start - 1; i >= 0 && i >= start - QUOTE_REACH; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return false;
    if (!OPENING_QUOTES.has(code)) continue;
    if (code === 39 && i > 0 && isLetterCode(text.charCodeAt(i - 1)) && isLetterCode(text.charCodeAt(i + 1))) continue;
    open = i;
    break;
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = end; i < text.length && i < end + QUOTE_REACH; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return false;
    if (!CLOSING_QUOTES.has(code)) continue;
    if (code === 39 && i + 1 < text.length && isLetterCode(text.charCodeAt(i - 1)) && isLetterCode(text.charCodeAt(i + 1))) continue;
    close = i;
    break;
  }
  if (close < 0) return false;
  let before = open - 1;
  while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 58 || text.charCodeAt(before) === 44 || text.charCodeAt(before) === 0xff1a)) before--;
  const head = text.slice(Math.max(0, before - 15), before + 1).toLowerCase();
  for (const cue of EXAMPLE_CUES_BEFORE) {
    if (!head.endsWith(cue)) continue;
    const first = head.length - cue.length;
    // A whole word: "unlike" is not "like" (CJK cues need no boundary).
    if (first === 0 || !isLetterCode(head.charCodeAt(first - 1)) || cue.charCodeAt(0) >= 0x3000) return true;
  }
  const tail = text.slice(close + 1, close + 1 + 12).toLowerCase();
  for (const cue of EXAMPLE_CUES_AFTER) if (tail.startsWith(cue)) return true;
  return false;
}

/**
 * "If someone asks you to ignore these instructions, politely decline", "If a player says \"ignore your
 * instructions\"": the override is what someone else might ask, in a condition on how to respond (as a
 * bot's own system prompt says), not a request made here.
 */
const CONDITIONAL_REQUEST =
  /(?:^|[^a-z])(?:if|when|whenever|should)\s+(?:[^\s.!?;]+\s+){0,3}?(?:asks?|tells?|wants?|tries|try|says?|requests?|instructs?|orders?)\s+(?:you\s+)?(?:to\s+)?(?:(?:get|make)\s+you\s+(?:to\s+)?)?["'“‘«]?\s*$/;

/** Whether the word whose last letter is text[at] follows such a condition on its line (see CONDITIONAL_REQUEST). */
function isConditionalRequest(at: number): boolean {
  const text = currentText;
  let start = at;
  while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--;
  let from = start;
  while (from > 0 && start - from < 64 && text.charCodeAt(from - 1) !== 10) from--;
  return CONDITIONAL_REQUEST.test(text.slice(from, start).toLowerCase());
}

/** Per rule, 1 when its topics are the speaker's own words after the keyword's word (RuleSpec.topicKind "own"). */
const RULE_TOPIC_OWN = Uint8Array.from(RULES, (rule) => (rule.topicKind === "own" ? 1 : 0));

/** An inflection's letters after a verb's stem, at most ("ignor|iere", "oubli|ez"): keeps the walk bounded. */
const MAX_WORD_REST = 12;

/** The last folded index of the word that the keyword ending at `end` is in ("ignor" → "ignore"), or `end`. */
function wordEnd(end: number): number {
  const codes = currentCodes;
  const limit = Math.min(currentLength - 1, end + MAX_WORD_REST);
  let at = end;
  while (at < limit && !isSeparatorCode(codes[at + 1] as number) && !isSeparatorCode(codes[at] as number)) at++;
  return at < limit || at + 1 >= currentLength || isSeparatorCode(codes[at + 1] as number) ? at : end;
}

/**
 * Whether one of `topics` follows the keyword that ends at folded index `end`: right after it (a
 * compound: "passwortrichtlinie", "密码策略") or after one separator ("password policy",
 * "password-policy"). A space in a topic matches any separator or the text's end.
 */
function topicFollows(topics: TopicIndex, end: number): boolean {
  const codes = currentCodes;
  const length = currentLength;
  let at = end + 1;
  // A keyword may end with its separator ("password "); otherwise skip one.
  if (!isSeparatorCode(codes[end] as number) && at < length && isSeparatorCode(codes[at] as number)) at++;
  if (at < length) {
    const candidates = topics.byFirst.get(codes[at] as number);
    if (candidates !== undefined && anyTopicAt(candidates, at)) return true;
  }
  return topics.separatorFirst.length > 0 && (at >= length || isSeparatorCode(codes[at] as number)) && anyTopicAt(topics.separatorFirst, at);
}

/** Whether one of `topics` matches the folded text from index `at`. */
function anyTopicAt(topics: readonly Uint16Array[], at: number): boolean {
  const codes = currentCodes;
  const length = currentLength;
  for (const topic of topics) {
    let k = 0;
    while (k < topic.length) {
      const want = topic[k] as number;
      const p = at + k;
      if (want === 32 ? p < length && !isSeparatorCode(codes[p] as number) : p >= length || codes[p] !== want) break;
      k++;
    }
    if (k === topic.length) return true;
  }
  return false;
}

/** A hit of a ROT13 trigger or a credential anchor: notes the trigger, verifies the credentials. */
function onRareHit(termId: number, end: number, firstLetter: number): void {
  const term = TERMS[termId] as TermInfo;
  if (term.rot13 && rot13Seen[termId] === 0) {
    rot13Seen[termId] = 1;
    rot13List.push(termId);
  }
  const checks = term.credentialChecks;
  if (checks.length > 0) {
    const lastLetter = term.trailingSeparator ? end - 1 : end;
    for (let k = 0; k < checks.length; k++) {
      const checkIndex = checks[k] as number;
      checkCredential(CREDENTIAL_CHECKS[checkIndex] as CredentialCheck, checkIndex, Math.max(0, firstLetter), lastLetter);
    }
  }
}

/** 1 for the ASCII code units that can start a delimiter, and for ':' (speaker labels). */
const DELIMITER_START = new Uint8Array(65536);
DELIMITER_START[58] = 1;
DELIMITERS_BY_FIRST.forEach((literals, code) => { if (literals !== undefined) DELIMITER_START[code] = 1; });
// findDelimiters only visits punctuation positions.
DELIMITER_START.forEach((start, code) => {
  if (start === 1 && !isPunctuationCode(code)) throw new Error(`delimiters must start with punctuation, not ${String.fromCharCode(code)}`);
});

/** Checks each punctuation position of the folded text (delimiters and labels start there). */
function findDelimiters(folded: FoldedText): void {
  const { codes, length, origin, punctuation, punctuationCount } = folded;
  for (let p = 0; p < punctuationCount; p++) {
    const i = punctuation[p] as number;
    const code = codes[i] as number;
    if (DELIMITER_START[code] === 0) continue;
    if (code === 58) {
      findSpeakerLabel(codes, i, origin);
      continue;
    }
    const literals = DELIMITERS_BY_FIRST[code];
    if (literals === undefined) continue;
    for (const literal of literals) {
      const size = literal.codes.length;
      if (i + size > length) continue;
      let k = 1;
      while (k < size && codes[i + k] === literal.codes[k]) k++;
      if (k !== size) continue;
      const after = (origin[i + size - 1] as number) + 1;
      if (literal.headingWords !== null && !opensHeadingTurn(literal.headingWords, after)) continue;
      if (literal.mentionable && isMention(origin[i] as number, after)) continue;
      fire(literal.rule, origin[i] as number);
    }
  }
}

/**
 * Whether a markdown-heading marker ("### system") that ends just before text[at] forges a turn
 * rather than titling a section: the word ends there, and the rest of the line is empty, starts
 * with punctuation ("### System:") or with one of `words` ("### System Prompt"). "### System
 * Requirements" and "### Systems" are titles.
 */
function opensHeadingTurn(words: ReadonlySet<string>, at: number): boolean {
  const text = currentText;
  if (at < text.length && isWordChar(text.charCodeAt(at))) return false;
  let i = at;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= text.length || !isWordChar(text.charCodeAt(i))) return true;
  let end = i;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return words.has(text.slice(i, end).toLowerCase());
}

/** Quotes and backticks that mark a marker as quoted text. */
const QUOTES = new Set([34, 39, 96, 0x201c, 0x201d, 0x2018, 0x2019]);
/** Who a forged turn hands over to: after a marker, one of these opens a turn rather than a sentence. */
const ROLE_WORDS = new Set(["system", "user", "assistant", "human", "ai", "bot", "model", "developer", "tool", "sys"]);

/**
 * Whether the marker at text[start..end) is written about rather than used: quoted on both sides,
 * or inside a sentence on its line and followed by an ordinary word ("the <|im_start|> and
 * <|im_end|> tokens"), not by a role name, another marker, punctuation or a line break.
 */
function isMention(start: number, end: number): boolean {
  const text = currentText;
  if (start > 0 && end < text.length && QUOTES.has(text.charCodeAt(start - 1)) && QUOTES.has(text.charCodeAt(end))) return true;
  // Inside a sentence: a word character earlier on the same line.
  let before = start - 1;
  while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
  if (before < 0 || before === start - 1 || !isWordChar(text.charCodeAt(before))) return false;
  let at = end;
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  if (at === end || at >= text.length || !isWordChar(text.charCodeAt(at))) return false;
  let wordEnd = at;
  while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
  return !ROLE_WORDS.has(text.slice(at, wordEnd).toLowerCase());
}

/** An ASCII letter or digit, or any letter beyond ASCII: part of a word. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code >= 0xc0;
}

/**
 * "system:" / "assistant:" etc. as a whole word right before the colon at `colon`, where it can open
 * a turn: at the start of the text or of an unindented line, or after a sentence's end, and followed
 * by words. Indented keys, keys mid-line and labels followed by a quote, bracket or nothing are data
 * (`user: User;`, `  system: "…"`, `{ assistant: [...] }`), which source code is full of.
 */
function findSpeakerLabel(codes: Uint16Array, colon: number, origin: Int32Array): void {
  if (isFired[SPEAKER_RULE] === 1) return;
  for (const label of SPEAKER_CODES) {
    const start = colon - label.length;
    if (start < 0 || (start > 0 && !isSeparatorCode(codes[start - 1] as number))) continue;
    let k = 0;
    while (k < label.length && codes[start + k] === label[k]) k++;
    if (k === label.length) {
      const at = origin[start] as number;
      if (opensTurn(currentText, at, origin[colon] as number)) fire(SPEAKER_RULE, at);
      return;
    }
  }
}

/** Last characters of a line of code (or JSON, SQL, CSS): statement ends, brackets, list commas. */
const CODE_LINE_END = new Uint8Array(128);
for (const ch of ";{}()[],") CODE_LINE_END[ch.charCodeAt(0)] = 1;

/**
 * Whether `text` reads as source code or structured data rather than prose: at least 5 non-blank
 * lines, and at least 40% of them end in code punctuation or are `//` / `/*` comments. Jumps from
 * line break to line break, looking only at each line's ends.
 */
export function looksLikeCode(text: string): boolean {
  let lines = 0;
  let code = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let a = start;
    let b = end - 1;
    while (a <= b && isBlank(text.charCodeAt(a))) a++;
    while (b >= a && isBlank(text.charCodeAt(b))) b--;
    if (b >= a) {
      lines++;
      const first = text.charCodeAt(a);
      const second = a < b ? text.charCodeAt(a + 1) : 0;
      const last = text.charCodeAt(b);
      if ((last < 128 && CODE_LINE_END[last] === 1) || (first === 47 && (second === 47 || second === 42))) code++;
    }
    start = end + 1;
  }
  return lines >= 5 && code * 5 >= lines * 2;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** What may end the text before a label on the same line: a sentence, a heading's colon, a quote, a block. */
const SENTENCE_END = new Set([".", "!", "?", ":", "\u2026", '"', "\u201d", "}", "\u3002", "\uff01", "\uff1f"]);
const VALUE_START = new Set(['"', "'", "`", "{", "[", "(", "|", "<", "="]);

/** Whether the label at text[at] (colon at text[colon]) sits where a forged turn would. */
function opensTurn(text: string, at: number, colon: number): boolean {
  let before = at - 1;
  while (before >= 0 && (text[before] === " " || text[before] === "\t")) before--;
  // The text's start, or a line's start without indentation (indented keys are code or data).
  const startsLine = before < 0 || (text[before] === "\n" && before === at - 1);
  const afterSentence = before >= 0 && before < at - 1 && SENTENCE_END.has(text[before] as string);
  if (!startsLine && !afterSentence) return false;
  let after = colon + 1;
  while (after < text.length && (text[after] === " " || text[after] === "\t")) after++;
  if (after >= text.length || text[after] === "\n" || text[after] === "\r") return false;
  return !VALUE_START.has(text[after] as string);
}

function reset(): void {
  // Most lists are empty for most texts; truncating an array is not free even when it is empty.
  if (fired.length > 0) {
    for (const rule of fired) {
      isFired[rule] = 0;
      usedAsIs[rule] = 0;
    }
    fired.length = 0;
  }
  if (credentials.length > 0) credentials.length = 0;
  if (touchedStages.length > 0) {
    for (const slot of touchedStages) stageEnd[slot] = -1;
    touchedStages.length = 0;
  }
  if (touchedVetoes.length > 0) {
    for (const group of touchedVetoes) vetoEnd[group] = -1;
    touchedVetoes.length = 0;
  }
  if (rot13List.length > 0) {
    for (const term of rot13List) rot13Seen[term] = 0;
    rot13List.length = 0;
  }
  credentialChecks = 0;
}

const NO_NGRAMS: BucketList = { buckets: new Int32Array(0), count: 0 };

/**
 * Analyses `raw`. The result (and its buffers) is valid until the next call. `wholeTextNgrams`: collect
 * the n-grams of a long text too (the training script's features); the scanner does not need them.
 */
export function analyzeSegment(raw: string, wholeTextNgrams = false): SegmentAnalysis {
  reset();
  const folded = foldNfkc(raw);
  const text = folded.text;
  if (text.includes("xample.")) maskPlaceholderDomains(folded.codes, folded.length);
  currentText = text;
  currentOrigin = folded.origin;
  currentCodes = folded.codes;
  currentLength = folded.length;
  // A text scored whole has its n-grams collected in the Latin automaton's pass (features.ts
  // collectBucketsScanning); nothing later in the analysis reads or changes them. Longer texts are scored
  // through windows.
  const whole = folded.length <= WHOLE_TEXT_MAX;
  let ngrams = NO_NGRAMS;
  if (whole) ngrams = collectBucketsScanning(folded.codes, folded.length, folded.signals.nonLatin, LATIN_AUTOMATON, onHit);
  else runAutomaton(LATIN_AUTOMATON, folded.codes, folded.length, onHit);
  if (folded.signals.nonLatin) runAutomaton(OTHER_AUTOMATON, folded.codes, folded.length, onHit);
  findDelimiters(folded);
  // Orders for an AI in pasted content (hidden-element.ts, embedded-directive.ts) need a "<", a "[" or a
  // colon: texts without punctuation are skipped.
  if (folded.punctuationCount > 0) {
    findHiddenDirectives(text, hidden);
    if (hidden.comment >= 0) fire(HIDDEN_COMMENT_RULE, hidden.comment);
    if (hidden.element >= 0) fire(HIDDEN_ELEMENT_RULE, hidden.element);
    const embedded = findEmbeddedDirective(text);
    if (embedded >= 0) fire(EMBEDDED_DIRECTIVE_RULE, embedded);
  }
  const suffix = adversarialSuffixGrade(text, folded.units);
  if (suffix > 0) fire(suffix === 2 ? SUFFIX_RULE : SUFFIX_WEAK_RULE, 0);
  const signals = folded.signals;
  if (signals.invisible > 0) fire(SIGNAL_RULE_OFFSET + 0, 0);
  if (signals.tagChars > 0) fire(SIGNAL_RULE_OFFSET + 1, 0);
  if (signals.homoglyphs > 0) fire(SIGNAL_RULE_OFFSET + 2, 0);
  if (signals.leetTokens > 0) fire(SIGNAL_RULE_OFFSET + 3, 0);
  if (signals.spacedLetters > 0) fire(SIGNAL_RULE_OFFSET + 4, 0);
  fireCompounds();
  if (!whole && wholeTextNgrams) ngrams = collectBuckets(folded.codes, folded.length, folded.signals.nonLatin);
  return {
    text,
    fired,
    firstMatch,
    usedAsIs,
    credentials,
    signals,
    ngrams,
    codes: folded.codes,
    length: folded.length,
    origin: folded.origin,
    rot13Keywords: rot13List.length,
    reversedHint: isFired[REVERSED_HINT_RULE] === 1,
    tagPayload: folded.tagPayload,
  };
}

/**
 * Fires each compound rule whose every group has a fired member, at the first group's earliest match
 * (for the excerpt). Runs after all other rules of the analysis, and again when a decoded payload's
 * encoding signal is added.
 */
function fireCompounds(): void {
  // Indexed loops: a for…of over the Int32Array groups went through the generic iterator on every
  // analysis (≈ 5% of a short prompt's scan in a profile).
  for (let c = 0; c < COMPOUNDS.length; c++) {
    const compound = COMPOUNDS[c] as (typeof COMPOUNDS)[number];
    if (isFired[compound.rule] === 1) continue;
    let position = -1;
    let complete = true;
    for (let g = 0; g < compound.groups.length && complete; g++) {
      const group = compound.groups[g] as Int32Array;
      complete = false;
      for (let m = 0; m < group.length; m++) {
        const member = group[m] as number;
        if (isFired[member] !== 1) continue;
        complete = true;
        if (g === 0 && (position === -1 || (firstMatch[member] as number) < position)) position = firstMatch[member] as number;
      }
    }
    if (complete) fire(compound.rule, Math.max(0, position));
  }
}

const REVERSED_HINT_RULE = ruleIndex("encoding.reversed_hint");

/** "example." and the reserved top-level names after it, as folded code units. */
const EXAMPLE_DOT = Array.from("example.", (ch) => ch.charCodeAt(0));
const RESERVED_TLDS = ["com", "org", "net"].map((tld) => Array.from(tld, (ch) => ch.charCodeAt(0)));

/**
 * Blanks example.com, example.org and example.net (the domains reserved for documentation, RFC 2606)
 * in the folded text. They say nothing about intent, but the corpus's attacks use them as their
 * exfiltration targets, so the model had learnt them as evidence: "curl -I https://example.com returns
 * 403, why?" and "Read https://example.com" were blocked. Rules and n-grams read the text without them.
 */
function maskPlaceholderDomains(codes: Uint16Array, length: number): void {
  const last = length - EXAMPLE_DOT.length - 3;
  for (let i = 0; i <= last; i++) {
    if (codes[i] !== 101 || (i > 0 && isLetterOrDigit(codes[i - 1] as number))) continue;
    let j = 1;
    while (j < EXAMPLE_DOT.length && codes[i + j] === EXAMPLE_DOT[j]) j++;
    if (j < EXAMPLE_DOT.length) continue;
    const at = i + j;
    for (const tld of RESERVED_TLDS) {
      if (codes[at] !== tld[0] || codes[at + 1] !== tld[1] || codes[at + 2] !== tld[2]) continue;
      if (at + 3 < length && isLetterOrDigit(codes[at + 3] as number)) continue;
      codes.fill(32, i, at + 3);
      i = at + 2;
      break;
    }
  }
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127;
}

/** Fires an encoding signal (a rule index) on the current analysis (used for decoded segments). */
export function markEncoding(signal: number): void {
  fire(signal, 0);
  fireCompounds();
}
