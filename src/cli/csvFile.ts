import { existsSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

/** One cell of a tidy CSV row: numbers as JavaScript prints them (round-trip exact), null as an empty cell. */
export type CsvCell = string | number | boolean | null;

/** Quotes a cell when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of a header and rows, LF line ends, a final newline. */
export function csvText(header: readonly string[], rows: readonly CsvCell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/**
 * Refuses an output path that names one of the command's inputs (after resolving `..` and symbolic links), so
 * `--csv data.csv` can never overwrite the data it read. Call it before any work is done.
 */
export function checkOutputPath(out: string, inputs: readonly string[], option = '--csv'): void {
  const canonical = (p: string) => {
    const abs = resolve(p);
    try {
      return realpathSync(abs);
    } catch {
      return abs;
    }
  };
  const target = canonical(out);
  const clash = inputs.find((p) => canonical(p) === target);
  if (clash !== undefined) throw new InputError([`${option} ${out}: that is an input of this command (${clash}); it is never overwritten`], 'write the table to another file');
  if (existsSync(dirname(resolve(out))) === false) throw new InputError([`${option} ${out}: no directory ${dirname(resolve(out))}`]);
}

/**
 * Writes a tidy CSV atomically: into a temporary file beside the target, then renamed over it, so a reader never
 * sees half a table and a failed write leaves any earlier file intact. An unwritable path is an input error (exit 2).
 */
export function writeCsvFile(out: string, header: readonly string[], rows: readonly CsvCell[][], option = '--csv'): void {
  writeFileAtomic(out, csvText(header, rows), option);
}

/** Writes `text` to `out` through a temporary file in the same directory and a rename; errors exit 2 naming `option`. */
export function writeFileAtomic(out: string, text: string, option: string): void {
  const target = resolve(out);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new InputError([`${option} ${out}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`], 'check the path and its directory');
  }
}
