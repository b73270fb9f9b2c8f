import { Matrix } from 'ml-matrix';

/**
 * A dense real square matrix: an ml-matrix `Matrix`, rows of numbers (`A[i][j]`, row i, column j), or a flat
 * row-major `Float64Array` of length n² (`A[i*n + j]`), the layout the models keep their matrices in.
 */
export type MatrixInput = Matrix | ReadonlyArray<ReadonlyArray<number>> | Float64Array;

/**
 * Copies `input` into a fresh row-major array, checking that it is square and finite. `what` names the
 * argument in error messages. Example: `rowMajor([[1, 2], [3, 4]], 'A')` → { a: [1, 2, 3, 4], n: 2 }.
 */
export function rowMajor(input: MatrixInput, what: string): { a: Float64Array; n: number } {
  let a: Float64Array;
  let n: number;
  if (input instanceof Float64Array) {
    n = Math.round(Math.sqrt(input.length));
    if (n * n !== input.length) throw new RangeError(`${what} must be square: ${input.length} entries is not n²`);
    a = input.slice();
  } else {
    const m = input instanceof Matrix ? input : new Matrix(input.map((row) => Array.from(row)));
    if (m.rows !== m.columns) throw new RangeError(`${what} must be square, got ${m.rows}×${m.columns}`);
    n = m.rows;
    a = Float64Array.from(m.to1DArray());
  }
  const bad = a.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`${what}[${Math.floor(bad / n)}][${bad % n}] is not finite`);
  return { a, n };
}

/** Like `rowMajor`, as a fresh ml-matrix `Matrix`. Example: `squareMatrix([[1, 0], [0, 1]], 'A')`. */
export function squareMatrix(input: MatrixInput, what: string): Matrix {
  const { a, n } = rowMajor(input, what);
  return n === 0 ? new Matrix(0, 0) : Matrix.from1DArray(n, n, a);
}

/** The 1-norm (largest column sum of absolute values) of an n×n row-major matrix (`a[i*n + j]`). */
export function norm1RowMajor(a: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += Math.abs(a[i * n + j]!);
    best = Math.max(best, col);
  }
  return best;
}
