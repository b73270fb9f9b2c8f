import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { CsvTable } from '../../data/csv.js';

/** Reads and parses a CSV data file for `flashpoints fit`; unreadable or malformed files are input errors (exit 2). */
export async function readTable(file: string): Promise<CsvTable> {
  const { parseCsv } = await import('../../data/csv.js');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError([`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`], 'check the --data path');
  }
  return asInput(() => parseCsv(text, file));
}

/** The named numeric columns of a table, one array per name; a missing column or a bad cell → exit 2. */
export async function columns(table: CsvTable, names: string[]): Promise<number[][]> {
  const { numericColumns } = await import('../../data/csv.js');
  return asInput(() => numericColumns(table, names), 'every column used must hold a number on every row');
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
      throw new InputError([err.message], hint ?? hintFor(err.message));
    }
    throw err;
  }
}

function hintFor(message: string): string | undefined {
  if (/singular/.test(message)) return 'drop a regressor that duplicates or is a combination of others';
  if (/too few rows|too few observations/.test(message)) return 'use fewer lags or regressors, or more rows';
  return undefined;
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
