import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../src/estimate/leastSquares.js';

// The QR least squares checked against solutions that do not go through it: the normal equations XᵀX b = Xᵀy
// solved by Gaussian elimination with partial pivoting (accurate on the well-conditioned designs drawn here), and
// exact recovery of a planted coefficient vector when the responses have no noise.

/** Solves A x = b (A square, rows) by Gaussian elimination with partial pivoting. */
function gaussSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const a = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let j = c; j <= n; j++) a[r][j] -= f * a[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let j = r + 1; j < n; j++) s -= a[r][j] * x[j];
    x[r] = s / a[r][r];
  }
  return x;
}

/** A design with an intercept and k − 1 columns drawn in [-1, 1] plus a diagonal-ish boost (well conditioned). */
const problem = fc
  .record({ k: fc.integer({ min: 1, max: 8 }), extra: fc.integer({ min: 2, max: 40 }), M: fc.integer({ min: 1, max: 3 }) })
  .chain(({ k, extra, M }) => {
    const T = k + extra;
    const cell = fc.double({ min: -1, max: 1, noNaN: true });
    return fc.record({
      rows: fc.array(fc.array(cell, { minLength: k, maxLength: k }), { minLength: T, maxLength: T }),
      ys: fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: M, maxLength: M }), { minLength: T, maxLength: T }),
      beta: fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: M, maxLength: M }), { minLength: k, maxLength: k }),
    });
  })
  .map(({ rows, ys, beta }) => ({
    // Intercept, and each column i gets a spike at row i so that the design is comfortably of full rank.
    rows: rows.map((row, t) => row.map((v, r) => (r === 0 ? 1 : v + (t === r ? 3 : 0)))),
    ys,
    beta,
  }));

const xtx = (rows: number[][]) => rows[0].map((_, a) => rows[0].map((__, b) => rows.reduce((s, row) => s + row[a] * row[b], 0)));

describe('Householder least squares', () => {
  it('matches the normal equations on well-conditioned random problems', () => {
    fc.assert(
      fc.property(problem, ({ rows, ys }) => {
        const fit = leastSquares(rows, ys);
        const A = xtx(rows);
        for (let m = 0; m < ys[0].length; m++) {
          const reference = gaussSolve(A, rows[0].map((_, a) => rows.reduce((s, row, t) => s + row[a] * ys[t][m], 0)));
          const scale = Math.max(1, ...reference.map(Math.abs));
          for (let r = 0; r < reference.length; r++) expect(Math.abs(fit.beta[r][m] - reference[r])).toBeLessThan(1e-9 * scale);
        }
        // (XᵀX)⁻¹ times XᵀX is the identity.
        for (let a = 0; a < A.length; a++) {
          for (let b = 0; b < A.length; b++) {
            const p = A[a].reduce((s, v, c) => s + v * fit.xtxInv[c][b], 0);
            expect(Math.abs(p - (a === b ? 1 : 0))).toBeLessThan(1e-9);
          }
        }
      }),
      { seed: 2020, numRuns: 120 },
    );
  });

  it('recovers a planted coefficient vector from noise-free responses, residuals ~0, Q orthonormal', () => {
    fc.assert(
      fc.property(problem, ({ rows, beta }) => {
        const M = beta[0].length;
        const ys = rows.map((row) => Array.from({ length: M }, (_, m) => row.reduce((s, v, r) => s + v * beta[r][m], 0)));
        const fit = leastSquares(rows, ys, undefined, true);
        for (let r = 0; r < beta.length; r++) {
          for (let m = 0; m < M; m++) expect(Math.abs(fit.beta[r][m] - beta[r][m])).toBeLessThan(1e-10 * Math.max(1, Math.abs(beta[r][m])) + 1e-10);
        }
        for (const e of fit.resid) for (const v of e) expect(Math.abs(v)).toBeLessThan(1e-9);
        const q = fit.q!;
        for (let a = 0; a < beta.length; a++) {
          for (let b = 0; b < beta.length; b++) {
            const p = q.reduce((s, row) => s + row[a] * row[b], 0);
            expect(Math.abs(p - (a === b ? 1 : 0))).toBeLessThan(1e-12);
          }
        }
      }),
      { seed: 2021, numRuns: 120 },
    );
  });
});
