import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { expm } from '../../src/math/expm.js';
import { affineTransition } from '../../src/math/affineFlow.js';
import { eigenvalues } from '../../src/math/eigen.js';
import { relativeError, vectorRelativeError } from './matrixHelpers.js';

// Golden values from SciPy 1.10 / LAPACK (test/math/golden/scipy_reference.py, committed with its output):
// an independent implementation for matrices that have no closed form.
interface GoldenCase {
  name: string;
  A: number[][];
  expm: number[][];
  eigenvalues: [number, number][];
  b?: number[];
  h?: number;
  phi?: number[][];
  gamma?: number[];
}
const golden = JSON.parse(readFileSync(new URL('./golden/scipy.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

describe('math against SciPy golden values', () => {
  for (const c of golden.cases) {
    it(`expm agrees with scipy.linalg.expm to 1e-9 relative (${c.name})`, () => {
      expect(relativeError(expm(c.A), c.expm)).toBeLessThan(1e-9);
    });

    it(`eigenvalues agree with LAPACK dgeev to 1e-9 of the spectral scale (${c.name})`, () => {
      const ours = eigenvalues(c.A);
      const scale = Math.max(...c.eigenvalues.map(([re, im]) => Math.hypot(re, im)));
      expect(ours).toHaveLength(c.eigenvalues.length);
      // Both lists are sorted by real part then imaginary part; a tie broken differently by rounding would
      // still pass the nearest-match check below.
      for (const v of ours) {
        const nearest = Math.min(...c.eigenvalues.map(([re, im]) => Math.hypot(v.re - re, v.im - im)));
        expect(nearest).toBeLessThan(1e-9 * scale);
      }
      ours.forEach((v, k) => expect(Math.abs(v.re - c.eigenvalues[k]![0])).toBeLessThan(1e-9 * scale));
    });
  }

  const arms = golden.cases.find((c) => c.b)!;
  it('affineTransition of an arms-shaped 18-state system agrees with scipy on the augmented matrix', () => {
    const tr = affineTransition(arms.A, arms.b!, arms.h!);
    const n = arms.A.length;
    const phi = Array.from({ length: n }, (_, i) => Array.from(tr.phi.subarray(i * n, (i + 1) * n)));
    expect(relativeError(phi, arms.phi!)).toBeLessThan(1e-9);
    expect(vectorRelativeError(tr.gamma, arms.gamma!)).toBeLessThan(1e-9);
  });
});
