import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../src/data/importResult.js';
import { fieldColumn, parseRivalryList } from '../../src/data/rivalries.js';

const issuesOf = (text: string) => {
  try {
    parseRivalryList(text);
  } catch (e) {
    if (e instanceof DataFormatError) return e.issues;
    throw e;
  }
  return [];
};

describe('rivalry lists', () => {
  it('reads the TSS layout (start/end) and the Thompson–Dreyer layout (styear/endyear)', () => {
    const tss = parseRivalryList(readFileSync('test/fixtures/data/rivalries/tss_three.csv', 'utf8'));
    expect(tss.kind).toBe('tss');
    expect(tss.spells.map((s) => [s.id, s.name, s.ccode1, s.ccode2, s.start, s.end, s.line])).toEqual([
      ['1', 'Alpha-Beta', 100, 200, 1944, 2020, 2], ['2', 'Gamma-Delta 1', 300, 400, 1950, 1959, 3], ['3', 'Gamma-Delta 2', 400, 300, 1970, 1979, 4],
      ['4', 'Beta-Epsilon', 200, 500, 1990, 2020, 5], ['5', 'Old rivalry', 600, 700, 1816, 1900, 6],
    ]);
    const td = parseRivalryList('"rivalryno","rivalryname","ccode1","ccode2","styear","endyear","region"\n51,"China-India",710,750,1948,2010,"Asia"\n');
    expect(td.kind).toBe('thompson-dreyer');
    expect(td.spells[0]).toMatchObject({ id: '51', name: 'China-India', ccode1: 710, ccode2: 750, start: 1948, end: 2010 });
  });

  it('a bad cell is an error at its line and character column, naming the column; every bad cell is listed', () => {
    const text = 'tssr_id,rivalry,ccode1,ccode2,start,end\n1,"A, B",2,x,1946,1990\n2,C,2,2,1950,1960\n3,D,2,365,1990,1980\n4,E,2,365,1946,NA\n';
    expect(issuesOf(text)).toEqual([
      { line: 2, col: 12, message: "ccode2: expected an integer, got 'x'" },
      { line: 3, col: 7, message: 'ccode2: a rivalry needs two different states, both are 2' },
      { line: 4, col: 16, message: 'end: the spell ends (1980) before it starts (1990)' },
      { line: 5, col: 16, message: "end: expected an integer, got 'NA'" },
    ]);
    expect(issuesOf('ccode1,ccode2,start\n2,365,1946\n')[0]).toMatchObject({ line: 1, col: 1, message: expect.stringContaining('missing column end') });
  });

  it('fieldColumn finds the start of every field of an unquoted line', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z0-9 ]{0,6}$/), { minLength: 1, maxLength: 8 }), (fields) => {
      const line = fields.join(',');
      let pos = 1;
      fields.forEach((f, i) => {
        expect(fieldColumn(line, i)).toBe(pos);
        pos += f.length + 1;
      });
    }));
  });

  it.skipIf(!existsSync('../shared/data/arms_races/tss_rivalries.csv'))('reads both shared lists whole (264 and 197 spells)', () => {
    expect(parseRivalryList(readFileSync('../shared/data/arms_races/tss_rivalries.csv', 'utf8')).spells).toHaveLength(264);
    expect(parseRivalryList(readFileSync('../shared/data/arms_races/thompson_dreyer_rivalries.csv', 'utf8')).spells).toHaveLength(197);
  });
});
