import { LuDecomposition, Matrix } from 'ml-matrix';
import { type MatrixInput, norm1RowMajor, rowMajor } from './matrixInput.js';

// Scaling and squaring with diagonal Padé approximants, N. J. Higham, "The scaling and squaring method for the
// matrix exponential revisited", SIAM J. Matrix Anal. Appl. 26(4), 2005, Algorithm 2.3. θ_m is the largest
// 1-norm for which the degree-m approximant's backward error stays below the unit roundoff 2^-53 (Table 2.3).
const THETA: Readonly<Record<PadeDegree, number>> = {
  3: 1.495585217958292e-2,
  5: 2.539398330063230e-1,
  7: 9.504178996162932e-1,
  9: 2.097847961257068e0,
  13: 5.371920351148152e0,
};

/** The degrees of the diagonal Padé approximants the algorithm chooses from. */
export type PadeDegree = 3 | 5 | 7 | 9 | 13;

/**
 * Coefficients b_0..b_m of the [m/m] Padé approximant p_m(x)/p_m(−x) of e^x, scaled to integers
 * (b_j ∝ (2m−j)! m! / ((2m)! j! (m−j)!)), as listed by Higham (2005), eq. (2.2) and Algorithm 2.3.
 */
export const PADE_COEFFICIENTS: Readonly<Record<PadeDegree, readonly number[]>> = {
  3: [120, 60, 12, 1],
  5: [30240, 15120, 3360, 420, 30, 1],
  7: [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1],
  9: [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1],
  13: [
    64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
    10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
  ],
};

/** How `expm` evaluated the exponential: the Padé degree and the number of squarings. */
export interface ExpmInfo {
  degree: PadeDegree;
  squarings: number;
}

// The products run on row-major Float64Arrays: ml-matrix's element-wise operations cost ~1 µs per entry
// through get/set, which would make one 19×19 exponential ~0.7 ms instead of ~0.1 ms. The solve stays on
// ml-matrix's LU.

/** C = X·Y for n×n row-major matrices. */
function product(X: Float64Array, Y: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const x = X[row + k]!;
      if (x === 0) continue;
      const yk = k * n;
      for (let j = 0; j < n; j++) C[row + j]! += x * Y[yk + j]!;
    }
  }
  return C;
}

/** Σ c_k M_k over n×n row-major matrices; `null` stands for the identity. */
function combination(terms: ReadonlyArray<readonly [number, Float64Array | null]>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (const [c, m] of terms) {
    if (m === null) for (let i = 0; i < n; i++) out[i * n + i]! += c;
    else for (let k = 0; k < n * n; k++) out[k]! += c * m[k]!;
  }
  return out;
}

/** The numerator and denominator parts U (odd) and V (even) of the degree-m approximant at A. */
function padeParts(A: Float64Array, n: number, m: PadeDegree): { U: Float64Array; V: Float64Array } {
  const b = PADE_COEFFICIENTS[m];
  const A2 = product(A, A, n);
  if (m === 13) {
    // Higham's evaluation with 6 products: only A², A⁴, A⁶ are formed.
    const A4 = product(A2, A2, n);
    const A6 = product(A4, A2, n);
    const inner = product(A6, combination([[b[13]!, A6], [b[11]!, A4], [b[9]!, A2]], n), n);
    const odd = combination([[1, inner], [b[7]!, A6], [b[5]!, A4], [b[3]!, A2], [b[1]!, null]], n);
    const even = product(A6, combination([[b[12]!, A6], [b[10]!, A4], [b[8]!, A2]], n), n);
    const V = combination([[1, even], [b[6]!, A6], [b[4]!, A4], [b[2]!, A2], [b[0]!, null]], n);
    return { U: product(A, odd, n), V };
  }
  // Lower degrees: the even powers I, A², A⁴, … up to A^(m−1).
  const powers: (Float64Array | null)[] = [null, A2];
  for (let k = 2; 2 * k < m; k++) powers.push(product(powers[k - 1]!, A2, n));
  const odd = combination(powers.map((P, k) => [b[2 * k + 1]!, P] as const), n);
  const V = combination(powers.map((P, k) => [b[2 * k]!, P] as const), n);
  return { U: product(A, odd, n), V };
}

/** r_m(A) = (V − U)⁻¹ (V + U), solved by LU with partial pivoting (ml-matrix). */
function padeApproximant(A: Float64Array, n: number, m: PadeDegree): Float64Array {
  const { U, V } = padeParts(A, n, m);
  const lu = new LuDecomposition(Matrix.from1DArray(n, n, combination([[1, V], [-1, U]], n)));
  if (lu.isSingular()) throw new RangeError('expm: the Padé denominator is singular');
  const R = lu.solve(Matrix.from1DArray(n, n, combination([[1, V], [1, U]], n)));
  return Float64Array.from(R.to1DArray());
}

/**
 * The degree and scaling `expm` uses for a matrix of 1-norm `norm`: the smallest degree m ∈ {3,5,7,9} with
 * norm ≤ θ_m, else degree 13 with s = ⌈log₂(norm/θ₁₃)⌉ squarings (Higham 2005, Algorithm 2.3).
 */
export function expmPlan(norm: number): ExpmInfo {
  for (const m of [3, 5, 7, 9] as const) if (norm <= THETA[m]) return { degree: m, squarings: 0 };
  return { degree: 13, squarings: Math.max(0, Math.ceil(Math.log2(norm / THETA[13]))) };
}

/**
 * The matrix exponential e^A of a real square matrix, by scaling and squaring with diagonal Padé approximants
 * of degree 3, 5, 7, 9 or 13 (Higham 2005, Algorithm 2.3). Accurate to about 1e-15 relative in norm for
 * well-conditioned problems; the tests require ≤ 1e-9 against closed forms. Cost: ≤ 6 + s matrix products and
 * one LU solve, s = ⌈log₂(‖A‖₁/5.37)⌉. Throws on a non-square or non-finite input, or when e^A overflows.
 * Example: `expm([[0, -1], [1, 0]])` ≈ [[cos 1, −sin 1], [sin 1, cos 1]].
 */
export function expm(input: MatrixInput): Matrix {
  return expmWithInfo(input).value;
}

/** `expm` plus the degree and number of squarings it used (for tests and cost reports). */
export function expmWithInfo(input: MatrixInput): { value: Matrix; info: ExpmInfo } {
  const { a, n } = rowMajor(input, 'expm: A');
  const { value, info } = expmRowMajor(a, n);
  return { value: n === 0 ? new Matrix(0, 0) : Matrix.from1DArray(n, n, value), info };
}

/**
 * e^A for an n×n matrix given row-major (`A[i*n + j]`), returned row-major: the allocation-light core of
 * `expm` for callers that already hold flat arrays (the affine flow). The input must be finite; it is not
 * modified.
 */
export function expmRowMajor(A: Float64Array, n: number): { value: Float64Array; info: ExpmInfo } {
  if (n === 0) return { value: new Float64Array(0), info: { degree: 3, squarings: 0 } };
  const info = expmPlan(norm1RowMajor(A, n));
  const scaled = info.squarings > 0 ? A.map((v) => v * 2 ** -info.squarings) : A;
  let R = padeApproximant(scaled, n, info.degree);
  for (let k = 0; k < info.squarings; k++) R = product(R, R, n);
  if (!R.every(Number.isFinite)) throw new RangeError('expm: e^A overflows double precision');
  return { value: R, info };
}
