import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IntRow } from '../../src/data/intTable.js';
import { betaQuantile, clashYears, fitBetaBinomial, parseRivalries, warConstraint } from '../../src/calibrate/crisis/incidents.js';
import { bisectOnModel, simulateClashes, tuneBaseline, withCrisisValues } from '../../src/calibrate/crisis/clashTuning.js';
import { parseScenario } from '../../src/scenario/load.js';
import { streamFor } from '../../src/math/rng/index.js';

const korea = (() => {
  const r = parseScenario(readFileSync('scenarios/korea-2024.yaml', 'utf8'), 'korea-2024.yaml');
  if (!r.ok) throw new Error('korea scenario does not load');
  return r.scenario;
})();

const row = (ccode1: number, ccode2: number, year: number, onset: number, hostlev: number): IntRow => ({ dispnum: 1, ccode1, ccode2, year, onset, hostlev });

describe('clash-year target', () => {
  it('counts the years with a use-of-force onset in any North Korean dyad, once per year, within the window', () => {
    const rows = [
      row(731, 732, 1992, 1, 4), row(732, 731, 1992, 1, 4), // both directions: one year
      row(731, 2, 1993, 1, 5), // war counts as use of force
      row(731, 740, 1994, 0, 4), // ongoing, not an onset
      row(731, 732, 1995, 1, 3), // display of force only
      row(710, 2, 1996, 1, 4), // not North Korea
      row(731, 732, 1989, 1, 4), // outside the window
      row(740, 731, 2014, 1, 4),
    ];
    const c = clashYears(rows, 1990, 2014);
    expect(c.years).toEqual([1992, 1993, 2014]);
    expect(c.perDecade.estimate).toBeCloseTo(10 * 3 / 25, 12);
    expect(c.interKorean.years).toEqual([1992]);
    expect(c.perDecade.lo).toBeLessThan(1.2);
    expect(c.perDecade.hi).toBeGreaterThan(1.2);
  });
});

describe('war constraint', () => {
  it('Beta quantiles match closed forms', () => {
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 10);
    // Beta(1, b): F(x) = 1 − (1 − x)^b.
    expect(betaQuantile(0.5, 1, 4)).toBeCloseTo(1 - 0.5 ** (1 / 4), 10);
  });

  it('the beta-binomial finds little heterogeneity in groups that share one rate, and much in groups that do not', () => {
    const rng = streamFor(4, 0);
    const same = Array.from({ length: 300 }, () => {
      let w = 0;
      for (let i = 0; i < 20; i++) if (rng.nextDouble() < 0.1) w++;
      return { n: 20, w };
    });
    const a = fitBetaBinomial(same);
    expect(a.a / (a.a + a.b)).toBeCloseTo(0.1, 1);
    expect(a.a + a.b).toBeGreaterThan(50);
    const mixed = Array.from({ length: 300 }, (_, g) => ({ n: 20, w: g % 2 ? 0 : 10 }));
    const b = fitBetaBinomial(mixed);
    expect(b.a + b.b).toBeLessThan(5);
  });

  it('counts rivalry-years, force and war onsets, and updates the prior with the Korean record', () => {
    const rivalries = parseRivalries('tssr_id,rivalry,ccode1,ccode2,start,end\n1,A-B,100,200,1940,1960\n2,NK-SK,731,732,1948,2020\n3,A-B again,200,100,1950,1955');
    const rows = [row(100, 200, 1950, 1, 5), row(200, 100, 1950, 1, 5), row(100, 200, 1952, 1, 4), row(731, 732, 1992, 1, 4), row(731, 732, 2001, 1, 4)];
    const w = warConstraint(rows, rivalries, 1946, 2014, 1954);
    expect(w.rivalryYears).toBe(15 + 67); // A–B 1946–1960 (the overlap counted once), NK–SK 1948–2014
    expect(w.forceOnsets).toBe(4);
    expect(w.warOnsets).toBe(1);
    expect(w.korea.clashYears).toBe(2);
    expect(w.warGivenClashYear.a).toBeCloseTo(w.prior.a, 12);
    expect(w.warGivenClashYear.b).toBeCloseTo(w.prior.b + 2, 12);
    expect(w.korea.warPerDecadeBound95).toBeCloseTo((10 * Math.log(20)) / 61, 12);
  });
});

describe('clash-rate tuning on the model', () => {
  it("recovers North Korea's known baseline propensity from clash-years the model itself produced (other seed)", () => {
    const truth = 1.2;
    const o = { runs: 250, months: 60 };
    const target = simulateClashes(withCrisisValues(korea, { baseline: truth }), { ...o, seed: 101 }).clashYearsPerDecade.mean;
    const found = tuneBaseline(korea, target, { ...o, seed: 7, iterations: 9 });
    expect(Math.abs(found.value - truth)).toBeLessThan(0.35);
    // More clash-years as the baseline rises, fewer as the clash threshold rises (common random numbers).
    const at = (v: { baseline?: number; clashThreshold?: number }) => simulateClashes(withCrisisValues(korea, v), { ...o, seed: 7 }).clashYearsPerDecade.mean;
    expect(at({ baseline: 2 })).toBeGreaterThan(at({ baseline: 0 }));
    expect(at({ clashThreshold: 4 })).toBeGreaterThan(at({ clashThreshold: 6 }));
  });

  it('bisection on a monotone function converges to its root either way round', () => {
    expect(bisectOnModel((x) => x * x * x, 8, 0, 5, 40, false).value).toBeCloseTo(2, 8);
    expect(bisectOnModel((x) => -x, -3, 0, 5, 40, true).value).toBeCloseTo(3, 8);
  });
});
