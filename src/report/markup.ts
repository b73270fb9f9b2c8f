// Small HTML builders of the report. Text arguments are escaped here; arguments named `html` are markup the caller
// built from escaped parts.
import { escapeHtml } from './format.js';

/** A table cell: plain text (escaped) or `{ html }` (trusted markup), with an optional class. */
export type Cell = string | { html: string; cls?: string };

const cellHtml = (c: Cell) => (typeof c === 'string' ? escapeHtml(c) : c.html);
const cellClass = (c: Cell) => (typeof c !== 'string' && c.cls ? ` class="${escapeHtml(c.cls)}"` : '');

/**
 * A table with a caption, a header row of plain-text labels and body rows of cells; the first cell of each row is
 * a row header. `cls` sets the table's class (e.g. `spread` for the across-futures table, drawn differently).
 */
export function table(caption: string, head: string[], rows: Cell[][], cls = ''): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row"${cellClass(c)}>${cellHtml(c)}</th>` : `<td${cellClass(c)}>${cellHtml(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  const clsAttr = cls ? ` class="${escapeHtml(cls)}"` : '';
  return `<div class="scroll"><table${clsAttr}>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** A section with an anchor id, an `h2` heading (text) and body markup. */
export function section(id: string, heading: string, html: string): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(heading)}</h2>\n${html}\n</section>`;
}

/** A paragraph of plain text. */
export const para = (text: string, cls = ''): string => `<p${cls ? ` class="${escapeHtml(cls)}"` : ''}>${escapeHtml(text)}</p>`;

/** A value with its interval beneath it in smaller type, both plain text: `3.2%` over `[2.6% – 3.8%]`. */
export function withInterval(value: string, interval: string): Cell {
  return { html: `${escapeHtml(value)}<br><span class="ci">${escapeHtml(interval)}</span>` };
}

/** A policy named by its title with its id beneath in code type (both escaped). */
export function policyName(title: string, id: string): Cell {
  return { html: `${escapeHtml(title)}<br><code>${escapeHtml(id)}</code>` };
}

/**
 * Folded content: a `<details>` whose `<summary>` (plain text) is shown and whose body (markup) opens on a click,
 * without a script. `open` unfolds it from the start. Example: `folded('All 152 assumptions', table(...))`.
 */
export function folded(summary: string, html: string, open = false): string {
  return `<details${open ? ' open' : ''}>\n<summary>${escapeHtml(summary)}</summary>\n${html}\n</details>`;
}
