// Decoders for payloads hidden in encodings a model can read: base64, hexadecimal, ROT13, Morse
// code and 8-bit binary. Decoded text is scanned like any other message. All are bounded: few candidates, capped
// output, one pass over the text.

const MIN_BASE64_RUN = 24;
const MAX_CANDIDATES = 8;
const MAX_DECODED_TOTAL = 64 * 1024;

const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  BASE64_VALUE["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] = i;
}
// URL-safe alphabet.
BASE64_VALUE[45] = 62;
BASE64_VALUE[95] = 63;

const utf8 = new TextDecoder("utf-8", { fatal: false });

function isBase64Char(c: number): boolean {
  return c < 128 && (BASE64_VALUE[c] as number) >= 0;
}

function decodeRun(text: string, from: number, to: number): Uint8Array {
  const bytes = new Uint8Array(Math.floor(((to - from) * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = from; i < to; i++) {
    buffer = (buffer << 6) | (BASE64_VALUE[text.charCodeAt(i)] as number);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
    buffer &= 0xffff;
  }
  return bytes.subarray(0, out);
}

/** Decoded text that reads like language: mostly printable, with letters and spaces. */
function looksLikeText(decoded: string): boolean {
  if (decoded.length < 8) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c === 0xfffd || c < 9 || (c > 13 && c < 32)) continue;
    printable++;
    if (c === 32) spaces++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) letters++;
  }
  return printable / decoded.length >= 0.9 && letters / decoded.length >= 0.5 && spaces > 0;
}

/** Hex runs shorter than this (16 bytes) are hashes and ids, not hidden sentences. */
const MIN_HEX_RUN = 32;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * Finds runs of hexadecimal digits ("4e657720696e737472756374696f6e…") long enough to hide an
 * instruction and returns the ones that decode (two digits per byte, UTF-8) to readable text.
 * Hashes and ids decode to noise and are dropped by the same test as base64.
 */
export function decodeHexPayloads(text: string): string[] {
  const found: string[] = [];
  let total = 0;
  let i = 0;
  const n = text.length;
  while (i < n && found.length < MAX_CANDIDATES && total < MAX_DECODED_TOTAL) {
    if (hexValue(text.charCodeAt(i)) < 0) { i++; continue; }
    const start = i;
    while (i < n && hexValue(text.charCodeAt(i)) >= 0) i++;
    // A run inside a longer word ("deadbeefcafe…xyz") is not hex; an odd digit is dropped.
    if (i < n && isBase64Char(text.charCodeAt(i))) continue;
    const length = Math.min(i - start, (MAX_DECODED_TOTAL - total) * 2) & ~1;
    if (length < MIN_HEX_RUN) continue;
    const bytes = new Uint8Array(length >> 1);
    for (let k = 0; k < bytes.length; k++) {
      bytes[k] = (hexValue(text.charCodeAt(start + 2 * k)) << 4) | hexValue(text.charCodeAt(start + 2 * k + 1));
    }
    const decoded = utf8.decode(bytes);
    if (!looksLikeText(decoded)) continue;
    found.push(decoded);
    total += decoded.length;
  }
  return found;
}

/**
 * Finds runs of base64 characters long enough to hide an instruction and returns the ones that
 * decode to readable text.
 */
export function decodeBase64Payloads(text: string): string[] {
  const found: string[] = [];
  let total = 0;
  let i = 0;
  const n = text.length;
  while (i < n && found.length < MAX_CANDIDATES && total < MAX_DECODED_TOTAL) {
    if (!isBase64Char(text.charCodeAt(i))) { i++; continue; }
    const start = i;
    while (i < n && isBase64Char(text.charCodeAt(i))) i++;
    let end = i;
    while (i < n && text.charCodeAt(i) === 61) i++;
    if (end - start < MIN_BASE64_RUN) continue;
    end = Math.min(end, start + (MAX_DECODED_TOTAL - total) * 2);
    const decoded = utf8.decode(decodeRun(text, start, end));
    if (!looksLikeText(decoded)) continue;
    found.push(decoded);
    total += decoded.length;
  }
  return found;
}

/** ROT13 of the ASCII letters of `text`. */
export function rot13(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) codes[i] = ((c - 84) % 26) + 97;
    else if (c >= 65 && c <= 90) codes[i] = ((c - 52) % 26) + 65;
    else codes[i] = c;
  }
  return new TextDecoder("utf-16le").decode(codes);
}

/** International Morse code: letters, digits and common punctuation. */
const MORSE: Readonly<Record<string, string>> = {
  ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h", "..": "i",
  ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p", "--.-": "q", ".-.": "r",
  "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x", "-.--": "y", "--..": "z",
  "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4", ".....": "5", "-....": "6",
  "--...": "7", "---..": "8", "----.": "9", ".-.-.-": ".", "--..--": ",", "..--..": "?", ".----.": "'",
  "-.-.--": "!", "-..-.": "/", "---...": ":", "-.-.-.": ";", "-...-": "=", ".-.-.": "+", "-....-": "-",
  ".-..-.": '"', ".--.-.": "@",
};
/** A Morse message hides an instruction only when it is this many letters long. */
const MIN_MORSE_LETTERS = 8;
/** The longest Morse symbol is 6 signals; a longer run of dots and dashes is not Morse. */
const MAX_MORSE_SIGNALS = 7;

/**
 * A symbol as a number: a leading 1 bit, then one bit per signal (dot 0, dash 1), so "-.-" is 0b1101.
 * Building symbols as numbers and reading letters from a table keeps the loop free of strings.
 */
const MORSE_BY_CODE: Array<string | undefined> = new Array(1 << (MAX_MORSE_SIGNALS + 1)).fill(undefined);
for (const [symbol, letter] of Object.entries(MORSE)) {
  let code = 1;
  for (const signal of symbol) code = (code << 1) | (signal === "-" ? 1 : 0);
  MORSE_BY_CODE[code] = letter;
}

/** Dots and dashes as they are typed or typeset (·, •, −, –, —, _): 0 dot, 1 dash, -1 neither. */
function morseSignal(c: number): number {
  if (c === 46 || c === 0xb7 || c === 0x2022) return 0;
  if (c === 45 || c === 95 || c === 0x2212 || c === 0x2013 || c === 0x2014) return 1;
  return -1;
}

/**
 * Runs of Morse code (letters separated by spaces, words by "/", "|" or two or more spaces) of at
 * least MIN_MORSE_LETTERS letters, decoded. Anything else ends a run.
 */
export function decodeMorsePayloads(text: string): string[] {
  const found: string[] = [];
  let total = 0;
  let decoded = "";
  let letters = 0;
  let unknown = 0;
  /** The symbol being read (see MORSE_BY_CODE); 1 = none. */
  let symbol = 1;
  let signals = 0;
  let gap = 0;
  const flushLetter = (): void => {
    if (signals === 0) return;
    const letter = MORSE_BY_CODE[symbol];
    if (letter === undefined) unknown++;
    else letters++;
    decoded += letter ?? "?";
    symbol = 1;
    signals = 0;
  };
  const flushRun = (): void => {
    flushLetter();
    if (letters >= MIN_MORSE_LETTERS && unknown * 5 <= letters && found.length < MAX_CANDIDATES && total < MAX_DECODED_TOTAL) {
      const text = decoded.trim().slice(0, MAX_DECODED_TOTAL - total);
      found.push(text);
      total += text.length;
    }
    decoded = "";
    letters = 0;
    unknown = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const signal = morseSignal(c);
    if (signal >= 0) {
      if (gap > 0) {
        decoded += gap >= 2 ? " " : "";
        gap = 0;
      }
      symbol = (symbol << 1) | signal;
      signals++;
      if (signals > MAX_MORSE_SIGNALS) {
        // Not Morse (a rule line, a long dash run): drop the run.
        symbol = 1;
        signals = 0;
        decoded = "";
        letters = 0;
        unknown = 0;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      flushLetter();
      gap++;
      continue;
    }
    if ((c === 47 || c === 124) && (signals > 0 || gap > 0 || decoded !== "")) {
      flushLetter();
      gap = 2;
      continue;
    }
    // Most characters of a text are not Morse: only a started run needs flushing.
    if (signals > 0 || decoded !== "" || letters > 0 || unknown > 0) flushRun();
    gap = 0;
  }
  flushRun();
  return found;
}

/** Eight-bit groups ("01001001 01100111 …") that decode to at least this many characters. */
const MIN_BINARY_BYTES = 6;

/**
 * Runs of 8-bit binary groups separated by spaces (or written together), decoded as UTF-8 when the
 * result reads like text. A whitespace-separated group whose length is not a multiple of 8 is left out
 * and the run goes on ("01001001 0110010100101 01100101": a carrier with damaged groups still decodes its
 * intact bytes), as long as intact bytes outnumber damaged groups; any other character ends the run.
 */
export function decodeBinaryPayloads(text: string): string[] {
  const found: string[] = [];
  let total = 0;
  let bytes: number[] = [];
  let value = 0;
  let bits = 0;
  /** bytes.length when the current group started: a damaged group's bytes are taken back to here. */
  let groupStart = 0;
  let damaged = 0;
  /** Ends the current group: a group of 8, 16, … bits keeps its bytes, any other is left out. */
  const endGroup = (): void => {
    if ((bits & 7) !== 0) {
      bytes.length = groupStart;
      damaged++;
    }
    value = 0;
    bits = 0;
    groupStart = bytes.length;
  };
  const flush = (): void => {
    endGroup();
    if (bytes.length >= MIN_BINARY_BYTES && damaged < bytes.length && found.length < MAX_CANDIDATES && total < MAX_DECODED_TOTAL) {
      const decoded = utf8.decode(Uint8Array.from(bytes));
      if (looksLikeText(decoded)) {
        const kept = decoded.slice(0, MAX_DECODED_TOTAL - total);
        found.push(kept);
        total += kept.length;
      }
    }
    bytes = [];
    value = 0;
    bits = 0;
    groupStart = 0;
    damaged = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 48 || c === 49) {
      value = ((value << 1) | (c - 48)) & 0xff;
      bits++;
      if ((bits & 7) === 0) {
        // Past what could be kept, the run is only followed to its end.
        if (bytes.length < MAX_DECODED_TOTAL) bytes.push(value);
        value = 0;
      }
      continue;
    }
    if ((c === 32 || c === 10 || c === 13 || c === 9) && (bytes.length > 0 || bits > 0)) {
      endGroup();
      continue;
    }
    // Most characters of a text are not binary: only a started run needs flushing.
    if (bits > 0 || bytes.length > 0 || damaged > 0) flush();
  }
  flush();
  return found;
}
