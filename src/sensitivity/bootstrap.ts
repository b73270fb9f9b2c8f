import type { RandomSource } from '../math/rng/index.js';

/** A two-sided interval [lower, upper]. */
export type Interval = [number, number];

/** The default number of bootstrap resamples of the sensitivity estimators. */
export const DEFAULT_RESAMPLES = 1000;

/**
 * Fills `out` with n indices drawn uniformly with replacement from 0 … n−1 (one bootstrap resample). For n ≤ 2^20
 * each 53-bit uniform u gives two indices, ⌊u·n⌋ and ⌊frac(u·n)·n⌋ (exact for n a power of 2, otherwise off by at
 * most n²/2^53 in probability), which halves the generator steps — the bootstrap's main cost.
 */
export function resampleInto(out: Int32Array, rng: RandomSource): Int32Array {
  const n = out.length;
  if (n > 2 ** 20) {
    for (let k = 0; k < n; k++) out[k] = Math.floor(rng.nextDouble() * n);
    return out;
  }
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const scaled = rng.nextDouble() * n;
    const first = Math.floor(scaled);
    out[k] = first;
    out[k + 1] = Math.min(n - 1, Math.floor((scaled - first) * n));
  }
  if (k < n) out[k] = Math.floor(rng.nextDouble() * n);
  return out;
}

/**
 * The central 95% percentile interval of bootstrap replicates (Efron & Tibshirani 1993, §13.3), each end the
 * smallest replicate whose cumulative share reaches 2.5% and 97.5% (the project's quantile convention).
 * Sorts `replicates` in place. Example: `percentileInterval(Float64Array.from([3, 1, 2]))` → [1, 3].
 */
export function percentileInterval(replicates: Float64Array, level = 0.95): Interval {
  replicates.sort();
  const R = replicates.length;
  const at = (q: number) => replicates[Math.min(R - 1, Math.max(0, Math.ceil(q * R) - 1))];
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}
