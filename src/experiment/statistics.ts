import jStat from 'jstat';
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

/** Σ w v / Σ w (0 when Σ w = 0). */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let s = 0, sw = 0;
  for (let k = 0; k < values.length; k++) {
    s += weights[k] * values[k];
    sw += weights[k];
  }
  return sw > 0 ? s / sw : 0;
}

/** The weighted q-quantile: the smallest value whose cumulative weight share reaches q (docs/conventions.md). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, k) => k).filter((k) => weights[k] > 0).sort((a, b) => values[a] - values[b]);
  if (!order.length) return 0;
  const total = order.reduce((s, k) => s + weights[k], 0);
  let acc = 0;
  for (const k of order) {
    acc += weights[k];
    if (acc >= q * total - 1e-9 * total) return values[k];
  }
  return values[order[order.length - 1]];
}

/** The weighted 5–50–95% spread of per-future values. */
export function weightedSpread(values: readonly number[], weights: readonly number[]): { q05: number; q50: number; q95: number } {
  return { q05: weightedQuantile(values, weights, 0.05), q50: weightedQuantile(values, weights, 0.5), q95: weightedQuantile(values, weights, 0.95) };
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

/**
 * The weighted mean of per-future values with a 95% interval from the spread between independent replicates of
 * the design (replicated Latin hypercube; Iman 1981, Helton & Davis 2003 §6): with W = Σ w and the estimate
 * m = Σ w v / W, each replicate r contributes z_r = Σ_{f ∈ r} w_f (v_f − m); the variance of m is estimated by
 * K/(K − 1) · Σ z_r² / W² over the K replicates with weight (the linearised variance of a ratio estimator), and the
 * interval is m ± t_{K−1, 0.975} √var (K the replicates of the subset, those with no weight contributing z_r = 0). It counts the sampling of futures and the runs within them (each future's
 * value carries its own run noise), and it does not treat stratified futures as independent draws, which would
 * over-state the error of a Latin hypercube. `replicateOf[f]` is future f's replicate (its own index when futures
 * are independent draws); `subset` restricts to some futures. With fewer than two replicates the error cannot be
 * estimated and the interval spans the subset's values.
 */
export function replicateInterval(values: readonly number[], weights: readonly number[], replicateOf: ArrayLike<number>, subset?: readonly number[]): { est: number; lo: number; hi: number } {
  const all = subset ?? values.map((_, k) => k);
  const idx = all.filter((f) => weights[f] > 0);
  if (!idx.length) return { est: 0, lo: 0, hi: 0 };
  let W = 0, S = 0;
  for (const f of idx) {
    W += weights[f];
    S += weights[f] * values[f];
  }
  const est = S / W;
  // Every replicate of the subset counts, those whose futures were all ruled out with z_r = 0: the number of
  // independent replicates is a property of the design, not of the weights.
  const z = new Map<number, number>();
  for (const f of all) z.set(replicateOf[f], z.get(replicateOf[f]) ?? 0);
  for (const f of idx) z.set(replicateOf[f], z.get(replicateOf[f])! + weights[f] * (values[f] - est));
  const K = z.size;
  if (K < 2) {
    const vs = idx.map((f) => values[f]);
    return { est, lo: Math.min(est, ...vs), hi: Math.max(est, ...vs) };
  }
  let ss = 0;
  for (const v of z.values()) ss += v * v;
  const half = jStat.studentt.inv(0.975, K - 1) * Math.sqrt((K / (K - 1)) * ss) / W;
  return { est, lo: est - half, hi: est + half };
}
