import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { affineTransition, applyTransition, solvePiecewiseAffine } from '../../src/math/affineFlow.js';
import { vectorRelativeError } from './matrixHelpers.js';

const TOL = 1e-9;
const seed = 424242;
// Model-sized numbers: magnitudes below 1e-9 become 0, keeping products out of the subnormal range.
const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).map((v) => (Math.abs(v) < 1e-9 ? 0 : v));

/** Scalar dx/dt = a x + b: x(t) = e^{at}x0 + b(e^{at} − 1)/a, or x0 + bt when a = 0. */
function scalar(a: number, b: number, x0: number, t: number): number {
  return a === 0 ? x0 + b * t : Math.exp(a * t) * x0 + (b * Math.expm1(a * t)) / a;
}

/** dx/dt = −3x + y + b1, dy/dt = 2x − 2y + b2: x* = [b1/2 + b2/4, b1/2 + 3b2/4], x(t) = x* + e^{At}(x0 − x*),
 * e^{At} = [[e^{−t} + 2e^{−4t}, e^{−t} − e^{−4t}], [2e^{−t} − 2e^{−4t}, 2e^{−t} + e^{−4t}]]/3 (by hand). */
const RICHARDSON = [[-3, 1], [2, -2]];
function richardson(b: number[], x0: number[], t: number): number[] {
  const star = [b[0]! / 2 + b[1]! / 4, b[0]! / 2 + (3 * b[1]!) / 4];
  const [p, q] = [Math.exp(-t), Math.exp(-4 * t)];
  const d = [x0[0]! - star[0]!, x0[1]! - star[1]!];
  return [
    star[0]! + ((p + 2 * q) * d[0]! + (p - q) * d[1]!) / 3,
    star[1]! + ((2 * p - 2 * q) * d[0]! + (2 * p + q) * d[1]!) / 3,
  ];
}

describe('affineTransition: exact one-step maps', () => {
  it('matches the scalar closed form, including a = 0 (singular A)', () => {
    fc.assert(
      fc.property(
        num(-3, 3),
        num(-50, 50),
        num(-10, 10),
        num(0, 5),
        (a, b, x0, h) => {
          const tr = affineTransition([[a]], [b], h);
          const got = applyTransition(tr, [x0])[0]!;
          const want = scalar(a, b, x0, h);
          expect(Math.abs(got - want)).toBeLessThanOrEqual(TOL * Math.max(Math.abs(want), Math.abs(x0), Math.abs(b * h)));
        },
      ),
      { seed, numRuns: 300 },
    );
    expect(applyTransition(affineTransition([[0]], [2], 3), [1])[0]).toBe(7);
  });

  it('matches the hand-solved 2×2 Richardson system with forcing', () => {
    for (const [b, x0, h] of [[[1, 2], [0, 0], 0.5], [[30, -4], [10, 5], 3], [[0, 0], [1, -1], 1.25]] as const) {
      const got = applyTransition(affineTransition(RICHARDSON, b, h), x0);
      expect(vectorRelativeError(got, richardson([...b], [...x0], h))).toBeLessThan(TOL);
    }
  });

  it('solves singular systems: a conserved combination plus decay, and the double integrator', () => {
    // A = [[−2, 2], [1, −1]] has eigenvalues 0 and −3 with left eigenvectors [1, 2] and [1, −1]:
    // s = x1 + 2x2 grows as s0 + 3t under b = [1, 1]; d = x1 − x2 decays as d0·e^{−3t}.
    const x0 = [4, 1];
    for (const h of [0.1, 1, 7]) {
      const s = x0[0]! + 2 * x0[1]! + 3 * h;
      const d = (x0[0]! - x0[1]!) * Math.exp(-3 * h);
      const got = applyTransition(affineTransition([[-2, 2], [1, -1]], [1, 1], h), x0);
      expect(vectorRelativeError(got, [(s + 2 * d) / 3, (s - d) / 3])).toBeLessThan(TOL);
    }
    // Double integrator x1' = x2, x2' = g: A nilpotent and defective.
    const g = -9.81;
    const got = applyTransition(affineTransition([[0, 1], [0, 0]], [0, g], 2), [100, 5]);
    expect(vectorRelativeError(got, [100 + 5 * 2 + (g * 4) / 2, 5 + g * 2])).toBeLessThan(TOL);
  });

  it('keeps Φ accurate when ‖b‖ dwarfs ‖A‖ (the b column is rescaled before exponentiating)', () => {
    const tr = affineTransition([[-0.05]], [1e9], 1);
    expect(Math.abs(tr.phi[0]! / Math.exp(-0.05) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(tr.gamma[0]! / scalar(-0.05, 1e9, 0, 1) - 1)).toBeLessThan(1e-13);
  });

  it('composes: 120 monthly steps equal one ten-year step', () => {
    const b = [3, -1];
    const monthly = affineTransition(RICHARDSON, b, 1 / 12);
    let x: Float64Array = Float64Array.from([2, 7]);
    for (let m = 0; m < 120; m++) x = applyTransition(monthly, x);
    expect(vectorRelativeError(x, richardson(b, [2, 7], 10))).toBeLessThan(TOL);
  });

  it('rejects mismatched sizes, non-finite input and aliased output', () => {
    expect(() => affineTransition([[1, 0], [0, 1]], [1], 1)).toThrow(/length/);
    expect(() => affineTransition([[1]], [Number.NaN], 1)).toThrow(/not finite/);
    expect(() => affineTransition([[1]], [1], Number.POSITIVE_INFINITY)).toThrow(/not finite/);
    const tr = affineTransition([[1]], [1], 1);
    const x = new Float64Array([1]);
    expect(() => applyTransition(tr, x, x)).toThrow(/alias/);
    expect(() => applyTransition(tr, [1, 2])).toThrow(/length/);
  });
});

describe('solvePiecewiseAffine: across breakpoints', () => {
  it('chains scalar closed forms across breakpoints with a jump, right-continuous at the breakpoint', () => {
    const [a1, b1, a2, b2, a3, b3] = [-0.4, 2, 0.1, -1, 0, 0.5];
    const x0 = 3;
    const at2 = scalar(a1, b1, x0, 2);
    const after2 = 0.5 * at2; // the jump at t = 2 halves the stock
    const at5 = scalar(a2, b2, after2, 3);
    const segments = [
      { tStart: 0, A: [[a1]], b: [b1] },
      { tStart: 2, A: [[a2]], b: [b2], reset: (x: Float64Array) => [0.5 * x[0]!] },
      { tStart: 5, A: [[a3]], b: [b3] },
    ];
    const times = [0, 0.7, 2, 2, 3.3, 5, 9];
    const want = [x0, scalar(a1, b1, x0, 0.7), after2, after2, scalar(a2, b2, after2, 1.3), at5, scalar(a3, b3, at5, 4)];
    const got = solvePiecewiseAffine(segments, [x0], times).map((s) => s[0]!);
    expect(vectorRelativeError(got, want)).toBeLessThan(TOL);
  });

  it('chains the 2×2 Richardson closed form across a change of forcing and coupling', () => {
    const segments = [
      { tStart: 1, A: RICHARDSON, b: [1, 2] },
      { tStart: 4, A: [[-1, 0], [0, -1]], b: [5, 0] },
    ];
    const x4 = richardson([1, 2], [10, 20], 3);
    const times = [1, 2.5, 4, 6.5];
    const want = [
      [10, 20],
      richardson([1, 2], [10, 20], 1.5),
      x4,
      [5 + (x4[0]! - 5) * Math.exp(-2.5), x4[1]! * Math.exp(-2.5)],
    ];
    solvePiecewiseAffine(segments, [10, 20], times).forEach((x, k) => {
      expect(vectorRelativeError(x, want[k]!)).toBeLessThan(TOL);
    });
  });

  it('steps 1,000 equally spaced outputs to 1e-9 of the closed form', () => {
    const b = [3, 1];
    const times = Array.from({ length: 1000 }, (_, k) => (k * 20) / 999);
    const got = solvePiecewiseAffine([{ tStart: 0, A: RICHARDSON, b }], [0.5, 0.25], times);
    got.forEach((x, k) => expect(vectorRelativeError(x, richardson(b, [0.5, 0.25], times[k]!))).toBeLessThan(TOL));
  });

  it('is unchanged by splitting a segment at arbitrary extra breakpoints', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.double({ min: 0.01, max: 9.99, noNaN: true }), { maxLength: 5 }), (cuts) => {
        const b = [-2, 4];
        const base = { A: RICHARDSON, b };
        const split = [0, ...cuts.sort((p, q) => p - q)].map((tStart) => ({ tStart, ...base }));
        const times = [0.5, 3, 7.25, 10];
        const whole = solvePiecewiseAffine([{ tStart: 0, ...base }], [1, 1], times);
        solvePiecewiseAffine(split, [1, 1], times).forEach((x, k) => {
          expect(vectorRelativeError(x, whole[k]!)).toBeLessThan(TOL);
        });
      }),
      { seed, numRuns: 50 },
    );
  });

  it('applies each reset once, including at the first segment and at zero-length segments', () => {
    const twice = (x: Float64Array) => [2 * x[0]!];
    const segments = [
      { tStart: 0, A: [[0]], b: [0], reset: twice },
      { tStart: 1, A: [[0]], b: [0], reset: twice },
      { tStart: 1, A: [[0]], b: [1], reset: twice },
    ];
    expect(solvePiecewiseAffine(segments, [1], [0, 0.5, 1, 2])).toEqual([[2], [2], [8], [9]]);
  });

  it('solves an uncoupled system as independent scalar solutions', () => {
    const a = [-0.5, 0, 0.2];
    const b = [3, -1, 0.5];
    const x0 = [1, 2, 4];
    const A = a.map((v, i) => a.map((_, j) => (i === j ? v : 0)));
    const times = [0, 1.5, 4, 12];
    solvePiecewiseAffine([{ tStart: 0, A, b }], x0, times).forEach((x, k) => {
      expect(vectorRelativeError(x, a.map((ai, i) => scalar(ai, b[i]!, x0[i]!, times[k]!)))).toBeLessThan(TOL);
    });
  });

  it('is linear: scaling x0 and every b by c scales the whole path by c', () => {
    const c = 37.5;
    const segments = [
      { tStart: 0, A: RICHARDSON, b: [1, -2] },
      { tStart: 3, A: [[-0.1, 0.4], [0.3, -0.2]], b: [0.5, 0.5] },
    ];
    const scaledSegments = segments.map((seg) => ({ ...seg, b: seg.b.map((v) => c * v) }));
    const times = [0.5, 3, 6, 9.5];
    const base = solvePiecewiseAffine(segments, [2, 1], times);
    solvePiecewiseAffine(scaledSegments, [2 * c, c], times).forEach((x, k) => {
      expect(vectorRelativeError(x, base[k]!.map((v) => c * v))).toBeLessThan(1e-12);
    });
  });

  it('rejects outputs before the first segment, decreasing times and misordered segments', () => {
    const seg = { tStart: 1, A: [[0]], b: [0] };
    expect(() => solvePiecewiseAffine([seg], [0], [0.5])).toThrow(/before the first segment/);
    expect(() => solvePiecewiseAffine([seg], [0], [2, 1.5])).toThrow(/non-decreasing/);
    expect(() => solvePiecewiseAffine([seg, { ...seg, tStart: 0 }], [0], [2])).toThrow(/before the previous/);
    expect(() => solvePiecewiseAffine([], [0], [2])).toThrow(/at least one/);
    expect(() => solvePiecewiseAffine([{ tStart: 0, A: [[0, 0], [0, 0]], b: [0, 0] }], [0], [1])).toThrow(/not 1×1/);
  });
});
