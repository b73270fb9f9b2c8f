import { describe, expect, it } from 'vitest';
import { meanInterval, wilson } from '../../../src/models/crisis/intervals.js';

describe('intervals', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (score).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson interval of %s/%s matches Newcombe (1998) to 4 decimals', (k, n, lo, hi) => {
    const w = wilson(k, n);
    expect(w.p).toBe(k / n);
    expect(w.lo).toBeCloseTo(lo, 4);
    expect(w.hi).toBeCloseTo(hi, 4);
  });

  it('k = 0 has the closed-form upper bound z²/(n + z²), and k = n mirrors it', () => {
    const z2 = 1.959963984540054 ** 2;
    expect(wilson(0, 10).hi).toBeCloseTo(z2 / (10 + z2), 14);
    expect(wilson(10, 10).lo).toBeCloseTo(10 / (10 + z2), 14);
  });

  it('mean interval of a histogram is mean ± z·s/√n', () => {
    // values 0,0,1,1,1,2 (counts [2, 3, 1]), scale 2 → values 0,0,2,2,2,4: mean 5/3, s = sqrt(2.1667·4/…)
    const r = meanInterval([2, 3, 1], 2);
    const xs = [0, 0, 2, 2, 2, 4];
    const mean = xs.reduce((a, b) => a + b) / 6;
    const s = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / 5);
    expect(r.mean).toBeCloseTo(mean, 14);
    expect(r.hi).toBeCloseTo(mean + (1.959963984540054 * s) / Math.sqrt(6), 14);
    expect(r.lo).toBeCloseTo(mean - (1.959963984540054 * s) / Math.sqrt(6), 14);
  });
});
