/**
 * SIPRI Military Expenditure Database (https://www.sipri.org/databases/milex): the long CSV
 * (`country,year,<measure>...`) and the sheets of SIPRI's own workbook, given as a grid of cell values (the xlsx
 * reading itself lives in `sipriXlsx.ts`, the only file that loads exceljs).
 *
 * In SIPRI's sheets ". ." means no data and "xxx" means the country did not exist or was not independent; both
 * become missing values, counted in the notes. Shares ("Share of GDP", "Share of Govt. spending") are stored by
 * SIPRI as fractions and are converted to percent.
 */
import { DataFormatError, formatError, shortReason, type Cell, type ImportResult, type Skipped } from './importResult.js';
import { countrySet, eachRecord, normalizeName, numberCell, readTable, requireColumns, RowError, tidyNumber } from './table.js';

/** One country-year; the other keys are the measures (see `columns`), in the units listed in the notes. */
export type SipriRow = { country: string; year: number } & Record<string, Cell>;
export type SipriImport = ImportResult<SipriRow>;

/** Texts SIPRI uses for "no data" (". .", "..", "...") and "state did not exist" ("xxx"). */
export const SIPRI_MARKERS: readonly string[] = ['. .', '..', '...', '. . .', 'xxx'];

/** SIPRI's reproduction limit: at most 10% of the database, 3,500 data points, under its fair-use terms. */
export const SIPRI_MAX_DATA_POINTS = 3500;

export interface SipriOptions {
  /** Keep only these countries, named as SIPRI names them (`Korea, South`). @default all */
  countries?: readonly string[];
}

/** A SIPRI sheet as a measure: column name, unit, and the factor that turns the stored value into that unit. */
export interface SipriMeasure {
  column: string;
  unit: string;
  scale: number;
}

/** Maps a SIPRI sheet name to the measure it holds; unknown sheets keep a normalised name and factor 1. */
export function sipriMeasure(sheet: string): SipriMeasure {
  const constant = /constant\s*\((\d{4})\)/i.exec(sheet);
  if (constant) return { column: `milex_const${constant[1]}_usd_m`, unit: `US$ million at constant ${constant[1]} prices and exchange rates`, scale: 1 };
  if (/current\s*us/i.test(sheet)) return { column: 'milex_current_usd_m', unit: 'US$ million, current prices', scale: 1 };
  if (/share\s+of\s+gdp/i.test(sheet)) return { column: 'milex_share_gdp', unit: 'percent of GDP (SIPRI fraction × 100)', scale: 100 };
  if (/share\s+of\s+gov/i.test(sheet)) return { column: 'milex_share_govt', unit: 'percent of government spending (SIPRI fraction × 100)', scale: 100 };
  if (/per\s*capita/i.test(sheet)) return { column: 'milex_per_capita_usd', unit: 'US$ per person, current prices', scale: 1 };
  if (/local\s+currency/i.test(sheet)) return { column: `milex_local_m_${normalizeName(sheet.replace(/local\s+currency/i, ''))}`, unit: 'million, local currency, current prices', scale: 1 };
  return { column: normalizeName(sheet), unit: 'as in the sheet', scale: 1 };
}

/**
 * Parses the long CSV: columns `country`, `year`, then one or more numeric measures. Empty cells and SIPRI's
 * markers are missing values. Rows with a bad year or number, or a repeated country-year, are skipped and listed.
 * Example: `parseSipriCsv('country,year,milex\nJapan,2024,55000\n').rows` → `[{country:'Japan', year:2024, milex:55000}]`.
 */
export function parseSipriCsv(text: string, options: SipriOptions = {}): SipriImport {
  const keep = countrySet(options.countries);
  let filtered = 0;
  const table = readTable(text);
  const col = requireColumns(table, { country: ['country'], year: ['year'] }, 'SIPRI long CSV');
  const measureIdx = table.header.map((_, i) => i).filter((i) => i !== col.country && i !== col.year);
  if (!measureIdx.length) formatError(table.headerLine, 1, 'not a SIPRI long CSV file: no value column after country and year');
  const measures = measureIdx.map((i) => table.header[i]);
  const rows: SipriRow[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const markers = new Map<string, number>();
  eachRecord(table, skipped, (rec) => {
    const country = rec.fields[col.country].trim();
    if (!country) throw new RowError('missing value: country is empty');
    if (keep && !keep.has(country)) {
      filtered++;
      return;
    }
    const year = yearOf(rec.fields[col.year]);
    const key = `${country}\u0000${year}`;
    if (seen.has(key)) throw new RowError(`duplicate: ${country} ${year} appears again`);
    const row: SipriRow = { country, year };
    measureIdx.forEach((i, k) => {
      const raw = rec.fields[i].trim();
      if (SIPRI_MARKERS.includes(raw)) markers.set(raw, (markers.get(raw) ?? 0) + 1);
      row[measures[k]] = SIPRI_MARKERS.includes(raw) ? null : numberCell(raw, measures[k]);
    });
    seen.add(key);
    rows.push(row);
  });
  const notes = [`measures: ${measures.join(', ')} (units as in the file's column names)`, ...markerNotes(markers), ...limitNotes(rows, measures)];
  if (keep) notes.push(`${filtered} rows of other countries left out (countries filter)`);
  return { kind: 'sipri', columns: ['country', 'year', ...measures], rows, skipped, notes };
}

function yearOf(raw: unknown): number {
  const text = String(raw ?? '').trim();
  const y = Number(text);
  if (!/^\d{4}$/.test(text) || y < 1800 || y > 2100) throw new RowError(`bad year: '${text}'`);
  return y;
}

function markerNotes(markers: Map<string, number>): string[] {
  return [...markers].map(([m, n]) => `${n} cells held SIPRI's marker '${m}' (${m === 'xxx' ? 'state did not exist' : 'no data'}) and are empty`);
}

function limitNotes(rows: SipriRow[], measures: string[]): string[] {
  const points = rows.reduce((s, r) => s + measures.filter((m) => r[m] !== null).length, 0);
  const note = `${points} numeric data points`;
  if (points <= SIPRI_MAX_DATA_POINTS) return [note];
  return [`${note}: more than SIPRI's fair-use limit of ${SIPRI_MAX_DATA_POINTS}; do not republish them without SIPRI's permission`];
}

/** A sheet as rows of cell values: `grid[r][c]` is row r+1, column c+1; cells are numbers, strings or null. */
export type SheetGrid = (string | number | null)[][];

/** One sheet of SIPRI's workbook, parsed to a single measure. */
interface SheetRead {
  measure: SipriMeasure;
  values: Map<string, { country: string; year: number; value: number }>;
  skipped: Skipped[];
  notes: string[];
}

/**
 * Parses SIPRI workbook sheets (title rows, a header row with `Country` and year columns, region headings,
 * footnotes) into one row per country-year with one column per sheet. Cells that are neither numbers nor SIPRI
 * markers are skipped and listed with their sheet row. Throws DataFormatError when a sheet has no header row.
 */
export function parseSipriSheets(sheets: readonly { name: string; grid: SheetGrid }[], options: SipriOptions = {}): SipriImport {
  const keep = countrySet(options.countries);
  const reads = sheets.map((s) => readSheet(s.name, s.grid, keep));
  const byKey = new Map<string, SipriRow>();
  const columns = ['country', 'year', ...reads.map((r) => r.measure.column)];
  for (const read of reads) {
    for (const [key, v] of read.values) {
      let row = byKey.get(key);
      if (!row) {
        row = { country: v.country, year: v.year };
        for (const c of columns.slice(2)) row[c] = null;
        byKey.set(key, row);
      }
      row[read.measure.column] = v.value;
    }
  }
  const order = new Map<string, number>();
  for (const r of byKey.values()) if (!order.has(r.country)) order.set(r.country, order.size);
  const rows = [...byKey.values()].sort((a, b) => order.get(a.country)! - order.get(b.country)! || a.year - b.year);
  const notes = reads.flatMap((r) => [`${r.measure.column}: ${r.measure.unit}`, ...r.notes]);
  notes.push('rows where every sheet is empty or marked are left out', ...limitNotes(rows, columns.slice(2)));
  return { kind: 'sipri', columns, rows, skipped: reads.flatMap((r) => r.skipped), notes };
}

function readSheet(name: string, grid: SheetGrid, keep: Set<string> | undefined): SheetRead {
  const measure = sipriMeasure(name);
  const h = findHeader(grid);
  if (!h) throw new DataFormatError([{ line: 1, col: 1, message: `sheet '${name}': no header row with 'Country' and year columns` }]);
  const { row: headerRow, countryCol, years } = h;
  const values: SheetRead['values'] = new Map();
  const skipped: Skipped[] = [];
  const markers = new Map<string, number>();
  let headings = 0;
  let filtered = 0;
  const title = grid.slice(0, headerRow).flatMap((r) => r.filter((c): c is string => typeof c === 'string' && c.trim() !== ''));
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const country = String(cells[countryCol] ?? '').trim();
    let filled = 0;
    const found: { year: number; value: number }[] = [];
    for (const [c, year] of years) {
      const v = cells[c];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      filled++;
      const text = typeof v === 'string' ? v.trim() : '';
      if (SIPRI_MARKERS.includes(text)) {
        markers.set(text, (markers.get(text) ?? 0) + 1);
        continue;
      }
      const num = typeof v === 'number' ? v : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(num)) skipped.push({ line: r + 1, reason: shortReason(`bad value: sheet '${name}' ${country || '(no country)'} ${year} is '${String(v)}'`) });
      else found.push({ year, value: measure.scale === 1 ? num : tidyNumber(num * measure.scale) });
    }
    if (filled === 0) {
      if (country) headings++;
      continue;
    }
    if (!country) {
      skipped.push({ line: r + 1, reason: `missing value: sheet '${name}' row has values but no country name` });
      continue;
    }
    if (keep && !keep.has(country)) {
      filtered++;
      continue;
    }
    for (const f of found) values.set(`${country}\u0000${f.year}`, { country, year: f.year, value: f.value });
  }
  const notes = [
    ...(title.length ? [`sheet '${name}' says: ${title.join(' | ')}`] : []),
    `sheet '${name}': ${values.size} values; ${headings} rows without values (region headings, footnotes) ignored`,
    ...markerNotes(markers).map((n) => `sheet '${name}': ${n}`),
    ...(keep ? [`sheet '${name}': ${filtered} rows of other countries left out (countries filter)`] : []),
  ];
  return { measure, values, skipped, notes };
}

/** The first row holding a `Country` cell and at least two year cells (integers 1900–2100). */
function findHeader(grid: SheetGrid): { row: number; countryCol: number; years: Map<number, number> } | undefined {
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const countryCol = cells.findIndex((c) => typeof c === 'string' && c.trim().toLowerCase() === 'country');
    if (countryCol < 0) continue;
    const years = new Map<number, number>();
    cells.forEach((c, i) => {
      const y = typeof c === 'number' ? c : typeof c === 'string' && /^\s*\d{4}\s*$/.test(c) ? Number(c) : NaN;
      if (Number.isInteger(y) && y >= 1900 && y <= 2100) years.set(i, y);
    });
    if (years.size >= 2) return { row: r, countryCol, years };
  }
  return undefined;
}
