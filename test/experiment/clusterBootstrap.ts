// Cluster bootstraps over futures: the intervals the comparison used before its replicated Latin hypercube, kept
// here as the reference the tests compare against (analyze.test.ts, coverage.test.ts). The comparison itself uses
// replicateInterval (src/experiment/statistics.ts).
import type { RandomSource } from '../../src/math/rng/index.js';
import { weightedMean } from '../../src/experiment/statistics.js';

/**
 * Paired difference of per-future values with a cluster bootstrap over futures (Efron & Tibshirani 1993, §6;
 * futures are the clusters: each resample draws whole futures with replacement, keeping every policy's value of a
 * drawn future together, which is what common random numbers pair). Returns the mean difference and the 2.5% and
 * 97.5% percentiles of `resamples` bootstrap means.
 */
export function clusterBootstrapDiff(
  a: readonly number[],
  b: readonly number[],
  rng: RandomSource,
  resamples = 2000,
): { diff: number; lo: number; hi: number } {
  const n = a.length;
  if (n !== b.length) throw new Error('paired samples must have the same length');
  if (n === 0) return { diff: 0, lo: 0, hi: 0 };
  const d = a.map((v, i) => v - b[i]);
  const diff = d.reduce((s, v) => s + v, 0) / n;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += d[Math.floor(rng.nextDouble() * n)];
    means[r] = s / n;
  }
  means.sort();
  const lo = means[Math.max(0, Math.ceil(0.025 * resamples) - 1)];
  const hi = means[Math.max(0, Math.ceil(0.975 * resamples) - 1)];
  return { diff, lo: Math.min(lo, diff), hi: Math.max(hi, diff) };
}


/**
 * Bootstrap resamples of whole futures (the clusters): `resamples` rows of `n` indices drawn with replacement, in
 * one Int32Array (row r at [r·n, (r + 1)·n)). Drawn once per analysis and shared by every outcome and policy, so
 * differences and levels come from the same resamples.
 */
export function futureResamples(n: number, resamples: number, rng: RandomSource): Int32Array {
  const out = new Int32Array(n * resamples);
  for (let k = 0; k < out.length; k++) out[k] = Math.floor(rng.nextDouble() * n);
  return out;
}

/**
 * The weighted mean of per-future values with a 95% interval that counts the futures: a cluster bootstrap over
 * futures (Davison & Hinkley 1997, §3.8), each resample redrawing whole futures — with the runs inside them — and
 * recomputing the weighted mean (a ratio estimator: resamples that draw no weight are skipped). The interval so
 * holds both the sampling of futures and the Monte Carlo noise of the runs within each future, which a binomial
 * interval over all runs, treating them as independent, leaves out. Percentiles 2.5 and 97.5, clamped to contain
 * the estimate. `subset` restricts to some futures (indices into values) with its own `draws` over the subset.
 */
export function clusterInterval(values: readonly number[], weights: readonly number[], draws: Int32Array, subset?: readonly number[]): { est: number; lo: number; hi: number } {
  const idx = subset ?? values.map((_, k) => k);
  const n = idx.length;
  const est = weightedMean(idx.map((k) => values[k]), idx.map((k) => weights[k]));
  if (n === 0) return { est: 0, lo: 0, hi: 0 };
  const B = Math.floor(draws.length / n);
  const means: number[] = [];
  for (let r = 0; r < B; r++) {
    let s = 0, sw = 0;
    for (let k = 0; k < n; k++) {
      const f = idx[draws[r * n + k]];
      s += weights[f] * values[f];
      sw += weights[f];
    }
    if (sw > 0) means.push(s / sw);
  }
  if (!means.length) return { est, lo: est, hi: est };
  means.sort((a, b) => a - b);
  const lo = means[Math.max(0, Math.ceil(0.025 * means.length) - 1)];
  const hi = means[Math.max(0, Math.ceil(0.975 * means.length) - 1)];
  return { est, lo: Math.min(lo, est), hi: Math.max(hi, est) };
}

