import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCowMid } from '../../src/data/cowMid.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');

describe('parseCowMid', () => {
  it('reads COW directed dyad-years, dropping the cowmid prefix, with -9 as missing', () => {
    const r = parseCowMid(fixture('mid_dyad_year.csv'));
    expect(r.layout).toBe('dyad-year');
    expect(r.columns.slice(0, 6)).toEqual(['dispnum', 'ccode1', 'ccode2', 'year', 'onset', 'ongoing']);
    expect(r.rows[0]).toMatchObject({ dispnum: 4000, ccode1: 731, ccode2: 732, year: 1999, onset: 1, ongoing: 1, hostlev1: 4, hostlev: 4, fatality: 1, stmon: 6 });
    expect(r.rows.find((x) => x.dispnum === 4002)).toMatchObject({ fatality: null, stmon: null, hostlev: 4 });
  });

  it('leaves odd codes in descriptive columns empty and lists them, but skips bad key columns and repeats', () => {
    const r = parseCowMid(fixture('mid_dyad_year.csv'));
    expect(r.rows).toHaveLength(5);
    expect(r.rows.find((x) => x.dispnum === 4003)!.hostlev).toBeNull();
    expect(r.notes).toContain('stmon: 1 values outside 1..12 left empty, lines 5 (13)');
    expect(r.notes).toContain('hostlev: 1 values outside 1..5 left empty, lines 6 (6)');
    expect(r.skipped).toEqual([
      { line: 7, reason: 'duplicate: dispnum, ccode1, ccode2, year = 4003/731/732/2011 appears again' },
      { line: 8, reason: 'missing value: ccode2 is empty' },
    ]);
  });

  it('keeps only dyads whose two states are both in the countries filter', () => {
    const r = parseCowMid(fixture('mid_dyad_year.csv'), { countries: [731, 732] });
    expect(r.rows.map((x) => x.dispnum)).toEqual([4000, 4000, 4002, 4003]);
    expect(r.notes).toContain('1 rows outside the countries filter left out');
  });

  it('reads GML dyad-years like COW ones', () => {
    const r = parseCowMid(fixture('gml_dyad_year.csv'));
    expect(r.rows).toEqual([parseCowMid(fixture('mid_dyad_year.csv')).rows[0]]);
  });

  it('reads dispute-level files and skips a dispute without its hostility level', () => {
    const r = parseCowMid(fixture('mid_disputes.csv'));
    expect(r.layout).toBe('dispute');
    expect(r.rows.map((x) => [x.dispnum, x.styear, x.stmon, x.hostlev, x.fatality])).toEqual([
      [4000, 1999, 6, 4, 1],
      [4001, 2003, 3, 3, 0],
      [4002, 2010, null, 4, null],
    ]);
    expect(r.skipped).toEqual([{ line: 5, reason: 'missing value: hostlev is empty' }]);
    expect(r.notes).toContain('columns not in the file, left empty: endyear, endmon');
  });

  it('rejects a file that is neither layout', () => {
    expect(() => parseCowMid('a,b\n1,2\n')).toThrow(/not a MID file/);
    expect(() => parseCowMid('ccode1,ccode2,year\n2,20,1990\n')).toThrow(/missing column dispnum/);
  });
});
