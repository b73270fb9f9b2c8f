import { describe, expect, it } from 'vitest';
import { layerCountForecast, layerOneStep, ownPastForecast } from '../../../src/calibrate/rivalries/forecast.js';
import { defaultLayerSettings, effectNodes, yearLogProbabilities } from '../../../src/calibrate/rivalries/ladderLayer.js';
import type { RivalryPanel } from '../../../src/calibrate/rivalries/panel.js';
import { validateRivalries } from '../../../src/calibrate/rivalries/validateRivalries.js';
import { fixturePanels } from './fixture.js';

const s = defaultLayerSettings();
const binom = (n: number, p: number) => Array.from({ length: n + 1 }, (_, k) => {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c * p ** k * (1 - p) ** (n - k);
});
/** CRPS in its kernel form, independent of the implementation's sum of squares. */
const crps = (pmf: number[], y: number) => {
  let a = 0, b = 0;
  pmf.forEach((p, i) => {
    a += p * Math.abs(i - y);
    pmf.forEach((q, j) => (b += p * q * Math.abs(i - j)));
  });
  return a - 0.5 * b;
};

describe('the validation pipeline on the three-rivalry fixture', () => {
  const panels = fixturePanels();
  const v = validateRivalries(panels, { resamples: 200, seed: 4 });
  const [loo, temporal] = v.evaluations;
  const row = (e: typeof loo, key: string) => e.rivalries.find((r) => r.key === key)!;

  it('leave-one-out holds each rivalry out once and forecasts its every year', () => {
    expect(loo.id).toBe('leave-one-out');
    expect(loo.rivalries.map((r) => [r.key, r.years, r.clashYears, r.warOnsets])).toEqual([['100-200', 69, 4, 1], ['300-400', 20, 3, 1], ['200-500', 25, 2, 0]]);
    expect(loo.totals).toEqual({ rivalries: 3, years: 114, clashYears: 9, warOnsets: 2 });
  });

  it("the pooled base rate of each fold is the other rivalries' (k + ½)/(n + 1): Brier, log score and CRPS by hand", () => {
    // Alpha–Beta held out: the others have 45 years, 5 clash-years, 1 war.
    const pc = 5.5 / 46, pw = 1.5 / 46;
    const ab = row(loo, '100-200').sums.pooled;
    expect(ab['brier-clash']).toBeCloseTo(4 * (1 - pc) ** 2 + 65 * pc ** 2, 12);
    expect(ab['log-clash']).toBeCloseTo(-4 * Math.log(pc) - 65 * Math.log(1 - pc), 12);
    expect(ab['brier-war']).toBeCloseTo((1 - pw) ** 2 + 68 * pw ** 2, 12);
    expect(ab['log-war']).toBeCloseTo(-Math.log(pw) - 68 * Math.log(1 - pw), 12);
    expect(ab['crps-count']).toBeCloseTo(crps(binom(69, pc), 4), 10);
    // Gamma–Delta held out: 94 years, 6 clash-years, 1 war; Beta–Epsilon held out: 89 years, 7 clash-years, 2 wars.
    expect(row(loo, '300-400').sums.pooled['crps-count']).toBeCloseTo(crps(binom(20, 6.5 / 95), 3), 10);
    const p3 = 7.5 / 90;
    expect(row(loo, '200-500').sums.pooled['brier-clash']).toBeCloseTo(2 * (1 - p3) ** 2 + 23 * p3 ** 2, 12);
    expect(row(loo, '200-500').sums.pooled['log-war']).toBeCloseTo(-25 * Math.log(1 - 2.5 / 90), 12);
  });

  it("the own past rate is (k + r̄)/(n + 1) from the rivalry's years before t; with no past the count forecast is the pooled one", () => {
    const be = panels[2], p = 7.5 / 90;
    const f = ownPastForecast(be, { clash: p, war: 2.5 / 90 }, 1990);
    expect(f.clash[0]).toBeCloseTo(p, 15); // 1990: no past
    expect(f.clash[5]).toBeCloseTo(p / 6, 15); // 1995: 5 quiet years
    expect(f.clash[6]).toBeCloseTo((1 + p) / 7, 15); // 1996: the 1995 clash
    expect(f.clash[24]).toBeCloseTo((2 + p) / 25, 15); // 2014
    let brier = 0;
    be.years.forEach((_, t) => (brier += (f.clash[t] - be.clash[t]) ** 2));
    expect(row(loo, '200-500').sums['own-past']['brier-clash']).toBeCloseTo(brier, 12);
    for (const r of loo.rivalries) expect(r.sums['own-past']['crps-count']).toBe(r.sums.pooled['crps-count']);
  });

  it('the temporal split fits on the years before 1990 and forecasts 1990–2014 of the rivalries running then', () => {
    expect(temporal.training).toEqual({ rivalries: 2, years: 64, clashYears: 6, warOnsets: 2 });
    expect(temporal.rivalries.map((r) => [r.key, r.years, r.clashYears])).toEqual([['100-200', 25, 1], ['200-500', 25, 2]]);
    const p = 6.5 / 65;
    expect(row(temporal, '100-200').sums.pooled['brier-clash']).toBeCloseTo((1 - p) ** 2 + 24 * p ** 2, 12);
    // Alpha–Beta's own past at 1990: 44 years, 3 clash-years.
    expect(row(temporal, '100-200').expectedClashYears['own-past']).toBeCloseTo((25 * (3 + p)) / 45, 10);
  });

  it('every comparison is model − naive of the rivalry sums, and the run is deterministic', () => {
    for (const e of v.evaluations) {
      const n = e.rivalries.reduce((a, r) => a + r.years, 0);
      for (const c of e.comparisons) {
        const per = c.score === 'crps-count' ? e.rivalries.length : n;
        const d = e.rivalries.reduce((a, r) => a + r.sums[c.model][c.score] - r.sums[c.naive][c.score], 0) / per;
        expect(c.result.difference).toBeCloseTo(d, 12);
        expect(c.result.lo).toBeLessThanOrEqual(c.result.hi);
      }
      expect(e.reliability.model.reduce((a, b) => a + b.n, 0)).toBe(n);
      expect(e.reliability.pooled).toHaveLength(1);
    }
    expect(validateRivalries(panels, { resamples: 200, seed: 4 })).toEqual(v);
  });
});

describe('the layer forecasts against brute force', () => {
  const par = { mean: 0.4, sd: 0.9, persistence: 0.6, warGivenClash: 0.15 };
  const nodes = effectNodes(par);
  const lp = (u: number, lag: number) => yearLogProbabilities(u + par.persistence * lag, par.warGivenClash, s);
  // Six years with a gap (2003 is not a rivalry year): clash 2000, war 2002, clash 2005.
  const panel: RivalryPanel = {
    key: '1-2', a: 1, b: 2, name: 'test', years: [2000, 2001, 2002, 2004, 2005, 2006],
    clash: Uint8Array.from([1, 0, 1, 0, 1, 0]), war: Uint8Array.from([0, 0, 1, 0, 0, 0]), lag: Uint8Array.from([1, 1, 0, 0, 0, 1]),
  };
  const outcome = (t: number) => (panel.war[t] ? 'war' : panel.clash[t] ? 'clashOnly' : 'none') as 'war' | 'clashOnly' | 'none';

  it('one step ahead: the predictive probability is the ratio of two node sums over the whole past', () => {
    const f = layerOneStep(panel, par, s, 2002);
    [2, 3, 4, 5].forEach((t, j) => {
      let num = 0, numWar = 0, den = 0;
      nodes.u.forEach((u, k) => {
        let past = nodes.logWeight[k];
        for (let r = 0; r < t; r++) past += lp(u, panel.lag[r])[outcome(r)];
        const w = Math.exp(past), now = lp(u, panel.lag[t]);
        den += w;
        num += w * (1 - Math.exp(now.none));
        numWar += w * Math.exp(now.war);
      });
      expect(f.clash[j]).toBeCloseTo(num / den, 12);
      expect(f.war[j]).toBeCloseTo(numWar / den, 12);
    });
  });

  it('the count forecast equals the enumeration of every clash sequence of the forecast years', () => {
    const from = 2001, idx = [1, 2, 3, 4, 5];
    const pmf = layerCountForecast(panel, par, s, from);
    const brute = new Array(idx.length + 1).fill(0);
    let total = 0;
    nodes.u.forEach((u, k) => {
      const w = Math.exp(nodes.logWeight[k] + lp(u, panel.lag[0])[outcome(0)]);
      total += w;
      for (let mask = 0; mask < 1 << idx.length; mask++) {
        let pr = w, prev = -1;
        idx.forEach((t, j) => {
          const chained = j > 0 && panel.years[idx[j - 1]] === panel.years[t] - 1;
          const lag = chained ? prev : panel.lag[t];
          const q = 1 - Math.exp(lp(u, lag).none), c = (mask >> j) & 1;
          pr *= c ? q : 1 - q;
          prev = c;
        });
        let ones = 0;
        for (let j = 0; j < idx.length; j++) ones += (mask >> j) & 1;
        brute[ones] += pr;
      }
    });
    pmf.forEach((p, c) => expect(p).toBeCloseTo(brute[c] / total, 12));
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
