import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXP_APPROX_ERROR, expApprox } from '../../src/math/expApprox.js';

describe('expApprox', () => {
  it('is within EXP_APPROX_ERROR of Math.exp relative to it across the reduced range |x| < 700', () => {
    fc.assert(fc.property(fc.double({ min: -699.99, max: 699.99, noNaN: true }), (x) => Math.abs(expApprox(x) / Math.exp(x) - 1) <= EXP_APPROX_ERROR), { numRuns: 50000 });
  });

  it('meets the bound at the worst case of the cubic, r = ±ln2/64, and is exact at the table points x = (k/32)·ln 2', () => {
    for (let k = -64; k <= 64; k++) {
      for (const dr of [-0.5, 0.5]) {
        const x = ((k + dr) / 32) * Math.LN2;
        expect(Math.abs(expApprox(x) / Math.exp(x) - 1)).toBeLessThanOrEqual(EXP_APPROX_ERROR);
        expect(Math.abs(expApprox(x) / Math.exp(x) - 1)).toBeGreaterThan(1e-11); // the Taylor remainder is there: the bound is not slack
      }
      expect(Math.abs(expApprox((k / 32) * Math.LN2) / 2 ** (k / 32) - 1)).toBeLessThan(1e-15);
    }
  });

  it('meets the bound on both sides of |x| = 64, where the one-table path hands over to the two-table one, and at the ends of the table', () => {
    const xs = [64, -64, 63.999999, -63.999999, 64.000001, -64.000001, (2955.5 / 32) * Math.LN2 - 1e-9, -(2955.5 / 32) * Math.LN2 + 1e-9];
    for (const x of xs) expect(Math.abs(expApprox(x) / Math.exp(x) - 1)).toBeLessThanOrEqual(EXP_APPROX_ERROR);
    fc.assert(fc.property(fc.double({ min: -70, max: 70, noNaN: true }), (x) => Math.abs(expApprox(x) / Math.exp(x) - 1) <= EXP_APPROX_ERROR), { numRuns: 20000 });
  });

  it('defers to Math.exp outside |x| < 700 (overflow, underflow, infinities, NaN)', () => {
    for (const x of [700, -700, 709.5, -745, Infinity, -Infinity]) expect(expApprox(x)).toBe(Math.exp(x));
    expect(expApprox(NaN)).toBeNaN();
  });
});
