import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitVar } from '../../src/estimate/var.js';
import { archLm, portmanteau, varNormality } from '../../src/estimate/varDiagnostics.js';
import { csvRows, expectClose, golden } from './golden.js';

const names = golden.var_workbench.vars as string[];
const rows = csvRows('macro_growth.csv', names);

describe('VAR residual diagnostics against statsmodels', () => {
  for (const key of ['p1', 'p2']) {
    const g = golden.var_workbench[key];
    const fit = fitVar(rows, g.lags, { names });
    it(`VAR(${g.lags}): portmanteau (test_whiteness, plain and adjusted), normality (test_normality), ARCH-LM (het_arch)`, () => {
      const w = portmanteau(fit, 10);
      for (const [mine, theirs] of [[w.boxPierce, g.whiteness.boxpierce], [w.ljungBox, g.whiteness.ljungbox]]) {
        expectClose([mine.statistic, mine.p], [theirs.statistic, theirs.pvalue]);
        expect(mine.df).toBe(theirs.df);
      }
      const n = varNormality(fit);
      expectClose([n.statistic, n.p], [g.normality.statistic, g.normality.pvalue]);
      expect(n.df).toBe(g.normality.df);
      expectClose(n.skewness.statistic + n.kurtosis.statistic, n.statistic, 1e-12);
      const a = archLm(fit, g.arch.nlags);
      expectClose(a.map((e) => [e.lm, e.lmP, e.f, e.fP]), g.arch.equations.map((e: Record<string, number>) => [e.lm, e.lm_pvalue, e.f, e.f_pvalue]));
    });
  }

  it('the portmanteau test needs more lags than the VAR', () => {
    expect(() => portmanteau(fitVar(rows, 2), 2)).toThrow(/more lags than the VAR/);
  });

  it('the normality statistic does not change when every variable is rescaled (a property of the standardisation)', () => {
    const fit = fitVar(rows, 1);
    const base = varNormality(fit).statistic;
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }), (scale) => {
        const scaled = rows.map((r) => r.map((v, i) => v * scale[i]));
        expectClose(varNormality(fitVar(scaled, 1)).statistic, base, 1e-8);
      }),
      { seed: 3, numRuns: 20 },
    );
  });
});
