import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkOutputPath, csvText, writeCsvFile } from '../../src/cli/csvFile.js';
import { parseCsv } from '../../src/data/csv.js';

describe('tidy CSV writing', () => {
  it('any strings and numbers survive a round trip through the project CSV reader', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([s, v]) => [s, v]);
        const t = parseCsv(csvText(['label', 'value'], rows), 'x.csv');
        // The reader skips blank lines: a row whose label is empty still has its value, so none is lost.
        expect(t.rows.map((r) => [r[0], Number(r[1])])).toEqual(rows.map(([s, v]) => [s, Object.is(v, -0) ? 0 : v]));
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('writes through a temporary file and leaves only the target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csvfile-'));
    writeCsvFile(join(dir, 'a.csv'), ['x'], [[1], [null]]);
    expect(readdirSync(dir)).toEqual(['a.csv']);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('x\n1\n\n');
    expect(() => checkOutputPath(join(dir, '.', 'a.csv'), [join(dir, 'a.csv')])).toThrow(/input of this command/);
  });
});
