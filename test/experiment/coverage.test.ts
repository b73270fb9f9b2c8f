import { readFileSync } from 'node:fs';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/math/rng/index.js';
import { sampleFutures } from '../../src/experiment/futures.js';
import { runCell } from '../../src/experiment/runCell.js';
import { replicateInterval, wilsonInterval } from '../../src/experiment/statistics.js';
import { clusterInterval, futureResamples } from './clusterBootstrap.js';
import { parseScenario } from '../../src/scenario/load.js';

// The 95% interval on a pooled figure must count the futures: runs are clustered in futures. These tests repeat an
// experiment under many seeds and count how often the interval covers the large-sample value.

/** A Beta(a, b) draw by inversion of a fine CDF table (enough for a test). */
function betaSampler(a: number, b: number) {
  const n = 4000, xs: number[] = [], F: number[] = [];
  let acc = 0;
  for (let k = 0; k < n; k++) {
    const x = (k + 0.5) / n;
    acc += x ** (a - 1) * (1 - x) ** (b - 1);
    xs.push(x);
    F.push(acc);
  }
  return (u: number) => xs[Math.min(n - 1, F.findIndex((v) => v >= u * acc))];
}

describe('intervals that count the futures', () => {
  it('count every replicate of the design, a replicate whose futures were all ruled out included (hand case)', () => {
    // replicates 0, 1, 2 of two futures each, weights 1; replicate 3 ruled out (weight 0)
    const v = [0.1, 0.3, 0.2, 0.6, 0.5, 0.3, 0.9, 0.9], rep = [0, 0, 1, 1, 2, 2, 3, 3], w = [1, 1, 1, 1, 1, 1, 0, 0];
    const m = (0.1 + 0.3 + 0.2 + 0.6 + 0.5 + 0.3) / 6;
    const z = [0.1 + 0.3 - 2 * m, 0.2 + 0.6 - 2 * m, 0.5 + 0.3 - 2 * m, 0];
    const K = 4, half = jStat.studentt.inv(0.975, K - 1) * Math.sqrt((K / (K - 1)) * z.reduce((s, x) => s + x * x, 0)) / 6;
    const r = replicateInterval(v, w, rep);
    expect(r.est).toBeCloseTo(m, 12);
    expect(r.hi - r.est).toBeCloseTo(half, 12);
  });

  it('cover the mean over futures in 90–99% of repeats, where a binomial interval over all runs does not', () => {
    // Per-future probabilities p_f ~ Beta(0.5, 3) (skewed, most futures near 0, as P(war) is), 40 runs per future.
    const beta = betaSampler(0.5, 3), truth = 0.5 / 3.5;
    const M = 50, R = 40, repeats = 400;
    let cluster = 0, binomial = 0, weighted = 0, bootstrap = 0;
    for (let r = 0; r < repeats; r++) {
      const rng = streamFor(17, r);
      const p = Array.from({ length: M }, () => beta(rng.nextDouble()));
      const hits = p.map((pf) => {
        let k = 0;
        for (let j = 0; j < R; j++) if (rng.nextDouble() < pf) k++;
        return k / R;
      });
      const own = hits.map((_, k) => k); // independent futures: each its own replicate
      const c = replicateInterval(hits, hits.map(() => 1), own);
      const draws = futureResamples(M, 1000, streamFor(18, r));
      const b = clusterInterval(hits, hits.map(() => 1), draws);
      if (b.lo <= truth && truth <= b.hi) bootstrap++;
      if (c.lo <= truth && truth <= c.hi) cluster++;
      const w = wilsonInterval(Math.round(hits.reduce((s, v) => s + v * R, 0)), M * R);
      if (w.lo <= truth && truth <= w.hi) binomial++;
      // Weights of 0/1 independent of p_f (as history matching would give if the record said nothing of p):
      const keep = p.map(() => (rng.nextDouble() < 0.6 ? 1 : 0));
      const cw = replicateInterval(hits, keep, own);
      if (cw.lo <= truth && truth <= cw.hi) weighted++;
    }
    expect(cluster / repeats).toBeGreaterThanOrEqual(0.9);
    expect(cluster / repeats).toBeLessThanOrEqual(0.99);
    expect(weighted / repeats).toBeGreaterThanOrEqual(0.9);
    expect(weighted / repeats).toBeLessThanOrEqual(0.99);
    expect(bootstrap / repeats).toBeGreaterThanOrEqual(0.9); // a cluster bootstrap agrees for independent futures
    expect(binomial / repeats).toBeLessThan(0.85); // the interval this replaces: too narrow
  });

  // The model's own design: a replicated Latin hypercube (10 replicates of 3 futures here), the interval from the
  // spread between replicates. A bootstrap that took the stratified futures for independent draws would cover in
  // nearly every repeat here (the clash threshold's effect is additive and stratification cancels it).
  it('cover the large-sample value of a cheap model experiment repeated under many seeds', () => {
    const r = parseScenario(readFileSync('test/fixtures/scenarios/duel.yaml', 'utf8'), 'duel.yaml');
    if (!r.ok) throw new Error('fixture does not parse');
    const s = r.scenario;
    const clashYears = (seed: number, futures: number, runs: number) => {
      const d = sampleFutures(s, futures, seed, { replicates: 10 });
      const v = d.futures.map((f) => {
        const c = runCell({ scenario: s, uncertainties: d.uncertainties, future: f, policy: 'status-quo', seed, runs, horizonMonths: 24 });
        return (c.clashYearsSum / c.runs) * 5;
      });
      return { v, replicateOf: d.futures.map((f) => f.replicate!) };
    };
    const big = clashYears(1_000_000, 1200, 4).v;
    const truth = big.reduce((a, b) => a + b, 0) / big.length;
    const repeats = 100, M = 30;
    let covered = 0;
    for (let seed = 1; seed <= repeats; seed++) {
      const { v, replicateOf } = clashYears(seed, M, 4);
      const c = replicateInterval(v, v.map(() => 1), replicateOf);
      if (c.lo <= truth && truth <= c.hi) covered++;
    }
    expect(covered / repeats).toBeGreaterThanOrEqual(0.9);
    expect(covered / repeats).toBeLessThanOrEqual(0.99);
  }, 120_000);
});
