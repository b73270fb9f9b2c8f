import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCowNmc } from '../../src/data/cowNmc.js';
import { GOLD_PARITY_USD_PER_GBP, parseUsdPerGbp } from '../../src/data/usdPerGbp.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');

describe('parseUsdPerGbp', () => {
  it('reads the MeasuringWorth layout: preamble lines, then Year, Unit, Rate', () => {
    const r = parseUsdPerGbp(fixture('usd_per_gbp.csv'));
    expect([...r.rates]).toEqual([[1912, 4.8], [1913, 5]]);
    expect(r.preamble[0]).toMatch(/U\.S\. dollars per British pound/);
    expect(r.skipped).toEqual([]);
  });

  it('skips bad and repeated years with their lines, and rejects a file without the header', () => {
    const r = parseUsdPerGbp('"Year","Unit","Rate"\n"1900","$","4.87"\n"19o1","$","4.87"\n"1900","$","4.8"\n"1902","$","0"\n');
    expect([...r.rates]).toEqual([[1900, 4.87]]);
    expect(r.skipped.map((s) => s.line)).toEqual([3, 4, 5]);
    expect(() => parseUsdPerGbp('a,b\n1,2\n')).toThrow(/no header with 'Year' and 'Rate'/);
  });

  it('uses the gold-standard parity 113.0016 / 23.22 grains of fine gold', () => {
    expect(GOLD_PARITY_USD_PER_GBP).toBe(113.0016 / 23.22);
    expect(GOLD_PARITY_USD_PER_GBP).toBeCloseTo(4.8666, 4);
  });
});

describe('parseCowNmc', () => {
  it('converts sterling years (to 1913) to thousands of US$ at the given year rates and keeps dollar years as they are', () => {
    const { rates } = parseUsdPerGbp(fixture('usd_per_gbp.csv'));
    const r = parseCowNmc(fixture('cow_nmc.csv'), { usdPerGbp: rates });
    const uk = r.rows.filter((x) => x.ccode === 200);
    // Hand-derived: 1000 £k × 4.80 = 4800 $k; 2000 £k × 5.00 = 10000 $k; 1914 is already in $k.
    expect(uk.map((x) => [x.year, x.milex_usd_k, x.milex_raw, x.milex_unit, x.usd_per_gbp])).toEqual([
      [1912, 4800, 1000, 'GBP thousand', 4.8],
      [1913, 10000, 2000, 'GBP thousand', 5],
      [1914, 9000, 9000, 'USD thousand', null],
    ]);
    expect(r.notes[0]).toMatch(/thousands of current US\$.*multiplied by usd_per_gbp \(the rate table given\)/);
  });

  it('falls back to the mint parity without a rate table and says so', () => {
    const r = parseCowNmc(fixture('cow_nmc.csv'));
    expect(r.rows[1]).toMatchObject({ year: 1913, milex_usd_k: 9733.12661499, usd_per_gbp: GOLD_PARITY_USD_PER_GBP });
    expect(r.notes.join('\n')).toMatch(/gold-standard mint parity 4\.8666/);
    expect(r.notes.join('\n')).toMatch(/not in 1862–1878/);
  });

  it('reads empty, NA and -9 as missing and keeps the other columns', () => {
    const r = parseCowNmc(fixture('cow_nmc.csv'));
    expect(r.rows[0]).toMatchObject({ irst: null, pec: null, milper: 300, cinc: 0.1 });
    expect(r.rows.find((x) => x.ccode === 731 && x.year === 2002)!.milex_usd_k).toBeNull();
    expect(r.rows.find((x) => x.ccode === 732)).toMatchObject({ milex_usd_k: null, milex_raw: null, irst: null, pec: 200000 });
    expect(r.skipped).toEqual([]);
  });

  it('filters by COW code or abbreviation', () => {
    expect(parseCowNmc(fixture('cow_nmc.csv'), { countries: ['731', 'ROK'] }).rows.map((x) => x.ccode)).toEqual([731, 731, 732]);
  });

  it('reads COW\'s own layout (stateabb first, version column, -9 for missing)', () => {
    const r = parseCowNmc(fixture('cow_nmc_official.csv'));
    expect(r.rows.map((x) => [x.stateabb, x.year, x.milex_usd_k, x.milper])).toEqual([
      ['USA', 1913, 243328.165375, 164],
      ['USA', 1914, 60000, 166],
      ['PRK', 1950, null, null],
    ]);
  });

  it('skips repeated, malformed and negative rows with their lines and reasons', () => {
    const r = parseCowNmc(fixture('cow_nmc_bad.csv'));
    expect(r.rows).toHaveLength(1);
    expect(r.skipped).toEqual([
      { line: 3, reason: 'duplicate: ccode 200 year 1913 appears again' },
      { line: 4, reason: "bad number: year is '19x4'" },
      { line: 5, reason: 'out of range: milex is -5, expected ≥ 0 or -9 (missing)' },
      { line: 6, reason: 'field count: expected 11 fields, found 7' },
      { line: 7, reason: "bad number: milex is 'lots'" },
    ]);
  });
});
