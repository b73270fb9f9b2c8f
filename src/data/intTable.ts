/**
 * The shared reader behind the integer-coded COW/ATOP files: a list of columns (accepted names, range, required
 * or not), one output row per input row, missing codes (empty, NA, -9) as null, bad or repeated rows skipped
 * with their line and reason.
 */
import type { ImportResult, Skipped } from './importResult.js';
import { countrySet, eachRecord, findColumn, numberCell, readTable, requireColumns, RowError } from './table.js';

export interface IntColumn {
  /** Output name. */
  name: string;
  /** Accepted input names (normalised); @default [name] */
  from?: readonly string[];
  required?: boolean;
  min?: number;
  max?: number;
}

export type IntRow = Record<string, number | null>;

export interface IntTableSpec {
  kind: string;
  /** Used in "not a … file" messages. */
  what: string;
  columns: readonly IntColumn[];
  /** Columns whose values together must be unique. */
  key: readonly string[];
  /** Columns holding country codes, for the countries filter (a row is kept when all of them are listed). */
  countryColumns?: readonly string[];
  notes: readonly string[];
}

/**
 * Parses an integer-coded table by `spec`; `countries` (COW codes) keeps only rows whose country columns are all
 * listed. Required columns must be present in the header (else DataFormatError) and non-missing and in range in
 * each row (else the row is skipped); values of other columns outside their range are left empty and listed in the
 * notes with their lines.
 */
export function parseIntTable(text: string, spec: IntTableSpec, countries?: readonly (string | number)[]): ImportResult<IntRow> {
  const table = readTable(text);
  const required = Object.fromEntries(spec.columns.filter((c) => c.required).map((c) => [c.name, c.from ?? [c.name]]));
  requireColumns(table, required, spec.what);
  const idx = spec.columns.map((c) => findColumn(table, c.from ?? [c.name]));
  const keep = countrySet(countries);
  const rows: IntRow[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  let filtered = 0;
  const outOfRange = new Map<string, { line: number; value: number }[]>();
  const cellOptions = spec.columns.map((c) => ({ integer: true, missingCodes: [-9], min: c.required ? c.min : undefined, max: c.required ? c.max : undefined }));
  eachRecord(table, skipped, (rec) => {
    const row: IntRow = {};
    for (let k = 0; k < spec.columns.length; k++) {
      const c = spec.columns[k];
      if (idx[k] < 0) {
        row[c.name] = null;
        continue;
      }
      const v = numberCell(rec.fields[idx[k]], c.name, cellOptions[k]);
      if (v === null && c.required) throw new RowError(`missing value: ${c.name} is empty`);
      // An odd code in a descriptive column does not cost the row: the value is left empty and reported.
      if (v !== null && ((c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max))) {
        const list = outOfRange.get(c.name) ?? [];
        list.push({ line: rec.line, value: v });
        outOfRange.set(c.name, list);
        row[c.name] = null;
      } else row[c.name] = v;
    }
    if (keep && !(spec.countryColumns ?? []).every((c) => keep.has(String(row[c])))) {
      filtered++;
      return;
    }
    const key = spec.key.map((c) => row[c]).join('/');
    if (seen.has(key)) throw new RowError(`duplicate: ${spec.key.join(', ')} = ${key} appears again`);
    seen.add(key);
    rows.push(row);
  });
  const absent = spec.columns.filter((_, k) => idx[k] < 0).map((c) => c.name);
  const notes = [...spec.notes, 'missing values (empty, NA, -9) are empty'];
  if (absent.length) notes.push(`columns not in the file, left empty: ${absent.join(', ')}`);
  if (keep) notes.push(`${filtered} rows outside the countries filter left out`);
  for (const [name, list] of outOfRange) {
    const c = spec.columns.find((x) => x.name === name)!;
    const lines = list.slice(0, 10).map((x) => `${x.line} (${x.value})`).join(', ');
    notes.push(`${name}: ${list.length} values outside ${c.min ?? '-∞'}..${c.max ?? '∞'} left empty, lines ${lines}${list.length > 10 ? ', …' : ''}`);
  }
  return { kind: spec.kind, columns: spec.columns.map((c) => c.name), rows, skipped, notes };
}
