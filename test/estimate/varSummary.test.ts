import { describe, expect, it } from 'vitest';
import { fitVar } from '../../src/estimate/var.js';
import { companionMatrix, summarizeVar } from '../../src/estimate/varSummary.js';
import { csvRows, expectClose, golden } from './golden.js';

const names = golden.var_workbench.vars as string[];
const rows = csvRows('macro_growth.csv', names);

describe('summarizeVar', () => {
  for (const key of ['p1', 'p2']) {
    const g = golden.var_workbench[key];
    it(`VAR(${g.lags}) on macrodata growth: t, p (normal and Student), per-equation R², F, correlation, roots as statsmodels`, () => {
      const s = summarizeVar(fitVar(rows, g.lags, { names }));
      // statsmodels' tvalues/pvalues: rows const, L1.gdp, …; columns the equations.
      const byRow = (f: (c: { t: number; p: number; pStudent: number }) => number) =>
        s.equations[0].coefficients.map((_, r) => s.equations.map((e) => f(e.coefficients[r])));
      expectClose(byRow((c) => c.t), g.tvalues);
      expectClose(byRow((c) => c.p), g.pvalues, 1e-6, 1e-300);
      expectClose(byRow((c) => c.pStudent), g.pvalues_t, 1e-6, 1e-300);
      expect(s.equations[0].coefficients.map((c) => c.name).slice(0, 4)).toEqual(['const', 'L1.gdp', 'L1.cons', 'L1.inv']);
      expectClose(s.equations.map((e) => [e.r2, e.adjR2, e.fStat!, e.fP!, e.residStdError]),
        g.equations.map((e: Record<string, number>) => [e.rsquared, e.rsquared_adj, e.fvalue, e.f_pvalue, e.resid_se]), 1e-6, 1e-300);
      expectClose(s.residCorrelation, g.resid_corr);
      expectClose(s.roots.map((z) => z.modulus).sort((a, b) => b - a), g.companion_eigenvalues_abs);
      expectClose(s.roots.map((z) => [z.re, z.im]), g.companion_eigenvalues, 1e-6, 1e-9);
      expect(s.stable).toBe(g.stable);
    });
  }

  it('a VAR(1) with a unit root is not stable; its root is the coefficient', () => {
    // y_t = y_{t−1} + noise: the companion matrix is [[1]] up to estimation error; a hand-built series makes it exact.
    const walk = [[0], [1], [2], [3], [4.5], [5.5], [6.5], [8], [9], [10]];
    const s = summarizeVar(fitVar(walk, 1));
    expect(s.roots).toHaveLength(1);
    expect(Math.abs(s.roots[0].re - fitVar(walk, 1).coefs[0][0][0])).toBeLessThan(1e-12);
    expect(s.stable).toBe(s.roots[0].modulus < 1);
  });

  it('companionMatrix stacks the lag matrices over a shifted identity', () => {
    expect(companionMatrix([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])).toEqual([
      [1, 2, 5, 6],
      [3, 4, 7, 8],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
  });

  it('a VAR(0) has no roots, no F and is stable', () => {
    const s = summarizeVar(fitVar(rows, 0, { names }));
    expect(s.roots).toEqual([]);
    expect(s.stable).toBe(true);
    expect(s.equations[0].fStat).toBeNull();
    expect(s.equations[0].r2).toBeCloseTo(0, 12);
  });
});
