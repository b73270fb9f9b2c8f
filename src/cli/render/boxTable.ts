/*
 * The box-drawn tables of the text output, drawn without loading cli-table3 (docs/performance.md#bundled-cli):
 * loading it and laying out one `simulate` table cost ~90 ms of a call's CPU, mostly its per-cell option merging
 * and Unicode width measurement. This draws the one layout the CLI uses — plain borders, one space of padding,
 * left-aligned, no spans, no colours, word-wrapped to given column widths — with cli-table3's exact output
 * (test/cli/render/boxTable.test.ts compares the two on random tables), and only for text whose every character is
 * one column wide; anything else (`isPlainText` false) is left to cli-table3.
 */

// Characters one column wide for cli-table3 (string-width) that its word wrap does not take for spaces: printable
// ASCII, Latin-1 without the no-break space, the soft hyphen and the emoji-capable © and ®, Greek, dashes and quotes, arrows ← ↑ → ↓, mathematical operators, box drawing.
const PLAIN = /^[\x20-\x7e\n\u00a1-\u00a8\u00aa-\u00ac\u00af-\u00ff\u0391-\u03a9\u03b1-\u03c9\u2010-\u2027\u2030-\u203a\u2190-\u2193\u2200-\u22ff\u2500-\u257f]*$/;

/** True when every character of `text` is one of those drawn here (one column each; newlines split lines). */
export function isPlainText(text: string): boolean {
  return PLAIN.test(text);
}

const lineWidth = (text: string) => {
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, line.length);
  return w;
};

/** cli-table3's word wrap of one line: words never split, runs of spaces kept between words on a line. */
function wrapLine(max: number, input: string): string[] {
  const lines: string[] = [];
  const split = input.split(/( +)/);
  let line: string[] = [];
  let length = 0;
  let space: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i];
    let next = length + word.length;
    if (length > 0 && space) next += space.length;
    if (next > max) {
      if (length !== 0) lines.push(line.join(''));
      line = [word];
      length = word.length;
    } else {
      line.push(space || '', word);
      length = next;
    }
    space = split[i + 1];
  }
  if (length) lines.push(line.join(''));
  return lines;
}

/** A line of a cell cut to `width` columns, ending in … when cut, then padded with spaces. */
function fit(line: string, width: number): string {
  const cut = line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
  return cut.length <= width + 1 ? cut + ' '.repeat(Math.max(0, width - cut.length)) : cut;
}

/**
 * The table cli-table3 draws for `new Table({ head, style: { head: [], border: [] }, colWidths, wordWrap: true })`
 * (or without colWidths and wordWrap: at natural width) with `rows` pushed. Every row has `head.length` cells, and
 * all text passes `isPlainText`. Example: `drawBoxTable(['policy', 'P(war)'], [['status-quo', '1.2%']])`.
 */
export function drawBoxTable(head: string[], rows: string[][], colWidths?: number[]): string {
  const table = [head, ...rows];
  const cells = table.map((row) =>
    row.map((content, x) => (colWidths ? content.split('\n').flatMap((l) => wrapLine(colWidths[x] - 2, l)) : content.split('\n'))),
  );
  const widths = colWidths ?? head.map((_, x) => Math.max(1, ...table.map((row) => lineWidth(row[x]) + 2)));
  const out: string[] = [];
  table.forEach((_, y) => {
    const rule = widths.map((w, x) => (x === 0 ? (y === 0 ? '┌' : '├') : y === 0 ? '┬' : '┼') + '─'.repeat(w)).join('');
    out.push(rule + (y === 0 ? '┐' : '┤'));
    const height = Math.max(1, ...cells[y].map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      out.push(cells[y].map((lines, x) => `│${k < lines.length ? ` ${fit(lines[k], widths[x] - 2)} ` : ' '.repeat(widths[x])}`).join('') + '│');
    }
  });
  out.push(widths.map((w, x) => (x === 0 ? '└' : '┴') + '─'.repeat(w)).join('') + '┘');
  return out.join('\n');
}
