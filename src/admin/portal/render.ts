// A small template renderer for views/: `{{name}}` is HTML-escaped, `{{{name}}}` inserts trusted HTML.
// The templates are embedded in the binary as text.
import adminSections from "../../../views/partials/admin-sections.html" with { type: "text" };
import table from "../../../views/partials/table.html" with { type: "text" };
import dashboard from "../../../views/dashboard.html" with { type: "text" };
import layout from "../../../views/layout.html" with { type: "text" };
import login from "../../../views/login.html" with { type: "text" };

// bun-types declares *.html imports as HTML bundles; imported `with { type: "text" }` they are strings.
export const VIEWS = { layout, login, dashboard, adminSections, table } as unknown as Record<"layout" | "login" | "dashboard" | "adminSections" | "table", string>;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * Fills `{{{name}}}` (trusted HTML) and `{{name}}` (escaped) in one pass: what a value inserts is never
 * read as a placeholder again, so "{{rows}}" typed into a key's name stays text.
 */
export function render(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g, (_, raw: string | undefined, escaped: string | undefined) =>
    raw !== undefined ? String(values[raw] ?? "") : escapeHtml(values[escaped as string]),
  );
}

/**
 * Every portal page and fragment: scripts only from this server (htmx is served from the binary),
 * no framing (clickjacking), no MIME sniffing, no referrer. Inline styles are the layout's own.
 */
export const PORTAL_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

export function page(title: string, body: string): Response {
  return new Response(render(VIEWS.layout, { title, body }), { headers: PORTAL_HEADERS });
}

/** A table fragment; cells are escaped unless given as `{ html }`. */
export function tableFragment(head: string[], rows: (string | number | null | { html: string })[][], note = ""): Response {
  const cell = (value: string | number | null | { html: string }) => (value !== null && typeof value === "object" ? value.html : escapeHtml(value ?? "–"));
  const html = render(VIEWS.table, {
    head: head.map((name) => `<th>${escapeHtml(name)}</th>`).join(""),
    rows: rows.length === 0 ? `<tr><td colspan="${head.length}" class="muted">nothing yet</td></tr>` : rows.map((row) => `<tr>${row.map((value) => `<td>${cell(value)}</td>`).join("")}</tr>`).join(""),
    note,
  });
  return new Response(html, { headers: PORTAL_HEADERS });
}

export function tag(value: string): { html: string } {
  return { html: `<span class="tag ${escapeHtml(value)}">${escapeHtml(value)}</span>` };
}
