// Text normalisation shared by the rule matcher and the n-gram model.
//
// Attackers dodge keyword filters with look-alike characters, invisible characters, leetspeak and
// spaced-out letters. Everything downstream therefore reads a *folded* view of the text: one pass
// that lowercases, strips diacritics, drops invisibles, folds homoglyphs and leetspeak inside
// suspicious tokens and collapses whitespace. Each folded code unit remembers where it came from so
// that excerpts can be cut from the readable text. Buffers are module-level and reused: a scan
// allocates almost nothing.

// biome-ignore lint/suspicious/noConstEnum: a file-local const enum is inlined by Bun; the hot loop reads plain numbers.
const enum Kind {
  Punct = 0,
  Space = 1,
  Latin = 2,
  /** A Cyrillic/Greek letter that looks like a Latin one. */
  Confusable = 3,
  /** Any other letter, mark or non-ASCII digit (Cyrillic, CJK, Arabic, ...). */
  OtherLetter = 4,
  Digit = 5,
  /** Symbols used as letters in leetspeak: @ $. */
  LeetSymbol = 6,
  /** Zero-width and bidi control characters: removed, and their presence is a signal. */
  Invisible = 7,
  /** Removed silently (variation selectors, which emoji use legitimately). */
  Ignorable = 8,
  /** Latin small capitals and similar letters NFKC leaves alone: always folded, and a signal. */
  OddLatin = 9,
}

const KIND = new Uint8Array(65536);
const FOLD = new Uint16Array(65536);
const HOMOGLYPH = new Uint16Array(65536);
const LEET = new Uint16Array(128);

const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y",
  х: "x", ь: "b", і: "i", ї: "i", ј: "j", ѕ: "s", һ: "h", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l", п: "n",
  г: "r",
  // Greek
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x",
  γ: "y", ω: "w", μ: "u", ς: "s", σ: "o",
};

const ODD_LATIN: Record<string, string> = {
  ᴀ: "a", ʙ: "b", ᴄ: "c", ᴅ: "d", ᴇ: "e", ꜰ: "f", ɢ: "g", ʜ: "h", ɪ: "i", ᴊ: "j", ᴋ: "k", ʟ: "l",
  ᴍ: "m", ɴ: "n", ᴏ: "o", ᴘ: "p", ǫ: "q", ʀ: "r", ꜱ: "s", ᴛ: "t", ᴜ: "u", ᴠ: "v", ᴡ: "w", ʏ: "y",
  ᴢ: "z", ɑ: "a", ɡ: "g", ℓ: "l",
};

/**
 * Latin letters with a stroke, which have no decomposition for NFD to strip: folded to their base
 * letter like accented ones, so that Polish "hasło" or Danish "købt" are Latin words to the keyword
 * rules (written with the same fold), not letters of another script. Turkish dotless "ı" is one too:
 * counted as a homoglyph, it put an obfuscation signal on every Turkish text (and the model reads that
 * signal as evidence of extraction). Vietnamese "đ" stays apart:
 * with the tone marks stripped, "đừng" (don't) would become "dùng" (use, as in "người dùng", user).
 */
const STROKED_LATIN: Record<string, string> = { ł: "l", Ł: "l", ø: "o", Ø: "o", ħ: "h", Ħ: "h", ı: "i" };

const LEET_MAP: Record<string, string> = {
  "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s",
};

const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff],
  [0x00ad, 0x00ad], [0x180e, 0x180e], [0x034f, 0x034f], [0x115f, 0x1160], [0x3164, 0x3164],
  [0xffa0, 0xffa0], [0x17b4, 0x17b5],
];

function buildTables(): void {
  const letter = /\p{L}|\p{M}/u;
  const number = /\p{N}/u;
  const space = /\s/u;
  for (let c = 0; c < 65536; c++) {
    FOLD[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) {
      KIND[c] = Kind.Punct;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (c < 128) {
      if (c >= 65 && c <= 90) { KIND[c] = Kind.Latin; FOLD[c] = c + 32; }
      else if (c >= 97 && c <= 122) KIND[c] = Kind.Latin;
      else if (c >= 48 && c <= 57) KIND[c] = Kind.Digit;
      else if (c === 64 || c === 36) KIND[c] = Kind.LeetSymbol;
      else if (c === 32 || (c >= 9 && c <= 13)) KIND[c] = Kind.Space;
      else KIND[c] = Kind.Punct;
      continue;
    }
    if (space.test(ch)) { KIND[c] = Kind.Space; continue; }
    if (letter.test(ch) || number.test(ch)) {
      KIND[c] = Kind.OtherLetter;
      // Lowercase and strip diacritics only for alphabetic scripts; CJK and Hangul stay intact.
      if (c < 0x0530 || (c >= 0x1e00 && c <= 0x1fff) || (c >= 0x2c00 && c <= 0x2dff) || (c >= 0xa640 && c <= 0xa7ff)) {
        const lower = ch.toLowerCase();
        let folded = lower.length === 1 ? lower.charCodeAt(0) : c;
        const decomposed = String.fromCharCode(folded).normalize("NFD");
        if (decomposed.length > 1 && decomposed.charCodeAt(0) < 0x0530) folded = decomposed.charCodeAt(0);
        FOLD[c] = folded;
        if (folded >= 97 && folded <= 122) KIND[c] = Kind.Latin;
      }
      continue;
    }
    KIND[c] = Kind.Punct;
  }
  for (const [from, to] of INVISIBLE_RANGES) for (let c = from; c <= to; c++) KIND[c] = Kind.Invisible;
  for (let c = 0xfe00; c <= 0xfe0f; c++) KIND[c] = Kind.Ignorable;
  for (const [from, to] of Object.entries(CONFUSABLES)) {
    for (const variant of [from, from.toUpperCase()]) {
      const code = variant.charCodeAt(0);
      if (KIND[code] === Kind.OtherLetter) KIND[code] = Kind.Confusable;
      HOMOGLYPH[code] = to.charCodeAt(0);
    }
  }
  for (const [from, to] of Object.entries(ODD_LATIN)) {
    const code = from.charCodeAt(0);
    KIND[code] = Kind.OddLatin;
    FOLD[code] = to.charCodeAt(0);
  }
  for (const [from, to] of Object.entries(STROKED_LATIN)) {
    const code = from.charCodeAt(0);
    KIND[code] = Kind.Latin;
    FOLD[code] = to.charCodeAt(0);
  }
  for (const [from, to] of Object.entries(LEET_MAP)) LEET[from.charCodeAt(0)] = to.charCodeAt(0);
}
buildTables();

/** Obfuscation evidence gathered while folding; each becomes a rule id when present. */
export interface ObfuscationSignals {
  invisible: number;
  tagChars: number;
  homoglyphs: number;
  leetTokens: number;
  spacedLetters: number;
  /** Length of the longest run of letters/digits: a cheap trigger for the base64 decoder. */
  longestToken: number;
  /** Whether any non-Latin letter was seen: the non-Latin rule automaton only runs then. */
  nonLatin: boolean;
  /** Whether a dot and a dash ("." or "·" next to "-") touch: Morse code may be present. */
  dotDash: boolean;
  /** Count of the digits 0 and 1: 8-bit binary needs at least 16. */
  binaryDigits: number;
}

export interface FoldedText {
  /** Folded code units; only the first `length` are valid (the array is a reused buffer). */
  codes: Uint16Array;
  /** For each folded code unit, its index in the source string. */
  origin: Int32Array;
  length: number;
  signals: ObfuscationSignals;
  /** ASCII text smuggled in Unicode tag characters (U+E0020–E007E), decoded. */
  tagPayload: string;
  /** The text that was folded (foldNfkc: its NFKC form). */
  text: string;
  /** `text`'s UTF-16 code units in units[0..text.length) (a reused buffer, valid until the next fold). */
  units: Uint16Array;
  /** Whether NFKC leaves every character of `text` alone, so that `text` is its own NFKC form. */
  nfkcStable: boolean;
  /**
   * Folded indices of the punctuation code units, ascending, in punctuation[0..punctuationCount):
   * delimiter detection only looks there instead of rereading the whole text.
   */
  punctuation: Int32Array;
  punctuationCount: number;
}

let codesBuf = new Uint16Array(4096);
let originBuf = new Int32Array(4096);
let spareCodes = new Uint16Array(4096);
let spareOrigin = new Int32Array(4096);
let punctuationBuf = new Int32Array(4096);

/**
 * The code units of the text being folded, copied in by Buffer.write (native, one call): the fold's
 * loops read them from this typed array, which costs fewer instructions than charCodeAt (the fold
 * ≈ 8% faster). Its own ArrayBuffer, so that the 16-bit view is aligned.
 */
let unitBytes = Buffer.allocUnsafeSlow(2 * 4096);
let unitsBuf = new Uint16Array(unitBytes.buffer, 0, 4096);

function ensureCapacity(n: number): void {
  if (codesBuf.length >= n) return;
  const size = Math.max(n, codesBuf.length * 2);
  codesBuf = new Uint16Array(size);
  originBuf = new Int32Array(size);
  spareCodes = new Uint16Array(size);
  spareOrigin = new Int32Array(size);
  punctuationBuf = new Int32Array(size);
  unitBytes = Buffer.allocUnsafeSlow(2 * size);
  unitsBuf = new Uint16Array(unitBytes.buffer, 0, size);
}

/**
 * NFKC maps full-width, mathematical and compatibility letters to plain ones. normalize() returns
 * ASCII text unchanged after its own (vectorised) ASCII check: testing with a regex first costs a
 * second pass over non-ASCII text and is no faster on ASCII.
 */
export function toNfkc(text: string): string {
  return text.normalize("NFKC");
}

/**
 * Folds the NFKC form of `raw` (FoldedText.text). The fold notes on the way whether `raw` holds a
 * character NFKC could change (foldText's nfkcStable); most texts hold none, and they are folded once
 * without calling normalize(), which costs a few thousand instructions per call even on ASCII text.
 */
export function foldNfkc(raw: string): FoldedText {
  const folded = foldText(raw);
  if (folded.nfkcStable) return folded;
  const text = raw.normalize("NFKC");
  return text === raw ? folded : foldText(text);
}

/** Per BMP code unit: 0 not yet known, 1 NFKC leaves it alone in any text, 2 it may not. */
const NFKC_STATE = new Uint8Array(65536);
const MARK = /\p{M}/u;

/**
 * Whether NFKC leaves code unit `c` (≥ 128) alone wherever it stands: it is its own NFKC form, and it
 * is not a character that composes with or reorders around the one before it. Those are the
 * combining marks and the Hangul vowel and final jamo; surrogates are left to normalize(). Worked out
 * on first sight and remembered.
 */
function nfkcStableUnit(c: number): boolean {
  let state = NFKC_STATE[c] as number;
  if (state === 0) {
    const ch = String.fromCharCode(c);
    const composes = (c >= 0xd800 && c <= 0xdfff) || (c >= 0x1100 && c <= 0x11ff) || MARK.test(ch);
    state = !composes && ch.normalize("NFKC") === ch ? 1 : 2;
    NFKC_STATE[c] = state;
  }
  return state === 1;
}

function emptySignals(): ObfuscationSignals {
  return { invisible: 0, tagChars: 0, homoglyphs: 0, leetTokens: 0, spacedLetters: 0, longestToken: 0, nonLatin: false, dotDash: false, binaryDigits: 0 };
}

/** 1 for kinds that belong inside a token (letters, digits, leet symbols, invisibles). */
const IN_TOKEN = new Uint8Array(16);
for (const kind of [Kind.Latin, Kind.Confusable, Kind.OtherLetter, Kind.Digit, Kind.LeetSymbol, Kind.OddLatin, Kind.Invisible, Kind.Ignorable]) {
  IN_TOKEN[kind] = 1;
}
/** 1 for the ASCII code units that end a token (spaces and punctuation: what IN_TOKEN leaves out). */
const ENDS_TOKEN = new Uint8Array(65536);
for (let c = 0; c < 128; c++) if (IN_TOKEN[KIND[c] as number] === 0) ENDS_TOKEN[c] = 1;

/**
 * Folds `text` (already NFKC) into the shared buffers. The result is valid until the next call.
 * Runs in one pass: each token is emitted while it is read, and rewritten in place in the rare case
 * that it needs homoglyph or leetspeak folding.
 */
export function foldText(text: string): FoldedText {
  const n = text.length;
  ensureCapacity(n + 2);
  const codes = codesBuf;
  const origin = originBuf;
  const punctuation = punctuationBuf;
  const units = unitsBuf;
  unitBytes.write(text, 0, "utf16le");
  let punctuationCount = 0;
  const signals = emptySignals();
  let tagPayload = "";
  let out = 0;
  let lastWasSpace = true;
  let singleRun = 0;
  let lastTokenEnd = -10;
  let longestToken = 0;
  let binaryDigits = 0;
  let nfkcStable = true;
  let i = 0;
  while (i < n) {
    const c = units[i] as number;
    // A lowercase ASCII letter starts a token: no need to ask what else the character could be.
    if (c < 97 || c > 122) {
      if (c >= 128 && nfkcStable && NFKC_STATE[c] !== 1) nfkcStable = nfkcStableUnit(c);
      const kind = KIND[c] as number;
      if (kind === Kind.Space) {
        if (!lastWasSpace) {
          codes[out] = 32;
          origin[out++] = i;
          lastWasSpace = true;
        }
        i++;
        continue;
      }
      if (kind === Kind.Punct || (kind === Kind.LeetSymbol && !nextIsLetter(text, i + 1))) {
        // Unicode tag characters (U+E0000 block) are invisible yet readable by models: decode them.
        if (c === 0xdb40 && i + 1 < n) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdc7f) {
            signals.tagChars++;
            const ascii = low - 0xdc00;
            if (ascii >= 0x20 && ascii < 0x7f && tagPayload.length < 4096) tagPayload += String.fromCharCode(ascii);
            i += 2;
            continue;
          }
        }
        // An English contraction's apostrophe is dropped, in text and keywords alike: "don't" and "dont",
        // "you're" and "youre" fold the same, as people type both ("You cant refuse" asks what "You can't
        // refuse" asks).
        if (isApostrophe(c) && out > 0 && isContractionTail(units, i + 1, n, codes[out - 1] as number)) {
          i++;
          continue;
        }
        if (kind === Kind.Punct) {
          punctuation[punctuationCount++] = out;
          if (i > 0 && (c === 45 ? isDot(units[i - 1] as number) : isDot(c) && units[i - 1] === 45)) signals.dotDash = true;
        }
        codes[out] = FOLD[c] as number;
        origin[out++] = i;
        lastWasSpace = false;
        i++;
        continue;
      }
      if (kind === Kind.Invisible) { signals.invisible++; i++; continue; }
      if (kind === Kind.Ignorable) { i++; continue; }
    }
    // A token: letters, digits and leet symbols, emitted case- and diacritic-folded as it is read.
    let hasLatin = false;
    let hasConfusable = false;
    let hasLeet = false;
    let leetInside = false;
    let letters = 0;
    // Letters of a script written with spaces (1) or without (2, isUnspacedScript) in this token so
    // far. Where the two meet the token ends: "额定功率750W" is two tokens ("额定功率750", "W"), not a
    // letter-digit-letter token that reads as leetspeak, and "6月5S检查" is not one either.
    let script = 0;
    let end = i;
    const start = out;
    while (end < n) {
      const ch = units[end] as number;
      // Lowercase ASCII letters, most of most texts, fold to themselves: a run of them is copied in a
      // loop of its own, and the token's flags are set once for the run.
      if (ch >= 97 && ch <= 122) {
        if (script === 2) break;
        const runStart = end;
        codes[out] = ch;
        origin[out++] = end++;
        while (end < n) {
          const next = units[end] as number;
          if (next < 97 || next > 122) break;
          codes[out] = next;
          origin[out++] = end++;
        }
        script = 1;
        hasLatin = true;
        letters += end - runStart;
        // A space or ASCII punctuation, the usual ends of a word, end the token without the lookups below.
        if (end < n && ENDS_TOKEN[units[end] as number] === 1) break;
        continue;
      }
      // An ASCII capital: a Latin letter, folded to lowercase, without the lookups below.
      if (ch >= 65 && ch <= 90) {
        if (script === 2) break;
        script = 1;
        hasLatin = true;
        letters++;
        codes[out] = ch + 32;
        origin[out++] = end++;
        continue;
      }
      if (ch >= 128 && nfkcStable && NFKC_STATE[ch] !== 1) nfkcStable = nfkcStableUnit(ch);
      const k = KIND[ch] as number;
      if (isLetterKind(k) || k === Kind.OtherLetter) {
        const letterScript = isUnspacedScript(ch) ? 2 : 1;
        if (script !== 0 && script !== letterScript) break;
        script = letterScript;
      }
      if (k === Kind.Latin) {
        hasLatin = true;
        letters++;
      } else if (IN_TOKEN[k] === 0) {
        break;
      } else if (k === Kind.Invisible) {
        signals.invisible++;
        end++;
        continue;
      } else if (k === Kind.Ignorable) {
        end++;
        continue;
      } else if (k === Kind.OddLatin) {
        hasLatin = true;
        letters++;
        signals.homoglyphs++;
      } else if (k === Kind.Confusable) {
        hasConfusable = true;
        letters++;
      } else if (k === Kind.OtherLetter) {
        letters++;
        signals.nonLatin = true;
      } else {
        // Digit or leet symbol; leetspeak when a letter follows it (or it follows a letter).
        hasLeet = true;
        if (ch === 48 || ch === 49) binaryDigits++;
        if (end + 1 < n && isLetterKind(KIND[text.charCodeAt(end + 1)] as number)) leetInside = true;
      }
      codes[out] = FOLD[ch] as number;
      origin[out++] = end;
      end++;
    }
    if (hasConfusable || hasLeet) {
      const foldHomoglyphs = hasLatin && hasConfusable;
      // "14th", "2nd", "10am", "2fa", "64kb" are numbers with a unit or ordinal, not leetspeak.
      const foldLeet = hasLatin && hasLeet && letters >= 2 && !isNumberWithSuffix(text, i, end);
      if (foldHomoglyphs) signals.homoglyphs++;
      if (foldLeet && leetInside) signals.leetTokens++;
      if (hasConfusable && !foldHomoglyphs) signals.nonLatin = true;
      if (foldHomoglyphs || foldLeet) refoldToken(text, start, out, foldHomoglyphs, foldLeet);
    }
    const tokenLength = out - start;
    if (tokenLength > longestToken) longestToken = tokenLength;
    // Spaced-out letters ("i g n o r e"): count runs of one-letter tokens with short gaps. An
    // apostrophe is a contraction's, not a gap: "I'm a" is not spaced-out.
    // A capital followed by ". " is an initial ("J. M. W. Turner", "U. S. A."), not a spaced-out letter.
    const single = tokenLength === 1 && letters === 1 && !(end + 1 < n && units[end] === 46 && units[end + 1] === 32 && isCapital(text.charCodeAt(i)));
    // A token that starts where the last one ended was split off it at a change of script ("A股"):
    // the two are one word, not spaced-out letters.
    if (single && i - lastTokenEnd <= 3 && i > lastTokenEnd && !isApostrophe(text.charCodeAt(i - 1))) {
      singleRun++;
      if (singleRun === 3) signals.spacedLetters++;
    } else {
      singleRun = single ? 1 : 0;
    }
    lastTokenEnd = end;
    // A plain space after the token is emitted here, saving the loop a round for it.
    if (end < n && units[end] === 32) {
      codes[out] = 32;
      origin[out++] = end;
      lastWasSpace = true;
      i = end + 1;
    } else {
      lastWasSpace = false;
      i = end;
    }
  }
  signals.longestToken = longestToken;
  signals.binaryDigits = binaryDigits;
  let length = out;
  if (signals.spacedLetters > 0) {
    length = joinSpacedLetters(length);
    punctuationCount = findPunctuation(codesBuf, length, punctuation);
  }
  return { codes: codesBuf, origin: originBuf, length, signals, tagPayload, text, units, nfkcStable, punctuation, punctuationCount };
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Lists the indices of punctuation in codes[0..length) (after joinSpacedLetters moved them). */
function findPunctuation(codes: Uint16Array, length: number, out: Int32Array): number {
  let count = 0;
  for (let p = 0; p < length; p++) if (KIND[codes[p] as number] === Kind.Punct) out[count++] = p;
  return count;
}

/** Replaces look-alike letters and leet digits of the token emitted at codes[start..end). */
function refoldToken(text: string, start: number, end: number, foldHomoglyphs: boolean, foldLeet: boolean): void {
  const codes = codesBuf;
  const origin = originBuf;
  for (let p = start; p < end; p++) {
    const ch = text.charCodeAt(origin[p] as number);
    const k = KIND[ch] as number;
    if (k === Kind.Confusable && foldHomoglyphs) codes[p] = HOMOGLYPH[codes[p] as number] || HOMOGLYPH[ch] || (codes[p] as number);
    else if ((k === Kind.Digit || k === Kind.LeetSymbol) && foldLeet) codes[p] = LEET[ch] || (codes[p] as number);
  }
}

/** A Morse dot: "." or "·". */
function isDot(code: number): boolean {
  return code === 46 || code === 0xb7;
}

/** An ASCII or typographic apostrophe. */
function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/**
 * Whether units[at..) after an apostrophe is an English contraction's tail ("t" after "n"; "re", "ve",
 * "m") ending the word. Not "s" ("the user's" is a possessive, "the users" another phrase), "ll" or "d"
 * ("she'll" is not "shell", "I'd" not "id"). `before` is the folded unit before the apostrophe.
 */
function isContractionTail(units: Uint16Array, at: number, n: number, before: number): boolean {
  if (before < 97 || before > 122 || at >= n) return false;
  const first = (units[at] as number) | 0x20;
  let length = 0;
  if (first === 116) length = before === 110 ? 1 : 0;
  else if (first === 109) length = 1;
  else if ((first === 114 || first === 118) && at + 1 < n && ((units[at + 1] as number) | 0x20) === 101) length = 2;
  if (length === 0) return false;
  const after = at + length;
  return after >= n || !isWordUnit(units[after] as number);
}

/** Whether text[start..end) is 1+ ASCII digits followed by 1–3 ASCII letters and nothing else. */
function isNumberWithSuffix(text: string, start: number, end: number): boolean {
  let p = start;
  while (p < end && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
  const suffix = end - p;
  if (p === start || suffix < 1 || suffix > 3) return false;
  for (; p < end; p++) {
    const c = text.charCodeAt(p) | 0x20;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function isLetterKind(kind: number): boolean {
  return kind === Kind.Latin || kind === Kind.Confusable || kind === Kind.OddLatin;
}

function nextIsLetter(text: string, index: number): boolean {
  return index < text.length && isLetterKind(KIND[text.charCodeAt(index)] as number);
}

function isWordUnit(code: number): boolean {
  const kind = KIND[code] as number;
  return kind !== Kind.Space && kind !== Kind.Punct;
}

/**
 * Rewrites runs of three or more one-letter tokens separated by one or two separator characters
 * ("i g n o r e", "i.g.n.o.r.e") into one word. Works on the folded buffer, swapping buffers.
 */
function joinSpacedLetters(length: number): number {
  const src = codesBuf;
  const srcOrigin = originBuf;
  const dst = spareCodes;
  const dstOrigin = spareOrigin;
  let out = 0;
  let i = 0;
  while (i < length) {
    if (!isWordUnit(src[i] as number) || (i + 1 < length && isWordUnit(src[i + 1] as number)) || (i > 0 && isWordUnit(src[i - 1] as number))) {
      dst[out] = src[i] as number;
      dstOrigin[out++] = srcOrigin[i] as number;
      i++;
      continue;
    }
    // src[i] is a one-letter token: find how far the run of one-letter tokens reaches.
    let runEnd = i;
    let count = 1;
    for (;;) {
      let gap = runEnd + 1;
      while (gap < length && gap - runEnd <= 3 && !isWordUnit(src[gap] as number)) gap++;
      const gapLength = gap - runEnd - 1;
      if (gap >= length || gapLength < 1 || gapLength > 2) break;
      // "I'm a": a contraction, not spaced-out letters.
      if (isApostrophe(src[runEnd + 1] as number) || isApostrophe(src[gap - 1] as number)) break;
      if (gap + 1 < length && isWordUnit(src[gap + 1] as number)) break;
      runEnd = gap;
      count++;
    }
    if (count < 3) {
      dst[out] = src[i] as number;
      dstOrigin[out++] = srcOrigin[i] as number;
      i++;
      continue;
    }
    for (let j = i; j <= runEnd; j++) {
      if (isWordUnit(src[j] as number)) {
        dst[out] = src[j] as number;
        dstOrigin[out++] = srcOrigin[j] as number;
      }
    }
    i = runEnd + 1;
  }
  codesBuf = dst;
  originBuf = dstOrigin;
  spareCodes = src;
  spareOrigin = srcOrigin;
  return out;
}

/** Folds a short pattern string exactly as scanned text is folded (used when compiling rules). */
export function foldPattern(pattern: string): string {
  const folded = foldText(toNfkc(pattern));
  return String.fromCharCode(...folded.codes.subarray(0, folded.length));
}

/** 1 for code units that separate words (space or punctuation): a table for hot loops. */
export const SEPARATOR = Uint8Array.from(KIND, (kind) => (kind === Kind.Space || kind === Kind.Punct ? 1 : 0));

/** Whether a UTF-16 code unit of any text is an ASCII letter or anything beyond Latin-1's symbols (a letter of another script). */
export function isLetterCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code >= 0xc0;
}

/** Whether a folded code unit is punctuation (listed in FoldedText.punctuation). */
export function isPunctuationCode(code: number): boolean {
  return KIND[code] === Kind.Punct;
}

/** Whether a folded code unit separates words (space or punctuation). */
export function isSeparatorCode(code: number): boolean {
  return SEPARATOR[code] === 1;
}

/** Whether a folded code unit is a letter of a script written without spaces (CJK, kana, Thai). */
export function isUnspacedScript(code: number): boolean {
  return (code >= 0x0e00 && code <= 0x0e7f) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
