import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/math/rng/index.js';
import { monthlyQuantiles, poolCells, type CellAggregate } from '../../src/experiment/cell.js';
import { meanFromSums, quantile, wilsonInterval } from '../../src/experiment/statistics.js';
import { clusterBootstrapDiff } from './clusterBootstrap.js';
import { analyzeExperiment } from '../../src/experiment/analyze.js';

const cell = (runs: number, war: number, extra: Partial<CellAggregate> = {}): CellAggregate => ({
  runs, clashRuns: runs, warRuns: war, nuclearRuns: 0, clashYearsSum: 2 * runs, clashYearsSumSq: 4 * runs,
  scoreMeanSum: 10 * runs, scoreMeanSumSq: 100 * runs, scoreSum: [10 * runs, 10 * runs], hist: [[1, 10, runs], [2, 10, runs]], dyadClashYears: [0, 1, 1, 0],
  sets: { ids: ['g'], clashYearsSum: [runs], clashYearsSumSq: [runs], warRuns: [war], nuclearRuns: [0] }, ...extra,
});

describe('statistics', () => {
  it('Wilson intervals match published values (Newcombe 1998, table I)', () => {
    // 0/10 → [0, 0.2775]; 5/10 → [0.2366, 0.7634]; 81/263 → [0.2553, 0.3662]
    expect(wilsonInterval(0, 10)).toEqual({ p: 0, lo: 0, hi: expect.closeTo(0.2775, 4) });
    expect(wilsonInterval(5, 10)).toMatchObject({ lo: expect.closeTo(0.2366, 4), hi: expect.closeTo(0.7634, 4) });
    expect(wilsonInterval(81, 263)).toMatchObject({ lo: expect.closeTo(0.2553, 4), hi: expect.closeTo(0.3662, 4) });
  });

  it('quantiles are the smallest value whose cumulative share reaches q', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2);
    expect(quantile([4, 1, 3, 2], 0.51)).toBe(3);
    expect(quantile([4, 1, 3, 2], 0.05)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
  });

  it('means from sums: sample sd / √n', () => {
    // x = 1, 2, 3, 4: mean 2.5, s² = 5/3
    const m = meanFromSums(10, 30, 4);
    expect(m.mean).toBe(2.5);
    expect(m.hi - m.mean).toBeCloseTo(1.959963984540054 * Math.sqrt(5 / 3 / 4), 12);
  });
});

describe('cluster bootstrap over futures', () => {
  it('is degenerate when every paired difference is the same', () => {
    expect(clusterBootstrapDiff([3, 4, 5], [2, 3, 4], streamFor(1, 1))).toEqual({ diff: 1, lo: 1, hi: 1 });
  });

  it('reproduces the exact bootstrap distribution of a three-future case (enumerated)', () => {
    // d = (0, 1, 5): the 27 equally likely resamples of 3 futures with replacement give the bootstrap means
    // exactly. The 2.5% percentile is the smallest mean whose cumulative probability reaches 2.5%, the 97.5% one
    // likewise; with P(mean = 0) = P(mean = 5) = 1/27 ≈ 3.7%, they are 0 and 5 — far enough from the 2.5% cut
    // that 20,000 resamples find them.
    const a = [0, 1, 5], b = [0, 0, 0];
    const exact: number[] = [];
    for (const i of a) for (const j of a) for (const k of a) exact.push((i + j + k) / 3);
    exact.sort((x, y) => x - y);
    const percentile = (q: number) => exact[Math.ceil(q * exact.length) - 1];
    const r = clusterBootstrapDiff(a, b, streamFor(9, 9), 20000);
    expect(r.diff).toBe(2);
    expect(r.lo).toBe(percentile(0.025));
    expect(r.hi).toBe(percentile(0.975));
    expect([r.lo, r.hi]).toEqual([0, 5]);
  });
});

describe('cells', () => {
  it('pool in any order to the same counts and exact monthly quantiles', () => {
    const a = cell(4, 1, { hist: [[1, 2, 3], [1, 7, 1], [2, 0, 4]] });
    const b = cell(4, 2, { hist: [[1, 2, 1], [1, 5, 3], [2, 1, 4]] });
    const ab = poolCells([a, b], 2), ba = poolCells([b, a], 2);
    expect(ab).toEqual(ba);
    expect(ab.hist).toEqual([[1, 2, 4], [1, 5, 3], [1, 7, 1], [2, 0, 4], [2, 1, 4]]);
    // month 1: scores 2×4, 5×3, 7×1 → q50 = 2 (4/8 reaches 0.5), q95 = 7; month 2: q50 = 0, q95 = 1
    expect(monthlyQuantiles(ab, 2, [0.5, 0.95])).toEqual([[2, 0], [7, 1]]);
  });
});

describe('analyzeExperiment', () => {
  const futures = [0, 1, 2, 3].map((index) => ({ index, values: [], alternatives: { t: index % 2 ? 'b' : 'a' } }));
  const policies = ['status-quo', 'same', 'better'].map((id) => ({ id, title: id, description: id }));
  const war = { 'status-quo': [4, 2, 6, 0], same: [4, 2, 6, 0], better: [1, 2, 1, 0] } as Record<string, number[]>;
  const e = {
    policies,
    futures,
    structural: [{ id: 't', title: 'type', default: 'a', alternatives: [{ id: 'a', title: 'A', weight: 1 }, { id: 'b', title: 'B', weight: 1 }] }],
    horizonMonths: 120,
    cells: policies.map((p) => war[p.id].map((w) => cell(10, w))),
  };
  const r = analyzeExperiment(e, { seed: 1, threshold: 0.15 });

  it('gives a paired difference of exactly zero for two identical policies', () => {
    expect(r.policies[1].unweighted.versusStatusQuo!.war).toEqual({ diff: 0, lo: 0, hi: 0 });
    expect(r.policies[0].unweighted.versusStatusQuo).toBeUndefined();
  });

  it('averages over futures and reports the spread across futures separately', () => {
    expect(r.policies[0].unweighted.outcomes.war.p).toBeCloseTo(12 / 40, 12);
    expect(r.policies[0].unweighted.acrossFutures.war).toEqual({ q05: 0, q50: 0.2, q95: 0.6 });
    expect(r.policies[2].unweighted.versusStatusQuo!.war.diff).toBeCloseTo(-0.2, 12);
  });

  it('splits by structural alternative, computes regret and satisficing', () => {
    const a = r.byType.unweighted[0].alternatives[0];
    expect(a.futures).toBe(2);
    expect(a.best).toBe('better');
    const better = r.robustness.unweighted.policies.find((p) => p.id === 'better')!;
    expect(better.maxRegret).toBe(0);
    expect(better.satisficing).toBe(0.75); // P(war) per future 0.1, 0.2, 0.1, 0: three of four ≤ 0.15
    expect(r.robustness.unweighted.policies[0]).toMatchObject({ satisficing: 0.25, maxRegret: expect.closeTo(0.5, 12) });
    expect(r.robustness.unweighted.minimaxRegret).toBe('better');
  });

  it('weights futures: a future of weight 0 leaves every weighted figure, and weights of 1 give the unweighted ones', () => {
    const w = analyzeExperiment(e, { seed: 1, threshold: 0.15, weights: [1, 1, 0, 1] });
    // status quo P(war) per future 0.4, 0.2, 0.6, 0 → without future 2: (0.4 + 0.2 + 0) / 3
    expect(w.policies[0].weighted.outcomes.war.p).toBeCloseTo(0.2, 12);
    expect(w.policies[2].weighted.versusStatusQuo!.war.diff).toBeCloseTo(((0.1 - 0.4) + (0.2 - 0.2) + 0) / 3, 12);
    expect(w.robustness.weighted.policies[0].satisficing).toBeCloseTo(1 / 3, 12);
    const ones = analyzeExperiment(e, { seed: 1, threshold: 0.15, weights: [1, 1, 1, 1] });
    expect(ones.policies.map((p) => p.weighted)).toEqual(ones.policies.map((p) => p.unweighted));
  });
});
