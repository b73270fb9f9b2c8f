/**
 * Header-addressed access to delimited files for the importers: find columns by any of their known names,
 * parse cells with a reason on failure, and turn each bad row into a `Skipped` entry instead of dropping it.
 */
import { parseCsvRows, type CsvRecord } from './csvRows.js';
import { DataFormatError, formatError, shortReason, type Skipped } from './importResult.js';

export interface Table {
  /** Header names normalised: lower case, runs of other characters than letters and digits as `_`. */
  header: string[];
  /** The header fields as written. */
  rawHeader: string[];
  headerLine: number;
  records: CsvRecord[];
  delimiter: string;
}

/** Normalises a header name so that `Event Date`, `event_date` and `"EVENT-DATE"` match. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Reads delimited text whose first record is a header. The delimiter defaults to a tab when the header line holds
 * more tabs than commas, else a comma; `quoting: false` reads quotes as plain characters (for files that never
 * quote, such as GDELT's). Throws DataFormatError on an empty file or an unterminated quote.
 */
export function readTable(text: string, options: { delimiter?: string; quoting?: boolean } = {}): Table {
  const delimiter = options.delimiter ?? detectDelimiter(firstLineOf(text));
  const { records, faults } = parseCsvRows(text, { delimiter, quoting: options.quoting });
  if (faults.length) throw new DataFormatError(faults);
  const head = records.shift();
  if (!head) formatError(1, 1, 'the file is empty: expected a header line');
  return { header: head.fields.map(normalizeName), rawHeader: head.fields, headerLine: head.line, records, delimiter };
}

/** The text up to the first line break. */
export function firstLineOf(text: string): string {
  return text.slice(0, text.search(/\r|\n|$/));
}

/** A tab if the line holds more tabs than commas, else a comma. */
export function detectDelimiter(line: string): string {
  const tabs = line.split('\t').length - 1;
  const commas = line.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/** Index of the first header column matching one of `names` (normalised), or -1. */
export function findColumn(table: Pick<Table, 'header'>, names: readonly string[]): number {
  for (const n of names) {
    const i = table.header.indexOf(normalizeName(n));
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Resolves required columns, each given by its accepted names; a missing one is a fault of the file, reported at
 * the header line. Returns the column index of each key.
 */
export function requireColumns<K extends string>(table: Table, spec: Record<K, readonly string[]>, what: string): Record<K, number> {
  const out = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(spec) as K[]) {
    const i = findColumn(table, spec[key]);
    if (i < 0) missing.push(spec[key].length > 1 ? `${spec[key][0]} (or ${spec[key].slice(1).join(', ')})` : spec[key][0]);
    out[key] = i;
  }
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
  if (missing.length) formatError(table.headerLine, 1, `not ${article} ${what} file: missing column${missing.length > 1 ? 's' : ''} ${missing.join('; ')}`);
  return out;
}

/**
 * A cell that cannot be read; the importer skips its row with this message as the reason, shortened to
 * REASON_MAX_CHARS so that a reason quoting a 10 MB field stays one readable line.
 */
export class RowError extends Error {
  constructor(message: string) {
    super(shortReason(message));
  }
}

export interface NumberCellOptions {
  /** Cell texts that mean "missing" (after trimming). @default ['', 'NA'] */
  missing?: readonly string[];
  /** Numeric codes that mean "missing", such as COW's -9. @default [] */
  missingCodes?: readonly number[];
  integer?: boolean;
  min?: number;
  max?: number;
}

/** Parses a numeric cell; `null` for a missing marker; throws RowError naming the column otherwise. */
export function numberCell(raw: string | undefined, column: string, options: NumberCellOptions = {}): number | null {
  const text = (raw ?? '').trim();
  if ((options.missing ?? ['', 'NA']).includes(text)) return null;
  const v = Number(text);
  if (text === '' || !Number.isFinite(v)) throw new RowError(`bad number: ${column} is '${text}'`);
  if (options.missingCodes?.includes(v)) return null;
  if (options.integer && !Number.isInteger(v)) throw new RowError(`bad integer: ${column} is '${text}'`);
  if ((options.min !== undefined && v < options.min) || (options.max !== undefined && v > options.max)) {
    throw new RowError(`out of range: ${column} is ${v}, expected ${options.min ?? '-∞'}..${options.max ?? '∞'}`);
  }
  return v;
}

/**
 * Runs `fn` on every record whose field count matches the header (`expectedFields`; null: any count); records with the wrong count, a CSV syntax
 * error, or a cell `fn` rejects (RowError) go to `skipped` with their line and reason.
 */
export function eachRecord(table: Table, skipped: Skipped[], fn: (rec: CsvRecord) => void, expectedFields: number | null = table.header.length): void {
  for (const rec of table.records) {
    if (rec.error) {
      skipped.push({ line: rec.line, reason: `malformed CSV: ${rec.error.message} at column ${rec.error.col}` });
    } else if (expectedFields !== null && rec.fields.length !== expectedFields) {
      skipped.push({ line: rec.line, reason: `field count: expected ${expectedFields} fields, found ${rec.fields.length}` });
    } else {
      try {
        fn(rec);
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        skipped.push({ line: rec.line, reason: e.message });
      }
    }
  }
}

/** Parses a comma-separated list of country codes or names, for the `countries` filters. */
export function countrySet(list: readonly (string | number)[] | undefined): Set<string> | undefined {
  return list && list.length ? new Set(list.map((c) => String(c).trim())) : undefined;
}

/** Rounds away binary noise from sums and products of decimal data (0.1 + 0.2 → 0.3), keeping 12 significant digits. */
export function tidyNumber(x: number): number {
  return Number(x.toPrecision(12)) + 0;
}
