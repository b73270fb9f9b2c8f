import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtop } from '../../src/data/atop.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');

describe('parseAtop', () => {
  it('reads the peacesciencer layout and skips flags outside 0/1 and short rows', () => {
    const r = parseAtop(fixture('atop_dyad_year.csv'));
    expect(r.columns).toEqual(['ccode1', 'ccode2', 'year', 'defense', 'offense', 'neutral', 'nonagg', 'consul']);
    expect(r.rows).toEqual([
      { ccode1: 2, ccode2: 732, year: 1954, defense: 1, offense: 0, neutral: 0, nonagg: 0, consul: 1 },
      { ccode1: 732, ccode2: 2, year: 1954, defense: 1, offense: 0, neutral: 0, nonagg: 0, consul: 1 },
      { ccode1: 2, ccode2: 740, year: 1960, defense: 1, offense: 0, neutral: 0, nonagg: 0, consul: 1 },
      { ccode1: 710, ccode2: 731, year: 1961, defense: 1, offense: 0, neutral: 0, nonagg: 1, consul: 1 },
    ]);
    expect(r.skipped).toEqual([
      { line: 6, reason: 'out of range: defense is 2, expected 0..1' },
      { line: 7, reason: 'field count: expected 8 fields, found 7' },
    ]);
  });

  it("reads ATOP's own dyad-year layout (stateA, stateB, defense, …)", () => {
    const r = parseAtop(fixture('atop_official.csv'));
    expect(r.rows[1]).toEqual({ ccode1: 710, ccode2: 731, year: 2018, defense: 1, offense: 0, neutral: 0, nonagg: 1, consul: 1 });
  });

  it('filters to dyads among the listed states', () => {
    expect(parseAtop(fixture('atop_dyad_year.csv'), { countries: ['2', '732'] }).rows).toHaveLength(2);
  });
});
