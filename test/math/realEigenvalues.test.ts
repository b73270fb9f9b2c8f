import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigenvalues } from '../../src/math/eigen.js';
import { NumericalError } from '../../src/math/numericalError.js';
import { realEigenvalues, SWEEPS_PER_ROOT } from '../../src/math/realEigenvalues.js';
import { companionMatrix } from '../../src/estimate/varSummary.js';

// The eigenvalue-only solver must give `eigenvalues`' numbers exactly (Object.is on every part): the VAR summary's
// companion roots moved from one to the other, and its recorded outputs must not change.
const same = (A: number[][]) => {
  const a = realEigenvalues(A);
  const b = eigenvalues(A);
  expect(a.length).toBe(b.length);
  a.forEach((z, i) => {
    expect(Object.is(z.re, b[i].re) && Object.is(z.im, b[i].im), `${JSON.stringify(z)} vs ${JSON.stringify(b[i])}`).toBe(true);
  });
};

// Entries on a grid of 1/1024 steps: subnormal draws would only test the iteration's thresholds.
const entry = fc.integer({ min: -2048, max: 2048 }).map((k) => k / 1024);
const square = (n: number) => fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n });

describe('realEigenvalues', () => {
  it('equals eigenvalues() bit for bit on random non-symmetric matrices', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }).chain(square), same), { seed: 4242, numRuns: 150 });
  });

  it('equals eigenvalues() bit for bit on random symmetric matrices', () => {
    const sym = fc.integer({ min: 1, max: 12 }).chain(square).map((A) => A.map((row, i) => row.map((v, j) => (j <= i ? v : A[j][i]))));
    fc.assert(fc.property(sym, same), { seed: 4243, numRuns: 150 });
  });

  it('equals eigenvalues() bit for bit on VAR companion matrices (K ≤ 4, p ≤ 8) and structured cases', () => {
    const coefs = fc
      .record({ K: fc.integer({ min: 1, max: 4 }), p: fc.integer({ min: 1, max: 8 }), shrink: fc.integer({ min: 1, max: 20 }).map((k) => k / 20) })
      .chain(({ K, p, shrink }) => fc.array(square(K).map((A) => A.map((row) => row.map((v) => v * shrink))), { minLength: p, maxLength: p }));
    fc.assert(fc.property(coefs, (c) => same(companionMatrix(c))), { seed: 4244, numRuns: 150 });
    for (const A of [[[0, 1], [-1, 0]], [[0]], [[1e-300, 1], [0, 3]], [[5e8, 1], [2, -3e8]], [[0, 0], [0, 0]], [[1, 2, 0], [0, 1, 2], [0, 0, 1]]]) same(A);
  });

  it('rejects non-finite entries and non-square input', () => {
    expect(() => realEigenvalues([[1, NaN], [0, 1]])).toThrow(/not finite/);
    expect(() => realEigenvalues([[1, 2]])).toThrow(/square/);
  });

  it('stops an iteration that runs out of sweeps with a NumericalError, and the default budget is never reached on random input', () => {
    const nonSymmetric = [[1, 2, 3], [4, 5, 6], [7, 8, 10]], symmetric = [[2, 1, 0], [1, 2, 1], [0, 1, 2]];
    for (const A of [nonSymmetric, symmetric]) {
      expect(() => realEigenvalues(A, { maxSweeps: 0 })).toThrow(NumericalError);
      expect(() => realEigenvalues(A, { maxSweeps: 0 })).toThrow(/did not converge/);
      same(A); // within the default budget, and the reference's values
    }
    // The tridiagonal [1 2 1] matrix's eigenvalues in closed form: 2 − √2, 2, 2 + √2.
    realEigenvalues(symmetric, { maxSweeps: SWEEPS_PER_ROOT * 3 }).forEach((z, k) => expect(z.re).toBeCloseTo([2 - Math.SQRT2, 2, 2 + Math.SQRT2][k], 14));
    // Entries of twelve orders of magnitude, signs and zeros mixed: within the default budget every time.
    const magnitude = fc.tuple(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.boolean()).map(([v, negative]) => (negative ? -v : v));
    const sane = fc.integer({ min: 1, max: 10 }).chain((n) => fc.array(fc.array(fc.oneof(magnitude, fc.constant(0)), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));
    fc.assert(fc.property(sane, (A) => realEigenvalues(A).length === A.length), { seed: 4245, numRuns: 300 });
    // Entries over six hundred orders of magnitude, subnormals included: either the values or a NumericalError —
    // such a matrix once needed between 10⁵ and 10⁷ sweeps, a hang in practice, and stops now.
    const extreme = [[0, 0, 7.892716163929713e-104, 0], [1.0007972939622244e-306, 0, -2.6250393098603006e-276, 0], [1.0334244420463066e-306, 0, 0, 0], [4.5453590708979273e-305, 0, 0, 0]];
    expect(() => realEigenvalues(extreme)).toThrow(NumericalError);
    const wide = fc.oneof(fc.double({ min: -1e30, max: 1e30, noNaN: true }), fc.double({ min: -1e-300, max: 1e-300, noNaN: true }), fc.constant(0));
    const anything = fc.integer({ min: 1, max: 10 }).chain((n) => fc.array(fc.array(wide, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(anything, (A) => {
        try {
          return realEigenvalues(A).length === A.length;
        } catch (err) {
          return err instanceof NumericalError;
        }
      }),
      { seed: 4246, numRuns: 300 },
    );
  });
});
