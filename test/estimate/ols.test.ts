import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ols } from '../../src/estimate/ols.js';
import { EstimationError } from '../../src/estimate/leastSquares.js';
import { csvColumns, expectClose, golden } from './golden.js';

function checkAgainst(res: ReturnType<typeof ols>, g: Record<string, any>) {
  expectClose(res.coefficients.map((c) => c.estimate), g.params);
  expectClose(res.coefficients.map((c) => c.stdError), g.bse);
  expectClose(res.coefficients.map((c) => c.t), g.tvalues);
  expectClose(res.coefficients.map((c) => c.p), g.pvalues, 1e-6, 1e-300);
  expectClose([res.r2, res.adjR2, res.fStat, res.fP, res.logLik, res.aic, res.bic], [g.rsquared, g.rsquared_adj, g.fvalue, g.f_pvalue, g.llf, g.aic, g.bic], 1e-6, 1e-300);
  expect(res.df).toBe(g.df_resid);
  expect(res.n).toBe(g.nobs);
}

describe('ols', () => {
  const [y, ...x] = csvColumns('longley.csv', ['TOTEMP', ...golden.longley.x]);
  const [my, ...mx] = csvColumns('macro_growth.csv', ['inv', ...golden.macro_ols.x]);

  it('matches statsmodels on Longley (classical and HC1)', () => {
    checkAgainst(ols(y, x, { names: golden.longley.x }), golden.longley.ols);
    checkAgainst(ols(y, x, { robust: true }), golden.longley.hc1);
  });

  it('matches statsmodels on macrodata investment growth, with HC1 errors and the robust Wald F', () => {
    checkAgainst(ols(my, mx), golden.macro_ols.ols);
    const robust = ols(my, mx, { robust: true });
    checkAgainst(robust, golden.macro_ols.hc1);
    expect(robust.covType).toBe('HC1');
  });

  it('without a constant matches statsmodels (uncentred R², F of all coefficients)', () => {
    checkAgainst(ols(my, mx, { intercept: false }), golden.macro_ols.noconst);
  });

  it('reproduces the NIST StRD certified Longley values to at least 10 significant digits (7 required)', () => {
    // Certified values, NIST Statistical Reference Datasets, Linear Regression, "Longley" (higher difficulty):
    // https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml
    const certified = [
      [-3482258.63459582, 890420.383607373],
      [15.0618722713733, 84.9149257747669],
      [-0.358191792925910e-1, 0.334910077722432e-1],
      [-2.02022980381683, 0.488399681651699],
      [-1.03322686717359, 0.214274163161675],
      [-0.511041056535807e-1, 0.226073200069370],
      [1829.15146461355, 455.478499142212],
    ];
    const res = ols(y, x);
    // Measured: log relative error ≥ 11.3 on every coefficient, ≥ 12.4 on every standard error.
    expectClose(res.coefficients.map((c) => c.estimate), certified.map((c) => c[0]), 1e-10, 0);
    expectClose(res.coefficients.map((c) => c.stdError), certified.map((c) => c[1]), 1e-10, 0);
    expectClose([Math.sqrt(res.sigma2), res.r2], [304.854073561965, 0.995479004577296], 1e-7, 0);
  });

  it('agrees with a hand-derived simple regression', () => {
    // x = 0..3, y = (2, 2, 4, 8): x̄ = 1.5, ȳ = 4, Sxy = 10, Sxx = 5 → slope 2, intercept 1; residuals (1, −1, −1, 1),
    // SSR 4 on 2 df → σ² = 2, se(slope) = √(2/5), se(const) = √(2(1/4 + 2.25/5)) = √1.4; TSS 24 → R² = 5/6; F = 20/2.
    const res = ols([2, 2, 4, 8], [[0, 1, 2, 3]]);
    expectClose(res.coefficients.map((c) => c.estimate), [1, 2], 1e-12);
    expectClose(res.coefficients.map((c) => c.stdError), [Math.sqrt(1.4), Math.sqrt(0.4)], 1e-12);
    expectClose([res.r2, res.fStat, res.df, res.sigma2], [5 / 6, 10, 2, 2], 1e-12);
    expectClose(res.residuals, [1, -1, -1, 1], 1e-12, 1e-12);
  });

  it('rejects a singular design, naming the collinear column', () => {
    const a = [1, 2, 3, 4, 5, 6];
    expect(() => ols([1, 3, 2, 5, 4, 6], [a, a.map((v) => 2 * v)], { names: ['a', 'b'] })).toThrow(/singular design: column 'b'/);
    expect(() => ols([1, 2], [[1, 2]])).toThrow(EstimationError);
  });

  it('refuses a constant dependent variable and an exact fit, whose statistics are undefined', () => {
    expect(() => ols([3, 3, 3, 3], [[1, 2, 3, 5]])).toThrow(/constant/);
    expect(() => ols([1, 3, 5, 9], [[0, 1, 2, 4]])).toThrow(/perfect fit/);
  });

  it('is invariant to rescaling a regressor: the coefficient scales inversely, t, p and R² stay put', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.boolean(), (j, c, robust) => {
        const base = ols(my, mx, { robust });
        const scaled = ols(my, mx.map((col, i) => (i === j ? col.map((v) => v * c) : col)), { robust });
        expectClose(scaled.coefficients[j + 1].estimate * c, base.coefficients[j + 1].estimate, 1e-9, 1e-15);
        expectClose(scaled.coefficients.map((r) => r.t), base.coefficients.map((r) => r.t), 1e-8, 1e-12);
        expectClose([scaled.r2, scaled.fStat], [base.r2, base.fStat], 1e-9);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
