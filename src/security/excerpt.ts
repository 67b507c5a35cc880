// Builds the short, log-safe excerpt shown with a finding. Detected secrets are masked before the
// excerpt is cut to length, and a secret cut by the window edge is masked from the edge.

import { maskSpans, type CredentialSpan } from "./credentials.ts";

export const EXCERPT_MAX = 200;
const BEFORE = 60;

/**
 * Control and invisible characters (C0 controls, DEL, zero-width and bidirectional marks, word
 * joiners, the byte-order mark): each becomes a space in an excerpt.
 */
function isControlOrInvisible(c: number): boolean {
  return c < 0x20 || c === 0x7f || (c >= 0x200b && (c <= 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff));
}

/** Characters a key or token is made of: A–Z, a–z, 0–9 and + / = _ - . */
const TOKEN_CHAR = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.") TOKEN_CHAR[ch.charCodeAt(0)] = 1;
/** Shorter runs of token characters are words, numbers or paths, not secrets. */
const TOKEN_RUN_MIN = 20;

function isTokenChar(c: number): boolean {
  return c < 128 && TOKEN_CHAR[c] === 1;
}

/**
 * Whether text[from..to) reads as a secret rather than a word: letters and digits mixed with both
 * cases (`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`), or 32+ hexadecimal digits. A secret the
 * detectors did not recognise (no known prefix, no `key =` before it) must not reach the stored
 * excerpt either.
 */
function looksSecret(text: string, from: number, to: number): boolean {
  let lower = 0;
  let upper = 0;
  let digits = 0;
  let hex = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      lower++;
      if (c > 102) hex = false;
    } else if (c >= 65 && c <= 90) {
      upper++;
      if (c > 70) hex = false;
    } else if (c >= 48 && c <= 57) digits++;
    else hex = false;
  }
  if (digits > 0 && lower > 0 && upper > 0) return true;
  return to - from >= 32 && digits > 0 && hex;
}

/**
 * text[from..to) made log-safe, in one pass: secret-looking runs (maximal runs of token characters,
 * at least TOKEN_RUN_MIN long, as cut by the bounds) keep their first four characters and become
 * `[REDACTED]`; control and invisible characters become spaces; tag characters (U+E0000 block, as
 * surrogate pairs) are removed, since they could smuggle the text back out through logs; runs of
 * spaces become one; the result is trimmed. The unchanged stretches are sliced, not copied.
 */
function excerptText(text: string, from: number, to: number): string {
  let out = "";
  let kept = from;
  let afterSpace = false;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isTokenChar(c)) {
      let end = i + 1;
      while (end < to && isTokenChar(text.charCodeAt(end))) end++;
      if (end - i >= TOKEN_RUN_MIN && looksSecret(text, i, end)) {
        out += `${text.slice(kept, i + 4)}[REDACTED]`;
        kept = end;
      }
      afterSpace = false;
      i = end;
      continue;
    }
    if (c === 0xdb40 && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdc7f) {
        out += text.slice(kept, i);
        i += 2;
        kept = i;
        continue;
      }
    }
    const space = c === 32 || isControlOrInvisible(c);
    if (space && afterSpace) {
      out += text.slice(kept, i);
      kept = i + 1;
    } else if (space && c !== 32) {
      out += `${text.slice(kept, i)} `;
      kept = i + 1;
    }
    afterSpace = space;
    i++;
  }
  return kept === from ? text.slice(from, to).trim() : (out + text.slice(kept, to)).trim();
}

export function buildExcerpt(text: string, position: number, spans: readonly CredentialSpan[], label = ""): string {
  const start = Math.max(0, Math.min(position, text.length) - BEFORE);
  const end = Math.min(text.length, start + EXCERPT_MAX);
  let clean: string;
  if (spans.length > 0) {
    const masked = maskSpans(text.slice(start, end), start, spans);
    clean = excerptText(masked, 0, masked.length);
  } else {
    clean = excerptText(text, start, end);
  }
  const prefixed = (start > 0 ? "…" : "") + label + clean;
  return prefixed.length <= EXCERPT_MAX ? prefixed : `${prefixed.slice(0, EXCERPT_MAX - 1)}…`;
}
