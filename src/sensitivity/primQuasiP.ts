import jStat from 'jstat';
import { boxTotals, copyLimits, dimName, limitsFrom, restrictedDims, type BoxLimits, type PrimLimit } from './primBox.js';
import { preparePrimData, type PrimData, type PrimDataOptions, type PrimRow } from './primData.js';

/** Quasi-p-values of one restricted dimension: per restricted side of a numeric limit, or once for categories. */
export interface PrimQuasiP {
  lower?: number;
  upper?: number;
  categories?: number;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the one-sided binomial test "greater", as I_p(k, n − k + 1) (the regularized
 * incomplete beta; k and n may be non-integer effective counts). Example: `binomialUpperTail(2, 2, 0.5)` → 0.25.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return Math.min(1, Math.max(0, jStat.ibeta(p, k, n - k + 1)));
}

/**
 * Quasi-p-values of a box's restrictions (Bryant & Lempert 2010, §3.3, as the EMA Workbench computes them): for
 * each restricted limit, the one-sided binomial probability of seeing at least the box's cases of interest among
 * its rows if the box had the density of the box with that one limit removed. A large value says the restriction
 * adds little. With weights, counts are Kish effective sizes n = (Σw)²/Σw² and k = density·n (plain counts for
 * unit weights). Cost O(rows · restricted dims²).
 */
export function quasiPValues(data: PrimData, b: BoxLimits): Record<string, PrimQuasiP> {
  const dims = restrictedDims(data, b);
  const box = boxTotals(data, b, dims);
  const nEff = box.weightSq > 0 ? (box.weight * box.weight) / box.weightSq : 0;
  const kEff = box.weight > 0 ? (box.interest / box.weight) * nEff : 0;
  const test = (relaxed: BoxLimits) => {
    const t = boxTotals(data, relaxed, dims);
    return binomialUpperTail(kEff, nEff, t.weight > 0 ? t.interest / t.weight : 0);
  };
  const J = data.numeric.length;
  const out: Record<string, PrimQuasiP> = {};
  for (const d of dims) {
    const entry: PrimQuasiP = {};
    if (d < J) {
      const col = data.numeric[d];
      if (b.lower[d] !== col.min) {
        const relaxed = copyLimits(b);
        relaxed.lower[d] = col.min;
        entry.lower = test(relaxed);
      }
      if (b.upper[d] !== col.max) {
        const relaxed = copyLimits(b);
        relaxed.upper[d] = col.max;
        entry.upper = test(relaxed);
      }
    } else {
      const relaxed = copyLimits(b);
      relaxed.allowed[d - J].fill(1);
      entry.categories = test(relaxed);
    }
    out[dimName(data, d)] = entry;
  }
  return out;
}

/**
 * Quasi-p-values of any box, given in the public form (e.g. another step of a {@link prim} trajectory:
 * `primQuasiP(rows, y, result.trajectory[k].limits)`), on the same rows, outputs and options as the PRIM run.
 */
export function primQuasiP(x: readonly PrimRow[], y: readonly (number | boolean)[], limits: Readonly<Record<string, PrimLimit>>, options: PrimDataOptions = {}): Record<string, PrimQuasiP> {
  const data = preparePrimData(x, y, options);
  return quasiPValues(data, limitsFrom(data, limits));
}
