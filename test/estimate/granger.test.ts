import { describe, expect, it } from 'vitest';
import { fitVar } from '../../src/estimate/var.js';
import { grangerAll, grangerTest } from '../../src/estimate/granger.js';
import { csvColumns, expectClose, golden } from './golden.js';

const names = golden.var.vars as string[];
const cols = csvColumns('macro_growth.csv', names);
const rows = cols[0].map((_, t) => cols.map((c) => c[t]));

describe('granger', () => {
  for (const key of ['p1', 'p2']) {
    it(`matches statsmodels test_causality(kind='f') for every ordered pair in VAR(${key.slice(1)})`, () => {
      const g = golden.var[key].granger as { cause: string; effect: string; F: number; df1: number; df2: number; p: number }[];
      const tests = grangerAll(fitVar(rows, golden.var[key].lags, { names }));
      expect(tests.map((t) => [t.cause, t.effect])).toEqual(g.map((t) => [t.cause, t.effect]));
      expectClose(tests.map((t) => [t.F, t.df1, t.df2, t.p]), g.map((t) => [t.F, t.df1, t.df2, t.p]));
    });
  }

  it('a joint test of two causes has one restriction per cause, effect and lag', () => {
    const t = grangerTest(fitVar(rows, 2, { names }), [2], [0, 1]);
    expect([t.df1, t.cause, t.effect]).toEqual([4, 'gdp,cons', 'inv']);
  });

  it('a VAR(0) has no pairs to test', () => {
    expect(grangerAll(fitVar(rows, 0, { names }))).toEqual([]);
  });
});
