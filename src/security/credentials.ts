// Credentials present in a prompt (API keys, tokens, private keys, password assignments).
//
// The keyword automaton finds cheap, lowercase anchors ("akia", "sk", "ghp", "begin", ...); each
// anchor is then verified on the readable (case-preserving) text with a bounded character loop.
// Every check reads a bounded number of characters; the few regular expressions run on a bounded
// slice (an assignment's value is at most 128 characters), so none can backtrack far.

import { isLetterCode } from "./normalize.ts";

export interface CredentialSpec {
  readonly id: string;
  readonly severity: number;
  /** Folded anchor words; a trailing space requires the word to end there (e.g. "sk" before "-"). */
  readonly anchors: readonly string[];
  /** Returns the end (exclusive) of the secret starting at `start`, or -1. `start` is the anchor start. */
  readonly verify: (text: string, start: number) => CredentialSpan | null;
}

export interface CredentialSpan {
  /** Start of the whole match (e.g. of "password=..."). */
  start: number;
  end: number;
  /** Start of the secret value itself; everything from here to `end` is masked. */
  secretStart: number;
}

const MAX_SECRET = 512;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isUpperOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}
function isTokenChar(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 95;
}

/** Length of the run of characters accepted by `accept` from `from`, capped at MAX_SECRET. */
function runLength(text: string, from: number, accept: (c: number) => boolean): number {
  const limit = Math.min(text.length, from + MAX_SECRET);
  let i = from;
  while (i < limit && accept(text.charCodeAt(i))) i++;
  return i - from;
}

function startsWithAny(text: string, start: number, prefixes: readonly string[]): string | null {
  for (const prefix of prefixes) if (text.startsWith(prefix, start)) return prefix;
  return null;
}

function boundaryBefore(text: string, start: number): boolean {
  return start === 0 || !isAlnum(text.charCodeAt(start - 1));
}

function hasDigitAndLetter(text: string, from: number, to: number): boolean {
  let digit = false;
  let letter = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (isAlnum(c)) letter = true;
  }
  return digit && letter;
}

/** A fixed prefix followed by a run of token characters of bounded length. */
function prefixed(prefixes: readonly string[], accept: (c: number) => boolean, minBody: number, maxBody = MAX_SECRET, mixed = false) {
  return (text: string, start: number): CredentialSpan | null => {
    if (!boundaryBefore(text, start)) return null;
    const prefix = startsWithAny(text, start, prefixes);
    if (prefix === null) return null;
    const bodyStart = start + prefix.length;
    const body = runLength(text, bodyStart, accept);
    if (body < minBody || body > maxBody) return null;
    if (mixed && !hasDigitAndLetter(text, bodyStart, bodyStart + body)) return null;
    if (isOneCharacterRun(text, bodyStart, bodyStart + body)) return null;
    return { start, end: bodyStart + body, secretStart: Math.min(bodyStart, start + 4) };
  };
}

/** A documentation placeholder such as "sk_test_xxxxxxxxxxxxxxxx" or "ghp_000…": one character repeated. */
function isOneCharacterRun(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from) | 0x20;
  for (let i = from + 1; i < to; i++) if ((text.charCodeAt(i) | 0x20) !== first) return false;
  return true;
}

function verifyJwt(text: string, start: number): CredentialSpan | null {
  if (!boundaryBefore(text, start) || !text.startsWith("eyJ", start)) return null;
  let i = start;
  for (let part = 0; part < 3; part++) {
    const length = runLength(text, i, isTokenChar);
    if (length < (part === 2 ? 8 : 10)) return null;
    i += length;
    if (part < 2) {
      if (text.charCodeAt(i) !== 46) return null;
      i++;
    }
  }
  return { start, end: i, secretStart: start + 3 };
}

function verifyPrivateKey(text: string, start: number): CredentialSpan | null {
  const open = start - 5;
  if (open < 0 || !text.startsWith("-----BEGIN", open)) return null;
  const header = text.slice(open, open + 80);
  const headerEnd = header.indexOf("PRIVATE KEY-----");
  if (headerEnd < 0) return null;
  const bodyStart = open + headerEnd + "PRIVATE KEY-----".length;
  const window = text.slice(bodyStart, bodyStart + 16384);
  const close = window.indexOf("-----END");
  const end = close < 0 ? bodyStart + window.length : bodyStart + close;
  return { start: open, end, secretStart: bodyStart };
}

const PLACEHOLDER_HINTS = [
  "<", ">", "{", "}", "(", ")", "[", "]", "$", "%", "...", "your", "xxx", "***", "example", "placeholder", "changeme", "change-me",
  "change_me", "replace-me", "replace_me", "replace-in", "replace-with", "replace_with", "dummy", "redacted", "not-a-real",
  "not_a_real", "notareal", "-here", "_here", "sample", "not-for-prod", "not_for_prod", "not-secret", "not_secret", "dev-only",
  "dev_only", "local-only", "local_only", "_local", "-local", "generate-with", "generate_with",
  // The same said in the other languages people write config comments in: "geheim-hier-eintragen",
  // "ZMIEN_MNIE", "haslo-przykladowe", "live_ЗАМЕНИТЕ_НА_СВОЙ", "sk-platzhalter".
  "platzhalter", "eintragen", "beispiel", "exemple", "remplac", "ejemplo", "reemplaz", "exemplo", "substitu", "esempio",
  "sostitu", "zmien", "przyklad", "testow", "замени", "пример", "свой", "示例", "替换", "占位", "置き換", "サンプル", "aqui", "sua_",
  "seu_", "_ici", "-ici",
];

/**
 * The last part of a key that names something about a secret rather than the secret:
 * `PASSWORD_FIELD`, `TOKEN_HEADER`, `token_policies`, `secret_id_bound_cidrs`, `PASSWORD_FILE`.
 */
const ABOUT_SECRET = new Set([
  "field", "fields", "header", "headers", "name", "names", "policy", "policies", "cidrs", "cidr", "file", "path", "url", "uri", "type",
  "length", "len", "hint", "label", "prompt", "ttl", "expiry", "expires", "rotation", "manager", "reset", "min", "max", "count", "env",
  "var", "param", "uses", "mode", "format", "regex", "pattern", "required", "enabled", "version",
]);

/** "password: lunghezza minima", "passwords: rotate them", "secreto: paciencia.": a sentence, not a value. */
function isProse(value: string, text: string, end: number): boolean {
  if (!/^\p{Ll}+[.!?]?$/u.test(value)) return false;
  if (/[.!?]$/.test(value)) return true;
  return text.charCodeAt(end) === 32 && /\p{L}/u.test(text.charAt(end + 1));
}

/** Whether `at` is inside an open "${" of the same line (at most 48 characters back). */
function insideExpansion(text: string, at: number): boolean {
  for (let i = at - 1; i >= 1 && i >= at - 48; i--) {
    const c = text.charCodeAt(i);
    if (c === 125 || c === 10) return false;
    if (c === 123 && text.charCodeAt(i - 1) === 36) return true;
  }
  return false;
}

/** "password = hunter2", "API_KEY: 'abc123...'", "mot de passe : ...": the value after the keyword. */
function verifyAssignment(text: string, keywordEnd: number): CredentialSpan | null {
  let i = keywordEnd;
  const limit = Math.min(text.length, keywordEnd + 24);
  // The keyword inside a longer word ("secretsmanager", "tokenizer") is another word; a plural is not.
  const next = text.charCodeAt(keywordEnd);
  if (isLetterCode(next) && !(/^(s|es)(?![a-z])/i.test(text.slice(keywordEnd, keywordEnd + 3)))) return null;
  // Skip the rest of an identifier ("_ACCESS_KEY", "word\"") and closing quotes.
  const keyRest = i;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isAlnum(c) || c === 95 || c === 45 || c === 34 || c === 39 || c === 96) i++;
    else break;
  }
  const parts = text.slice(keyRest, i).replace(/["'`]/g, "").toLowerCase().split(/[_-]/).filter((part) => part !== "");
  if (parts.length > 0 && ABOUT_SECRET.has(parts[parts.length - 1] as string)) return null;
  // A shell parameter expansion names the variable, not its value: "${GH_TOKEN:?GH_TOKEN is required}".
  if (text.charCodeAt(i) === 58 && /[?\-=+]/.test(text.charAt(i + 1)) && insideExpansion(text, keyRest)) return null;
  let spaces = 0;
  while (i < limit && text.charCodeAt(i) === 32 && spaces < 3) { i++; spaces++; }
  const op = text.charCodeAt(i);
  if (op !== 58 && op !== 61 && op !== 0xff1a) return null;
  i++;
  if (text.charCodeAt(i) === 61) i++;
  spaces = 0;
  while (i < text.length && text.charCodeAt(i) === 32 && spaces < 3) { i++; spaces++; }
  const quote = text.charCodeAt(i);
  if (quote === 34 || quote === 39 || quote === 96) i++;
  const valueStart = i;
  const valueLimit = Math.min(text.length, valueStart + 128);
  while (i < valueLimit) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 34 || c === 39 || c === 96 || c === 44 || c === 59) break;
    i++;
  }
  const value = text.slice(valueStart, i);
  if (value.length < 6) return null;
  const lower = value.toLowerCase();
  for (const hint of PLACEHOLDER_HINTS) if (lower.includes(hint)) return null;
  // Paths and network ranges: "PWD=/home/jmartin", "secret_file: ./certs/key.pem", "10.20.0.0/24".
  if (/^(?:\/|\.{1,2}\/|~\/)/.test(value) || /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?$/.test(value)) return null;
  if (isProse(value, text, i)) return null;
  // Member accesses and calls ("config.password", "os.getenv") are code, not secrets.
  if (/^[a-z_]+\.[a-z_.]+$/i.test(value)) return null;
  if (lower === "password" || lower === "required" || lower === "string" || lower === "optional") return null;
  return { start: keywordEnd, end: i, secretStart: valueStart };
}

const AWS_PREFIXES = ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"];

export const CREDENTIAL_SPECS: readonly CredentialSpec[] = [
  { id: "credential.aws_access_key", severity: 0.95, anchors: ["akia", "asia", "agpa", "aida", "aroa", "anpa", "anva", "aipa"],
    verify: prefixed(AWS_PREFIXES, isUpperOrDigit, 16, 16) },
  { id: "credential.anthropic_key", severity: 0.95, anchors: ["sk "], verify: prefixed(["sk-ant-"], isTokenChar, 32, MAX_SECRET, true) },
  { id: "credential.openai_key", severity: 0.9, anchors: ["sk "],
    verify: (text, start) => (text.startsWith("sk-ant-", start) ? null : prefixed(["sk-"], isTokenChar, 20, MAX_SECRET, true)(text, start)) },
  { id: "credential.stripe_key", severity: 0.9, anchors: ["sk ", "rk "],
    verify: prefixed(["sk_live_", "rk_live_", "sk_test_", "rk_test_"], isAlnum, 16) },
  { id: "credential.github_token", severity: 0.95, anchors: ["ghp ", "gho ", "ghu ", "ghs ", "ghr ", "github "],
    verify: (text, start) => prefixed(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], isAlnum, 30, 255)(text, start) ??
      prefixed(["github_pat_"], (c) => isAlnum(c) || c === 95, 40)(text, start) },
  { id: "credential.gitlab_token", severity: 0.9, anchors: ["glpat "], verify: prefixed(["glpat-"], isTokenChar, 20) },
  { id: "credential.slack_token", severity: 0.9, anchors: ["xoxb ", "xoxp ", "xoxa ", "xoxr ", "xoxs ", "xoxe "],
    verify: prefixed(["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"], (c) => isAlnum(c) || c === 45, 10) },
  { id: "credential.google_api_key", severity: 0.9, anchors: ["aiza"], verify: prefixed(["AIza"], isTokenChar, 35, 35) },
  { id: "credential.huggingface_token", severity: 0.85, anchors: ["hf "], verify: prefixed(["hf_"], isAlnum, 30, 40) },
  { id: "credential.npm_token", severity: 0.85, anchors: ["npm "], verify: prefixed(["npm_"], isAlnum, 36, 36) },
  { id: "credential.pypi_token", severity: 0.85, anchors: ["pypi "], verify: prefixed(["pypi-AgE"], isTokenChar, 50) },
  { id: "credential.jwt", severity: 0.8, anchors: ["eyj"], verify: verifyJwt },
  { id: "credential.private_key", severity: 0.99, anchors: ["begin "], verify: verifyPrivateKey },
];

/** Keywords whose assigned value is a secret; the anchor's end is where the value search starts. */
export const ASSIGNMENT_SPEC = {
  id: "credential.secret_assignment",
  severity: 0.7,
  anchors: [
    "password", "passwd", "pwd ", "passphrase", "secret", "api key", "apikey", "api secret", "access key",
    "access token", "auth token", "client secret", "private key", "token ", "bearer ", "mot de passe", "passwort",
    "kennwort", "contrasena", "senha", "пароль", "密码", "パスワード",
  ],
  verify: verifyAssignment,
} as const;

/** Replaces the secret part of each span by a marker, keeping at most 4 leading characters of context. */
export function maskSpans(text: string, offset: number, spans: readonly CredentialSpan[]): string {
  let result = "";
  let cursor = 0;
  const sorted = spans.filter((s) => s.end > offset && s.secretStart < offset + text.length).sort((a, b) => a.secretStart - b.secretStart);
  for (const span of sorted) {
    const from = Math.max(0, span.secretStart - offset);
    const to = Math.min(text.length, span.end - offset);
    if (from < cursor) {
      cursor = Math.max(cursor, to);
      continue;
    }
    result += `${text.slice(cursor, from)}[REDACTED]`;
    cursor = Math.max(cursor, to);
  }
  return result + text.slice(cursor);
}
