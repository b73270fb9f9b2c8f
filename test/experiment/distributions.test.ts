import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betaQuantile } from '../../src/calibrate/crisis/incidents.js';
import { distributionMedian, fromUnit, isCentred } from '../../src/experiment/designs/transform.js';
import { sampleFutures } from '../../src/experiment/futures.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { Uncertainty } from '../../src/experiment/uncertainties.js';

const korea = (() => {
  const r = parseScenario(readFileSync('scenarios/korea-2024.yaml', 'utf8'), 'scenarios/korea-2024.yaml');
  if (!r.ok) throw new Error('korea-2024.yaml does not parse');
  return r.scenario;
})();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

describe('sampling distributions are centred on the stated values', () => {
  it('every ranged parameter of the Korea scenario has its sample median at its stated value (10⁴ futures)', () => {
    const d = sampleFutures(korea, 10_000, 11);
    const off: string[] = [];
    d.uncertainties.forEach((u, k) => {
      const m = median(d.futures.map((f) => f.values[k]));
      // The Latin hypercube puts exactly one draw in each 1/10⁴ stratum, so the sample median sits within a
      // stratum's width of the distribution's median; 0.5% of the range is far wider than that.
      const tol = 0.005 * (u.range[1] - u.range[0]);
      if (Math.abs(m - u.value) > tol) off.push(`${u.name}: median ${m}, stated ${u.value}`);
    });
    expect(off).toEqual([]);
    expect(d.uncertainties.length).toBeGreaterThan(100);
  });

  it('split-uniform puts half the draws on each side of the value, evenly within each side', () => {
    const x = { value: 1, range: [0, 1.2] as [number, number], dist: 'split-uniform' as const };
    expect(fromUnit(0.25, x)).toBeCloseTo(0.5, 12);
    expect(fromUnit(0.5, x)).toBeCloseTo(1, 12);
    expect(fromUnit(0.75, x)).toBeCloseTo(1.1, 12);
    // a lever effect of 1 on [0, 1.2]: mean ½·½ + ½·1.1 = 0.8, where the flat uniform gives 0.6
    const n = 100_000;
    let s = 0;
    for (let k = 0; k < n; k++) s += fromUnit((k + 0.5) / n, x);
    expect(s / n).toBeCloseTo(0.8, 6);
  });

  it('split-loguniform has its median at the value and is log-linear on each side', () => {
    const x = { value: 0.5, range: [0.05, 2] as [number, number], dist: 'split-loguniform' as const };
    expect(fromUnit(0.5, x)).toBeCloseTo(0.5, 12);
    expect(fromUnit(0.25, x)).toBeCloseTo(Math.sqrt(0.05 * 0.5), 12);
    expect(fromUnit(0.75, x)).toBeCloseTo(Math.sqrt(0.5 * 2), 12);
  });

  it('beta draws follow Beta(a, b): quantiles equal those of an independent bisection on the incomplete beta', () => {
    const x = { value: 0.0331, range: [0.00181, 0.146] as [number, number], dist: 'beta' as const, shape: [1.162, 25.19] as [number, number] };
    for (const q of [0.025, 0.25, 0.5, 0.75, 0.975]) expect(fromUnit(q, x)).toBeCloseTo(betaQuantile(q, 1.162, 25.19), 8);
    expect(isCentred(x)).toBe(true);
  });

  it('flags a uniform or loguniform over an asymmetric range as off-centre', () => {
    expect(isCentred({ value: 1, range: [0, 1.2], dist: 'uniform' })).toBe(false);
    expect(isCentred({ value: 0.6, range: [0, 1.2], dist: 'uniform' })).toBe(true);
    expect(isCentred({ value: 0.016, range: [0.00181, 0.146], dist: 'loguniform' })).toBe(true); // √(lo·hi) = 0.01626
    expect(isCentred({ value: 0.0331, range: [0.00181, 0.146], dist: 'loguniform' })).toBe(false);
    expect(isCentred({ value: 0.15, range: [0.02, 0.5], dist: 'triangular' })).toBe(false);
  });

  it('every distribution is monotone in u, stays in its support and has the centred median (property)', () => {
    const dists = ['split-uniform', 'split-loguniform', 'uniform', 'triangular', 'normal', 'loguniform'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...dists), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (dist, lo, where, width, u1, u2) => {
          const hi = lo + width, value = lo + where * width;
          const x: Pick<Uncertainty, 'value' | 'range' | 'dist'> = { value, range: [lo, hi], dist };
          const [a, b] = [fromUnit(Math.min(u1, u2), x), fromUnit(Math.max(u1, u2), x)];
          expect(a).toBeLessThanOrEqual(b + 1e-9 * hi);
          expect(a).toBeGreaterThanOrEqual(lo - 1e-9 * hi);
          expect(b).toBeLessThanOrEqual(hi + 1e-9 * hi);
          if (dist === 'split-uniform' || dist === 'split-loguniform') expect(distributionMedian(x)).toBeCloseTo(value, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
