import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PADE_COEFFICIENTS, type PadeDegree, expm, expmPlan, expmRowMajor, expmWithInfo } from '../../src/math/expm.js';
import { type Rows, frobenius, identity, minus, relativeError, rows, scaled, times } from './matrixHelpers.js';

const TOL = 1e-9;
const seed = 20240601;

function diag(d: number[]): Rows {
  return d.map((v, i) => d.map((_, j) => (i === j ? v : 0)));
}

describe('expm: closed forms', () => {
  it('exponentiates a diagonal matrix entrywise, from tiny to large norms', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { minLength: 1, maxLength: 6 }), (d) => {
        expect(relativeError(expm(diag(d)), diag(d.map(Math.exp)))).toBeLessThan(TOL);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('matches Math.exp for 1×1 matrices over the whole double range', () => {
    for (const x of [-700, -100, -1, -1e-3, 0, 1e-8, 0.3, 2, 37, 700]) {
      expect(Math.abs(expm([[x]]).get(0, 0) / Math.exp(x) - 1)).toBeLessThan(TOL);
    }
  });

  it('sums the finite series I + N + N²/2 + N³/6 for a nilpotent (strictly upper triangular) N', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }), (u) => {
        const N: Rows = [
          [0, u[0]!, u[1]!, u[2]!],
          [0, 0, u[3]!, u[4]!],
          [0, 0, 0, u[5]!],
          [0, 0, 0, 0],
        ];
        const N2 = times(N, N);
        const N3 = times(N2, N);
        const series = identity(4).map((r, i) => r.map((v, j) => v + N[i]![j]! + N2[i]![j]! / 2 + N3[i]![j]! / 6));
        expect(relativeError(expm(N), series)).toBeLessThan(TOL);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('turns the generator [[0, −t], [t, 0]] into a rotation by t, also for t = 100 (squaring path)', () => {
    for (const t of [1e-6, 0.01, 0.2, 0.9, 2, 5, 12, 100]) {
      const R = [
        [Math.cos(t), -Math.sin(t)],
        [Math.sin(t), Math.cos(t)],
      ];
      expect(relativeError(expm([[0, -t], [t, 0]]), R)).toBeLessThan(TOL);
    }
  });

  it('gives e^{λt}[[1, t, t²/2], [0, 1, t], [0, 0, 1]] for a defective 3×3 Jordan block λI + N times t', () => {
    for (const [lambda, t] of [[-0.5, 1], [0.3, 2], [-2, 7], [1.5, 0.01], [0, 30]] as const) {
      const J: Rows = [
        [lambda * t, t, 0],
        [0, lambda * t, t],
        [0, 0, lambda * t],
      ];
      const closed = scaled([[1, t, (t * t) / 2], [0, 1, t], [0, 0, 1]], Math.exp(lambda * t));
      expect(relativeError(expm(J), closed)).toBeLessThan(TOL);
    }
  });

  it('handles a 4×4 Jordan block and a block-diagonal mix of a Jordan block and a rotation', () => {
    const l = -1.2;
    const J4: Rows = [[l, 1, 0, 0], [0, l, 1, 0], [0, 0, l, 1], [0, 0, 0, l]];
    const e = Math.exp(l);
    const closed4 = scaled([[1, 1, 1 / 2, 1 / 6], [0, 1, 1, 1 / 2], [0, 0, 1, 1], [0, 0, 0, 1]], e);
    expect(relativeError(expm(J4), closed4)).toBeLessThan(TOL);
    const w = 3;
    const M: Rows = [[2, 1, 0, 0], [0, 2, 0, 0], [0, 0, 0, -w], [0, 0, w, 0]];
    const e2 = Math.exp(2);
    const closedM: Rows = [
      [e2, e2, 0, 0],
      [0, e2, 0, 0],
      [0, 0, Math.cos(w), -Math.sin(w)],
      [0, 0, Math.sin(w), Math.cos(w)],
    ];
    expect(relativeError(expm(M), closedM)).toBeLessThan(TOL);
  });

  it('solves a 2×2 Richardson system with distinct real eigenvalues as derived by hand', () => {
    // dx/dt = −3x + y, dy/dt = 2x − 2y: fatigue 3 and 2, reactions 1 and 2. Eigenvalues −1 and −4 (trace −5,
    // determinant 4); Sylvester's formula e^{At} = e^{−t}(A + 4I)/3 − e^{−4t}(A + I)/3.
    const A: Rows = [[-3, 1], [2, -2]];
    for (const t of [0, 0.1, 1, 2.5, 10]) {
      const a = Math.exp(-t);
      const b = Math.exp(-4 * t);
      const closed: Rows = [
        [(a + 2 * b) / 3, (a - b) / 3],
        [(2 * a - 2 * b) / 3, (2 * a + b) / 3],
      ];
      expect(relativeError(expm(scaled(A, t)), closed)).toBeLessThan(TOL);
    }
  });

  it('stays accurate at large norms: P·diag(e^20, e^−35)·P⁻¹ and a scaled non-normal 3×3', () => {
    // A = P D P⁻¹ with P = [[1, 1], [0, 1]]: A = [[20, −55], [0, −35]].
    const big = expmWithInfo([[20, -55], [0, -35]]);
    expect(big.info).toEqual({ degree: 13, squarings: 5 });
    const [p, q] = [Math.exp(20), Math.exp(-35)];
    expect(relativeError(big.value, [[p, q - p], [0, q]])).toBeLessThan(TOL);
    // Upper triangular with distinct diagonal: e^A_12 = a(e^{d1} − e^{d2})/(d1 − d2), etc. (divided differences).
    const [d1, d2, d3, a12, a23] = [-60, -20, 15, 40, -25];
    const dd = (x: number, y: number) => (Math.exp(x) - Math.exp(y)) / (x - y);
    const dd3 = (dd(d1, d2) - dd(d2, d3)) / (d1 - d3);
    const closed: Rows = [
      [Math.exp(d1), a12 * dd(d1, d2), a12 * a23 * dd3],
      [0, Math.exp(d2), a23 * dd(d2, d3)],
      [0, 0, Math.exp(d3)],
    ];
    expect(relativeError(expm([[d1, a12, 0], [0, d2, a23], [0, 0, d3]]), closed)).toBeLessThan(TOL);
  });
});

describe('expm: identities on seeded random matrices', () => {
  const matrix = (n: number, range: number) =>
    fc.array(fc.array(fc.double({ min: -range, max: range, noNaN: true }), { minLength: n, maxLength: n }), {
      minLength: n,
      maxLength: n,
    });
  const sized = (range: number) => fc.integer({ min: 1, max: 7 }).chain((n) => matrix(n, range));

  it('satisfies e^A·e^{−A} = I (error relative to ‖e^A‖·‖e^{−A}‖)', () => {
    fc.assert(
      fc.property(sized(3), (A) => {
        const E = rows(expm(A));
        const F = rows(expm(scaled(A, -1)));
        const err = frobenius(minus(times(E, F), identity(A.length)));
        expect(err / (frobenius(E) * frobenius(F))).toBeLessThan(TOL);
      }),
      { seed, numRuns: 150 },
    );
  });

  it('satisfies e^{(s+t)A} = e^{sA}·e^{tA}', () => {
    fc.assert(
      fc.property(sized(2), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (A, s, t) => {
        const Es = rows(expm(scaled(A, s)));
        const Et = rows(expm(scaled(A, t)));
        const err = frobenius(minus(rows(expm(scaled(A, s + t))), times(Es, Et)));
        expect(err / (frobenius(Es) * frobenius(Et))).toBeLessThan(TOL);
      }),
      { seed, numRuns: 150 },
    );
  });
});

describe('expm: algorithm and edge cases', () => {
  it('uses the Padé coefficients (2m−j)!·m!/((2m)!·j!·(m−j)!) up to a common factor', () => {
    const fact = (k: number): bigint => (k <= 1 ? 1n : BigInt(k) * fact(k - 1));
    for (const m of [3, 5, 7, 9, 13] as PadeDegree[]) {
      const b = PADE_COEFFICIENTS[m];
      expect(b).toHaveLength(m + 1);
      for (let j = 0; j <= m; j++) {
        // c_j/c_0 = (2m−j)!·m! / ((2m)!·j!·(m−j)!) computed exactly, then compared to b_j/b_0.
        const num = fact(2 * m - j) * fact(m);
        const den = fact(2 * m) * fact(j) * fact(m - j);
        const exact = Number((num * 10n ** 30n) / den) / 1e30;
        expect(Math.abs(b[j]! / b[0]! / exact - 1)).toBeLessThan(1e-14);
      }
    }
  });

  it('picks the lowest sufficient degree and scales only beyond θ₁₃ (Higham 2005, Table 2.3)', () => {
    expect(expmPlan(0.01)).toEqual({ degree: 3, squarings: 0 });
    expect(expmPlan(0.2)).toEqual({ degree: 5, squarings: 0 });
    expect(expmPlan(0.9)).toEqual({ degree: 7, squarings: 0 });
    expect(expmPlan(2)).toEqual({ degree: 9, squarings: 0 });
    expect(expmPlan(5)).toEqual({ degree: 13, squarings: 0 });
    expect(expmPlan(5.4)).toEqual({ degree: 13, squarings: 1 });
    expect(expmPlan(1000)).toEqual({ degree: 13, squarings: 8 });
  });

  it('gives the same result on row-major arrays as on matrices, without touching the input', () => {
    const flat = Float64Array.from([0.5, -2, 3, 1.5, 0, 7, -1, 4, -6]);
    const copy = flat.slice();
    const { value } = expmRowMajor(flat, 3);
    expect(flat).toEqual(copy);
    expect(Array.from(value)).toEqual(rows(expm([[0.5, -2, 3], [1.5, 0, 7], [-1, 4, -6]])).flat());
  });

  it('returns the identity for the zero matrix and leaves its input unchanged', () => {
    const A = [[0, 0], [0, 0]];
    expect(rows(expm(A))).toEqual(identity(2));
    const B = [[1, 2], [3, 4]];
    expm(B);
    expect(B).toEqual([[1, 2], [3, 4]]);
  });

  it('rejects non-square and non-finite input and reports overflow', () => {
    expect(() => expm([[1, 2]])).toThrow(/square/);
    expect(() => expm([[Number.NaN]])).toThrow(/not finite/);
    expect(() => expm([[800]])).toThrow(/overflow/);
  });
});
