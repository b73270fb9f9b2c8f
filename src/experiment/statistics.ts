import jStat from 'jstat';
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
