import { describe, expect, it } from 'vitest';
import { fitVar } from '../../src/estimate/var.js';
import { varianceDecomposition } from '../../src/estimate/fevd.js';
import { forecastIntervals, forecastVar } from '../../src/estimate/forecast.js';
import { csvRows, expectClose, golden } from './golden.js';

const names = golden.var_workbench.vars as string[];
const rows = csvRows('macro_growth.csv', names);

describe('varianceDecomposition', () => {
  for (const key of ['p1', 'p2']) {
    const g = golden.var_workbench[key];
    it(`VAR(${g.lags}): matches statsmodels fevd(8).decomp, rows summing to 1`, () => {
      const d = varianceDecomposition(fitVar(rows, g.lags, { names }), 8);
      expectClose(d, g.fevd);
      for (const h of d) for (const row of h) expect(Math.abs(row.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    });
  }

  it('at h = 1 the first variable owns its whole forecast error (Cholesky order)', () => {
    const d = varianceDecomposition(fitVar(rows, 2), 1);
    expect(d[0][0]).toEqual([1, 0, 0]);
  });
});

describe('forecastIntervals', () => {
  for (const key of ['p1', 'p2']) {
    const g = golden.var_workbench[key];
    it(`VAR(${g.lags}): matches statsmodels forecast_interval at α = 0.05 and 0.1, and mse`, () => {
      const fit = fitVar(rows, g.lags, { names });
      const f = forecastIntervals(fit, g.forecast_interval.steps, 0.05);
      expectClose(f.point, g.forecast_interval.point);
      expectClose(f.lower, g.forecast_interval.lower);
      expectClose(f.upper, g.forecast_interval.upper);
      expectClose(f.mse, g.forecast_interval.mse);
      expect(f.point).toEqual(forecastVar(fit, g.forecast_interval.steps));
      const f90 = forecastIntervals(fit, g.forecast_interval.steps, 0.1);
      expectClose([f90.lower, f90.upper], [g.forecast_interval90.lower, g.forecast_interval90.upper]);
    });
  }

  it('the one-step MSE is sigmaU', () => {
    const fit = fitVar(rows, 2);
    expectClose(forecastIntervals(fit, 1).mse[0], fit.sigmaU, 1e-14);
  });
});
