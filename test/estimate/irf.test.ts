import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitVar } from '../../src/estimate/var.js';
import { impulseResponses, maCoefficients } from '../../src/estimate/irf.js';
import { forecastVar } from '../../src/estimate/forecast.js';
import { csvColumns, expectClose, golden } from './golden.js';

const names = golden.var.vars as string[];
const cols = csvColumns('macro_growth.csv', names);
const rows = cols[0].map((_, t) => cols.map((c) => c[t]));

describe('impulse responses', () => {
  it('match statsmodels irf(10).irfs and .orth_irfs for VAR(2), from h = 0', () => {
    const ir = impulseResponses(fitVar(rows, 2, { names }), 10);
    expectClose(ir.plain, golden.var.p2.irf.plain, 1e-6, 1e-12);
    expectClose(ir.orthogonalized, golden.var.p2.irf.orthogonalized, 1e-6, 1e-12);
    expectClose(ir.plain[0], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], 0, 0);
  });

  it('of a diagonal VAR(1) are the powers of each own coefficient, with no cross responses', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.99, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 12 }), (d, H) => {
        const K = d.length;
        const A = d.map((v, i) => d.map((_, j) => (i === j ? v : 0)));
        const phi = maCoefficients([A], K, H);
        phi.forEach((P, h) => P.forEach((row, i) => row.forEach((v, j) => expectClose(v, i === j ? d[i] ** h : 0, 1e-12, 1e-300))));
      }),
      { seed: 3, numRuns: 100 },
    );
  });

  it('of a VAR(2) follow the recursion Φ_h = Φ_{h−1}A_1 + Φ_{h−2}A_2 (scalar case: Fibonacci)', () => {
    const phi = maCoefficients([[[1]], [[1]]], 1, 10);
    expect(phi.map((p) => p[0][0])).toEqual([1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]);
  });
});

describe('forecastVar', () => {
  it('matches statsmodels forecast(y[-p:], 5) for VAR(1) and VAR(2)', () => {
    for (const key of ['p1', 'p2']) expectClose(forecastVar(fitVar(rows, golden.var[key].lags), 5), golden.var[key].forecast);
  });
});
