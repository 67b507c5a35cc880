// Optimised adversarial suffixes (GCG and similar): a plain-language request followed by a run of
// "token soup" — fragments of code, LaTeX and markup, words from several languages, case switches
// inside words and unbalanced brackets — found by gradient search to make a model comply.
//
// The signal is the *contrast* between a clean prose head and a soupy tail on one line. Code
// questions also end in punctuation-heavy tokens, so the detector asks for more than that: the
// tail must still hold many plain words (soup mixes words in; code and JSON are mostly symbols),
// must not span lines (pasted code does), and the strong grade also needs a case switch inside a
// word or unbalanced brackets. Both grades are model features; neither blocks on its own.
//
// One pass over at most MAX_CHARS characters of whitespace-separated tokens; flags live in reused
// typed arrays.

import { isLetterCode } from "./normalize.ts";

/** Longer texts are documents, not a request plus a suffix; they are not examined. */
const MAX_CHARS = 1500;
const MAX_TOKENS = 400;
const MIN_HEAD = 6;
const MIN_TAIL = 8;
const MAX_TAIL = 40;
const TAIL_PROBE = 120;
const MIN_EVIDENCE = 4;

/** 2 = soup token, 1 = capitalised word mid-sentence, 0 = prose. */
const weird = new Uint8Array(MAX_TOKENS + 1);
const plain = new Uint8Array(MAX_TOKENS + 1);
const caseSwitch = new Uint8Array(MAX_TOKENS + 1);
const bracketDelta = new Int16Array(MAX_TOKENS + 1);
const lineBreakBefore = new Uint8Array(MAX_TOKENS + 1);
/** 1 if the token ends with a colon: "this line: <code>" introduces a snippet, not a suffix. */
const introduces = new Uint8Array(MAX_TOKENS + 1);
/** Prefix sums: weirdSum[i] = weird tokens among the first i. */
const weirdSum = new Int32Array(MAX_TOKENS + 1);
const plainSum = new Int32Array(MAX_TOKENS + 1);
const switchSum = new Int32Array(MAX_TOKENS + 1);
const bracketSum = new Int32Array(MAX_TOKENS + 1);
const breakSum = new Int32Array(MAX_TOKENS + 1);
const colonSum = new Int32Array(MAX_TOKENS + 1);

/** Punctuation that is unusual inside prose words: brackets, markup, code operators, quotes. */
const SOUP = new Uint8Array(128);
for (const ch of "{}[]()<>\\^_|=$%@#~*+/`\"';") SOUP[ch.charCodeAt(0)] = 1;

/** . , ; : ! ? — one of them ending a token is prose punctuation, not part of the token's core. */
function isSentenceMark(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63;
}

/** An ASCII letter, digit or underscore: a character of a name in code. */
function isNameCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Whether u[0..n) holds a list of two or more names in parentheses after a name, separated by commas
 * (spaces allowed): "orders(id, customer_id, amount)", "page_views (user_id, viewed_at)", "f(a, b)". SQL
 * tables and function signatures are written so; optimised suffixes are not. Linear: a list is read
 * from its "(" until it ends or breaks, and no list can break past the next "(".
 */
function holdsNameList(u: Uint16Array, n: number): boolean {
  for (let open = 1; open < n; open++) {
    if (u[open] !== 40) continue;
    const before = u[open - 1] === 32 && open >= 2 ? (u[open - 2] as number) : (u[open - 1] as number);
    if (!isNameCode(before)) continue;
    let j = open + 1;
    let names = 0;
    for (;;) {
      while (j < n && u[j] === 32) j++;
      const start = j;
      while (j < n && isNameCode(u[j] as number)) j++;
      if (j === start) break;
      names++;
      while (j < n && u[j] === 32) j++;
      if (j < n && u[j] === 41) {
        if (names >= 2) return true;
        break;
      }
      if (j >= n || u[j] !== 44) break;
      j++;
    }
  }
  return false;
}

/** The UTF-16 code units of `text` (not its code points: a surrogate pair is two units, as in the fold). */
function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * 0 = no suffix, 1 = a soupy tail after a prose head, 2 = also case switches or unbalanced brackets.
 * `units` may hold the text's UTF-16 code units (the fold's copy, normalize.ts FoldedText.units), which
 * are cheaper to read than the string's characters.
 */
export function adversarialSuffixGrade(text: string, units?: Uint16Array): 0 | 1 | 2 {
  const n = text.length;
  if (n < 60 || n > MAX_CHARS) return 0;
  const u = units ?? codeUnits(text);
  // Cheap exit for almost every prompt: a suffix leaves several soup characters or case switches
  // in the last TAIL_PROBE characters.
  let evidence = 0;
  for (let k = Math.max(1, n - TAIL_PROBE); k < n; k++) {
    const ch = u[k] as number;
    if (ch < 128 && SOUP[ch] === 1) evidence++;
    else if (ch >= 65 && ch <= 90) {
      const before = u[k - 1] as number;
      if (before >= 97 && before <= 122) evidence++;
    }
  }
  if (evidence < MIN_EVIDENCE) return 0;
  // "from orders(id, customer_id, amount)": a table's columns or a function's parameters are code.
  if (holdsNameList(u, n)) return 0;
  let tokens = 0;
  let i = 0;
  let sawBreak = false;
  let sentenceEnd = true;
  while (i < n && tokens < MAX_TOKENS) {
    let c = u[i] as number;
    if (c <= 32) {
      if (c === 10) { sawBreak = true; sentenceEnd = true; }
      i++;
      continue;
    }
    const start = i;
    // Most tokens are words: lowercase letters after an optional capital, perhaps ending in a
    // sentence mark. Spot them while finding the token's end; the per-character pass below is then
    // not needed (same flags, fewer reads).
    let word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    i++;
    while (i < n) {
      const ch = u[i] as number;
      if (ch <= 32) break;
      if (word && (ch < 97 || ch > 122) && !(isSentenceMark(ch) && (i + 1 >= n || (u[i + 1] as number) <= 32))) word = false;
      i++;
    }
    if (word) {
      const last = u[i - 1] as number;
      // The core: the word without its sentence mark (kept when the token is that mark alone).
      const length = i - start > 1 && isSentenceMark(last) ? i - start - 1 : i - start;
      const capitalised = c >= 65 && c <= 90 && !sentenceEnd;
      weird[tokens] = capitalised ? 1 : 0;
      introduces[tokens] = last === 58 ? 1 : 0;
      sentenceEnd = last === 46 || last === 33 || last === 63 || last === 58;
      plain[tokens] = length >= 2 ? 1 : 0;
      caseSwitch[tokens] = 0;
      bracketDelta[tokens] = 0;
      lineBreakBefore[tokens] = sawBreak ? 1 : 0;
      sawBreak = false;
      tokens++;
      continue;
    }
    // Core of the token: one trailing sentence mark and one wrapping quote/parenthesis are prose.
    let s = start;
    let e = i;
    c = u[e - 1] as number;
    if (e - s > 1 && (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63)) e--;
    c = u[s] as number;
    if (e - s > 2 && (c === 34 || c === 40 || c === 39)) s++;
    c = u[e - 1] as number;
    if (e - s > 2 && (c === 34 || c === 41 || c === 39)) e--;
    let letters = 0;
    let soup = 0;
    let other = 0;
    let switched = 0;
    let brackets = 0;
    let previousLower = false;
    for (let k = s; k < e; k++) {
      const ch = u[k] as number;
      if (ch === 40 || ch === 91 || ch === 123) brackets++;
      else if (ch === 41 || ch === 93 || ch === 125) brackets--;
      if (isLetterCode(ch)) {
        letters++;
        const upper = ch >= 65 && ch <= 90;
        if (upper && previousLower) switched = 1;
        previousLower = ch >= 97 && ch <= 122;
        continue;
      }
      previousLower = false;
      // An apostrophe between letters is prose ("framework's").
      if (ch === 39 && k > s && k + 1 < e && isLetterCode(u[k - 1] as number) && isLetterCode(u[k + 1] as number)) { letters++; continue; }
      if (ch < 128 && SOUP[ch] === 1) soup++;
      else if (!(ch >= 48 && ch <= 57)) other++;
    }
    const length = e - s;
    const pureSymbols = letters === 0 && length > 0 && (soup > 0 || other > 1);
    // Capitalised words mid-sentence count half: suffixes are full of them, prose has a few.
    const first = u[s] as number;
    const capitalised = first >= 65 && first <= 90 && !sentenceEnd;
    weird[tokens] = soup > 0 || switched === 1 || pureSymbols ? 2 : capitalised ? 1 : 0;
    const last = u[i - 1] as number;
    introduces[tokens] = last === 58 ? 1 : 0;
    sentenceEnd = last === 46 || last === 33 || last === 63 || last === 58;
    plain[tokens] = letters >= 2 && letters === length && switched === 0 ? 1 : 0;
    caseSwitch[tokens] = switched;
    bracketDelta[tokens] = brackets;
    lineBreakBefore[tokens] = sawBreak ? 1 : 0;
    sawBreak = false;
    tokens++;
  }
  if (tokens < MIN_HEAD + MIN_TAIL) return 0;
  weirdSum[0] = 0;
  plainSum[0] = 0;
  switchSum[0] = 0;
  bracketSum[0] = 0;
  breakSum[0] = 0;
  colonSum[0] = 0;
  for (let t = 0; t < tokens; t++) {
    weirdSum[t + 1] = (weirdSum[t] as number) + (weird[t] as number);
    plainSum[t + 1] = (plainSum[t] as number) + (plain[t] as number);
    switchSum[t + 1] = (switchSum[t] as number) + (caseSwitch[t] as number);
    bracketSum[t + 1] = (bracketSum[t] as number) + (bracketDelta[t] as number);
    breakSum[t + 1] = (breakSum[t] as number) + (lineBreakBefore[t] as number);
    colonSum[t + 1] = (colonSum[t] as number) + (introduces[t] as number);
  }
  // "... this query: SELECT ..." introduces a snippet of six or more tokens; a suffix follows the
  // request directly.
  if ((colonSum[tokens - 6] as number) > 0) return 0;
  let grade: 0 | 1 | 2 = 0;
  // The tail is tokens [k, tokens); try every split with a long enough head and tail.
  const first = Math.max(MIN_HEAD, tokens - MAX_TAIL);
  for (let k = first; k <= tokens - MIN_TAIL; k++) {
    const tail = tokens - k;
    const tailWeird = (weirdSum[tokens] as number) - (weirdSum[k] as number);
    // Weights: 2 per soup token, 1 per capitalised word.
    if (tailWeird * 10 < tail * 7) continue;
    const headWeird = weirdSum[k] as number;
    if (headWeird * 10 > k * 3) continue;
    const tailPlain = (plainSum[tokens] as number) - (plainSum[k] as number);
    if (tailPlain * 10 < tail * 3) continue;
    // Pasted code spans lines; a suffix is appended on the same line.
    if ((breakSum[tokens] as number) - (breakSum[k + 1] as number) > 0) continue;
    const switches = (switchSum[tokens] as number) - (switchSum[k] as number);
    const imbalance = (bracketSum[tokens] as number) - (bracketSum[k] as number);
    if (switches > 0 || imbalance !== 0) return 2;
    grade = 1;
  }
  return grade;
}
