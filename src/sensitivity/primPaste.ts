import { copyLimits, inDim, isRestricted, restrictedDims, type BoxLimits } from './primBox.js';
import type { Move } from './primObjective.js';
import type { PrimData } from './primData.js';
import { workbenchQuantile } from './primQuantile.js';

/**
 * The candidate pastes of a box (Friedman & Fisher 1999, §7; as the EMA Workbench pastes): for each restricted
 * numeric input, its lower limit moved down to the (1 − alpha)-quantile of the rows below it, and its upper limit
 * moved up to the alpha-quantile of the rows above it — counting only rows inside the box on every other input —
 * and, for each restricted categorical input, each left-out category added back. Cost O(rows · restricted dims).
 */
export function pasteCandidates(data: PrimData, limits: BoxLimits, alpha: number): Move[] {
  const dims = restrictedDims(data, limits);
  const J = data.numeric.length;
  // For each row: how many restrictions it violates, and which one if only one.
  const violations = new Int32Array(data.n);
  const violated = new Int32Array(data.n).fill(-1);
  for (let r = 0; r < data.n; r++) {
    for (const d of dims) {
      if (!inDim(data, limits, d, r)) {
        violations[r]++;
        violated[r] = d;
      }
    }
  }
  const moves: Move[] = [];
  for (const d of dims) {
    // Rows inside the box on every input but d.
    const rows: number[] = [];
    for (let r = 0; r < data.n; r++) if (violations[r] === 0 || (violations[r] === 1 && violated[r] === d)) rows.push(r);
    const evaluate = (next: BoxLimits): Move => {
      let weight = 0, interest = 0;
      for (const r of rows) {
        if (!inDim(data, next, d, r)) continue;
        weight += data.w[r];
        interest += data.w[r] * data.y[r];
      }
      return { limits: next, weight, interest, restricted: dims.length - (isRestricted(data, next, d) ? 0 : 1) };
    };
    if (d < J) {
      const col = data.numeric[d];
      for (const side of ['lower', 'upper'] as const) {
        const limit = side === 'lower' ? limits.lower[d] : limits.upper[d];
        if (limit === (side === 'lower' ? col.min : col.max)) continue;
        const strip = rows.filter((r) => (side === 'lower' ? col.values[r] <= limit : col.values[r] >= limit)).sort((a, b) => col.values[a] - col.values[b]);
        const value =
          strip.length === 0
            ? side === 'lower' ? col.min : col.max
            : workbenchQuantile(col.values, strip, data.w, strip.length, side === 'lower' ? 1 - alpha : alpha);
        const next = copyLimits(limits);
        if (side === 'lower') next.lower[d] = Math.min(value, limit);
        else next.upper[d] = Math.max(value, limit);
        moves.push(evaluate(next));
      }
    } else {
      const allowed = limits.allowed[d - J];
      allowed.forEach((a, k) => {
        if (a) return;
        const next = copyLimits(limits);
        next.allowed[d - J][k] = 1;
        moves.push(evaluate(next));
      });
    }
  }
  return moves;
}
