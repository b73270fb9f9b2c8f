import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseDyads, otherRivalryCounts, warOnsetsText, writeCaseCrisis, type CaseCrisisCalibration } from '../../src/calibrate/caseCrisis.js';
import { caseRecordTargets, forceYears, warYears } from '../../src/calibrate/record/caseTargets.js';
import { parseCowMid } from '../../src/data/cowMid.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

// Small hand-built files in the public formats (COW MID dyad-years, SIPRI long CSV, FAS stockpiles), and the counts
// worked out by hand from them.

const MID_HEADER = 'dispnum,ccode1,ccode2,year,cowmidongoing,cowmidonset,hostlev';
const mid = (rows: string[]) => [MID_HEADER, ...rows].join('\n');
// India (750) – Pakistan (770), Greece (350) – Turkey (640), and an unrelated pair (2 – 365).
const MID = mid([
  '1,750,770,1965,1,1,5', '1,770,750,1965,1,1,5', // war onset 1965
  '2,750,770,1990,1,1,4', // use of force 1990
  '3,770,750,1991,1,1,3', // display only: not counted
  '4,750,770,1993,1,1,5', '4,750,770,1994,1,0,5', // war-level dispute begun 1993, ongoing 1994
  '5,750,770,2001,1,1,4', '5,770,750,2001,1,1,4', // one year, both directions
  '6,350,640,1996,1,1,4',
  '7,2,365,1996,1,1,4',
]);
const SIPRI = ['country,year,milex_const2023_usd_m,milex_share_gdp', ...Array.from({ length: 11 }, (_, k) => `India,${2014 + k},${(100 * Math.exp(0.05 * k)).toFixed(6)},2`)].join('\n');
const FAS = ['country_name,year,nuclear_weapons_stockpile', ...Array.from({ length: 11 }, (_, k) => `Pakistan,${2013 + k},${100 + 10 * k}`)].join('\n');

const scenarioText = `id: fixture
title: Fixture
asOf: 2024-12-31
sources:
  - { id: cow-mid-5, title: MID }
  - { id: sipri-milex-2025, title: SIPRI }
  - { id: fas-2023, title: FAS }
actors:
  - { id: PAK, name: Pakistan, capabilities: { strategic: { value: { value: 200, source: fas-2023 }, unit: warheads, baseYear: 2023 } } }
  - { id: IND, name: India, capabilities: { conventional: { value: { value: 83.6, source: sipri-milex-2025 }, unit: US$ bn, baseYear: 2024 } } }
relations:
  - { from: PAK, to: IND, mutual: true, hostility: { value: 0.8, assumption: fixture, range: [0.6, 1] } }
crisis:
  actors:
    PAK: { baseline: { value: 1, assumption: "to be tuned", range: [0, 2] } }
  ladder:
    warGivenClash: { value: 0.03, assumption: "to be tuned", range: [0.01, 0.1] }
  groups:
    - { id: kashmir, title: India and Pakistan, pairs: [[PAK, IND]] }
`;
const load = (text: string): Scenario => {
  const r = parseScenario(text, 'fixture.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
};

describe('case record counts (hand-built MID rows)', () => {
  const rows = parseCowMid(MID).rows;
  it('counts use-of-force onset years of a pair in either direction, once per year, above a display of force', () => {
    expect(forceYears(rows, [[750, 770]], 1946, 2014)).toEqual([1965, 1990, 1993, 2001]);
    expect(forceYears(rows, [[770, 750]], 1990, 2000)).toEqual([1990, 1993]);
    expect(forceYears(rows, [[750, 770], [350, 640]], 1990, 2014)).toEqual([1990, 1993, 1996, 2001]);
  });
  it('finds war-level years under way, or begun only', () => {
    expect(warYears(rows, [[750, 770]])).toEqual([1965, 1993, 1994]);
    expect(warYears(rows, [[750, 770]], true)).toEqual([1965, 1993]);
  });
  it('builds the default record of a scenario without one, and recomputes a stored one from its spec', () => {
    const s = load(scenarioText);
    const t = caseRecordTargets(s, { midDyadYears: MID, sipri: SIPRI, fas: FAS });
    expect(t.map((x) => x.id)).toEqual(['clash-years-kashmir', 'no-war-kashmir', 'growth-PAK-strategic', 'growth-IND-conventional']);
    expect(t[0]).toMatchObject({ kind: 'clashYears', from: 1990, to: 2014, observed: 3 }); // 1990, 1993, 2001
    expect(t[1]).toMatchObject({ kind: 'noWar', from: 1995, to: 2024 }); // after the last war-level year, 1994
    expect((t[3] as { observed: number }).observed).toBeCloseTo(0.05, 4); // ln spending rises 0.05 a year exactly
    expect((t[3] as { observationSd: number }).observationSd).toBeLessThan(1e-6);
    // Pakistan 100 … 200 by tens: the OLS slope of ln(100 + 10k) on k, worked out in closed form.
    const k = Array.from({ length: 11 }, (_, i) => i), y = k.map((i) => Math.log(100 + 10 * i));
    const kb = 5, yb = y.reduce((a, b) => a + b) / 11;
    const slope = k.reduce((a, i) => a + (i - kb) * (y[i] - yb), 0) / k.reduce((a, i) => a + (i - kb) ** 2, 0);
    expect((t[2] as { observed: number }).observed).toBeCloseTo(Number(slope.toPrecision(4)), 10);
    // A stored spec keeps its windows; a quiet window that holds a war-level year is refused.
    const stored = load(`${scenarioText}record:\n  targets:\n    - { id: q, title: quiet, kind: noWar, group: kashmir, from: 1990, to: 2024, source: cow-mid-5, discrepancy: { value: 0, assumption: x, range: [0, 0.5] } }\n`);
    expect(() => caseRecordTargets(stored, { midDyadYears: MID, sipri: SIPRI, fas: FAS })).toThrow(/war-level disputes in 1993, 1994/);
  });
});

describe('case crisis calibration helpers', () => {
  it('takes the actor every pair of the first group shares, or the first of a single pair', () => {
    expect(caseDyads(load(scenarioText))).toMatchObject({ group: 'kashmir', actor: 'PAK', counterparts: ['IND'], pairs: [[770, 750]] });
  });

  it('counts the other rivalries’ clash-years and war onsets, leaving the case’s own out (a three-rivalry fixture)', () => {
    const rows = parseCowMid(mid([
      '1,750,770,1965,1,1,5', '2,750,770,1990,1,1,4', // the case: left out
      '3,2,365,1950,1,1,4', '4,2,365,1951,1,1,5', '5,365,2,1960,1,1,4', '6,2,365,1961,1,0,5', // 3 force years, 1 war onset (1961 is ongoing)
      '7,350,640,1974,1,1,5', '8,350,640,2020,1,1,4', // 1974 counts; 2020 is after the window
    ])).rows;
    const rivalries = [{ a: 750, b: 770, start: 1947, end: 2020 }, { a: 2, b: 365, start: 1946, end: 1989 }, { a: 350, b: 640, start: 1955, end: 2020 }, { a: 710, b: 713, start: 1949, end: 2020 }];
    expect(otherRivalryCounts(rows, rivalries, [[770, 750]])).toEqual([{ n: 3, w: 1 }, { n: 1, w: 1 }]);
  });

  it('writes the tuned values and the calibration source, and keeps every other byte', () => {
    const c = { evidence: { dyads: { group: 'kashmir', actor: 'PAK', counterparts: ['IND'], pairs: [[770, 750]] }, clash: { years: [1990, 1993, 2001] }, own: { clashYears: 4, warYears: [1965, 1993] }, prior: { rivalries: 2 } }, baseline: { estimate: 1.23, lo: 0.5, hi: 2 }, warGivenClash: { estimate: 0.05, lo: 0.01, hi: 0.2 } } as unknown as CaseCrisisCalibration;
    const out = writeCaseCrisis(scenarioText, c, 'flashpoints calibrate crisis fixture.yaml --data d');
    const s = load(out);
    expect(s.crisis?.actors?.PAK?.baseline).toMatchObject({ value: 1.23, source: 'crisis-calibration', range: [0.5, 2] });
    expect(s.crisis?.ladder?.warGivenClash).toMatchObject({ value: 0.05, source: 'crisis-calibration', range: [0.01, 0.2], dist: 'beta' });
    expect(s.sources?.at(-1)?.id).toBe('crisis-calibration');
    // Outside the two values and the new source line, the text is unchanged.
    const strip = (t: string) => t.split('\n').filter((l) => !/baseline:|warGivenClash:|crisis-calibration/.test(l)).join('\n');
    expect(strip(out)).toBe(strip(scenarioText));
    // Run again: the source is replaced, not added twice.
    expect(writeCaseCrisis(out, c, 'again').match(/id: crisis-calibration/g)?.length).toBe(1);
  });
});

describe('the war onsets in the case tables', () => {
  it('are called war-level dispute onsets by their MID onset year, with the count in the right number', () => {
    expect(warOnsetsText([1947, 1964, 1971, 1993])).toBe('4 war-level dispute onsets (MID onset years 1947, 1964, 1971, 1993)');
    expect(warOnsetsText([1974])).toBe('1 war-level dispute onset (MID onset year 1974)');
    expect(warOnsetsText([])).toBe('no war-level dispute onset');
  });

  const cow = resolve('../shared/data/cow');
  it.skipIf(!existsSync(join(cow, 'cow_mid5_disputes_1816_2014.csv')))('date the 1965 India–Pakistan war by its dispute: 1312 begins in August 1964 and is under way through the 1965 war (needs ../shared/data)', () => {
    const disputes = readFileSync(join(cow, 'cow_mid5_disputes_1816_2014.csv'), 'utf8').split('\n');
    const head = disputes[0].replaceAll('"', '').split(',');
    const row = disputes.find((l) => l.startsWith('1312,'))!.split(',').map(Number);
    const at = (name: string) => row[head.indexOf(name)];
    expect([at('styear'), at('stmon'), at('hostlev')]).toEqual([1964, 8, 5]);
    // The fighting of 1965 (5 August – 23 September, COW's inter-state war list) falls inside the dispute's span.
    const end = Date.UTC(1964, 7, 1) + at('mindur') * 86_400_000;
    expect(end).toBeGreaterThan(Date.UTC(1965, 8, 23));
    // Hence the case's war onsets include 1964 and not 1965: the year is the dispute's, not the war's.
    const rows = parseCowMid(readFileSync(join(cow, 'cow_mid5_directed_dyad_year_1816_2014.csv'), 'utf8'), { countries: [750, 770] }).rows;
    const onsets = warYears(rows, [[770, 750]], true).filter((y) => y >= 1946);
    expect(onsets).toEqual([1947, 1964, 1971, 1993]);
  });
});
