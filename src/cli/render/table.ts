import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import { drawBoxTable, isPlainText } from './boxTable.js';

/** Columns the text output may use on `stream`: the terminal's width on a TTY, else 100 (pipes, files, CI logs). */
export function outputWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY && stream.columns ? stream.columns : 100;
}

const lineWidth = (cell: string) => Math.max(0, ...cell.split('\n').map((l) => [...l].length));

/**
 * A plain cli-table3 table (no colour codes; drawn by `drawBoxTable` when its text allows) that fits `width` columns: at natural width when it fits, else the
 * widest columns are narrowed (to no less than 6) and their cells word-wrapped. Example:
 * `fitTable(['policy', 'P(war)'], [['status-quo', '1.2%']])`.
 */
export function fitTable(head: string[], rows: (string | number)[][], width = outputWidth()): string {
  const cells = rows.map((r) => r.map(String));
  const natural = head.map((h, c) => 2 + Math.max(lineWidth(h), ...cells.map((r) => lineWidth(r[c] ?? ''))));
  const borders = head.length + 1;
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0) + borders;
  while (total > width) {
    let widest = 0;
    for (let c = 1; c < widths.length; c++) if (widths[c] > widths[widest]) widest = c;
    if (widths[widest] <= 6) break;
    widths[widest]--;
    total--;
  }
  const fitted = widths.some((w, c) => w !== natural[c]);
  if (head.length && cells.every((r) => r.length === head.length) && [head, ...cells].every((r) => r.every(isPlainText))) {
    return drawBoxTable(head, cells, fitted ? widths : undefined);
  }
  // Wide or zero-width characters, or ragged rows: cli-table3 itself, loaded only now (synchronously, as CommonJS).
  const Table = createRequire(import.meta.url)('cli-table3') as typeof TableType;
  const t = new Table({ head, style: { head: [], border: [] }, ...(fitted ? { colWidths: widths, wordWrap: true } : {}) });
  for (const r of cells) t.push(r);
  return t.toString();
}

/**
 * Wraps prose lines longer than `width` at spaces, continuing with the line's own indent plus two spaces; table
 * lines (box-drawing characters) are left alone. Example: `wrapText(longLine, 80)`.
 */
export function wrapText(text: string, width = outputWidth()): string {
  return text
    .split('\n')
    .map((line) => {
      if ([...line].length <= width || /[│┌└├─]/.test(line)) return line;
      const indent = /^\s*/.exec(line)![0];
      const out: string[] = [];
      let cur = '';
      for (const word of line.trim().split(/ +/)) {
        const lead = out.length ? `${indent}  ` : indent;
        if (cur && [...(lead + cur + ' ' + word)].length > width) {
          out.push(lead + cur);
          cur = word;
        } else cur = cur ? `${cur} ${word}` : word;
      }
      out.push((out.length ? `${indent}  ` : indent) + cur);
      return out.join('\n');
    })
    .join('\n');
}
