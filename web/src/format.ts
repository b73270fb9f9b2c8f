// Number formats of the page: probabilities in percent, counts with thousands separators.
export const pct = (p: number, digits = 1): string => `${(100 * p).toFixed(digits)}%`;
export const num = (x: number, digits = 2): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits));
export const count = (n: number): string => n.toLocaleString('en-US');
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
