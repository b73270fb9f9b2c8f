import { InputError } from '../errors.js';
import { readInputText } from '../io/readInput.js';
import type { CsvTable } from '../../data/csv.js';

/** Reads and parses a CSV data file for `flashpoints fit`; unreadable or malformed files are input errors (exit 2). */
export async function readTable(file: string): Promise<CsvTable> {
  const { parseCsv } = await import('../../data/csv.js');
  const text = readInputText(file, { what: '--data', kind: 'data', hint: 'check the --data path' });
  const table = asInput(() => parseCsv(text, file));
  if (table.rows.length === 0) throw new InputError([`${file}:${table.lines[0] ?? 2}:1: the file has a header (${table.header.slice(0, 8).join(', ')}${table.header.length > 8 ? ', …' : ''}) but no data rows`], 'add one row per period below the header');
  return table;
}

/** The named numeric columns of a table, one array per name; a missing column or a bad cell → exit 2. */
export async function columns(table: CsvTable, names: string[]): Promise<number[][]> {
  const { numericColumns } = await import('../../data/csv.js');
  return asInput(() => numericColumns(table, names));
}

/**
 * Runs `fn`, turning the core's data errors (CsvError, EstimationError) into input errors: the CLI prints the
 * message and a hint, and exits 2.
 */
export function asInput<T>(fn: () => T, hint?: string): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Error && (err.name === 'CsvError' || err.name === 'EstimationError')) {
      throw new InputError([err.message], hint ?? (err as { hint?: string }).hint ?? hintFor(err.message));
    }
    throw err;
  }
}

function hintFor(message: string): string | undefined {
  if (/singular/.test(message)) return 'drop a regressor that duplicates or is a combination of others';
  if (/too few rows|too few observations/.test(message)) return 'use fewer lags or regressors, or more rows';
  if (/constant|no variation|zero variance/.test(message)) return 'a column used is constant; drop it or use another';
  if (/not converge/.test(message)) return 'the fit did not converge; check the data for outliers, or use fewer regressors';
  return 'docs/estimation.md describes what each fit needs of its data';
}

/** Parses a comma-separated list of names for commander: non-empty, no duplicates. */
export function nameList(option: string) {
  return (raw: string): string[] => {
    const names = raw.split(',').map((s) => s.trim());
    if (names.some((n) => n === '')) throw new InputError([`${option}: empty name in '${raw}'`], `give names separated by commas, e.g. ${option} a,b`);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new InputError([`${option}: '${dup}' is listed twice`]);
    return names;
  };
}

/** A value from a fixed set, for commander. */
export function choice<T extends string>(option: string, values: readonly T[]) {
  return (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) throw new InputError([`${option} must be one of ${values.join(', ')}, got '${raw}'`]);
    return raw as T;
  };
}
