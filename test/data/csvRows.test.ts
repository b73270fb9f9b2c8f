import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsvRows } from '../../src/data/csvRows.js';

describe('parseCsvRows', () => {
  it('splits fields and keeps the line each record starts on', () => {
    const { records, faults } = parseCsvRows('a,b\n1,2\n\n3,4\n');
    expect(faults).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('reads quoted delimiters, doubled quotes and line breaks inside quotes, and counts lines across them', () => {
    const { records } = parseCsvRows('x,"a, ""b""\nc",y\r\nnext,"",z');
    expect(records[0]).toEqual({ line: 1, fields: ['x', 'a, "b"\nc', 'y'] });
    expect(records[1]).toEqual({ line: 3, fields: ['next', '', 'z'] });
  });

  it('keeps empty trailing fields, strips a byte-order mark and accepts CRLF and a missing final newline', () => {
    expect(parseCsvRows('\uFEFFa,b,\r\n1,,').records.map((r) => r.fields)).toEqual([['a', 'b', ''], ['1', '', '']]);
  });

  it('marks a stray quote or text after a closing quote on the record, with its column', () => {
    const { records, faults } = parseCsvRows('ok,1\nab"c,2\n"x"y,3\n');
    expect(faults).toEqual([]);
    expect(records[1].error).toEqual({ col: 3, message: 'quote inside an unquoted field' });
    expect(records[2].error).toEqual({ col: 4, message: 'text after a closing quote' });
    expect(records[0].error).toBeUndefined();
  });

  it('reports an unterminated quote as a fault at the opening quote', () => {
    const { faults } = parseCsvRows('a,b\n1,"open\n2,3\n');
    expect(faults).toEqual([{ line: 2, col: 3, message: 'quoted field is never closed' }]);
  });

  it('splits on another delimiter when asked (tab-separated files)', () => {
    expect(parseCsvRows('a\tb,c\n', { delimiter: '\t' }).records[0].fields).toEqual(['a', 'b,c']);
  });

  it('reads quotes as plain characters when quoting is off (files that never quote)', () => {
    expect(parseCsvRows('a\t"b\tc"d\n', { delimiter: '\t', quoting: false }).records[0]).toEqual({ line: 1, fields: ['a', '"b', 'c"d'] });
  });

  it('round-trips any table of fields through formatCsv (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '\t', 'é', '1', '.') , maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), (rows) => {
        const { records, faults } = parseCsvRows(formatCsv(rows));
        expect(faults).toEqual([]);
        expect(records.map((r) => r.fields)).toEqual(rows);
        expect(records.every((r) => r.error === undefined)).toBe(true);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('numbers records by the lines their text starts on (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '\n', ','), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = formatCsv(rows);
        const { records } = parseCsvRows(text);
        let line = 1;
        rows.forEach((r, k) => {
          expect(records[k].line).toBe(line);
          line += formatCsv([r]).split('\n').length - 1;
        });
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
