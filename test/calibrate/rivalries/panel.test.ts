import { describe, expect, it } from 'vitest';
import { panelTotals, panelWindow } from '../../../src/calibrate/rivalries/panel.js';
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
