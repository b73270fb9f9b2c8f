import { Matrix } from 'ml-matrix';

/** A dense real matrix: an ml-matrix `Matrix` or rows of numbers (`A[i][j]`, row i, column j). */
export type MatrixInput = Matrix | ReadonlyArray<ReadonlyArray<number>>;

/**
 * Copies `input` into a fresh square ml-matrix `Matrix`, checking that it is square and finite.
 * `what` names the argument in error messages. Example: `squareMatrix([[1, 0], [0, 1]], 'A')`.
 */
export function squareMatrix(input: MatrixInput, what: string): Matrix {
  const m = input instanceof Matrix ? input.clone() : new Matrix(input.map((row) => Array.from(row)));
  if (m.rows !== m.columns) throw new RangeError(`${what} must be square, got ${m.rows}×${m.columns}`);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.columns; j++) {
      if (!Number.isFinite(m.get(i, j))) throw new RangeError(`${what}[${i}][${j}] is not finite`);
    }
  }
  return m;
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
