/**
 * Strategic-rivalry lists: Thompson, Sakuwa & Suhas (2021) (`tssr_id, rivalry, ccode1, ccode2, start, end, …`)
 * and Thompson & Dreyer (2012), *Handbook of International Rivalries* (`rivalryno, rivalryname, ccode1, ccode2,
 * styear, endyear, …`), as the peacesciencer export writes them. One row per rivalry spell; a dyad may have several
 * spells (Britain–France 1 and 2). Strict: a validation built on the list must not lose a spell silently, so a bad
 * cell is an error of the file at its line and column, never a skipped row.
 */
import { DataFormatError, type FormatIssue } from './importResult.js';
import { findColumn, readTable, requireColumns } from './table.js';

/** One rivalry spell: the two COW state codes (as listed), its first and last year, its id and name in the list. */
export interface RivalrySpell {
  id: string;
  name: string;
  ccode1: number;
  ccode2: number;
  start: number;
  end: number;
  /** 1-based line of the spell in the file. */
  line: number;
}

/** Which list a header is: `tss` (start/end) or `thompson-dreyer` (styear/endyear). */
export type RivalryListKind = 'tss' | 'thompson-dreyer';

/** The 1-based character column where field `index` (0-based) of a delimited line starts, quotes respected. */
export function fieldColumn(line: string, index: number, delimiter = ','): number {
  let field = 0, quoted = false;
  for (let c = 0; c < line.length; c++) {
    if (field === index) return c + 1;
    const ch = line[c];
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) field++;
  }
  return line.length + 1;
}

/**
 * Reads a rivalry list (either layout, detected from the header: `start`/`end` → TSS, `styear`/`endyear` →
 * Thompson–Dreyer). Every spell needs integer COW codes (1–999, two different states) and years with start ≤ end;
 * otherwise DataFormatError lists each bad cell as `line:col column: message`.
 * Example: `parseRivalryList('ccode1,ccode2,start,end\n2,365,1946,1989').spells[0]` → `{ ccode1: 2, ccode2: 365, start: 1946, end: 1989, … }`.
 */
export function parseRivalryList(text: string): { kind: RivalryListKind; spells: RivalrySpell[] } {
  const table = readTable(text);
  const tss = findColumn(table, ['start']) >= 0;
  const col = requireColumns(table, { ccode1: ['ccode1'], ccode2: ['ccode2'], start: ['start', 'styear'], end: ['end', 'endyear'] }, 'rivalry list');
  const idCol = findColumn(table, ['tssr_id', 'rivalryno', 'id']);
  const nameCol = findColumn(table, ['rivalry', 'rivalryname', 'name']);
  const lines = text.split(/\r\n|\n|\r/);
  const issues: FormatIssue[] = [];
  const spells: RivalrySpell[] = [];
  for (const rec of table.records) {
    const at = (k: number) => fieldColumn(lines[rec.line - 1] ?? '', k, table.delimiter);
    if (rec.error) {
      issues.push({ line: rec.line, col: rec.error.col, message: `row: ${rec.error.message}` });
      continue;
    }
    const int = (key: keyof typeof col, min: number, max: number): number | undefined => {
      const raw = (rec.fields[col[key]] ?? '').trim();
      const v = Number(raw);
      if (raw === '' || !Number.isInteger(v)) issues.push({ line: rec.line, col: at(col[key]), message: `${table.header[col[key]]}: expected an integer, got '${raw.slice(0, 40)}'` });
      else if (v < min || v > max) issues.push({ line: rec.line, col: at(col[key]), message: `${table.header[col[key]]}: ${v} is outside ${min}..${max}` });
      else return v;
      return undefined;
    };
    const a = int('ccode1', 1, 999), b = int('ccode2', 1, 999), s = int('start', 1000, 2100), e = int('end', 1000, 2100);
    if (a === undefined || b === undefined || s === undefined || e === undefined) continue;
    if (a === b) {
      issues.push({ line: rec.line, col: at(col.ccode2), message: `${table.header[col.ccode2]}: a rivalry needs two different states, both are ${a}` });
      continue;
    }
    if (s > e) {
      issues.push({ line: rec.line, col: at(col.end), message: `${table.header[col.end]}: the spell ends (${e}) before it starts (${s})` });
      continue;
    }
    const id = idCol >= 0 ? (rec.fields[idCol] ?? '').trim() : '';
    const name = nameCol >= 0 ? (rec.fields[nameCol] ?? '').trim() : '';
    spells.push({ id: id || String(spells.length + 1), name: name || `${a}-${b}`, ccode1: a, ccode2: b, start: s, end: e, line: rec.line });
  }
  if (issues.length) throw new DataFormatError(issues.slice(0, 20));
  return { kind: tss ? 'tss' : 'thompson-dreyer', spells };
}
