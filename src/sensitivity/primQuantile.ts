/**
 * The cut point PRIM peels or pastes at: the q-quantile of m sorted values with weights, in the form the EMA
 * Workbench takes from sdtoolkit (Bryant & Lempert 2010). The rank i = (W − 1)·q (W the total weight; with unit
 * weights, the positions of the sorted values) falls between the values at ranks ⌊i⌋ and ⌈i⌉; the cut is the
 * midpoint between the value at ⌊i⌋ and the next distinct value above it (q ≤ ½), or between the value at ⌈i⌉ and
 * the next distinct value below it (q > ½), so a cut never splits tied values. With no distinct neighbour the cut
 * is the value itself. Integer weights act as repeated rows. The m rows `order[0 … m−1]` are sorted by `values`;
 * `total` is the sum of their weights when the caller knows it. Cost O(m·min(q, 1 − q)) given `total`.
 * Example: `workbenchQuantile([1, 2, 3, 4], [0, 1, 2, 3], [1, 1, 1, 1], 4, 0.05)` → 1.5.
 */
export function workbenchQuantile(values: ArrayLike<number>, order: ArrayLike<number>, weights: ArrayLike<number>, m: number, q: number, total?: number): number {
  if (total === undefined) {
    total = 0;
    for (let p = 0; p < m; p++) total += weights[order[p]];
  }
  const i = Math.max(0, (total - 1) * q);
  const lo = positionOfRank(order, weights, m, Math.floor(i), total, q > 0.5);
  const hi = positionOfRank(order, weights, m, Math.ceil(i), total, q > 0.5);
  if (q <= 0.5) {
    const v = values[order[lo]];
    let p = hi;
    while (p < m - 1 && values[order[p]] === v) p++;
    return (v + values[order[p]]) / 2;
  }
  const v = values[order[hi]];
  let p = lo;
  while (p > 0 && values[order[p]] === v) p--;
  return (values[order[p]] + v) / 2;
}

/** The sorted position that holds rank r when position p counts its row's weight times: the first p whose
 * cumulative weight exceeds r (the last position if none does), scanned from the top end for high ranks. */
function positionOfRank(order: ArrayLike<number>, weights: ArrayLike<number>, m: number, r: number, total: number, fromTop: boolean): number {
  if (fromTop) {
    let tail = 0;
    for (let p = m - 1; p > 0; p--) {
      tail += weights[order[p]];
      if (total - tail <= r) return p; // the weight below p does not reach past r
    }
    return 0;
  }
  let cumulative = 0;
  for (let p = 0; p < m; p++) {
    cumulative += weights[order[p]];
    if (cumulative > r) return p;
  }
  return m - 1;
}
