import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../src/data/importResult.js';
import { parseSipriCsv, parseSipriSheets, sipriMeasure } from '../../src/data/sipri.js';
import { readSipriWorkbook } from '../../src/data/sipriXlsx.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');

describe('parseSipriCsv', () => {
  it('reads the long CSV with quoted names, markers and empty cells as missing values', () => {
    const r = parseSipriCsv(fixture('sipri_long.csv'));
    expect(r.columns).toEqual(['country', 'year', 'milex_const2023_usd_m', 'milex_share_gdp']);
    expect(r.rows).toEqual([
      { country: 'Korea, South', year: 2022, milex_const2023_usd_m: 46000.5, milex_share_gdp: 2.7 },
      { country: 'Korea, South', year: 2023, milex_const2023_usd_m: 47900, milex_share_gdp: 2.8 },
      { country: 'Japan', year: 2023, milex_const2023_usd_m: 50200, milex_share_gdp: 1.2 },
      { country: 'Japan', year: 2024, milex_const2023_usd_m: null, milex_share_gdp: 1.4 },
      { country: 'Viet Nam', year: 2019, milex_const2023_usd_m: null, milex_share_gdp: null },
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.notes.join('\n')).toMatch(/1 cells held SIPRI's marker '\. \.'/);
    expect(r.notes.join('\n')).toMatch(/1 cells held SIPRI's marker 'xxx' \(state did not exist\)/);
    expect(r.notes).toContain('7 numeric data points');
  });

  it('skips bad years, bad numbers, repeats, short rows, stray quotes and nameless rows, each with its line', () => {
    const r = parseSipriCsv(fixture('sipri_long_bad.csv'));
    expect(r.rows.map((x) => [x.country, x.year])).toEqual([['Japan', 2023], ['Japan', 2021]]);
    expect(r.skipped).toEqual([
      { line: 3, reason: "bad year: '20x4'" },
      { line: 4, reason: "bad number: milex_const2023_usd_m is 'n/a'" },
      { line: 5, reason: 'duplicate: Japan 2023 appears again' },
      { line: 6, reason: 'field count: expected 4 fields, found 3' },
      { line: 7, reason: 'malformed CSV: text after a closing quote at column 15' },
      { line: 8, reason: 'missing value: country is empty' },
    ]);
  });

  it('keeps only the countries asked for, and counts the others', () => {
    const r = parseSipriCsv(fixture('sipri_long.csv'), { countries: ['Korea, South'] });
    expect(r.rows.map((x) => x.year)).toEqual([2022, 2023]);
    expect(r.notes).toContain('3 rows of other countries left out (countries filter)');
  });

  it('rejects a file without country and year columns as a whole, at the header line', () => {
    expect(() => parseSipriCsv('nation,yr,v\nA,2000,1\n')).toThrow(DataFormatError);
    try {
      parseSipriCsv('nation,yr,v\n');
    } catch (e) {
      expect((e as DataFormatError).issues[0]).toMatchObject({ line: 1, col: 1 });
      expect((e as DataFormatError).issues[0].message).toMatch(/missing columns country; year/);
    }
  });
});

describe('sipriMeasure', () => {
  it('names each SIPRI sheet by its measure and converts shares from fractions to percent', () => {
    expect(sipriMeasure('Constant (2023) US$')).toMatchObject({ column: 'milex_const2023_usd_m', scale: 1 });
    expect(sipriMeasure('Share of GDP')).toMatchObject({ column: 'milex_share_gdp', scale: 100 });
    expect(sipriMeasure('Share of Govt. spending')).toMatchObject({ column: 'milex_share_govt', scale: 100 });
    expect(sipriMeasure('Current US$')).toMatchObject({ column: 'milex_current_usd_m' });
    expect(sipriMeasure('Per capita')).toMatchObject({ column: 'milex_per_capita_usd' });
  });
});

/** A small workbook in SIPRI's layout: front page, title and notes rows, header, region headings, markers, footnotes. */
async function sipriLikeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Front page').addRow(['SIPRI Military Expenditure Database (test fixture)']);
  const constant = wb.addWorksheet('Constant (2023) US$');
  constant.addRow(['Military expenditure by country, in constant (2023) US$ m., 2021-2023']);
  constant.addRow(['Figures are in US $m. at constant 2023 prices and exchange rates.']);
  constant.addRow([]);
  constant.addRow(['". ." = data unavailable. "xxx" = country did not exist or was not independent.']);
  constant.addRow([]);
  constant.addRow(['Country', null, 'Notes', 2021, 2022, 2023]);
  constant.addRow([]);
  constant.addRow(['Asia & Oceania']);
  constant.addRow(['East Asia']);
  constant.addRow(['Korea, North', null, null, '. .', '. .', '. .']);
  constant.addRow(['Korea, South', null, '‡', 45000, 46000.5, { formula: 'E11+1900', result: 47900 }]);
  constant.addRow(['Japan', null, null, 48000, '12a', 50200]);
  constant.addRow(['USSR', null, null, 'xxx', 'xxx', 'xxx']);
  constant.addRow([null, null, null, 5, null, null]);
  constant.addRow([]);
  constant.addRow(['‡ Figures are estimates (footnote row).']);
  const share = wb.addWorksheet('Share of GDP');
  share.addRow(['Military expenditure by country as percentage of gross domestic product, 2022-2023']);
  share.addRow(['Country', 'Notes', '2022', '2023']);
  share.addRow(['Korea, South', null, 0.027, 0.028]);
  share.addRow(['Japan', null, 0.011, { richText: [{ text: '0.0' }, { text: '12' }] }]);
  share.addRow(['Taiwan', null, 0.019, '. .']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readSipriWorkbook', () => {
  it('reads the constant-US$ and share-of-GDP sheets by default, shares in percent, markers and headings ignored', async () => {
    const r = await readSipriWorkbook(await sipriLikeWorkbook());
    expect(r.columns).toEqual(['country', 'year', 'milex_const2023_usd_m', 'milex_share_gdp']);
    const byKey = Object.fromEntries(r.rows.map((x) => [`${x.country} ${x.year}`, [x.milex_const2023_usd_m, x.milex_share_gdp]]));
    expect(Object.keys(byKey)).toEqual(['Korea, South 2021', 'Korea, South 2022', 'Korea, South 2023', 'Japan 2021', 'Japan 2022', 'Japan 2023', 'Taiwan 2022']);
    expect(byKey['Korea, South 2021']).toEqual([45000, null]);
    expect(byKey['Korea, South 2023'][0]).toBe(47900);
    // Fractions × 100, with the binary noise of the product rounded away (0.011 × 100 = 1.0999999999999999).
    expect(byKey['Korea, South 2022'][1]).toBe(2.7);
    expect(byKey['Japan 2022']).toEqual([null, 1.1]);
    expect(byKey['Japan 2023'][1]).toBe(1.2);
    expect(r.skipped).toEqual([
      { line: 12, reason: "bad value: sheet 'Constant (2023) US$' Japan 2022 is '12a'" },
      { line: 14, reason: "missing value: sheet 'Constant (2023) US$' row has values but no country name" },
    ]);
    const notes = r.notes.join('\n');
    expect(notes).toMatch(/sheet 'Constant \(2023\) US\$' says: Military expenditure by country/);
    expect(notes).toMatch(/sheet 'Constant \(2023\) US\$': 3 cells held SIPRI's marker '\. \.'/);
    expect(notes).toMatch(/sheet 'Constant \(2023\) US\$': 3 cells held SIPRI's marker 'xxx'/);
    expect(notes).toMatch(/3 rows without values \(region headings, footnotes\) ignored/);
    expect(notes).toMatch(/milex_share_gdp: percent of GDP/);
  });

  it('reads only the sheets and countries asked for, and names the sheets present when one is missing', async () => {
    const bytes = await sipriLikeWorkbook();
    const japan = await readSipriWorkbook(bytes, { countries: ['Japan'] });
    expect(japan.rows.map((x) => x.year)).toEqual([2021, 2022, 2023]);
    const r = await readSipriWorkbook(bytes, { sheets: ['share of gdp'] });
    expect(r.columns).toEqual(['country', 'year', 'milex_share_gdp']);
    expect(r.rows).toHaveLength(5);
    await expect(readSipriWorkbook(bytes, { sheets: ['Per capita'] })).rejects.toThrow(/sheet 'Per capita' not found; the workbook has: Front page, Constant \(2023\) US\$, Share of GDP/);
  });

  it('rejects bytes that are not a workbook and a sheet without a header row', async () => {
    await expect(readSipriWorkbook(new TextEncoder().encode('country,year\n'))).rejects.toThrow(DataFormatError);
    expect(() => parseSipriSheets([{ name: 'Share of GDP', grid: [['title'], ['Korea', 0.1]] }])).toThrow(/no header row with 'Country' and year columns/);
  });
});
