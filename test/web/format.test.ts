// The app's small numerics: axis ticks and label spreading, by their defining properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linear, pct, signedPct, spreadLabels, ticks } from '../../web/src/format.js';

describe('web format', () => {
  it('ticks: round steps (1, 2 or 5 × 10^k), equally spaced, inside [lo, hi], between 1 and n + 1 of them', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 3, max: 10 }), (lo, width, n) => {
      const hi = lo + width;
      const t = ticks(lo, hi, n);
      expect(t.length).toBeGreaterThanOrEqual(1);
      expect(t.length).toBeLessThanOrEqual(n + 1);
      // a tick may sit a rounding error outside [lo, hi]: relative to the span (a tick at 0 when hi is −1e-9 of a
      // span of 1e6 is on the axis's end) and to the values' own magnitude
      const slack = 1e-8 * (hi - lo) + 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
      for (const v of t) {
        expect(v).toBeGreaterThanOrEqual(lo - slack);
        expect(v).toBeLessThanOrEqual(hi + slack);
      }
      if (t.length > 1) {
        const step = t[1] - t[0];
        // step is read back from ticks rounded to 10 decimals at magnitudes up to 1e6: allow that rounding
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-4)).toBe(true);
        for (let i = 2; i < t.length; i++) expect(t[i] - t[i - 1]).toBeCloseTo(step, 6);
      }
    }));
  });

  it('ticks of [0, 1] by 5 are 0, 0.2, …, 1', () => {
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(3, 3)).toEqual([3]);
  });

  it('spreadLabels keeps the order, leaves ≥ gap between neighbours, stays in [lo, hi] when there is room', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { maxLength: 14 }), fc.double({ min: 1, max: 20, noNaN: true }), (ys, gap) => {
      const out = spreadLabels(ys, gap, 0, 300);
      const order = ys.map((y, k) => ({ y, k })).sort((a, b) => a.y - b.y || a.k - b.k).map((o) => o.k);
      for (let i = 1; i < order.length; i++) expect(out[order[i]] - out[order[i - 1]]).toBeGreaterThanOrEqual(gap - 1e-9);
      if ((ys.length - 1) * gap <= 300) for (const y of out) { expect(y).toBeGreaterThanOrEqual(-1e-9); expect(y).toBeLessThanOrEqual(300 + 1e-9); }
    }));
  });

  it('spreadLabels moves nothing that is already spaced', () => {
    expect(spreadLabels([50, 10, 30], 14, 0, 100)).toEqual([50, 10, 30]);
    expect(spreadLabels([10, 12], 14, 0, 100)).toEqual([10, 24]);
    expect(spreadLabels([99, 100], 14, 0, 100)).toEqual([86, 100]);
  });

  it('formats: percent, signed points, linear maps', () => {
    expect(pct(0.153)).toBe('15.3%');
    expect(signedPct(-0.021)).toBe('−2.1 pts');
    expect(linear([0, 10], [100, 0])(2.5)).toBe(75);
  });
});
