/**
 * Checks against the real downloads in ../shared/data (see its SOURCES.md), when that directory is present.
 * Nothing here is committed from those files; the expected figures are stated in SOURCES.md or DESIGN.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtop } from '../../src/data/atop.js';
import { parseCns, parseCnsLaunches } from '../../src/data/cns.js';
import { parseCowMid } from '../../src/data/cowMid.js';
import { parseCowNmc } from '../../src/data/cowNmc.js';
import { parseCsvRows } from '../../src/data/csvRows.js';
import { parseEvents } from '../../src/data/events.js';
import { parseGoldsteinTable } from '../../src/data/goldstein.js';
import { parseSipriCsv } from '../../src/data/sipri.js';
import { parseUsdPerGbp } from '../../src/data/usdPerGbp.js';

const DATA = new URL('../../../shared/data/', import.meta.url);
const path = (p: string) => new URL(p, DATA);
const read = (p: string) => readFileSync(path(p), 'utf8');
const has = (...ps: string[]) => ps.every((p) => existsSync(path(p)));

const CNS_JSON = 'nk_missile_tests/nagix_test.en.json';
const CNS_CSV = 'nk_missile_tests/nk_missile_tests_1984_2026.csv';

describe.skipIf(!has(CNS_JSON, CNS_CSV))('CNS missile-test record (real file)', () => {
  it('has the launch days per year the record is known for, 2014–2024', () => {
    const launches = parseCnsLaunches(read(CNS_JSON)).rows;
    const days = (y: number) => new Set(launches.filter((l) => l.date.startsWith(`${y}-`)).map((l) => l.date)).size;
    const expected = { 2014: 11, 2015: 7, 2016: 16, 2017: 15, 2018: 0, 2019: 14, 2020: 4, 2021: 4, 2022: 34, 2023: 19, 2024: 12 };
    expect(Object.fromEntries(Object.keys(expected).map((y) => [y, days(+y)]))).toEqual(expected);
  });

  it('keeps all 339 missiles, skips nothing, and gives the same months from JSON and CSV', () => {
    const json = parseCns(read(CNS_JSON));
    const csv = parseCns(read(CNS_CSV));
    expect(json.skipped).toEqual([]);
    expect(csv.rows).toEqual(json.rows);
    expect(json.rows.reduce((s, r) => s + r.missiles, 0)).toBe(339);
    expect([json.rows[0].month, json.rows.at(-1)!.month, json.rows.length]).toEqual(['1984-04', '2026-04', 505]);
  });

  it('meets the base rate in DESIGN.md §3.2: about 1.7 missiles a month 2012–2024, variance about 9, none in 2018', () => {
    const months = parseCns(read(CNS_JSON)).rows.filter((r) => r.month >= '2012-01' && r.month <= '2024-12');
    const x = months.map((r) => r.missiles);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
    expect([x.length, x.reduce((s, v) => s + v, 0)]).toEqual([156, 272]);
    expect(mean).toBeCloseTo(1.744, 3);
    expect(variance).toBeCloseTo(9.03, 2);
    expect(months.filter((r) => r.month.startsWith('2018')).every((r) => r.missiles === 0)).toBe(true);
  });
});

describe.skipIf(!has('sipri_milex/sipri_milex_focus_1949_2024.csv'))('SIPRI extract (real file)', () => {
  it('reads 1,019 rows and 2,024 data points (1,016 constant US$, 1,008 share of GDP) without skipping any', () => {
    const r = parseSipriCsv(read('sipri_milex/sipri_milex_focus_1949_2024.csv'));
    expect(r.skipped).toEqual([]);
    expect(r.rows).toHaveLength(1019);
    // 18 focus countries, but North Korea has no SIPRI values, so 17 names appear (USSR and Russia apart).
    expect(new Set(r.rows.map((x) => x.country)).size).toBe(17);
    expect(r.rows.filter((x) => x.milex_const2023_usd_m !== null)).toHaveLength(1016);
    expect(r.rows.filter((x) => x.milex_share_gdp !== null)).toHaveLength(1008);
    const korea = r.rows.filter((x) => x.country === 'Korea, South').map((x) => x.year);
    expect([Math.min(...korea), Math.max(...korea)]).toEqual([1953, 2024]);
  });
});

const NMC = 'cow/cow_nmc_v7_1816_2022.csv';
const RATES = 'milex_longrun/measuringworth_usd_per_gbp_1800_1913.csv';
const BLOC = 'arms_races/pre_wwi_bloc_milex_cow_nmc_v7_1900_1913_gbp.csv';

const CPI = 'milex_longrun/measuringworth_us_cpi_1800_2021.csv';
const OWID = 'milex_longrun/owid_cow_sipri_milex_const2020usd_focus.csv';

describe.skipIf(!has(NMC, RATES, BLOC, CPI, OWID))('COW NMC v7 (real file)', () => {
  const rates = () => parseUsdPerGbp(read(RATES));

  it('reads all 17,121 rows, and the MeasuringWorth file has one rate a year 1800–1913', () => {
    const r = rates();
    expect([r.rates.size, Math.min(...r.rates.keys()), Math.max(...r.rates.keys()), r.skipped.length]).toEqual([114, 1800, 1913, 0]);
    const nmc = parseCowNmc(read(NMC), { usdPerGbp: r.rates });
    expect(nmc.rows).toHaveLength(17121);
    expect(nmc.skipped).toEqual([]);
    expect(nmc.notes.join('\n')).not.toMatch(/had no rate/);
  });

  it('keeps pounds to 1913 as the pre-WWI bloc file does (£ million = milex / 1000) and converts them at that year\'s rate', () => {
    const nmc = parseCowNmc(read(NMC), { usdPerGbp: rates().rates, countries: ['200'] });
    const bloc = read(BLOC).trim().split('\n').slice(1).map((l) => l.split(','));
    for (const [year, , , , , uk] of bloc) {
      const row = nmc.rows.find((x) => x.year === +year)!;
      expect(row.milex_raw! / 1000).toBeCloseTo(+uk, 3);
      expect(row.milex_usd_k).toBeCloseTo(row.milex_raw! * rates().rates.get(+year)!, 3);
    }
    expect(nmc.rows.find((x) => x.year === 1914)).toMatchObject({ milex_unit: 'USD thousand', usd_per_gbp: null });
  });

  it("agrees with OWID's independent conversion of COW's sterling years (× MeasuringWorth $/£, deflated by the US CPI) for 731 country-years", () => {
    // OWID (owid/notebooks, omm_military_expenditure) turned COW's £ into constant 2020 US$ with the same two
    // MeasuringWorth series; deflating our current-dollar figures with the CPI must give its numbers.
    const cpi = new Map(parseCsvRows(read(CPI)).records.filter((r) => /^\d{4}$/.test(r.fields[0])).map((r) => [+r.fields[0], +r.fields[1]]));
    const owid = new Map(parseCsvRows(read(OWID)).records.slice(1).filter((r) => r.fields[2] !== '').map((r) => [`${r.fields[0]}/${r.fields[1]}`, +r.fields[2]]));
    const names: Record<number, string> = { 2: 'United States', 200: 'United Kingdom', 220: 'France', 255: 'Germany', 300: 'Austria-Hungary', 325: 'Italy', 365: 'Russia', 740: 'Japan' };
    const nmc = parseCowNmc(read(NMC), { usdPerGbp: rates().rates, countries: Object.keys(names) }).rows.filter((x) => x.year <= 1913 && x.milex_usd_k !== null);
    let compared = 0;
    for (const x of nmc) {
      const theirs = owid.get(`${names[x.ccode]}/${x.year}`);
      if (theirs === undefined) continue;
      const ours = (x.milex_usd_k! * 1000 * cpi.get(2020)!) / cpi.get(x.year)!;
      expect(Math.abs(ours / theirs - 1), `${names[x.ccode]} ${x.year}`).toBeLessThan(1e-6);
      compared++;
    }
    expect(compared).toBe(731);
  });

  it('has no North Korean milex after 2001', () => {
    const nk = parseCowNmc(read(NMC), { countries: ['731'] }).rows;
    expect(nk.filter((x) => x.year > 2001 && x.milex_usd_k !== null)).toEqual([]);
    expect(nk.find((x) => x.year === 2001)!.milex_usd_k).not.toBeNull();
  });
});

describe.skipIf(!has('cow/cow_mid5_directed_dyad_year_1816_2014.csv', 'cow/gml_mid2.2.1_directed_dyad_year_1816_2010.csv'))('MID files (real)', () => {
  it('reads every row of the four MID files; GML start months of 13 are left empty and listed', () => {
    const counts = {
      'cow/cow_mid5_directed_dyad_year_1816_2014.csv': 10234,
      'cow/cow_mid5_disputes_1816_2014.csv': 2436,
      'cow/gml_mid2.2.1_directed_dyad_year_1816_2010.csv': 9284,
      'cow/gml_mid2.2.1_disputes_1816_2010.csv': 2174,
    };
    for (const [file, n] of Object.entries(counts)) {
      const r = parseCowMid(read(file));
      expect([file, r.rows.length, r.skipped.length]).toEqual([file, n, 0]);
    }
    expect(parseCowMid(read('cow/gml_mid2.2.1_directed_dyad_year_1816_2010.csv')).notes.join('\n')).toMatch(/stmon: 10 values outside 1\.\.12/);
  });

  it('has use-of-force disputes between the Koreas beginning in 6 of the 25 years 1990–2014 (DESIGN.md §3.2)', () => {
    const rows = parseCowMid(read('cow/cow_mid5_directed_dyad_year_1816_2014.csv'), { countries: [731, 732] }).rows;
    const onsetYears = new Set(rows.filter((x) => x.year! >= 1990 && x.onset === 1 && x.hostlev! >= 4).map((x) => x.year));
    expect([...onsetYears].sort()).toEqual([1992, 1993, 2001, 2005, 2009, 2014]);
  });
});

describe.skipIf(!has('cow/atop_v5.1_alliance_dyad_year_1815_2018.csv'))('ATOP v5.1 (real file)', () => {
  it('reads all 273,296 dyad-years; the US–ROK defence pact holds every year 1954–2018', () => {
    const all = parseAtop(read('cow/atop_v5.1_alliance_dyad_year_1815_2018.csv'));
    expect([all.rows.length, all.skipped.length]).toEqual([273296, 0]);
    const usRok = all.rows.filter((x) => x.ccode1 === 2 && x.ccode2 === 732);
    expect(usRok.filter((x) => x.year! >= 1954).every((x) => x.defense === 1)).toBe(true);
    expect(Math.max(...usRok.map((x) => x.year!))).toBe(2018);
  });
});

const ICEWS = 'event_data/icews_sample_events_2018-06-01_03.csv';
describe.skipIf(!has(ICEWS, 'event_data/gdelt_CAMEO.goldsteinscale.txt', 'event_data/icews_goldstein_mappings.csv'))('ICEWS sample and Goldstein tables (real files)', () => {
  it('reads both tables whole, and accounts for each of the 4,993 events as scored or skipped', () => {
    const gdelt = parseGoldsteinTable(read('event_data/gdelt_CAMEO.goldsteinscale.txt'));
    const icews = parseGoldsteinTable(read('event_data/icews_goldstein_mappings.csv'));
    expect([gdelt.scores.size, gdelt.skipped.length, icews.scores.size, icews.skipped.length]).toEqual([311, 0, 312, 0]);
    expect([gdelt.scores.get('016'), icews.scores.get('016')]).toEqual([-2, -5]);
    const r = parseEvents(read(ICEWS), { goldstein: gdelt.scores });
    const scored = r.rows.reduce((s, x) => s + x.events, 0);
    expect(scored + r.skipped.length).toBe(4993);
    expect(new Set(r.rows.map((x) => x.month))).toEqual(new Set(['2018-06']));
  });

  it("matches ICEWS's own per-event intensity when scored with the ICEWS table: dyad-month sums agree", () => {
    const icews = parseGoldsteinTable(read('event_data/icews_goldstein_mappings.csv'));
    const r = parseEvents(read(ICEWS), { goldstein: icews.scores });
    const recs = parseCsvRows(read(ICEWS)).records;
    const h = recs[0].fields;
    const [src, tgt, date, intensity] = ['source_country', 'target_country', 'event_date', 'intensity'].map((n) => h.indexOf(n));
    const sums = new Map<string, number>();
    for (const { fields: f } of recs.slice(1)) {
      if (!f[src] || !f[tgt] || f[src] === f[tgt]) continue;
      const key = `${f[src]}>${f[tgt]} ${f[date].slice(0, 7)}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(f[intensity]));
    }
    expect(r.rows).toHaveLength(sums.size);
    for (const x of r.rows) expect(x.goldstein_sum).toBeCloseTo(sums.get(`${x.source}>${x.target} ${x.month}`)!, 9);
  });
});
