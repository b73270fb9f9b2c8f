import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Complex, ComplexVector } from '../../src/math/complex.js';
import {
  eigenSystem,
  eigenvalueSensitivity,
  eigenvalues,
  equilibrium,
  stability,
  topCouplings,
} from '../../src/math/eigen.js';
import { type Rows, frobenius } from './matrixHelpers.js';

const seed = 31337;

/** ‖A v − λ v‖₂ for a complex vector v (right eigenpair residual). */
function rightResidual(A: Rows, lambda: Complex, v: ComplexVector): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) {
    let re = -(lambda.re * v.re[i]! - lambda.im * v.im[i]!);
    let im = -(lambda.re * v.im[i]! + lambda.im * v.re[i]!);
    for (let j = 0; j < A.length; j++) (re += A[i]![j]! * v.re[j]!), (im += A[i]![j]! * v.im[j]!);
    s += re * re + im * im;
  }
  return Math.sqrt(s);
}

/** ‖yᴴA − λyᴴ‖₂: conjugating, ‖Aᵀy − conj(λ)y‖₂. */
function leftResidual(A: Rows, lambda: Complex, y: ComplexVector): number {
  const At = A[0]!.map((_, j) => A.map((r) => r[j]!));
  return rightResidual(At, { re: lambda.re, im: -lambda.im }, y);
}

function leading(A: Rows): Complex {
  return eigenvalues(A).at(-1)!;
}

// Dense random matrices with entries uniform in [−5, 5]: generic, so eigenvalues are simple almost surely
// (repeated, defective eigenvalues have no well-defined eigenvectors; see the Jordan-block test).
const randomMatrix = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 2 ** 30 }).map((k) => (k / 2 ** 30) * 10 - 5), { minLength: n, maxLength: n }), {
      minLength: n,
      maxLength: n,
    }),
  );

describe('eigenSystem: identities', () => {
  it('gives A·v = λ·v and yᴴ·A = λ·yᴴ with unit vectors, sorted by real then imaginary part', () => {
    fc.assert(
      fc.property(randomMatrix, (A) => {
        const { values, right, left } = eigenSystem(A);
        const scale = Math.max(frobenius(A), 1);
        expect(values).toHaveLength(A.length);
        values.forEach((lambda, k) => {
          expect(rightResidual(A, lambda, right[k]!)).toBeLessThan(1e-10 * scale);
          expect(leftResidual(A, lambda, left[k]!)).toBeLessThan(1e-10 * scale);
          const norm = Math.hypot(...right[k]!.re, ...right[k]!.im);
          expect(Math.abs(norm - 1)).toBeLessThan(1e-12);
          if (k > 0) {
            const prev = values[k - 1]!;
            expect(prev.re < lambda.re || (prev.re === lambda.re && prev.im <= lambda.im)).toBe(true);
          }
        });
      }),
      { seed, numRuns: 200 },
    );
  });

  it('unpacks a complex pair σ ± iω into conjugate vectors [1, ∓i]/√2', () => {
    const [sigma, w] = [-0.3, 2];
    const { values, right, left } = eigenSystem([[sigma, -w], [w, sigma]]);
    expect(values).toEqual([{ re: sigma, im: -w }, { re: sigma, im: w }]);
    const r = Math.SQRT1_2;
    expect(right[1]!.re[0]).toBeCloseTo(r, 14);
    expect(right[1]!.im[1]).toBeCloseTo(-r, 14);
    expect(right[0]!.im[1]).toBeCloseTo(r, 14);
    // A is normal, so left and right eigenvectors coincide.
    for (let k = 0; k < 2; k++) {
      for (let i = 0; i < 2; i++) {
        expect(left[k]!.re[i]).toBeCloseTo(right[k]!.re[i]!, 14);
        expect(left[k]!.im[i]).toBeCloseTo(right[k]!.im[i]!, 14);
      }
    }
  });

  it('treats a symmetric matrix: real eigenvalues 1 and 3, left = right, ∂λ/∂A_ij = x_i·x_j', () => {
    const A = [[2, 1], [1, 2]];
    const sys = eigenSystem(A);
    expect(sys.values.map((v) => v.re)).toEqual([expect.closeTo(1, 14), expect.closeTo(3, 14)]);
    expect(sys.values.every((v) => v.im === 0)).toBe(true);
    expect(sys.right[1]!.re).toEqual([expect.closeTo(Math.SQRT1_2, 14), expect.closeTo(Math.SQRT1_2, 14)]);
    expect(sys.left[1]!.re).toEqual(sys.right[1]!.re);
    const s = eigenvalueSensitivity(A);
    expect(s.re.flat()).toEqual([0.5, 0.5, 0.5, 0.5].map((v) => expect.closeTo(v, 14)));
    expect(s.condition).toBeCloseTo(1, 14);
  });
});

describe('eigenvalueSensitivity: against finite differences', () => {
  it('reports an ill-conditioned (defective) eigenvalue through its condition number', () => {
    const s = eigenvalueSensitivity([[2, 1], [0, 2]]);
    expect(s.value).toEqual({ re: 2, im: 0 });
    expect(s.condition).toBeGreaterThan(1e7);
  });

  /** Central difference of the eigenvalue nearest to λ as A_ij moves by ±δ. */
  function finiteDifference(A: Rows, i: number, j: number, lambda: Complex, delta = 1e-6): Complex {
    const near = (B: Rows) =>
      eigenvalues(B).reduce((best, v) =>
        Math.hypot(v.re - lambda.re, v.im - lambda.im) < Math.hypot(best.re - lambda.re, best.im - lambda.im) ? v : best,
      );
    const plus = near(A.map((r, p) => r.map((v, q) => (p === i && q === j ? v + delta : v))));
    const minus = near(A.map((r, p) => r.map((v, q) => (p === i && q === j ? v - delta : v))));
    return { re: (plus.re - minus.re) / (2 * delta), im: (plus.im - minus.im) / (2 * delta) };
  }

  const cases: Record<string, Rows> = {
    'a real leading eigenvalue (3-actor reaction matrix)': [[-0.5, 0.3, 0.1], [0.4, -0.2, 0], [0.05, 0.2, -0.8]],
    'a complex leading pair': [[0.1, -2, 0.3], [1.5, 0.2, -0.4], [0.2, 0.1, -1]],
    'a non-normal upper triangle plus coupling': [[1, 5, 0, 0], [0, 0.5, 3, 0], [0.1, 0, -1, 2], [0, 0.2, 0, -2]],
  };
  for (const [name, A] of Object.entries(cases)) {
    it(`matches central differences for ${name}`, () => {
      const s = eigenvalueSensitivity(A);
      expect(s.value).toEqual(leading(A));
      for (let i = 0; i < A.length; i++) {
        for (let j = 0; j < A.length; j++) {
          const fd = finiteDifference(A, i, j, s.value);
          expect(Math.abs(s.re[i]![j]! - fd.re)).toBeLessThan(1e-7);
          expect(Math.abs(s.im[i]![j]! - fd.im)).toBeLessThan(1e-7);
        }
      }
    });
  }

  it('gives ∂λ_k/∂A_kk = 1 and ∂λ_k/∂A_ij = 0 above the diagonal for an upper triangular matrix', () => {
    const A = [[3, 2, -1], [0, -1, 4], [0, 0, 1]];
    const sys = eigenSystem(A);
    expect(sys.values.map((v) => v.re)).toEqual([-1, 1, 3]);
    sys.values.forEach((_, index) => {
      const s = eigenvalueSensitivity(A, { index, system: sys });
      const k = [1, 2, 0][index]!; // the diagonal position of the sorted eigenvalue
      expect(s.re[k]![k]).toBeCloseTo(1, 12);
      // x_j = 0 for j > k and y_i = 0 for i < k: the upper entries do not move the diagonal's eigenvalues.
      expect(Math.abs(s.re[0]![1]!) + Math.abs(s.re[0]![2]!) + Math.abs(s.re[1]![2]!)).toBeLessThan(1e-12);
    });
  });
});

describe('topCouplings', () => {
  const A = [[-0.5, 0.3, 0.1], [0.4, -0.2, 0], [0.05, 0.2, -0.8]];

  it('ranks off-diagonal entries by |A_ij·∂λ/∂A_ij| (elasticity order) by default', () => {
    const s = eigenvalueSensitivity(A);
    const all = topCouplings(A, { count: 100 });
    expect(all).toHaveLength(6);
    expect(all.every((c) => c.i !== c.j)).toBe(true);
    for (const c of all) expect(c.weight).toBeCloseTo(Math.abs(A[c.i]![c.j]! * s.re[c.i]![c.j]!), 14);
    for (let k = 1; k < all.length; k++) expect(all[k - 1]!.weight).toBeGreaterThanOrEqual(all[k]!.weight);
    // The absent coupling A_23 = 0 ranks last by weight however sensitive λ is to it.
    expect(all.at(-1)).toMatchObject({ i: 1, j: 2, value: 0, weight: 0 });
    expect(topCouplings(A)).toHaveLength(5);
  });

  it('ranks by |∂λ/∂A_ij| on request, and includes the diagonal when asked', () => {
    const bySens = topCouplings(A, { by: 'sensitivity', count: 9, includeDiagonal: true });
    expect(bySens).toHaveLength(9);
    for (let k = 1; k < bySens.length; k++) expect(bySens[k - 1]!.sensitivity).toBeGreaterThanOrEqual(bySens[k]!.sensitivity);
  });
});

describe('equilibrium and stability', () => {
  it('solves x* = −A⁻¹b for the hand-solved Richardson system and satisfies A x* + b = 0', () => {
    expect(equilibrium([[-3, 1], [2, -2]], [4, 8])).toEqual([expect.closeTo(4, 13), expect.closeTo(8, 13)]);
    fc.assert(
      fc.property(randomMatrix, (A) => {
        const b = A.map((_, i) => i + 1);
        const x = equilibrium(A, b, { maxCondition: 1e8 });
        if (x === null) return;
        const residual = A.map((r, i) => r.reduce((s, v, j) => s + v * x[j]!, b[i]!));
        expect(Math.hypot(...residual)).toBeLessThan(1e-6 * Math.max(1, frobenius(A) * Math.hypot(...x)));
      }),
      { seed, numRuns: 100 },
    );
  });

  it('returns null for a singular or nearly singular A', () => {
    expect(equilibrium([[-2, 2], [1, -1]], [1, 1])).toBeNull();
    expect(equilibrium([[0]], [1])).toBeNull();
    expect(equilibrium([[1, 1], [1, 1 + 1e-14]], [1, 1])).toBeNull();
    expect(equilibrium([[1, 1], [1, 1 + 1e-14]], [1, 1], { maxCondition: 1e16 })).not.toBeNull();
  });

  it('calls a system stable, neutral or unstable from the largest real part and the margin', () => {
    expect(stability(eigenvalues([[-1, 0], [0, -0.1]]))).toMatchObject({ verdict: 'stable', stable: true, maxRealPart: -0.1 });
    expect(stability(eigenvalues([[0, -1], [1, 0]])).verdict).toBe('neutral');
    expect(stability(eigenvalues([[-2, 2], [1, -1]])).verdict).toBe('neutral');
    expect(stability(eigenvalues([[0.01, 0], [0, -3]])).verdict).toBe('unstable');
    expect(stability([{ re: -1e-6, im: 0 }], { margin: 1e-5 }).verdict).toBe('neutral');
    expect(stability([{ re: -1e-6, im: 0 }]).verdict).toBe('stable');
  });
});
