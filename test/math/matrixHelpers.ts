// Helpers shared by the math tests: plain-array matrix arithmetic, independent of ml-matrix.
import { Matrix } from 'ml-matrix';

export type Rows = number[][];

export function rows(m: Matrix | Rows): Rows {
  return m instanceof Matrix ? m.to2DArray() : m;
}

export function frobenius(m: Rows): number {
  return Math.sqrt(m.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0));
}

export function minus(a: Rows, b: Rows): Rows {
  return a.map((r, i) => r.map((v, j) => v - b[i]![j]!));
}

export function times(a: Rows, b: Rows): Rows {
  return a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

export function scaled(a: Rows, c: number): Rows {
  return a.map((r) => r.map((v) => v * c));
}

export function identity(n: number): Rows {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** ‖X − Y‖_F / ‖Y‖_F: the normwise relative error of X against the reference Y. */
export function relativeError(x: Matrix | Rows, reference: Matrix | Rows): number {
  const y = rows(reference);
  return frobenius(minus(rows(x), y)) / frobenius(y);
}

/** max_i |x_i − y_i| / max_i |y_i|: the normwise (∞-norm) relative error of vector x against y; a component
 * that has decayed to ~0 is judged against the size of the whole state, as the solvers promise. */
export function vectorRelativeError(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let diff = 0;
  let size = 0;
  for (let i = 0; i < y.length; i++) {
    diff = Math.max(diff, Math.abs(x[i]! - y[i]!));
    size = Math.max(size, Math.abs(y[i]!));
  }
  return size === 0 ? diff : diff / size;
}
