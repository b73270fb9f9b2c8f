import jStat from 'jstat';
import type { Uncertainty } from '../uncertainties.js';

type Sampled = Pick<Uncertainty, 'value' | 'range' | 'dist' | 'shape'>;

/**
 * Maps u ∈ [0, 1) to a value of the uncertainty's distribution (docs/scenario-format.md#distributions) by inverse
 * CDF, which keeps a Latin hypercube's stratification:
 * - split-uniform (the default): half the draws uniform on [lo, value], half on [value, hi] — the stated value is
 *   the median whatever the range's asymmetry (a side of zero width is a point mass of ½ at the value);
 * - split-loguniform: the same on a log scale (range > 0);
 * - uniform, loguniform: flat over the range (median: midpoint, geometric midpoint);
 * - triangular: mode = the value; normal: mean = value, sd = (hi − lo)/4, truncated to the range;
 * - beta: Beta(a, b) on [0, 1], untruncated (its `range` is the central 95%, for display and checks).
 */
export function fromUnit(u: number, x: Sampled): number {
  const [lo, hi] = x.range;
  switch (x.dist) {
    case 'split-uniform':
      return u < 0.5 ? lo + (u / 0.5) * (x.value - lo) : x.value + ((u - 0.5) / 0.5) * (hi - x.value);
    case 'split-loguniform': {
      const [a, c, b] = [Math.log(lo), Math.log(x.value), Math.log(hi)];
      return Math.exp(u < 0.5 ? a + (u / 0.5) * (c - a) : c + ((u - 0.5) / 0.5) * (b - c));
    }
    case 'uniform':
      return lo + u * (hi - lo);
    case 'loguniform':
      return Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
    case 'triangular': {
      const c = x.value;
      const fc = (c - lo) / (hi - lo);
      return u < fc ? lo + Math.sqrt(u * (hi - lo) * (c - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - c));
    }
    case 'normal': {
      const sd = (hi - lo) / 4;
      const a = jStat.normal.cdf(lo, x.value, sd), b = jStat.normal.cdf(hi, x.value, sd);
      const v = jStat.normal.inv(a + u * (b - a), x.value, sd);
      return Math.min(hi, Math.max(lo, v));
    }
    case 'beta': {
      const [a, b] = x.shape ?? [1, 1];
      return jStat.beta.inv(Math.min(Math.max(u, 1e-12), 1 - 1e-12), a, b);
    }
  }
}

/** The median of the uncertainty's sampling distribution (the value u = ½ maps to). */
export function distributionMedian(x: Sampled): number {
  return fromUnit(0.5, x);
}

/** The central 95% interval of a Beta(a, b). */
export function betaInterval(a: number, b: number): [number, number] {
  return [jStat.beta.inv(0.025, a, b), jStat.beta.inv(0.975, a, b)];
}

/**
 * Whether an uncertainty's sampling distribution is centred on its stated value: |median − value| within 1% of
 * the range's width (0.5% for beta, whose range is not a bound). Example: uniform over [0, 1.2] with value 1 is
 * not (its median is 0.6).
 */
export function isCentred(x: Sampled): boolean {
  const [lo, hi] = x.range;
  const tol = (x.dist === 'beta' ? 0.005 : 0.01) * (hi - lo);
  return Math.abs(distributionMedian(x) - x.value) <= tol;
}

/** Picks an alternative by weight from u ∈ [0, 1). */
export function categorical(u: number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let k = 0; k < weights.length; k++) {
    acc += weights[k] / total;
    if (u < acc) return k;
  }
  return weights.length - 1;
}
