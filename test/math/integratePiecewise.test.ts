import { describe, expect, it } from 'vitest';
import { integratePiecewise } from '../../src/math/integratePiecewise.js';
import { solvePiecewiseAffine } from '../../src/math/affineFlow.js';
import type { OdeRhs } from '../../src/math/dormandPrince.js';
import { vectorRelativeError } from './matrixHelpers.js';

/** The right-hand side of dx/dt = A x + b. */
function affine(A: number[][], b: number[]): OdeRhs {
  return (_t, x, d) => {
    for (let i = 0; i < b.length; i++) d[i] = A[i]!.reduce((s, a, j) => s + a * x[j]!, b[i]!);
  };
}

describe('integratePiecewise', () => {
  const halveFirst = (x: Float64Array) => [0.5 * x[0]!, x[1]!, x[2]!];
  const pieces = [
    { tStart: 0, A: [[-0.3, 0.2, 0], [0.1, -0.5, 0.3], [0, 0.4, -0.2]], b: [1, 2, 0.5] },
    { tStart: 2.37, A: [[-0.1, 0.5, 0], [0.2, -0.3, 0.1], [0.05, 0, -0.4]], b: [3, 0, 1], reset: halveFirst },
    { tStart: 5, A: [[-0.6, 0, 0], [0, -0.2, 0], [0.3, 0.3, -0.3]], b: [0, 1, 1] },
  ];

  it('reproduces the exact piecewise affine solution, jumps included, to 1e-9 with rtol 1e-12', () => {
    const times = [0, 1, 2.37, 2.37, 3.5, 5, 8.25, 12];
    const exact = solvePiecewiseAffine(pieces, [4, 2, 7], times);
    const numeric = integratePiecewise(
      pieces.map((p) => ({ tStart: p.tStart, f: affine(p.A, p.b), reset: p.reset })),
      [4, 2, 7],
      times,
      { rtol: 1e-12, atol: 1e-12 },
    );
    expect(numeric.states).toHaveLength(times.length);
    numeric.states.forEach((x, k) => expect(vectorRelativeError(x, exact[k]!)).toBeLessThan(1e-9));
    expect(numeric.evaluations).toBeGreaterThan(6 * numeric.accepted);
  });

  it('skips segments after the last output and validates like the exact solver', () => {
    let called = false;
    const never: OdeRhs = () => {
      called = true;
    };
    const res = integratePiecewise([{ tStart: 0, f: affine([[-1]], [0]) }, { tStart: 5, f: never }], [1], [1]);
    expect(called).toBe(false);
    expect(Math.abs(res.states[0]![0]! / Math.exp(-1) - 1)).toBeLessThan(1e-5);
    expect(() => integratePiecewise([{ tStart: 1, f: never }], [1], [0])).toThrow(/integratePiecewise: times\[0\]=0 is before/);
  });
});
