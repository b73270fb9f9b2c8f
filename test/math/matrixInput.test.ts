import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { rowMajor, squareMatrix } from '../../src/math/matrixInput.js';
import { expm } from '../../src/math/expm.js';
import { affineTransition } from '../../src/math/affineFlow.js';
import { eigenvalues } from '../../src/math/eigen.js';

describe('matrix input forms', () => {
  const rows = [[-1, 2, 0], [0.5, -3, 1], [0, 0.25, -0.5]];
  const flat = Float64Array.from(rows.flat());

  it('reads rows, an ml-matrix Matrix and a row-major Float64Array alike, copying the input', () => {
    for (const input of [rows, new Matrix(rows), flat]) {
      const { a, n } = rowMajor(input, 'A');
      expect(n).toBe(3);
      expect(Array.from(a)).toEqual(rows.flat());
      a[0] = 99;
    }
    expect(flat[0]).toBe(-1);
    expect(squareMatrix(flat, 'A').to2DArray()).toEqual(rows);
  });

  it('gives the same exponential, transition and eigenvalues for every form', () => {
    expect(expm(flat).to2DArray()).toEqual(expm(rows).to2DArray());
    expect(affineTransition(flat, [1, 2, 3], 0.5)).toEqual(affineTransition(new Matrix(rows), [1, 2, 3], 0.5));
    expect(eigenvalues(flat)).toEqual(eigenvalues(rows));
  });

  it('rejects a flat array whose length is not a square, ragged rows and non-finite entries', () => {
    expect(() => rowMajor(new Float64Array(5), 'A')).toThrow(/not n²/);
    expect(() => rowMajor([[1, 2], [3, 4], [5, 6]], 'A')).toThrow(/square/);
    expect(() => rowMajor(Float64Array.from([1, 2, Number.POSITIVE_INFINITY, 4]), 'A')).toThrow(/A\[1\]\[0\] is not finite/);
  });
});
