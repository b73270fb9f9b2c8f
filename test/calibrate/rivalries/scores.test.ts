import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brier, crpsCount, logScore, pairedComparison, verdict } from '../../../src/calibrate/rivalries/scores.js';

/** CRPS by the kernel form E|X − y| − ½ E|X − X'| (Gneiting & Raftery 2007, eq. 21): independent of the sum of squares. */
function crpsKernel(pmf: number[], y: number): number {
  let a = 0, b = 0;
  pmf.forEach((p, i) => {
    a += p * Math.abs(i - y);
    pmf.forEach((q, j) => (b += p * q * Math.abs(i - j)));
  });
  return a - 0.5 * b;
}

const pmfArb = fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }).map((w) => {
  const s = w.reduce((x, v) => x + v, 0);
  return w.map((v) => v / s);
});

describe('scoring rules', () => {
  it('hand values: Brier, log score, CRPS of small count distributions', () => {
    expect(brier(0.2, 1)).toBeCloseTo(0.64, 15);
    expect(brier(0.2, 0)).toBeCloseTo(0.04, 15);
    expect(logScore(0.2, 0)).toBeCloseTo(-Math.log(0.8), 15);
    expect(logScore(0.2, 1)).toBeCloseTo(Math.log(5), 15);
    expect(crpsCount([0.5, 0.5], 1)).toBeCloseTo(0.25, 15);
    // F = 0.2, 0.7, 1: y = 0 → 0.8² + 0.3² = 0.73; y = 2 → 0.2² + 0.7² = 0.53; y = 4 (beyond the support) → 0.04 + 0.49 + 1 + 1.
    expect(crpsCount([0.2, 0.5, 0.3], 0)).toBeCloseTo(0.73, 14);
    expect(crpsCount([0.2, 0.5, 0.3], 2)).toBeCloseTo(0.53, 14);
    expect(crpsCount([0.2, 0.5, 0.3], 4)).toBeCloseTo(2.53, 14);
  });

  it('CRPS of a point mass is the absolute error', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 40 }), (m, y) => {
      const pmf = Array.from({ length: m + 1 }, (_, k) => (k === m ? 1 : 0));
      expect(crpsCount(pmf, y)).toBe(Math.abs(m - y));
    }));
  });

  it('CRPS equals its kernel form E|X − y| − ½E|X − X′|', () => {
    fc.assert(fc.property(pmfArb, fc.integer({ min: 0, max: 15 }), (pmf, y) => {
      expect(crpsCount(pmf, y)).toBeCloseTo(crpsKernel(pmf, y), 10);
    }));
  });

  it('propriety: the expected Brier and log score are smallest at the true probability', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p, q) => {
      const expected = (score: (x: number, y: number) => number, x: number) => p * score(x, 1) + (1 - p) * score(x, 0);
      expect(expected(brier, q)).toBeGreaterThanOrEqual(expected(brier, p) - 1e-15);
      expect(expected(logScore, q)).toBeGreaterThanOrEqual(expected(logScore, p) - 1e-12);
      // Strictly proper: the excess is (q − p)² for Brier.
      expect(expected(brier, q) - expected(brier, p)).toBeCloseTo((q - p) ** 2, 12);
    }));
  });

  it('propriety: the expected CRPS over counts is smallest at the true distribution', () => {
    fc.assert(fc.property(pmfArb, pmfArb, (truth, forecast) => {
      const expected = (f: number[]) => truth.reduce((s, p, y) => s + p * crpsCount(f, y), 0);
      expect(expected(forecast)).toBeGreaterThanOrEqual(expected(truth) - 1e-12);
    }));
  });
});

describe('paired comparison over rivalries', () => {
  it('per-unit means and difference by hand; the bootstrap interval collapses when every rivalry has the same difference', () => {
    // Differences per unit: 0.1 in each rivalry (0.3/3, 0.2/2).
    const rows = [{ a: 1.3, b: 1.0, n: 3 }, { a: 0.6, b: 0.4, n: 2 }];
    const c = pairedComparison(rows, { resamples: 500, seed: 3 });
    expect(c.a).toBeCloseTo(1.9 / 5, 14);
    expect(c.b).toBeCloseTo(1.4 / 5, 14);
    expect(c.difference).toBeCloseTo(0.1, 14);
    expect(c.lo).toBeCloseTo(0.1, 12);
    expect(c.hi).toBeCloseTo(0.1, 12);
    expect([c.better, c.worse, c.ties]).toEqual([0, 2, 0]);
    expect(verdict(c)).toBe('worse');
  });

  it('the interval lies within the rivalries\' own differences, is reproducible by seed, and gives the verdict by its sign', () => {
    const rows = [{ a: 0, b: 1, n: 1 }, { a: 0, b: 0.5, n: 1 }, { a: 1, b: 0.8, n: 1 }, { a: 0, b: 0.9, n: 1 }];
    const c = pairedComparison(rows, { resamples: 2000, seed: 1 });
    expect(c.difference).toBeCloseTo((-1 - 0.5 + 0.2 - 0.9) / 4, 14);
    expect(c.lo).toBeGreaterThanOrEqual(-1);
    expect(c.hi).toBeLessThanOrEqual(0.2);
    expect(c.lo).toBeLessThan(c.difference);
    expect(c.hi).toBeGreaterThan(c.difference);
    expect(pairedComparison(rows, { resamples: 2000, seed: 1 })).toEqual(c);
    expect(verdict({ lo: -0.2, hi: -0.01 })).toBe('skill');
    expect(verdict({ lo: -0.2, hi: 0.01 })).toBe('no difference');
  });
});
