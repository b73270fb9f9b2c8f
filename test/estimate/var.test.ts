import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitVar, selectVarOrder } from '../../src/estimate/var.js';
import { EstimationError } from '../../src/estimate/leastSquares.js';
import { csvColumns, expectClose, golden } from './golden.js';

const cols = csvColumns('macro_growth.csv', golden.var.vars);
const rows = cols[0].map((_, t) => cols.map((c) => c[t]));
const names = golden.var.vars as string[];

describe('fitVar', () => {
  for (const key of ['p0', 'p1', 'p2']) {
    it(`matches statsmodels VAR(${key.slice(1)}) on macrodata growth: coefficients, errors, sigmaU, criteria`, () => {
      const g = golden.var[key];
      const fit = fitVar(rows, g.lags, { names });
      expect(fit.nobs).toBe(g.nobs);
      expectClose(fit.intercept, g.intercept);
      expectClose(fit.coefs, g.coefs);
      // statsmodels' stderr rows: const, then lag-major (L1.gdp, L1.cons, …), columns the equations.
      const se = [fit.interceptStdErrors, ...fit.coefStdErrors.flatMap((A) => names.map((_, j) => A.map((row) => row[j])))];
      expectClose(se, g.stderr);
      expectClose(fit.sigmaU, g.sigma_u);
      expectClose(fit.sigmaUMle, g.sigma_u_mle);
      expectClose([fit.logLik, fit.aic, fit.bic, fit.hqic, fit.fpe], [g.llf, g.aic, g.bic, g.hqic, g.fpe]);
    });
  }

  it('VAR(0) is the sample mean with the sample covariance on T − 1 degrees of freedom', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 4, maxLength: 30 }), (pairs) => {
        const data = pairs.map(([a, b], t) => [a, b + t * t]); // the t² keeps the two columns from being collinear
        const T = data.length;
        const mean = [0, 1].map((i) => data.reduce((s, r) => s + r[i], 0) / T);
        const cov = [0, 1].map((i) => [0, 1].map((j) => data.reduce((s, r) => s + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / (T - 1)));
        let fit;
        try {
          fit = fitVar(data, 0);
        } catch (e) {
          if (e instanceof EstimationError) return; // a degenerate draw (a constant column): rejected, as it should be
          throw e;
        }
        expectClose(fit.intercept, mean, 1e-9, 1e-9);
        expectClose(fit.sigmaU, cov, 1e-7, 1e-7 * Math.max(1, Math.abs(cov[0][0]), Math.abs(cov[1][1])));
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('says clearly when there are too few rows for the lags', () => {
    expect(() => fitVar(rows.slice(0, 8), 3)).toThrow(/too few rows for 3 lag/);
  });
});

describe('selectVarOrder', () => {
  it('matches statsmodels select_order(8) on one common sample, and the BIC-selected fit', () => {
    const sel = selectVarOrder(rows, 8);
    const g = golden.var.select8;
    for (const c of ['aic', 'bic', 'hqic', 'fpe'] as const) expectClose(sel[c], g.ics[c]);
    expect(sel.selected).toEqual(g.selected);
    const fit = fitVar(rows, sel.selected.bic);
    expect(fit.lags).toBe(golden.var.auto_bic.lags);
    expectClose(fit.aic, golden.var.auto_bic.aic);
  });
});
