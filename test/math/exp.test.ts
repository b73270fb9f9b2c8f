import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp } from '../../src/math/exp.js';

describe('exp: fdlibm in plain arithmetic', () => {
  it('equals Math.exp bit for bit on arbitrary doubles', () => {
    fc.assert(fc.property(fc.double({ noNaN: false }), (x) => Object.is(exp(x), Math.exp(x))), { numRuns: 20000 });
  });

  it('equals Math.exp across every branch of the argument reduction (|x| tiny, < ½ln2, < 1½ln2, large, near ±700)', () => {
    const ranges: [number, number][] = [[-1e-9, 1e-9], [-0.35, 0.35], [-1.05, 1.05], [-40, 40], [-700.5, -699.5], [699.5, 700.5], [-746, 710]];
    for (const [lo, hi] of ranges) {
      fc.assert(fc.property(fc.double({ min: lo, max: hi, noNaN: true }), (x) => Object.is(exp(x), Math.exp(x))), { numRuns: 5000 });
    }
  });

  it('is exact where the exponential is known: e^0 = 1, e^{k ln 2} close to 2^k, e^{-∞} = 0, e^{∞} = ∞', () => {
    expect(exp(0)).toBe(1);
    expect(Object.is(exp(-0), 1)).toBe(true);
    for (let k = -60; k <= 60; k++) expect(Math.abs(exp(k * Math.LN2) / 2 ** k - 1)).toBeLessThan(4e-16 * Math.max(1, Math.abs(k)));
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(NaN)).toBeNaN();
  });

  // The fixed points of the reduction's branches, where a threshold off by one ulp would show.
  it('agrees at the branch thresholds and one ulp either side', () => {
    const next = (x: number, dir: 1 | -1) => {
      const v = new DataView(new ArrayBuffer(8));
      v.setFloat64(0, x);
      v.setBigUint64(0, v.getBigUint64(0) + BigInt(dir * (x >= 0 ? 1 : -1)));
      return v.getFloat64(0);
    };
    const edges = [0.5 * Math.LN2, 1.5 * Math.LN2, 2 ** -28, 700, Math.LN2, 0.3465735902799726, 1.0397207708399179];
    for (const e of edges) for (const x of [e, -e, next(e, 1), next(e, -1), -next(e, 1), -next(e, -1)]) expect(Object.is(exp(x), Math.exp(x))).toBe(true);
  });
});
