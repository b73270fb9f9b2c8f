import { EstimationError } from './leastSquares.js';

/** Small dense-matrix helpers on arrays of rows, for the estimators' k × k algebra. */

/** Product of two dense matrices given as arrays of rows. */
export function matMul(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const m = b[0].length;
  const inner = b.length;
  const out = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < inner; c++) {
      const v = a[i][c];
      if (v === 0) continue;
      for (let j = 0; j < m; j++) out[i][j] += v * b[c][j];
    }
  }
  return out;
}

/** The identity matrix of order n. */
export function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/**
 * Lower Cholesky factor L of a symmetric positive-definite V (V = L Lᵀ); throws `EstimationError` when V
 * is not positive definite.
 */
export function choleskyLower(V: number[][], what = 'covariance'): number[][] {
  const q = V.length;
  const L = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let s = V[i][j];
      for (let c = 0; c < j; c++) s -= L[i][c] * L[j][c];
      if (i === j) {
        if (!(s > 0)) throw new EstimationError(`singular ${what}: not positive definite`);
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  return L;
}

/** bᵀ V⁻¹ b for a small symmetric positive-definite V, through its Cholesky factor. */
export function waldQuadratic(b: number[], V: number[][]): number {
  const L = choleskyLower(V, 'covariance in a Wald test');
  let out = 0;
  const z = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let c = 0; c < i; c++) s -= L[i][c] * z[c];
    z[i] = s / L[i][i];
    out += z[i] * z[i];
  }
  return out;
}

/** log det of a symmetric positive-definite V, 2 Σ ln L_ii. */
export function logDetSpd(V: number[][], what = 'covariance'): number {
  const L = choleskyLower(V, what);
  return 2 * L.reduce((s, row, i) => s + Math.log(row[i]), 0);
}

/** Solves A x = b for a symmetric positive-definite A by Cholesky; throws `EstimationError` otherwise. */
export function solveSpd(A: number[][], b: number[], what = 'matrix'): number[] {
  const L = choleskyLower(A, what);
  const q = b.length;
  const z = new Array<number>(q);
  for (let i = 0; i < q; i++) {
    let s = b[i];
    for (let c = 0; c < i; c++) s -= L[i][c] * z[c];
    z[i] = s / L[i][i];
  }
  const x = new Array<number>(q);
  for (let i = q - 1; i >= 0; i--) {
    let s = z[i];
    for (let c = i + 1; c < q; c++) s -= L[c][i] * x[c];
    x[i] = s / L[i][i];
  }
  return x;
}

/** Inverse of a symmetric positive-definite A (column j solves A x = e_j; by symmetry it is also row j). */
export function invertSpd(A: number[][], what = 'matrix'): number[][] {
  return A.map((_, j) => solveSpd(A, A.map((__, i) => (i === j ? 1 : 0)), what));
}
