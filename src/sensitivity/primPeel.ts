import { copyLimits, initialLimits, restrictedDims, type BoxLimits } from './primBox.js';
import { bestMove } from './primObjective.js';
import type { PrimData } from './primData.js';
import { workbenchQuantile } from './primQuantile.js';

/** One candidate peel: a cut of numeric column `dim` from below or above, or the removal of one category. */
interface Peel {
  dim: number;
  side: 'lower' | 'upper' | 'category';
  /** The cut value (numeric) or the category code removed. */
  at: number;
  weight: number;
  interest: number;
  restricted: number;
}

/**
 * The peeling phase of {@link prim}: reports every accepted box (the first is the box of all rows) through
 * `record` and returns the last. Keeps, per numeric column, the box's rows in value order (compacted in place
 * after each peel), so a step costs O(inputs · box rows).
 */
export function peel(data: PrimData, alpha: number, massMin: number, record: (limits: BoxLimits, weight: number, interest: number, rows: number) => void): { limits: BoxLimits; weight: number; interest: number } {
  const { w, y } = data;
  const J = data.numeric.length;
  let limits = initialLimits(data);
  const sorted = data.numeric.map((c) => c.order.slice());
  const members = Int32Array.from({ length: data.n }, (_, r) => r);
  let m = data.n; // rows in the box: the first m entries of `members` and of each `sorted[j]`
  const inBox = new Uint8Array(data.n).fill(1);
  let weight = data.totalWeight;
  let interest = data.interestWeight;
  record(limits, weight, interest, m);
  for (;;) {
    const restrictedNow = restrictedDims(data, limits);
    const extra = (dim: number, next: boolean) => (next && !restrictedNow.includes(dim) ? 1 : 0);
    const peels: Peel[] = [];
    for (let j = 0; j < J; j++) {
      const order = sorted[j];
      const { values, min, max } = data.numeric[j];
      const upper = workbenchQuantile(values, order, w, m, 1 - alpha, weight);
      let wU = 0, iU = 0;
      for (let p = m - 1; p >= 0 && values[order[p]] > upper; p--) { wU += w[order[p]]; iU += w[order[p]] * y[order[p]]; }
      peels.push({ dim: j, side: 'upper', at: upper, weight: weight - wU, interest: interest - iU, restricted: restrictedNow.length + extra(j, upper !== max) });
      const lower = workbenchQuantile(values, order, w, m, alpha, weight);
      let wL = 0, iL = 0;
      for (let p = 0; p < m && values[order[p]] < lower; p++) { wL += w[order[p]]; iL += w[order[p]] * y[order[p]]; }
      peels.push({ dim: j, side: 'lower', at: lower, weight: weight - wL, interest: interest - iL, restricted: restrictedNow.length + extra(j, lower !== min) });
    }
    data.categorical.forEach((col, c) => {
      const allowed = limits.allowed[c];
      if (allowed.reduce((a, v) => a + v, 0) < 2) return;
      const catW = new Float64Array(allowed.length), catI = new Float64Array(allowed.length);
      for (let p = 0; p < m; p++) { const r = members[p]; catW[col.codes[r]] += w[r]; catI[col.codes[r]] += w[r] * y[r]; }
      for (let k = 0; k < allowed.length; k++) {
        if (allowed[k]) peels.push({ dim: J + c, side: 'category', at: k, weight: weight - catW[k], interest: interest - catI[k], restricted: restrictedNow.length + extra(J + c, true) });
      }
    });
    const best = bestMove(peels, weight, interest);
    if (!best || best.obj <= 0 || best.move.weight / data.totalWeight < massMin || !(best.move.weight < weight)) break;
    const { dim, side, at } = best.move;
    limits = copyLimits(limits);
    if (side === 'lower') limits.lower[dim] = at;
    else if (side === 'upper') limits.upper[dim] = at;
    else limits.allowed[dim - J][at] = 0;
    for (let p = 0; p < m; p++) {
      const r = members[p];
      const v = dim < J ? data.numeric[dim].values[r] : data.categorical[dim - J].codes[r];
      if (side === 'lower' ? v < at : side === 'upper' ? v > at : v === at) inBox[r] = 0;
    }
    const kept = compact(members, m, inBox);
    for (const order of sorted) compact(order, m, inBox);
    m = kept;
    // Recount rather than subtract, so weights that are not integers do not drift.
    weight = 0;
    interest = 0;
    for (let p = 0; p < m; p++) { const r = members[p]; weight += w[r]; interest += w[r] * y[r]; }
    record(limits, weight, interest, m);
  }
  return { limits, weight, interest };
}

/** Moves the rows still in the box to the front of `list[0 … m−1]`, keeping their order; returns their count. */
function compact(list: Int32Array, m: number, inBox: Uint8Array): number {
  let k = 0;
  for (let p = 0; p < m; p++) {
    const r = list[p];
    if (inBox[r] === 1) list[k++] = r;
  }
  return k;
}
