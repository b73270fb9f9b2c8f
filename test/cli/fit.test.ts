// Spawns the built CLI (run `npm run build` first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './spawn.js';
import { csvPath, expectClose, golden } from '../estimate/golden.js';

function json(args: string[]) {
  const r = cli([...args, '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}
const dir = mkdtempSync(join(tmpdir(), 'fit-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('flashpoints fit ols', () => {
  it('prints the envelope and the statsmodels numbers for Longley, constant first', () => {
    const o = json(['fit', 'ols', '--data', csvPath('longley.csv'), '--y', 'TOTEMP', '--x', golden.longley.x.join(',')]);
    expect(o.command).toBe('fit ols');
    expect(o.options.x).toEqual(golden.longley.x);
    expect(o.coefficients.map((c: { name: string }) => c.name)).toEqual(['const', ...golden.longley.x]);
    const g = golden.longley.ols;
    expectClose(o.coefficients.map((c: { estimate: number }) => c.estimate), g.params);
    expectClose([o.n, o.df, o.r2, o.adjR2, o.fStat, o.fP], [g.nobs, g.df_resid, g.rsquared, g.rsquared_adj, g.fvalue, g.f_pvalue], 1e-6, 1e-300);
  });

  it('--robust reports HC1 errors', () => {
    const o = json(['fit', 'ols', '--data', csvPath('macro_growth.csv'), '--y', 'inv', '--x', 'gdp,tbilrate,unemp', '--robust']);
    expectClose(o.coefficients.map((c: { stdError: number }) => c.stdError), golden.macro_ols.hc1.bse);
    expect(o.covType).toBe('HC1');
  });

  it('prints a table without --json', () => {
    const r = cli(['fit', 'ols', '--data', csvPath('longley.csv'), '--y', 'TOTEMP', '--x', 'GNP']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/const/);
    expect(r.out).toMatch(/R²: /);
  });
});

describe('flashpoints fit var', () => {
  const data = csvPath('macro_growth.csv');
  it('--lags 2 --irf 10 matches statsmodels: coefficients, sigmaU, criteria, Granger pairs, impulse responses', () => {
    const o = json(['fit', 'var', '--data', data, '--vars', 'gdp,cons,inv', '--lags', '2', '--irf', '10', '--forecast', '5']);
    const g = golden.var.p2;
    expect([o.lags, o.nobs]).toEqual([2, g.nobs]);
    expectClose(o.coefs, g.coefs);
    expectClose(o.sigmaU, g.sigma_u);
    expectClose([o.logLik, o.aic, o.bic, o.hqic, o.fpe], [g.llf, g.aic, g.bic, g.hqic, g.fpe]);
    expectClose(o.granger.map((t: { F: number; p: number }) => [t.F, t.p]), g.granger.map((t: { F: number; p: number }) => [t.F, t.p]));
    expectClose(o.irf.orthogonalized, g.irf.orthogonalized, 1e-6, 1e-12);
    expectClose(o.forecast, g.forecast);
    expect(o.selection).toBeUndefined();
  });

  it('--lags auto selects by the criterion on a common sample of p = 0..max', () => {
    const o = json(['fit', 'var', '--data', data, '--vars', 'gdp,cons,inv', '--lags', 'auto', '--max-lags', '8', '--criterion', 'hqic']);
    expectClose(o.selection.hqic, golden.var.select8.ics.hqic);
    expect(o.lags).toBe(golden.var.select8.selected.hqic);
  });

  it('too few rows for the lags asked: exit 2 with a clear message and a hint, no stack trace', () => {
    const small = file('short.csv', 'a,b\n1,2\n2,1\n3,5\n4,3\n5,8\n');
    const r = cli(['fit', 'var', '--data', small, '--vars', 'a,b', '--lags', '3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/too few rows for 3 lag/);
    expect(r.err).toMatch(/hint:/);
    expect(r.err).not.toMatch(/\s+at .*\.js/);
  });

  it('rejects a bad --criterion and a bad --lags with exit 2', () => {
    expect(cli(['fit', 'var', '--data', data, '--vars', 'gdp,inv', '--criterion', 'xyz']).code).toBe(2);
    expect(cli(['fit', 'var', '--data', data, '--vars', 'gdp,inv', '--lags', 'two']).code).toBe(2);
  });
});

describe('flashpoints fit: data errors exit 2', () => {
  it('a missing column names the file and lists the columns', () => {
    const r = cli(['fit', 'ols', '--data', csvPath('longley.csv'), '--y', 'TOTEMP', '--x', 'GDP']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/longley\.csv: no column 'GDP' \(columns: TOTEMP, GNPDEFL/);
  });

  it('a non-numeric cell is reported with its line and column', () => {
    const bad = file('bad.csv', 'y,x\n1,2\n2,3\n3,abc\n4,5\n');
    const r = cli(['fit', 'ols', '--data', bad, '--y', 'y', '--x', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("bad.csv:4:3: column 'x': 'abc' is not a number");
  });

  it('a singular design names the collinear column', () => {
    const sing = file('sing.csv', 'y,a,b\n1,1,2\n3,2,4\n2,3,6\n5,4,8\n4,5,10\n');
    const r = cli(['fit', 'ols', '--data', sing, '--y', 'y', '--x', 'a,b']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/singular design: column 'b'/);
  });

  it('a missing file is an input error', () => {
    expect(cli(['fit', 'ols', '--data', join(dir, 'nope.csv'), '--y', 'y', '--x', 'x']).code).toBe(2);
  });
});

describe('flashpoints fit richardson and counts', () => {
  it('--pooled reports slope, intercept and the level where growth stops', () => {
    const o = json(['fit', 'richardson', '--data', csvPath('arms.csv'), '--actors', 'U,V', '--pooled']);
    expectClose([o.pooled.intercept, o.pooled.slope], golden.richardson.pooled.params);
    expectClose(o.pooled.stopLevel, -o.pooled.intercept / o.pooled.slope, 1e-12);
  });

  it('per-stock fits in differences, with the continuous-time reading', () => {
    const o = json(['fit', 'richardson', '--data', csvPath('arms.csv'), '--actors', 'U,V', '--form', 'diff']);
    expect(o.form).toBe('diff');
    expectClose(o.perStock[0].coefficients.map((c: { estimate: number }) => c.estimate), golden.richardson.perStock.diff.U.params);
    expect(o.perStock[0].drive).toBeNull();
    expectClose(o.discrete.A, golden.richardson.discrete.A);
  });

  it('warns on trending levels', () => {
    const o = json(['fit', 'richardson', '--data', csvPath('arms.csv'), '--actors', 'U,V']);
    expect(o.warnings.join(' ')).toMatch(/spurious/);
  });

  it('counts --family negbin with exposure and a lagged covariate matches statsmodels NB2', () => {
    const o = json(['fit', 'counts', '--data', csvPath('counts.csv'), '--y', 'launches', '--x', 'exercise:1,tension', '--family', 'negbin', '--exposure', 'days']);
    const g = golden.counts.negbin;
    expect(o.n).toBe(g.nobs);
    expectClose([...o.coefficients.map((c: { estimate: number }) => c.estimate), o.alpha.estimate], g.params);
    expectClose(o.logLik, g.llf);
    expect(o.coefficients[1].name).toBe('exercise:1');
  });
});

describe('flashpoints fit --help', () => {
  it('documents the four sub-commands', () => {
    const r = cli(['fit', '--help']);
    expect(r.code).toBe(0);
    for (const c of ['ols', 'var', 'richardson', 'counts']) expect(r.out).toContain(c);
  });
});
