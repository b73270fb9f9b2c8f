import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../../src/data/csvRows.js';
import { resultToCsv, skippedByReason } from '../../src/data/importResult.js';

describe('resultToCsv', () => {
  it('writes the columns in order, missing values as empty fields, and quotes where RFC 4180 needs it', () => {
    const csv = resultToCsv({ columns: ['country', 'year', 'v'], rows: [{ country: 'Korea, South', year: 2024, v: null }, { country: 'Japan', year: 2023, v: 1.5 }] });
    expect(csv).toBe('country,year,v\n"Korea, South",2024,\nJapan,2023,1.5\n');
    expect(parseCsvRows(csv).records[1].fields).toEqual(['Korea, South', '2024', '']);
  });

  it('refuses non-finite numbers', () => {
    expect(() => resultToCsv({ columns: ['v'], rows: [{ v: Number.NaN }] })).toThrow(/non-finite/);
  });
});

describe('skippedByReason', () => {
  it('counts skipped rows by the category before the colon', () => {
    expect(skippedByReason([{ line: 2, reason: 'bad date: x' }, { line: 3, reason: 'bad date: y' }, { line: 4, reason: 'duplicate: z' }])).toEqual({ 'bad date': 2, duplicate: 1 });
  });
});
