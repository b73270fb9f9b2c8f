import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvError, numericColumns, parseCsv, parseNumber } from '../../src/data/csv.js';

describe('parseCsv', () => {
  it('reads a header and rows, with CRLF, a BOM, quoted fields and blank lines', () => {
    const t = parseCsv('\ufeffyear,"name, long",v\r\n1990,"a ""b""",1.5\r\n\r\n1991,"multi\nline",2\r\n', 'x.csv');
    expect(t.header).toEqual(['year', 'name, long', 'v']);
    expect(t.rows).toEqual([['1990', 'a "b"', '1.5'], ['1991', 'multi\nline', '2']]);
    expect(t.lines).toEqual([2, 4]);
  });

  it('names the file and line of a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'data.csv')).toThrow('data.csv:3:1: expected 2 fields as in the header, found 1');
  });

  it('rejects duplicate or empty header names and unclosed quotes', () => {
    expect(() => parseCsv('a,a\n1,2\n', 'd.csv')).toThrow(/twice/);
    expect(() => parseCsv('a,\n1,2\n', 'd.csv')).toThrow(/header field 2 is empty/);
    expect(() => parseCsv('a,b\n"1,2\n', 'd.csv')).toThrow('d.csv:2:1: a quoted field is never closed');
    expect(() => parseCsv('', 'd.csv')).toThrow(CsvError);
  });

  it('round-trips any table of strings written with full quoting', () => {
    const cell = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((k) => fc.tuple(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }).filter((s) => s.trim() === s && s !== ''), { minLength: k, maxLength: k }), fc.array(fc.array(cell, { minLength: k, maxLength: k }), { maxLength: 6 }))), ([header, rows]) => {
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = [header, ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n';
        const t = parseCsv(text);
        expect(t.header).toEqual(header);
        // A row whose every cell is empty still has its commas, so it is kept.
        expect(t.rows).toEqual(rows);
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe('numericColumns', () => {
  const t = parseCsv('year,gdp,note\n2000,1.5,x\n2001,n/a,y\n2002,,z\n', 'g.csv');

  it('returns the named columns in the order asked', () => {
    expect(numericColumns(t, ['year'])).toEqual([[2000, 2001, 2002]]);
  });

  it("names file, line and column of a non-numeric cell, and lists the columns when one is missing", () => {
    expect(() => numericColumns(t, ['gdp'])).toThrow("g.csv:3:6: column 'gdp': 'n/a' is not a number");
    expect(() => numericColumns(parseCsv('a\n\n1\n', 'h.csv'), ['a'])).not.toThrow();
    expect(() => numericColumns(t, ['inv'])).toThrow("g.csv: no column 'inv' (columns: year, gdp, note)");
  });

  it('parses exactly the finite decimal numbers JavaScript prints', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
      expect(parseNumber(String(v))).toBe(v === 0 ? 0 : v);
    }), { seed: 9, numRuns: 300 });
    for (const bad of ['', 'NA', '0x10', 'Infinity', '1,5', '1e', '--1']) expect(parseNumber(bad)).toBeUndefined();
  });
});
