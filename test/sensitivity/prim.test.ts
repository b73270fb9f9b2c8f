import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/math/rng/index.js';
import { prim, type PrimStep } from '../../src/sensitivity/prim.js';
import { binomialUpperTail, primQuasiP } from '../../src/sensitivity/primQuasiP.js';
import { workbenchQuantile } from '../../src/sensitivity/primQuantile.js';

/** Binomial upper tail by direct summation (independent of the incomplete beta). */
function tail(k: number, n: number, p: number): number {
  let sum = 0;
  for (let j = k; j <= n; j++) {
    let c = 1;
    for (let i = 0; i < j; i++) c = (c * (n - i)) / (i + 1);
    sum += c * p ** j * (1 - p) ** (n - j);
  }
  return sum;
}

const summary = (s: PrimStep) => ({ coverage: s.coverage, density: s.density, mass: s.mass, restricted: s.restricted, limits: s.limits });

describe('workbenchQuantile', () => {
  it('cuts midway between neighbouring distinct values and never splits ties', () => {
    const q = (xs: number[], a: number, w?: number[]) => workbenchQuantile(xs, xs.map((_, p) => p), w ?? xs.map(() => 1), xs.length, a);
    expect(q([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1.5); // i = 0.9: ranks 0 and 1
    expect(q([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9.5); // i = 8.1: ranks 8 and 9
    expect(q([1, 1, 1, 2, 3], 0.1)).toBe(1.5); // ranks 0, 1 tie at 1: move up to the next distinct value
    expect(q([1, 2, 3, 3, 3], 0.9)).toBe(2.5); // ranks 3, 4 tie at 3: move down
    expect(q([4, 4, 4], 0.1)).toBe(4); // no distinct neighbour
    expect(q([1, 2, 3], 0.1, [1, 3, 1])).toBe(q([1, 2, 2, 2, 3], 0.1)); // integer weights = repeated values
    expect(q([1, 2, 3], 0.9, [1, 3, 5])).toBe(q([1, 2, 2, 2, 3, 3, 3, 3, 3], 0.9));
  });
});

describe('binomialUpperTail', () => {
  it('equals the summed binomial tail', () => {
    for (const [k, n, p] of [[6, 6, 0.3], [4, 5, 4 / 7], [3, 10, 0.2], [0, 4, 0.5], [7, 30, 0.1]] as const) expect(binomialUpperTail(k, n, p)).toBeCloseTo(tail(k, n, p), 8);
  });
});

describe('prim', () => {
  // 20 rows, x1 = 1 … 20, cases of interest x1 ≥ 15, x2 a fixed permutation putting cases at both of its ends.
  const x2 = [5, 12, 8, 17, 3, 14, 10, 19, 6, 11, 2, 15, 9, 16, 1, 13, 7, 20, 4, 18];
  const rows = x2.map((v, i) => ({ x1: i + 1, x2: v }));
  const y = rows.map((r) => r.x1 >= 15);

  it('peels the 2-D case as worked by hand (peelAlpha 0.1)', () => {
    // Worked by hand: every x2 cut removes a case of interest (x2 = 1 or 20 or 18 are cases) or gains nothing,
    // and each x1 upper cut removes cases, so each step peels x1 from below. With n rows in the box the rank of
    // the cut is (n − 1)·0.1: two rows go while n ≥ 11, one row from n = 10 on. Cuts sit midway between values.
    const r = prim(rows, y, { peelAlpha: 0.1 });
    const cuts = [2.5, 4.5, 6.5, 8.5, 10.5, 11.5, 12.5, 13.5, 14.5];
    const sizes = [20, 18, 16, 14, 12, 10, 9, 8, 7, 6];
    expect(r.trajectory.length).toBe(10); // no paste helps: adding x1 = 14 back lowers the density
    r.trajectory.forEach((s, k) => {
      expect(s.rows).toBe(sizes[k]);
      expect(s.mass).toBeCloseTo(sizes[k] / 20, 14);
      expect(s.density).toBeCloseTo(6 / sizes[k], 14);
      expect(s.coverage).toBe(1);
      expect(s.phase).toBe(k === 0 ? 'initial' : 'peel');
      if (k > 0) expect(s.limits).toEqual({ x1: { kind: 'numeric', lower: cuts[k - 1], upper: 20 } });
    });
    expect(r.chosen).toBe(9); // coverage 1 everywhere; the densest of those at ≥ 0.8
    expect(r.thresholdMet).toBe(true);
    // Quasi-p: without the x1 limit the density is 6/20, and the box holds 6 cases in 6 rows: 0.3^6.
    expect(r.quasiP.x1.lower).toBeCloseTo(0.3 ** 6, 8);
    expect(r.quasiP.x1.upper).toBeUndefined();
    expect(r.initial.x2).toEqual({ kind: 'numeric', lower: 1, upper: 20 });
  });

  it('peels a categorical input one category at a time, as worked by hand', () => {
    // type A A A A B B B C C C, z = 1 … 10, cases 1 1 1 0 | 1 0 0 | 0 0 0. Step 1: dropping C gains
    // (4/7 − 0.4)/3 = 0.057, more than cutting z = 10 (0.044). Then z ≤ 6.5 (gain 0.095 against 0.060 for
    // dropping B), z ≤ 5.5 (0.133 against 0.042), and dropping A (0.05) leaves the one row z = 5.
    const type = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C'];
    const cases = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0];
    const data = type.map((t, i) => ({ type: t, z: i + 1 }));
    const r = prim(data, cases, { peelAlpha: 0.1 });
    expect(r.trajectory.map((s) => s.limits)).toEqual([
      {},
      { type: { kind: 'categorical', categories: ['A', 'B'] } },
      { z: { kind: 'numeric', lower: 1, upper: 6.5 }, type: { kind: 'categorical', categories: ['A', 'B'] } },
      { z: { kind: 'numeric', lower: 1, upper: 5.5 }, type: { kind: 'categorical', categories: ['A', 'B'] } },
      { z: { kind: 'numeric', lower: 1, upper: 5.5 }, type: { kind: 'categorical', categories: ['B'] } },
    ]);
    expect(r.trajectory.map((s) => [s.coverage, s.density, s.mass])).toEqual([
      [1, 0.4, 1],
      [1, 4 / 7, 0.7],
      [1, 4 / 6, 0.6],
      [1, 0.8, 0.5],
      [0.25, 1, 0.1],
    ]);
    expect(r.chosen).toBe(3);
    expect(r.box.restricted).toEqual(['z', 'type']);
    // Box 3 holds 4 cases in 5 rows. Without z's limit: types A, B, density 4/7; without the type limit the box
    // keeps the same rows (C lies above z = 5.5), density 0.8 — that restriction adds nothing.
    expect(r.quasiP.z.upper).toBeCloseTo(tail(4, 5, 4 / 7), 8);
    expect(r.quasiP.type.categories).toBeCloseTo(tail(4, 5, 0.8), 8);
    expect(primQuasiP(data, cases, r.trajectory[3].limits)).toEqual(r.quasiP);
    // Box 2 (z ≤ 6.5, types A, B: 4 cases in 6 rows): without z's limit density 4/7; without the type limit the
    // same six rows (C starts at z = 8), density 4/6.
    expect(primQuasiP(data, cases, r.trajectory[2].limits)).toEqual({ z: { upper: expect.closeTo(tail(4, 6, 4 / 7), 8) }, type: { categories: expect.closeTo(tail(4, 6, 4 / 6), 8) } });
  });

  it('pastes a limit back when that raises the density', () => {
    // Cases: u > 0.3, except every 8th row above u = 0.45. A coarse peel (0.2) overshoots u's lower limit to 0.36;
    // the strip 0.3 < u < 0.36 is all cases, so pasting moves the limit back down, towards 0.3 and never past it.
    const data = Array.from({ length: 200 }, (_, i) => ({ u: (i + 0.5) / 200, v: ((i * 37) % 200) / 200 }));
    const cases = data.map((d, i) => d.u > 0.3 && (d.u < 0.45 || i % 8 !== 0));
    const r = prim(data, cases, { peelAlpha: 0.2, massMin: 0.05 });
    const pastes = r.trajectory.filter((s) => s.phase === 'paste');
    expect(pastes.length).toBeGreaterThan(0);
    const lastPeel = r.trajectory[pastes[0].index - 1];
    expect(lastPeel.limits.u).toMatchObject({ lower: 0.36 });
    for (const s of pastes) {
      const before = r.trajectory[s.index - 1];
      expect(s.mass).toBeGreaterThan(before.mass);
      expect(s.density).toBeGreaterThan(before.density);
      const lower = (s.limits.u as { lower: number }).lower;
      expect(lower).toBeLessThan((before.limits.u as { lower: number }).lower);
      expect(lower).toBeGreaterThan(0.3);
    }
    expect(prim(data, cases, { peelAlpha: 0.2, paste: false }).trajectory).toEqual(r.trajectory.filter((s) => s.phase !== 'paste'));
  });

  it('integer weights give the same trajectory as duplicated rows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), fc.constantFrom(0.05, 0.1, 0.2), (seed, peelAlpha) => {
        const rng = streamFor(seed, 1);
        const data = Array.from({ length: 60 }, () => ({ a: Math.round(rng.nextDouble() * 20) / 2, b: rng.nextDouble(), kind: rng.nextDouble() < 0.5 ? 'p' : rng.nextDouble() < 0.5 ? 'q' : 'r' }));
        const cases = data.map((d) => (d.a > 4 && d.kind !== 'r') || d.b > 0.9);
        const weights = data.map(() => Math.floor(rng.nextDouble() * 4)); // 0 … 3: a zero weight drops the row
        fc.pre(weights.some((w, i) => w > 0 && cases[i]));
        const weighted = prim(data, cases, { weights, peelAlpha });
        const dupData = data.flatMap((d, i) => Array.from({ length: weights[i] }, () => d));
        const dupCases = cases.flatMap((c, i) => Array.from({ length: weights[i] }, () => c));
        const duplicated = prim(dupData, dupCases, { peelAlpha });
        expect(weighted.trajectory.map(summary)).toEqual(duplicated.trajectory.map(summary));
        expect(weighted.chosen).toBe(duplicated.chosen);
      }),
      { numRuns: 25 },
    );
  });

  it('thresholds numeric outputs and rejects unclear ones', () => {
    const data = Array.from({ length: 40 }, (_, i) => ({ s: i }));
    const out = data.map((d) => d.s / 40);
    expect(prim(data, out, { above: 0.5 }).trajectory.map(summary)).toEqual(prim(data, out.map((o) => o > 0.5)).trajectory.map(summary));
    expect(() => prim(data, out)).toThrow(/boolean or 0\/1/);
    expect(() => prim(data, out.slice(1), { above: 0.5 })).toThrow(/40 rows/);
    expect(() => prim(data, out, { above: 0.5, peelAlpha: 0.7 })).toThrow(/peelAlpha/);
  });

  it('peels raise the density and shrink the mass at every step (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), fc.double({ min: 0.02, max: 0.3, noNaN: true }), (seed, alpha) => {
        const rng = streamFor(seed, 2);
        const data = Array.from({ length: 80 }, () => ({ a: rng.nextDouble(), b: Math.floor(rng.nextDouble() * 5), c: rng.nextDouble() < 0.5 ? 'x' : 'y' }));
        const cases = data.map((d) => rng.nextDouble() < (d.a > 0.5 ? 0.7 : 0.2));
        const r = prim(data, cases, { peelAlpha: alpha, massMin: 0.1 });
        for (let k = 1; k < r.trajectory.length; k++) {
          const [a, b] = [r.trajectory[k - 1], r.trajectory[k]];
          expect(b.density).toBeGreaterThan(a.density);
          if (b.phase === 'peel') {
            expect(b.mass).toBeLessThan(a.mass);
            expect(b.coverage).toBeLessThanOrEqual(a.coverage);
          } else expect(b.mass).toBeGreaterThan(a.mass);
          expect(b.mass).toBeGreaterThanOrEqual(0.1);
        }
        const chosen = r.box;
        if (r.thresholdMet) expect(chosen.density).toBeGreaterThanOrEqual(0.8);
        for (const p of Object.values(r.quasiP)) for (const v of Object.values(p)) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
