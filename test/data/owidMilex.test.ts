import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOwidMilex } from '../../src/data/owidMilex.js';
import { parseFasStockpiles } from '../../src/data/fasStockpiles.js';

const fixture = readFileSync(new URL('../fixtures/data/owid_milex.csv', import.meta.url), 'utf8');

describe('parseOwidMilex', () => {
  it('reads constant 2020 US$, per-capita and share columns, empty cells as missing', () => {
    const r = parseOwidMilex(fixture);
    expect(r.rows).toEqual([
      { country: 'North Korea', year: 2016, milex_const2020_usd: 984076034, milex_per_capita: 38.88, milex_share_gdp: null },
      { country: 'North Korea', year: 2017, milex_const2020_usd: 1015180411, milex_per_capita: 39.92, milex_share_gdp: null },
      { country: 'South Korea', year: 2017, milex_const2020_usd: 43e9, milex_per_capita: 840.1, milex_share_gdp: 2.6 },
    ]);
  });

  it('skips repeats, bad years, bad numbers and short rows, each with its line and reason', () => {
    expect(parseOwidMilex(fixture).skipped).toEqual([
      { line: 4, reason: 'duplicate: North Korea 2017 appears again' },
      { line: 5, reason: "bad number: year is '20x8'" },
      { line: 7, reason: "bad number: military_expenditure is 'abc'" },
      { line: 8, reason: 'field count: expected 5 fields, found 3' },
    ]);
  });

  it('keeps only the countries asked for and counts the rest', () => {
    const r = parseOwidMilex(fixture, { countries: ['South Korea'] });
    expect(r.rows.map((x) => x.country)).toEqual(['South Korea']);
    expect(r.notes).toContain('2 rows of other countries left out (countries filter)');
  });

  it('says which file it expected when the columns are wrong', () => {
    expect(() => parseOwidMilex('country,year,milex\nA,2000,1\n')).toThrow(/not an OWID military expenditure file/);
  });
});

describe('parseFasStockpiles', () => {
  it('collapses the double space in "North  Korea" and reads warheads', () => {
    const r = parseFasStockpiles('country_name,year,nuclear_weapons_stockpile\nNorth  Korea,2023,30\nChina,2023,410\nChina,20x3,1\n');
    expect(r.rows).toEqual([
      { country: 'North Korea', year: 2023, warheads: 30 },
      { country: 'China', year: 2023, warheads: 410 },
    ]);
    expect(r.skipped).toEqual([{ line: 4, reason: "bad number: year is '20x3'" }]);
  });
});
