// Builds the short, log-safe excerpt shown with a finding. Detected secrets are masked before the
// excerpt is cut to length, and a secret cut by the window edge is masked from the edge.

import { maskSpans, type CredentialSpan } from "./credentials.ts";

export const EXCERPT_MAX = 200;
const BEFORE = 60;

const CONTROL_OR_INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+/g;
/**
 * Whether any of the three replacements below would change the text (most excerpts are plain): a
 * control or invisible character, a tag character's lead surrogate, or two spaces in a row. A loop
 * over at most EXCERPT_MAX characters; the equivalent regular expression cost more per call.
 */
function needsCleaning(text: string): boolean {
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c === 32 && previous === 32)) return true;
    if (c >= 0x200b && (c <= 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0xdb40)) return true;
    previous = c;
  }
  return false;
}

/** Runs of characters a key or token is made of; at least 20 long (linear: one class, one quantifier). */
const TOKEN_RUN = /[A-Za-z0-9+/=_\-.]{20,}/g;

/**
 * Whether a run reads as a secret rather than a word: letters and digits mixed with both cases
 * (`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`), or 32+ hexadecimal digits. A secret the detectors
 * did not recognise (no known prefix, no `key =` before it) must not reach the stored excerpt either.
 */
function looksSecret(run: string): boolean {
  let lower = 0;
  let upper = 0;
  let digits = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 48 && c <= 57) digits++;
  }
  if (digits > 0 && lower > 0 && upper > 0) return true;
  return run.length >= 32 && digits > 0 && /^[0-9a-fA-F]+$/.test(run);
}

/** Masks secret-looking runs, keeping their first four characters (as credential spans are shown). */
function maskSecretLikeRuns(text: string): string {
  return text.replace(TOKEN_RUN, (run) => (looksSecret(run) ? `${run.slice(0, 4)}[REDACTED]` : run));
}

export function buildExcerpt(text: string, position: number, spans: readonly CredentialSpan[], label = ""): string {
  const start = Math.max(0, Math.min(position, text.length) - BEFORE);
  const end = Math.min(text.length, start + EXCERPT_MAX);
  const masked = maskSecretLikeRuns(spans.length > 0 ? maskSpans(text.slice(start, end), start, spans) : text.slice(start, end));
  // Tag characters are removed too: they could smuggle the text back out through logs.
  const clean = needsCleaning(masked)
    ? masked.replace(CONTROL_OR_INVISIBLE, " ").replace(/\udb40[\udc00-\udc7f]/g, "").replace(/ {2,}/g, " ").trim()
    : masked.trim();
  const prefixed = (start > 0 ? "…" : "") + label + clean;
  return prefixed.length <= EXCERPT_MAX ? prefixed : `${prefixed.slice(0, EXCERPT_MAX - 1)}…`;
}
