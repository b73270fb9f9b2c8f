import { describe, expect, it } from 'vitest';
import { panelTotals, panelWindow, rivalryPanels, warDisputes } from '../../../src/calibrate/rivalries/panel.js';
import { readFileSync } from 'node:fs';
import { parseCowMid } from '../../../src/data/cowMid.js';
import { parseRivalryList } from '../../../src/data/rivalries.js';
import { FIXTURE_LIST, FIXTURE_MID } from './fixture.js';
import { transitionCounts } from '../../../src/calibrate/rivalries/fitLayer.js';
import { fixturePanels, yearsWhere } from './fixture.js';

// Hand counts of test/fixtures/data/rivalries/*.csv: each MID row there is one case, named in the comments below.
describe('rivalry panels (three-rivalry fixture)', () => {
  const panels = fixturePanels();
  const [ab, gd, be] = panels;

  it('keeps the three rivalries with years in 1946–2014, joins the two spells of one dyad, drops the 19th-century one', () => {
    expect(panels.map((p) => p.key)).toEqual(['100-200', '300-400', '200-500']);
    expect(gd.name).toBe('Gamma-Delta 1 / Gamma-Delta 2');
    expect(ab.years).toEqual(Array.from({ length: 69 }, (_, k) => 1946 + k));
    expect(gd.years).toEqual([...Array.from({ length: 10 }, (_, k) => 1950 + k), ...Array.from({ length: 10 }, (_, k) => 1970 + k)]);
    expect(be.years).toEqual(Array.from({ length: 25 }, (_, k) => 1990 + k));
  });

  it('counts use-of-force onsets (hostlev ≥ 4, either direction) as clash-years and hostlev-5 onsets as wars', () => {
    // 1951 is an ongoing war (no onset), 1960 a display of force (3), 1980 holds a level-2 and a level-4 dispute.
    expect(yearsWhere(ab.years, ab.clash)).toEqual([1946, 1950, 1980, 2000]);
    expect(yearsWhere(ab.years, ab.war)).toEqual([1950]);
    // 1960 and 1969 fall between the spells: not rivalry years.
    expect(yearsWhere(gd.years, gd.clash)).toEqual([1955, 1959, 1970]);
    expect(yearsWhere(gd.years, gd.war)).toEqual([1970]);
    expect(yearsWhere(be.years, be.clash)).toEqual([1995, 1996]);
    expect(panelTotals(panels)).toEqual({ rivalries: 3, years: 114, clashYears: 9, warOnsets: 2 });
  });

  it('reads the lag from the year before only when that year belongs to the rivalry', () => {
    // 1946 reads the 1945 clash (the rivalry began in 1944); 1970 does not read 1969 (between spells); 1990 does not read 1989.
    expect(yearsWhere(ab.years, ab.lag)).toEqual([1946, 1947, 1951, 1981, 2001]);
    expect(yearsWhere(gd.years, gd.lag)).toEqual([1956, 1971]);
    expect(yearsWhere(be.years, be.lag)).toEqual([1996, 1997]);
  });

  it('transition counts: years by lag and outcome (none, clash only, war)', () => {
    expect(transitionCounts(ab)).toEqual([61, 2, 1, 4, 1, 0]);
    expect(transitionCounts(gd)).toEqual([15, 2, 1, 2, 0, 0]);
    expect(transitionCounts(be)).toEqual([22, 1, 0, 1, 1, 0]);
  });

  it('a window keeps the years inside it with their flags and lags', () => {
    const early = panelWindow(ab, 1946, 1989);
    expect(early.years.length).toBe(44);
    expect(yearsWhere(early.years, early.clash)).toEqual([1946, 1950, 1980]);
    expect(yearsWhere(early.years, early.lag)).toEqual([1946, 1947, 1951, 1981]);
    expect(panelWindow(be, 1946, 1989).years).toEqual([]);
  });
});

describe('distinct war disputes behind the war onsets', () => {
  const rows = parseCowMid(readFileSync(FIXTURE_MID, 'utf8')).rows;
  const panels = fixturePanels();

  it('names the dispute of each war onset: 3 (Alpha–Beta 1950) and 12 (Gamma–Delta 1970); the 1850 war is outside', () => {
    expect([...warDisputes(rows, panels)].sort((a, b) => a - b)).toEqual([3, 12]);
  });

  it('counts a war joined by a second dyad once, while the war onsets count it twice', () => {
    // Dispute 3 spreads to Beta–Epsilon in 1995 (a rivalry year there): one more war onset, no new dispute.
    const joined = [...rows, { dispnum: 3, ccode1: 500, ccode2: 200, year: 1995, ongoing: 1, onset: 1, hostlev: 5 }];
    const p = rivalryPanels(joined, parseRivalryList(readFileSync(FIXTURE_LIST, 'utf8')).spells);
    expect(panelTotals(p).warOnsets).toBe(3);
    expect(warDisputes(joined, p).size).toBe(2);
  });
});
