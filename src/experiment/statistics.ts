import type { RandomSource } from '../math/rng/index.js';
import { Z95 } from '../models/crisis/intervals.js';

export { wilson as wilsonInterval } from '../models/crisis/intervals.js';

/** Mean with a normal-approximation 95% interval from Σx, Σx² and n (Monte Carlo error of the mean). */
export function meanFromSums(sum: number, sumSq: number, n: number, scale = 1): { mean: number; lo: number; hi: number } {
  if (n === 0) return { mean: 0, lo: 0, hi: 0 };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  const half = Z95 * Math.sqrt(variance / n);
  return { mean: mean * scale, lo: (mean - half) * scale, hi: (mean + half) * scale };
}

/** The q-quantile of a sample: the smallest value whose cumulative share reaches q (docs/conventions.md). */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const k = Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1);
  return sorted[Math.min(k, sorted.length - 1)];
}

/** q05, q50, q95 of a sample. */
export function spread(values: readonly number[]): { q05: number; q50: number; q95: number } {
  return { q05: quantile(values, 0.05), q50: quantile(values, 0.5), q95: quantile(values, 0.95) };
}

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

