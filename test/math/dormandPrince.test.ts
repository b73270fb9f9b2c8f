import { describe, expect, it } from 'vitest';
import { dormandPrince, type OdeRhs } from '../../src/math/dormandPrince.js';
import { solvePiecewiseAffine } from '../../src/math/affineFlow.js';
import { vectorRelativeError } from './matrixHelpers.js';

const decay: OdeRhs = (_t, x, d) => {
  d[0] = -x[0]!;
};
const oscillator: OdeRhs = (_t, x, d) => {
  d[0] = x[1]!;
  d[1] = -x[0]!;
};
const [r, K] = [0.8, 50];
const logistic: OdeRhs = (_t, x, d) => {
  d[0] = r * x[0]! * (1 - x[0]! / K);
};
/** Logistic closed form x(t) = K / (1 + (K/x0 − 1)e^{−rt}). */
const logisticAt = (x0: number, t: number) => K / (1 + (K / x0 - 1) * Math.exp(-r * t));

const grid = (end: number, count: number) => Array.from({ length: count }, (_, k) => (end * (k + 1)) / count);
const modes = ['dense', 'hit'] as const;
const tolerances = [1e-4, 1e-6, 1e-8, 1e-10];

describe('dormandPrince: closed forms to the tolerance asked', () => {
  // Global error of a tolerance-controlled integration is of the order of the tolerance; we allow 10×
  // (rtol·|x| + atol) over these horizons.
  for (const output of modes) {
    it(`integrates dx/dt = −x to e^{−t} (${output} output)`, () => {
      for (const rtol of tolerances) {
        const atol = rtol * 1e-3;
        const times = grid(5, 50);
        const res = dormandPrince(decay, 0, [2], times, { rtol, atol, output });
        res.states.forEach(([x], k) => {
          const want = 2 * Math.exp(-times[k]!);
          expect(Math.abs(x! - want)).toBeLessThan(10 * (rtol * want + atol));
        });
      }
    });

    it(`follows the harmonic oscillator for three periods (${output} output)`, () => {
      for (const rtol of tolerances) {
        const times = grid(6 * Math.PI, 90);
        const res = dormandPrince(oscillator, 0, [1, 0], times, { rtol, atol: rtol * 1e-3, output });
        res.states.forEach(([x, v], k) => {
          expect(Math.abs(x! - Math.cos(times[k]!))).toBeLessThan(10 * rtol);
          expect(Math.abs(v! + Math.sin(times[k]!))).toBeLessThan(10 * rtol);
        });
      }
    });

    it(`follows the logistic curve from 1 to its capacity (${output} output)`, () => {
      for (const rtol of tolerances) {
        const times = grid(15, 60);
        const res = dormandPrince(logistic, 0, [1], times, { rtol, atol: rtol * 1e-3, output });
        res.states.forEach(([x], k) => {
          const want = logisticAt(1, times[k]!);
          expect(Math.abs(x! - want)).toBeLessThan(10 * rtol * want);
        });
      }
    });
  }

  it('matches the exact affine flow of a coupled 4-state linear system to 1e-9 with tight tolerances', () => {
    const A = [
      [-0.3, 0.2, 0.05, 0],
      [0.25, -0.4, 0, 0.1],
      [0, 0.3, -0.2, -0.5],
      [0.1, 0, 0.5, -0.2],
    ];
    const b = [1, 2, -0.5, 0.3];
    const f: OdeRhs = (_t, x, d) => {
      for (let i = 0; i < 4; i++) d[i] = b[i]! + A[i]!.reduce((s, a, j) => s + a * x[j]!, 0);
    };
    const x0 = [5, 3, 8, 1];
    const times = grid(30, 120);
    const exact = solvePiecewiseAffine([{ tStart: 0, A, b }], x0, times);
    for (const output of modes) {
      const res = dormandPrince(f, 0, x0, times, { rtol: 1e-12, atol: 1e-14, output });
      res.states.forEach((x, k) => expect(vectorRelativeError(x, exact[k]!)).toBeLessThan(1e-9));
    }
  });
});

describe('dormandPrince: mechanics', () => {
  it('reuses the last stage (FSAL): 6 evaluations per attempted step, plus the first and the starting-step probe', () => {
    const res = dormandPrince(oscillator, 0, [1, 0], [10], { rtol: 1e-8 });
    expect(res.evaluations).toBe(6 * (res.accepted + res.rejected) + 2);
    const given = dormandPrince(oscillator, 0, [1, 0], [10], { rtol: 1e-8, h0: 0.01 });
    expect(given.evaluations).toBe(6 * (given.accepted + given.rejected) + 1);
  });

  it('is exact, up to rounding, for quartic solutions: steps are 5th order, dense output 4th order', () => {
    // x′ = 4t³ + 1 → x = t⁴ + t; the error estimate vanishes, so steps grow large and only the interpolant's
    // order decides the dense outputs between step ends.
    const quartic: OdeRhs = (t, _x, d) => {
      d[0] = 4 * t ** 3 + 1;
    };
    const times = grid(3, 37);
    const res = dormandPrince(quartic, 0, [0], times, { rtol: 1e-6, atol: 1e-6 });
    expect(res.accepted).toBeLessThan(37);
    res.states.forEach(([x], k) => expect(Math.abs(x! - (times[k]! ** 4 + times[k]!))).toBeLessThan(1e-12 * 81));
  });

  it('lands exactly on output times in hit mode and returns x0 for outputs at t0', () => {
    const times = [0, 0, 0.1, 0.1, 1 / 3, 2];
    const res = dormandPrince(decay, 0, [1], times, { output: 'hit', rtol: 1e-10, atol: 1e-14 });
    expect(res.states[0]).toEqual([1]);
    expect(res.states[1]).toEqual([1]);
    expect(res.states[2]).toEqual(res.states[3]);
    res.states.forEach(([x], k) => expect(Math.abs(x! / Math.exp(-times[k]!) - 1)).toBeLessThan(1e-9));
  });

  it('does not fail on output times a few ulp apart (hit mode)', () => {
    const times = [1e-17, 0.5, 0.5 + 1e-16, 1, 1 + 2.2e-16];
    const res = dormandPrince(decay, 0, [1], times, { output: 'hit', rtol: 1e-10, atol: 1e-14 });
    res.states.forEach(([x], k) => expect(Math.abs(x! / Math.exp(-times[k]!) - 1)).toBeLessThan(1e-9));
  });

  it('continues from a previous run with its proposed step', () => {
    const first = dormandPrince(logistic, 0, [1], [4], { rtol: 1e-10, atol: 1e-13 });
    const second = dormandPrince(logistic, 4, first.states[0]!, [9], { rtol: 1e-10, atol: 1e-13, h0: first.nextStep });
    expect(Math.abs(second.states[0]![0]! / logisticAt(1, 9) - 1)).toBeLessThan(1e-9);
  });

  it('respects hMax', () => {
    const res = dormandPrince(decay, 0, [1], [10], { hMax: 0.1 });
    expect(res.accepted).toBeGreaterThanOrEqual(100);
  });

  it('throws a clear error when the step budget runs out', () => {
    expect(() => dormandPrince(oscillator, 0, [1, 0], [100], { rtol: 1e-12, atol: 1e-14, maxSteps: 50 })).toThrow(
      /more than maxSteps=50 steps before t=100/,
    );
  });

  it('throws rather than return garbage when the solution blows up (x′ = x², singular at t = 1)', () => {
    const blowUp: OdeRhs = (_t, x, d) => {
      d[0] = x[0]! * x[0]!;
    };
    expect(() => dormandPrince(blowUp, 0, [1], [2], { maxSteps: 5000 })).toThrow(/underflow at t=1\.0.*blow up|maxSteps/);
    const broken: OdeRhs = (t, x, d) => {
      d[0] = t > 0.5 ? Number.NaN : -x[0]!;
    };
    expect(() => dormandPrince(broken, 0, [1], [1])).toThrow(/underflow at t=0\.(5|49999).*f returns non-finite values/);
  });

  it('rejects bad tolerances and output times', () => {
    expect(() => dormandPrince(decay, 0, [1], [1], { rtol: 0, atol: 0 })).toThrow(/rtol/);
    expect(() => dormandPrince(decay, 1, [1], [0.5])).toThrow(/times/);
    expect(() => dormandPrince(decay, 0, [1], [2, 1])).toThrow(/non-decreasing/);
    expect(() => dormandPrince(decay, 0, [1], [Number.NaN])).toThrow(/finite/);
  });
});
