import { EigenvalueDecomposition, Matrix, inverse, solve } from 'ml-matrix';

/** Options of {@link logm}. */
export interface LogmOptions {
  /** Square roots are taken until ‖A^(1/2^s) − I‖₁ ≤ this bound. @default 0.25 */
  threshold?: number;
  /** Gauss–Legendre nodes of the [m/m] Padé approximant of log(I + X). @default 8 */
  nodes?: number;
}

/**
 * Principal real matrix logarithm by inverse scaling and squaring (Kenney & Laub 1989; Higham, Functions of
 * Matrices, 2008, §11.5): repeated Denman–Beavers square roots bring A close to I, then log(I + X) is evaluated
 * as the [m/m] Padé approximant in partial fractions, Σ w_j X (I + t_j X)⁻¹ with Gauss–Legendre nodes t_j and
 * weights w_j on [0, 1], and the result is scaled back by 2^s. With ‖X‖ ≤ 0.25 and m = 8 the truncation error is
 * below 1e−17. Throws a RangeError when A has an eigenvalue on the closed negative real axis (no principal real
 * logarithm exists: for a fitted discrete system, no continuous-time system of the same order generates it).
 * Example: `logm([[Math.E, 0], [0, 1]])` → `[[1, 0], [0, 0]]`.
 */
export function logm(a: number[][], options: LogmOptions = {}): number[][] {
  const n = a.length;
  if (n === 0 || a.some((row) => row.length !== n)) throw new RangeError('logm needs a non-empty square matrix');
  if (a.some((row) => row.some((v) => !Number.isFinite(v)))) throw new RangeError('logm: the matrix holds NaN or Infinity');
  const A = new Matrix(a);
  const evd = new EigenvalueDecomposition(A);
  const scale = Math.max(...a.map((row) => row.reduce((s, v) => s + Math.abs(v), 0)));
  evd.realEigenvalues.forEach((re, i) => {
    const im = evd.imaginaryEigenvalues[i];
    if (re <= 1e-14 * scale && Math.abs(im) <= 1e-14 * scale) {
      throw new RangeError(`logm: eigenvalue ${re} lies on the closed negative real axis; no principal real logarithm`);
    }
  });
  const threshold = options.threshold ?? 0.25;
  const I = Matrix.eye(n);
  let R = A;
  let s = 0;
  while (norm1(Matrix.sub(R, I)) > threshold) {
    if (s >= 64) throw new RangeError('logm: square roots did not approach the identity');
    R = sqrtmDenmanBeavers(R);
    s++;
  }
  const X = Matrix.sub(R, I);
  const { t, w } = gaussLegendre(options.nodes ?? 8);
  let L = Matrix.zeros(n, n);
  for (let j = 0; j < t.length; j++) {
    // X and I + tX commute, so X (I + tX)⁻¹ = (I + tX)⁻¹ X: one linear solve per node.
    const term = solve(Matrix.add(I, Matrix.mul(X, t[j])), X);
    L = Matrix.add(L, Matrix.mul(term, w[j]));
  }
  return Matrix.mul(L, 2 ** s).to2DArray();
}

/** Principal square root by the Denman–Beavers iteration Y ← (Y + Z⁻¹)/2, Z ← (Z + Y⁻¹)/2 (Y → A^½). */
function sqrtmDenmanBeavers(A: Matrix): Matrix {
  let Y = A.clone();
  let Z = Matrix.eye(A.rows);
  for (let k = 0; k < 100; k++) {
    const Yi = inverse(Y);
    const Zi = inverse(Z);
    const Yn = Matrix.add(Y, Zi).mul(0.5);
    Z = Matrix.add(Z, Yi).mul(0.5);
    const change = norm1(Matrix.sub(Yn, Y));
    Y = Yn;
    if (change <= 1e-15 * norm1(Y)) break;
  }
  return Y;
}

function norm1(m: Matrix): number {
  let best = 0;
  for (let j = 0; j < m.columns; j++) {
    let s = 0;
    for (let i = 0; i < m.rows; i++) s += Math.abs(m.get(i, j));
    best = Math.max(best, s);
  }
  return best;
}

/** Gauss–Legendre nodes and weights on [0, 1], by Newton's method on the Legendre polynomial P_m. */
function gaussLegendre(m: number): { t: number[]; w: number[] } {
  const t: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= m; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (m + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= m; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      dp = (m * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    t.push((1 - x) / 2);
    w.push(1 / ((1 - x * x) * dp * dp));
  }
  return { t, w };
}
