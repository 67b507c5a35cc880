// Hashed n-gram features (the "hashing trick") over the folded text.
//
// Character 4-grams capture sub-word cues in any script and survive small spelling changes;
// word unigrams and bigrams add phrase cues; in scripts written without spaces (CJK, kana, Thai)
// single characters and character bigrams stand in for words (collectUnspaced). Each feature is
// hashed into 2^NGRAM_BITS buckets and counted once (binary), so repeating a phrase does not inflate
// a score. Buckets are collected into a reused buffer; a generation stamp replaces clearing the table
// on every call.

import { type Automaton, ESCAPE, finishAutomaton, type HitHandler, initialState, reportOutputs } from "./matcher.ts";
import { isUnspacedScript, SEPARATOR } from "./normalize.ts";

export const NGRAM_BITS = 16;
/**
 * Which features fill the buckets, recorded in the weights file (WeightsFile.ngramFeatures) so that a
 * scanner never sums weights fitted on other features. 1: character 4-grams and word uni/bigrams;
 * 2: also the character unigrams and bigrams of scripts written without spaces (collectUnspaced).
 * After changing the features, set `ngramFeatures` in model/weights.json to the new value by hand before
 * the first `bun run train:security`: the trainer imports the scanner, which refuses a file whose value
 * differs, and the run rewrites the file anyway.
 */
export const NGRAM_FEATURES = 2;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x85ebca6b;
const UNSPACED_SEED = 0xc2b2ae35;
/**
 * N-grams of a whole text are taken from at most this many folded characters at each end (the
 * training script's features for long rows; the scanner scores such texts through windows).
 */
export const CHAR_NGRAM_HEAD = 1536;
export const CHAR_NGRAM_TAIL = 512;
/**
 * Texts up to this many folded characters are scored whole; longer ones only as overlapping windows
 * of WINDOW_CHARS characters, WINDOW_STEP apart, from the start to the end (see windowCount).
 */
export const WHOLE_TEXT_MAX = CHAR_NGRAM_HEAD + CHAR_NGRAM_TAIL;
export const WINDOW_CHARS = 512;
export const WINDOW_STEP = 384;
/** A window edge moves at most this far to the next separator, so that it does not cut a word. */
const WINDOW_SNAP = 32;

// An 8-bit stamp keeps the table at 64 KB (cache-resident); it is cleared once every 255 calls.
const stamp = new Uint8Array(1 << NGRAM_BITS);
let generation = 0;
let buckets = new Int32Array(8192);
/** The windows' own bucket list: separate from `buckets`, which still holds the whole text's. */
const windowList = { buckets: new Int32Array(4 * (WINDOW_CHARS + 2 * WINDOW_SNAP) + 16), count: 0 };

const ROLL = 0x01000193;
const ROLL3 = Math.imul(Math.imul(ROLL, ROLL), ROLL);

/** Takes the well-mixed high bits of a multiplicative hash. */
function bucketOf(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> (32 - NGRAM_BITS);
}

export interface BucketList {
  /** Distinct buckets in buckets[0..count); the buffer is reused by the next call. */
  readonly buckets: Int32Array;
  readonly count: number;
}

/**
 * Collects the distinct feature buckets of codes[0..length). `nonLatin`: the text may hold letters of
 * a script written without spaces (the fold's signal; false skips collectUnspaced's pass).
 */
export function collectBuckets(codes: Uint16Array, length: number, nonLatin: boolean): BucketList {
  const capacity = length * 4 + 16;
  if (buckets.length < capacity) buckets = new Int32Array(Math.max(capacity, buckets.length * 2));
  const gen = nextGeneration();
  const marks = stamp;
  const out = buckets;
  let count = 0;

  // Character 4-grams over " " + text, with a polynomial rolling hash (two multiplications per
  // character), and word unigrams and bigrams, in one pass. (3- to 5-grams together cost twice as
  // much for the same cross-validated accuracy.) Long texts contribute their head and tail only:
  // past a few KB the distinct 4-grams are mostly topic, not attack wording, and they cost the most
  // per character.
  const long = length > CHAR_NGRAM_HEAD + CHAR_NGRAM_TAIL;
  count = collectRange(codes, 0, long ? CHAR_NGRAM_HEAD : length, true, out, count, marks, gen);
  if (long) count = collectRange(codes, length - CHAR_NGRAM_TAIL, length, false, out, count, marks, gen);
  if (nonLatin) {
    count = collectUnspaced(codes, 0, long ? CHAR_NGRAM_HEAD : length, out, count, marks, gen);
    if (long) count = collectUnspaced(codes, length - CHAR_NGRAM_TAIL, length, out, count, marks, gen);
  }
  return { buckets: out, count };
}

/**
 * collectBuckets for a text scored whole (length ≤ WHOLE_TEXT_MAX) that also runs `automaton` (an
 * unanchored one, like the Latin automaton) over it and reports its hits to `onHit` exactly as
 * runAutomaton would, in the same order (see collectRangeScanning).
 */
export function collectBucketsScanning(codes: Uint16Array, length: number, nonLatin: boolean, automaton: Automaton, onHit: HitHandler): BucketList {
  if (length > WHOLE_TEXT_MAX || automaton.anchorFrom > 0) throw new Error("collectBucketsScanning: whole texts and unanchored automata only");
  const capacity = length * 4 + 16;
  if (buckets.length < capacity) buckets = new Int32Array(Math.max(capacity, buckets.length * 2));
  const gen = nextGeneration();
  let count = collectRangeScanning(codes, 0, length, true, buckets, 0, stamp, gen, automaton, onHit);
  if (nonLatin) count = collectUnspaced(codes, 0, length, buckets, count, stamp, gen);
  return { buckets, count };
}

function nextGeneration(): number {
  generation++;
  if (generation > 255) {
    stamp.fill(0);
    generation = 1;
  }
  return generation;
}

/**
 * Number of windows a text of `length` folded characters is scored in: 0 up to WHOLE_TEXT_MAX (the
 * text is scored whole), else enough windows from the start that the last one reaches the end. Window
 * k starts at windowStart(k); neighbours overlap by WINDOW_CHARS - WINDOW_STEP characters, so any
 * passage of up to that length lies whole inside one window.
 */
export function windowCount(length: number): number {
  if (length <= WHOLE_TEXT_MAX) return 0;
  return Math.ceil((length - WINDOW_CHARS) / WINDOW_STEP) + 1;
}

export function windowStart(k: number): number {
  return k * WINDOW_STEP;
}

/**
 * Collects the distinct buckets (the same features as collectBuckets) of window k of
 * codes[0..length), edges moved forward to the next separator. The list is reused by the next call;
 * the whole text's list from collectBuckets stays valid. `nonLatin` as for collectBuckets.
 */
export function collectWindowBuckets(codes: Uint16Array, length: number, k: number, nonLatin: boolean): BucketList {
  const separator = SEPARATOR;
  let from = windowStart(k);
  let to = Math.min(length, from + WINDOW_CHARS);
  for (let n = 0; n < WINDOW_SNAP && from > 0 && from < to && separator[codes[from - 1] as number] === 0; n++) from++;
  for (let n = 0; n < WINDOW_SNAP && to < length && separator[codes[to] as number] === 0; n++) to++;
  if (to - from < 4) {
    windowList.count = 0;
    return windowList;
  }
  // The first window starts the text, after the same leading space as a whole text's n-grams.
  const gen = nextGeneration();
  const count = collectRange(codes, from, to, from === 0, windowList.buckets, 0, stamp, gen);
  windowList.count = nonLatin ? collectUnspaced(codes, from, to, windowList.buckets, count, stamp, gen) : count;
  return windowList;
}

/**
 * Adds the distinct buckets of codes[from..to) to `out`: its character 4-grams (over " " + the range
 * when `leadingSpace`) and its word unigrams and bigrams (the range's end ends a word). One loop
 * feeds both: the 4-gram hash and the word hash are independent chains the CPU overlaps. A bucket is
 * appended when its stamp differs from `gen` (branch-free: whether an n-gram is new is
 * unpredictable, and a mispredicted branch costs more).
 *
 * The 4-gram hash of units c0..c3 is c0·R³ + c1·R² + c2·R + c3 (mod 2³²), slid one unit per step.
 * (Computing it afresh from the last four units, three independent multiplications, measured slower.)
 */
function collectRange(codes: Uint16Array, from: number, to: number, leadingSpace: boolean, out: Int32Array, count: number, marks: Uint8Array, gen: number): number {
  const separator = SEPARATOR;
  // Index of the last unit of the first 4-gram; the leading space is its first unit.
  const firstEnd = leadingSpace ? from + 2 : from + 3;
  // From here on the unit leaving the 4-gram is codes[i - 4]; the first steps are peeled off so
  // that the main loop needs no test for them.
  const slideFrom = Math.min(to, from + 4);
  let h = leadingSpace ? 32 : 0;
  let word = FNV_OFFSET;
  let wordLength = 0;
  let previousWord = 0;
  let hasPrevious = false;
  for (let i = from; i < slideFrom; i++) {
    const code = codes[i] as number;
    // Past firstEnd here only with a leading space, which is the unit leaving.
    h = i > firstEnd ? Math.imul(h - Math.imul(32, ROLL3), ROLL) + code : Math.imul(h, ROLL) + code;
    if (i >= firstEnd) {
      const bucket = bucketOf((h + 4) | 0);
      out[count] = bucket;
      count += (((marks[bucket] as number) ^ gen) + 255) >> 8; // 1 when the stamp differs (both < 256)
      marks[bucket] = gen;
    }
    if (separator[code] === 0) {
      word = Math.imul(word ^ code, FNV_PRIME);
      wordLength++;
      continue;
    }
    if (wordLength > 0) {
      count = addWord(word, previousWord, hasPrevious, out, count, marks, gen);
      previousWord = word;
      hasPrevious = true;
    }
    word = FNV_OFFSET;
    wordLength = 0;
  }
  for (let i = slideFrom; i < to; i++) {
    const code = codes[i] as number;
    h = Math.imul(h - Math.imul(codes[i - 4] as number, ROLL3), ROLL) + code;
    const bucket = bucketOf((h + 4) | 0);
    out[count] = bucket;
    count += (((marks[bucket] as number) ^ gen) + 255) >> 8;
    marks[bucket] = gen;
    if (separator[code] === 0) {
      word = Math.imul(word ^ code, FNV_PRIME);
      wordLength++;
      continue;
    }
    if (wordLength > 0) {
      count = addWord(word, previousWord, hasPrevious, out, count, marks, gen);
      previousWord = word;
      hasPrevious = true;
    }
    word = FNV_OFFSET;
    wordLength = 0;
  }
  if (wordLength > 0) count = addWord(word, previousWord, hasPrevious, out, count, marks, gen);
  return count;
}

/**
 * collectRange with `automaton` run over the same units in the same loop, from its initial state (so
 * only for a range that is the whole text), reporting its hits to `onHit` after the loop, in text order,
 * as runAutomaton does. The automaton's steps wait on table loads and the hashing is arithmetic, so the
 * CPU overlaps them: over the corpus's prompts up to 2 048 characters the scan is ≈ 10% faster than with
 * two passes. Reporting each hit from inside the loop measured slower than two passes.
 *
 * The n-gram half is collectRange's loop, written out a second time on purpose: one loop with the
 * automaton's steps behind a flag, or an automaton over no keywords for the plain callers (windows),
 * cost the windows of long texts 5–8% of their scan (docs/security.md, third 2026-11-29 session).
 * A change to the features must be made in both; features.test.ts checks that they agree.
 */
function collectRangeScanning(
  codes: Uint16Array, from: number, to: number, leadingSpace: boolean, out: Int32Array, count: number, marks: Uint8Array, gen: number,
  automaton: Automaton, onHit: HitHandler,
): number {
  const separator = SEPARATOR;
  const { classOf, alphabetSize, next, firstOutputState, escapes } = automaton;
  let state = initialState(automaton);
  if (heldHits.length < 2 * (to - from) + 2) heldHits = new Int32Array(2 * (to - from) + 2);
  const held = heldHits;
  let pending = 0;
  // Index of the last unit of the first 4-gram; the leading space is its first unit.
  const firstEnd = leadingSpace ? from + 2 : from + 3;
  // From here on the unit leaving the 4-gram is codes[i - 4]; the first steps are peeled off so
  // that the main loop needs no test for them.
  const slideFrom = Math.min(to, from + 4);
  let h = leadingSpace ? 32 : 0;
  let word = FNV_OFFSET;
  let wordLength = 0;
  let previousWord = 0;
  let hasPrevious = false;
  for (let i = from; i < slideFrom; i++) {
    const code = codes[i] as number;
    const at = state * alphabetSize + (classOf[code] as number);
    state = next[at] as number;
    if (state >= firstOutputState) {
      if (state === ESCAPE && escapes !== null) state = escapes.get(at) as number;
      held[pending++] = state;
      held[pending++] = i;
    }
    // Past firstEnd here only with a leading space, which is the unit leaving.
    h = i > firstEnd ? Math.imul(h - Math.imul(32, ROLL3), ROLL) + code : Math.imul(h, ROLL) + code;
    if (i >= firstEnd) {
      const bucket = bucketOf((h + 4) | 0);
      out[count] = bucket;
      count += (((marks[bucket] as number) ^ gen) + 255) >> 8; // 1 when the stamp differs (both < 256)
      marks[bucket] = gen;
    }
    if (separator[code] === 0) {
      word = Math.imul(word ^ code, FNV_PRIME);
      wordLength++;
      continue;
    }
    if (wordLength > 0) {
      count = addWord(word, previousWord, hasPrevious, out, count, marks, gen);
      previousWord = word;
      hasPrevious = true;
    }
    word = FNV_OFFSET;
    wordLength = 0;
  }
  for (let i = slideFrom; i < to; i++) {
    const code = codes[i] as number;
    const at = state * alphabetSize + (classOf[code] as number);
    state = next[at] as number;
    if (state >= firstOutputState) {
      if (state === ESCAPE && escapes !== null) state = escapes.get(at) as number;
      held[pending++] = state;
      held[pending++] = i;
    }
    h = Math.imul(h - Math.imul(codes[i - 4] as number, ROLL3), ROLL) + code;
    const bucket = bucketOf((h + 4) | 0);
    out[count] = bucket;
    count += (((marks[bucket] as number) ^ gen) + 255) >> 8;
    marks[bucket] = gen;
    if (separator[code] === 0) {
      word = Math.imul(word ^ code, FNV_PRIME);
      wordLength++;
      continue;
    }
    if (wordLength > 0) {
      count = addWord(word, previousWord, hasPrevious, out, count, marks, gen);
      previousWord = word;
      hasPrevious = true;
    }
    word = FNV_OFFSET;
    wordLength = 0;
  }
  if (wordLength > 0) count = addWord(word, previousWord, hasPrevious, out, count, marks, gen);
  for (let k = 0; k < pending; k += 2) reportOutputs(automaton, held[k] as number, held[k + 1] as number, onHit);
  finishAutomaton(automaton, state, to, onHit);
  return count;
}

/** (state, index) pairs of collectRangeScanning's hits, reported after its loop. */
let heldHits = new Int32Array(1024);

/**
 * Adds the character unigrams and bigrams of the runs of codes[from..to) written in a script without
 * spaces (CJK, kana, Thai: isUnspacedScript). There a "word" is a whole run between punctuation, so the
 * word features are sentence hashes, and a character 4-gram spans two or three words; single characters
 * and bigrams are the units that carry meaning ("忽略", "指示", "無視"), as in Chinese and Japanese text
 * classification.
 */
function collectUnspaced(codes: Uint16Array, from: number, to: number, out: Int32Array, count: number, marks: Uint8Array, gen: number): number {
  let previous = -1;
  for (let i = from; i < to; i++) {
    const code = codes[i] as number;
    if (!isUnspacedScript(code)) {
      previous = -1;
      continue;
    }
    const unigram = bucketOf(Math.imul(code ^ UNSPACED_SEED, FNV_PRIME));
    out[count] = unigram;
    count += (((marks[unigram] as number) ^ gen) + 255) >> 8;
    marks[unigram] = gen;
    if (previous >= 0) {
      const bigram = bucketOf(Math.imul(previous ^ UNSPACED_SEED, FNV_PRIME) ^ code);
      out[count] = bigram;
      count += (((marks[bigram] as number) ^ gen) + 255) >> 8;
      marks[bigram] = gen;
    }
    previous = code;
  }
  return count;
}

/** Adds a word's unigram bucket and, after another word, the bigram's. */
function addWord(word: number, previousWord: number, hasPrevious: boolean, out: Int32Array, count: number, marks: Uint8Array, gen: number): number {
  const unigram = bucketOf(word ^ WORD_SEED);
  out[count] = unigram;
  count += (((marks[unigram] as number) ^ gen) + 255) >> 8;
  marks[unigram] = gen;
  if (hasPrevious) {
    const bigram = bucketOf(Math.imul(previousWord ^ BIGRAM_SEED, FNV_PRIME) ^ word);
    out[count] = bigram;
    count += (((marks[bigram] as number) ^ gen) + 255) >> 8;
    marks[bigram] = gen;
  }
  return count;
}
