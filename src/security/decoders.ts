// Decoders for payloads hidden in encodings a model can read: base64 and ROT13. Decoded text is
// scanned like any other message. Both are bounded: few candidates, capped output.

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
