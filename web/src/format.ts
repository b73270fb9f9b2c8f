// Number formats of the page: probabilities in percent, counts with thousands separators.
/** A probability in percent: `pct(0.153)` → "15.3%". */
export const pct = (p: number, digits = 1): string => `${(100 * p).toFixed(digits)}%`;
/** A level: whole numbers with separators from 1,000 up, else `digits` decimals. */
export const num = (x: number, digits = 2): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits));
/** A count with thousands separators: `count(1000)` → "1,000". */
export const count = (n: number): string => n.toLocaleString('en-US');
/** A difference of probabilities in percentage points, signed: `signedPct(-0.021)` → "−2.1 pts". */
export const signedPct = (d: number, digits = 1): string => `${d >= 0 ? '+' : '−'}${(100 * Math.abs(d)).toFixed(digits)} pts`;

/** A linear map from a domain to a range (no clamping). */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (x: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (x) => r0 + (x - d0) * k;
}

/** About `n` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k). */
export function ticks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / n, mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toFixed(10));
  return out;
}

/**
 * Moves label positions apart so that neighbours are at least `gap` apart, keeping their order and moving them as
 * little as a push down, a push up from `hi` and a push down from `lo` do; they stay within [lo, hi] when
 * (n − 1)·gap fits. Labels already `gap` apart inside [lo, hi] do not move. Example: `spreadLabels([10, 12], 14, 0, 100)`.
 */
export function spreadLabels(ys: number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, k) => ({ y, k })).sort((a, b) => a.y - b.y || a.k - b.k);
  const n = order.length;
  for (let i = 1; i < n; i++) order[i].y = Math.max(order[i].y, order[i - 1].y + gap);
  if (n) order[n - 1].y = Math.min(order[n - 1].y, hi);
  for (let i = n - 2; i >= 0; i--) order[i].y = Math.min(order[i].y, order[i + 1].y - gap);
  if (n) order[0].y = Math.max(order[0].y, lo);
  for (let i = 1; i < n; i++) order[i].y = Math.max(order[i].y, order[i - 1].y + gap);
  const out = new Array<number>(n);
  for (const o of order) out[o.k] = o.y;
  return out;
}
