// Hashed n-gram features (the "hashing trick") over the folded text.
//
// Character 4-grams capture sub-word cues in any script and survive small spelling changes;
// word unigrams and bigrams add phrase cues. Each feature is hashed into 2^NGRAM_BITS buckets and
// counted once (binary), so repeating a phrase does not inflate a score. Buckets are collected into
// a reused buffer; a generation stamp replaces clearing the table on every call.

import { SEPARATOR } from "./normalize.ts";

export const NGRAM_BITS = 16;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x85ebca6b;

// An 8-bit stamp keeps the table at 64 KB (cache-resident); it is cleared once every 255 calls.
const stamp = new Uint8Array(1 << NGRAM_BITS);
let generation = 0;
let buckets = new Int32Array(8192);

/** Takes the well-mixed high bits of a multiplicative hash. */
function bucketOf(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> (32 - NGRAM_BITS);
}

export interface BucketList {
  /** Distinct buckets in buckets[0..count); the buffer is reused by the next call. */
  readonly buckets: Int32Array;
  readonly count: number;
}

/** Collects the distinct feature buckets of codes[0..length). */
export function collectBuckets(codes: Uint16Array, length: number): BucketList {
  const capacity = length * 4 + 16;
  if (buckets.length < capacity) buckets = new Int32Array(Math.max(capacity, buckets.length * 2));
  generation++;
  if (generation > 255) {
    stamp.fill(0);
    generation = 1;
  }
  const gen = generation;
  const marks = stamp;
  const out = buckets;
  let count = 0;

  // Character 4-grams over " " + text. (3- to 5-grams together cost twice as much for the same
  // cross-validated accuracy.)
  const last = length - 4;
  for (let i = -1; i <= last; i++) {
    const c0 = i < 0 ? 32 : (codes[i] as number);
    const h = Math.imul(Math.imul(Math.imul(Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) ^ (codes[i + 1] as number), FNV_PRIME) ^ (codes[i + 2] as number), FNV_PRIME) ^ (codes[i + 3] as number), FNV_PRIME);
    const bucket = bucketOf(h + 4);
    if (marks[bucket] !== gen) { marks[bucket] = gen; out[count++] = bucket; }
  }

  // Word unigrams and bigrams.
  let word = FNV_OFFSET;
  let wordLength = 0;
  let previousWord = 0;
  let hasPrevious = false;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? (codes[i] as number) : 32;
    if (SEPARATOR[code] === 0) {
      word = Math.imul(word ^ code, FNV_PRIME);
      wordLength++;
      continue;
    }
    if (wordLength > 0) {
      const unigram = bucketOf(word ^ WORD_SEED);
      if (marks[unigram] !== gen) { marks[unigram] = gen; out[count++] = unigram; }
      if (hasPrevious) {
        const bigram = bucketOf(Math.imul(previousWord ^ BIGRAM_SEED, FNV_PRIME) ^ word);
        if (marks[bigram] !== gen) { marks[bigram] = gen; out[count++] = bigram; }
      }
      previousWord = word;
      hasPrevious = true;
    }
    word = FNV_OFFSET;
    wordLength = 0;
  }
  return { buckets: out, count };
}
