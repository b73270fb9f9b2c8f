import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logm } from '../../src/math/logm.js';
import { expectClose, golden } from '../estimate/golden.js';

/** Reference exponential for the tests only: scaling and squaring with a 30-term Taylor series. */
function expmTaylor(a: number[][]): number[][] {
  const norm = Math.max(...a.map((r) => r.reduce((s, v) => s + Math.abs(v), 0)));
  const s = Math.max(0, Math.ceil(Math.log2(norm)) + 1);
  const x = a.map((r) => r.map((v) => v / 2 ** s));
  const mul = (p: number[][], q: number[][]) => p.map((r) => q[0].map((_, j) => r.reduce((acc, v, k) => acc + v * q[k][j], 0)));
  let term: number[][] = x.map((r, i) => r.map((_, j) => (i === j ? 1 : 0)));
  let sum = term.map((r) => r.slice());
  for (let k = 1; k <= 30; k++) {
    term = mul(term, x).map((r) => r.map((v) => v / k));
    sum = sum.map((r, i) => r.map((v, j) => v + term[i][j]));
  }
  for (let i = 0; i < s; i++) sum = mul(sum, sum);
  return sum;
}

describe('logm', () => {
  it('is the elementwise log on diagonal matrices', () => {
    expectClose(logm([[Math.E, 0, 0], [0, 2, 0], [0, 0, 1e-3]]), [[1, 0, 0], [0, Math.LN2, 0], [0, 0, Math.log(1e-3)]], 1e-13, 1e-14);
  });

  it('gives the rotation generator [[0, −θ], [θ, 0]] for a rotation by θ (|θ| < π)', () => {
    for (const th of [0.1, 1, 2.5, 3.1]) {
      const L = logm([[Math.cos(th), -Math.sin(th)], [Math.sin(th), Math.cos(th)]]);
      expectClose(L, [[0, -th], [th, 0]], 1e-12, 1e-12);
    }
  });

  it('matches scipy.linalg.logm on symmetric, non-symmetric, near-identity and large matrices', () => {
    for (const c of Object.values(golden.logm) as { A: number[][]; logA: number[][] }[]) {
      expectClose(logm(c.A), c.logA, 1e-10, 1e-14);
    }
  });

  it('inverts the exponential: exp(logm(exp(X))) = exp(X) for random X', () => {
    const entry = fc.double({ min: -1.5, max: 1.5, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })), (X) => {
        const A = expmTaylor(X);
        const back = expmTaylor(logm(A));
        const scale = Math.max(...A.flat().map(Math.abs));
        expectClose(back, A, 1e-9, 1e-10 * scale);
      }),
      { seed: 11, numRuns: 80 },
    );
  });

  it('refuses matrices with an eigenvalue on the closed negative real axis', () => {
    expect(() => logm([[-1, 0], [0, 2]])).toThrow(RangeError);
    expect(() => logm([[0, 1], [0, 0]])).toThrow(/negative real axis/);
  });
});
