import { describe, expect, it } from 'vitest';
import { discreteToContinuous, richardsonPerStock, richardsonPooled } from '../../src/estimate/richardson.js';
import { csvColumns, expectClose, golden } from './golden.js';

// arms.csv: a noisy two-bloc race x_{t+1} = M x_t + c + e_t (test/golden/make.py, seed 7).
const [U, V] = csvColumns('arms.csv', ['U', 'V']);
const g = golden.richardson;

describe('richardsonPooled', () => {
  it("matches statsmodels OLS of Δ(U+V) on the mean of consecutive U+V (Richardson's pooled form)", () => {
    const res = richardsonPooled(U, V);
    expectClose([res.intercept, res.slope], g.pooled.params);
    expectClose(res.fit.coefficients.map((c) => c.stdError), g.pooled.bse);
    expectClose(res.stopLevel!, -g.pooled.params[0] / g.pooled.params[1]);
  });

  it('finds the level where growth stops on an exact linear race', () => {
    // s_{t+1} − s_t = 10 − 0.1·(s_t + s_{t+1})/2: the growth stops at s = 100. A ±1e−8 wobble keeps the fit from
    // being exact (an exact fit has no standard errors and is refused).
    const s = [20];
    for (let t = 0; t < 10; t++) s.push((s[t] * (1 - 0.05) + 10) / (1 + 0.05));
    const w = s.map((v, t) => v + (t % 2 ? 1e-8 : -1e-8));
    const res = richardsonPooled(w.map((v) => v / 2), w.map((v) => v / 2));
    expectClose([res.slope, res.intercept, res.stopLevel!], [-0.1, 10, 100], 1e-6);
  });
});

describe('richardsonPerStock', () => {
  for (const form of ['levels', 'diff', 'trend'] as const) {
    it(`matches statsmodels in the ${form} form for both actors`, () => {
      const { fits } = richardsonPerStock(U, V, { form, names: ['U', 'V'] });
      for (const f of fits) {
        const ref = g.perStock[form][f.actor];
        expectClose(f.fit.coefficients.map((c) => c.estimate), ref.params);
        expectClose(f.fit.coefficients.map((c) => c.stdError), ref.bse);
        expectClose(f.fit.r2, ref.rsquared);
      }
      expect(fits[0].drive === null).toBe(form === 'diff');
      expect(fits[0].fatigue).toBe(-fits[0].fit.coefficients[2].estimate);
    });
  }

  it('warns on trending levels and not on differences', () => {
    expect(richardsonPerStock(U, V, { form: 'levels' }).warnings.join(' ')).toMatch(/trends.*spurious/);
    expect(richardsonPerStock(U, V, { form: 'diff' }).warnings).toEqual([]);
  });
});

describe('discreteToContinuous', () => {
  it('matches the least-squares fit and scipy.linalg.logm of the augmented matrix', () => {
    const res = discreteToContinuous(U.map((u, t) => [u, V[t]]), 1);
    expectClose(res.M, g.discrete.M);
    expectClose(res.c, g.discrete.c);
    expectClose(res.A, g.discrete.A);
    expectClose(res.b, g.discrete.b);
  });

  it('recovers a continuous system from its exact discrete samples, and scales with dt', () => {
    // dx/dt = a(x* − x) (a = 0.3, x* = 10, scalar): x_{t+1} = e^{−a dt} x_t + x*(1 − e^{−a dt}).
    const dt = 0.5;
    const m = Math.exp(-0.3 * dt);
    const x = [[1]];
    for (let t = 0; t < 12; t++) x.push([m * x[t][0] + 10 * (1 - m) + (t % 2 ? 1e-9 : -1e-9)]);
    const res = discreteToContinuous(x, dt);
    expectClose([res.A![0][0], res.b![0]], [-0.3, 3], 1e-6);
  });

  it('returns no continuous reading when the discrete map has a negative eigenvalue', () => {
    const x = [[1]];
    for (let t = 0; t < 12; t++) x.push([-0.5 * x[t][0] + 1 + (t % 3) * 1e-3]);
    expect(discreteToContinuous(x).A).toBeNull();
  });
});
