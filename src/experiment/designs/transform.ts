import jStat from 'jstat';
import type { Uncertainty } from '../uncertainties.js';

/**
 * Maps u ∈ [0, 1) to a value of the uncertainty's distribution over its range (docs/scenario-format.md#parameters):
 * uniform; triangular with mode = the central value; normal with mean = value and sd = (hi − lo)/4 truncated to
 * the range; loguniform. Inverse-CDF sampling keeps the Latin hypercube's stratification.
 */
export function fromUnit(u: number, x: Pick<Uncertainty, 'value' | 'range' | 'dist'>): number {
  const [lo, hi] = x.range;
  switch (x.dist) {
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
  }
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
