import { describe, expect, it } from 'vitest';
import { fitCounts } from '../../src/estimate/counts.js';
import { csvColumns, expectClose, golden } from './golden.js';

// counts.csv: seeded NB2 draws (test/golden/make.py, seed 20241); the model uses exercise lagged one month.
const [launches, exercise, tension, days] = csvColumns('counts.csv', ['launches', 'exercise', 'tension', 'days']);
const y = launches.slice(1);
const x = [exercise.slice(0, -1), tension.slice(1)];
const exposure = days.slice(1);

describe('fitCounts', () => {
  it('Poisson with exposure and a lagged covariate matches statsmodels Poisson', () => {
    const g = golden.counts.poisson;
    const res = fitCounts(y, x, { exposure, names: ['exercise:1', 'tension'] });
    expect(res.n).toBe(g.nobs);
    expectClose(res.coefficients.map((c) => c.estimate), g.params);
    expectClose(res.coefficients.map((c) => c.stdError), g.bse);
    expectClose(res.coefficients.map((c) => c.p), g.pvalues, 1e-6, 0);
    expectClose([res.logLik, res.aic, res.bic], [g.llf, g.aic, g.bic]);
  });

  it('NB2 with α by maximum likelihood matches statsmodels NegativeBinomial(nb2), α and its error included', () => {
    const g = golden.counts.negbin;
    const res = fitCounts(y, x, { exposure, family: 'negbin' });
    expectClose([...res.coefficients.map((c) => c.estimate), res.alpha!.estimate], g.params);
    expectClose([...res.coefficients.map((c) => c.stdError), res.alpha!.stdError], g.bse);
    expectClose(res.coefficients.map((c) => c.p), g.pvalues.slice(0, 3), 1e-6, 0);
    expectClose([res.logLik, res.aic, res.bic], [g.llf, g.aic, g.bic]);
  });

  it('an intercept-only Poisson estimates the log of the mean rate with standard error 1/√(Σy)', () => {
    // Closed form: β̂ = ln(Σy/Σe), Var β̂ = 1/Σμ = 1/Σy.
    const counts = [0, 3, 1, 4, 2, 2, 5, 1];
    const e = [1, 2, 1, 2, 1, 1, 2, 1];
    const res = fitCounts(counts, [], { exposure: e });
    expectClose(res.coefficients[0].estimate, Math.log(18 / 11), 1e-10);
    expectClose(res.coefficients[0].stdError, 1 / Math.sqrt(18), 1e-10);
  });

  it('an exposure e is the same model as an offset ln e', () => {
    const a = fitCounts(y, x, { exposure, family: 'negbin' });
    const b = fitCounts(y, x, { offset: exposure.map(Math.log), family: 'negbin' });
    expectClose(b.coefficients.map((c) => c.estimate), a.coefficients.map((c) => c.estimate), 1e-9);
    expectClose(b.logLik, a.logLik, 1e-12);
  });

  it('NB2 on under-dispersed counts stops at the boundary α = 0, which is the Poisson fit', () => {
    const counts = [2, 2, 3, 2, 3, 2, 3, 3, 2, 3];
    const nb = fitCounts(counts, [], { family: 'negbin' });
    const pois = fitCounts(counts, []);
    expect(nb.alpha).toEqual({ estimate: 0, stdError: null });
    expect(nb.logLik).toBe(pois.logLik);
    expect(nb.aic).toBe(pois.aic + 2);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => fitCounts([1, 2.5, 3], [])).toThrow(/non-negative integers: row 2/);
  });
});
