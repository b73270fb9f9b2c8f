// Shared helpers for the estimator tests: the golden JSON written by test/golden/make.py (statsmodels 0.13.5,
// scipy 1.10.1 under Debian's python3) and the CSV inputs beside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { numericColumns, parseCsv } from '../../src/data/csv.js';

const dir = fileURLToPath(new URL('../golden/', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const golden: any = JSON.parse(readFileSync(dir + 'estimate.json', 'utf8'));

/** Columns of a golden CSV by name. */
export function csvColumns(file: string, names: string[]): number[][] {
  return numericColumns(parseCsv(readFileSync(dir + file, 'utf8'), file), names);
}

/** The named columns of a golden CSV as rows (time down the rows), the layout `fitVar` takes. */
export function csvRows(file: string, names: string[]): number[][] {
  const cols = csvColumns(file, names);
  return cols[0].map((_, t) => cols.map((c) => c[t]));
}

/** Path of a golden CSV, for CLI tests. */
export function csvPath(file: string): string {
  return dir + file;
}

/**
 * Asserts |actual − expected| ≤ rel·|expected| + abs elementwise over nested arrays (abs guards entries that are
 * zero in theory, where a relative bound means nothing).
 */
export function expectClose(actual: unknown, expected: unknown, rel = 1e-6, abs = 1e-12, path = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, rel, abs, `${path}[${i}]`));
    return;
  }
  const a = actual as number;
  const e = expected as number;
  const ok = Math.abs(a - e) <= rel * Math.abs(e) + abs;
  expect(ok, `${path}: ${a} vs ${e} (rel ${rel})`).toBe(true);
}
