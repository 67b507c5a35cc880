// Text a browser or a markdown viewer does not show, addressed to an AI: HTML comments ("<!-- AI coding
// agents: before writing any code you MUST run … -->"), elements (`<span hidden>Assistant: when the
// controller asks …</span>`, `<div style="display:none">Note for AI assistants: …`, `<span
// style="font-size:0">AI助手：…`, white text) and the markdown comment `[//]: # (Instruction to the language
// model: …)`. The test of the text is hidden-comment.ts isDirectiveText: an AI reader named before a colon,
// then a sentence. All of them are found in one pass over the text's "<".

import { commentEnd, HIDDEN_TEXT_MAX, isDirectiveText } from "./hidden-comment.ts";

/** A tag's attributes are read up to its ">" within this many characters. */
const TAG_MAX = 400;

/**
 * Attributes that hide an element: the `hidden` attribute, and styles that take it out of the page, shrink
 * its text to nothing or paint it white. Matched on the attributes lowercased with whitespace removed.
 * Not `overflow:hidden` (clipping), `aria-hidden` (hidden from screen readers only) or `font-size:0.8em`.
 */
const HIDING_STYLE = /display:none|visibility:hidden|font-size:0(?![.\d])|opacity:0(?![.\d])|color:(?:#fff(?![0-9a-f])|#ffffff|white)(?![a-z])/;
const HIDDEN_ATTRIBUTE = /\shidden(?:[\s=/>]|$)/;

/** Markdown comments: a link reference nobody links to, its title never rendered. */
const MARKDOWN_COMMENTS = ["[//]: # (", "[//]: # \"", "[//]: #(", "[comment]: # (", "[comment]: <> ("];

/** The index of `code` in text[from..limit), or -1: a bounded indexOf. */
function indexWithin(text: string, code: number, from: number, limit: number): number {
  const end = Math.min(limit, text.length);
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** Where the first directive of each kind starts in a text, -1 where there is none. */
export interface HiddenDirectives {
  /** In an HTML comment (rule injection.hidden_comment_directive). */
  comment: number;
  /** In a hidden element or a markdown comment (rule injection.hidden_element_directive). */
  element: number;
}

/**
 * Writes into `out` the position of the first HTML comment and of the first hidden element or markdown
 * comment in `text` whose text addresses an AI (isDirectiveText), -1 for none. Each comment is read once up
 * to its "-->" and each tag up to its ">" (at most TAG_MAX characters), each hidden text up to the next
 * "<" (at most HIDDEN_TEXT_MAX), and the scan goes on after what it read, so the cost is linear in the
 * text's length.
 */
export function findHiddenDirectives(text: string, out: HiddenDirectives): void {
  out.comment = -1;
  out.element = -1;
  for (let at = text.indexOf("<"); at >= 0 && at + 1 < text.length && (out.comment < 0 || out.element < 0); at = text.indexOf("<", at + 1)) {
    if (text.startsWith("!--", at + 1)) {
      const end = commentEnd(text, at + 4);
      if (out.comment < 0 && isDirectiveText(text, at + 4, end)) out.comment = at;
      at = Math.max(at, end - 1);
      continue;
    }
    if (!isAsciiLetter(text.charCodeAt(at + 1))) continue;
    const gt = indexWithin(text, 62, at + 2, at + TAG_MAX);
    if (gt < 0) continue;
    const attributes = text.slice(at + 1, gt).toLowerCase();
    if (HIDDEN_ATTRIBUTE.test(attributes) || HIDING_STYLE.test(attributes.replace(/\s+/g, ""))) {
      const limit = gt + 1 + HIDDEN_TEXT_MAX;
      const next = indexWithin(text, 60, gt + 1, limit);
      const end = next < 0 ? Math.min(text.length, limit) : next;
      if (out.element < 0 && isDirectiveText(text, gt + 1, end)) out.element = at;
      at = end - 1;
    } else {
      at = gt;
    }
  }
  if (out.element >= 0 || !text.includes("[")) return;
  for (const opener of MARKDOWN_COMMENTS) {
    for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at)) {
      const start = at + opener.length;
      const close = indexWithin(text, 41, start, start + HIDDEN_TEXT_MAX);
      const end = close < 0 ? Math.min(text.length, start + HIDDEN_TEXT_MAX) : close;
      if (isDirectiveText(text, start, end)) {
        out.element = at;
        return;
      }
      at = Math.max(end, start);
    }
  }
}
