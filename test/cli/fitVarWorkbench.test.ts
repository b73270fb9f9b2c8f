// Spawns the built CLI (run `npm run build` first): `fit var`'s summary, tests, FEVD, bands and intervals, and
// the tidy `--csv` of every fit command.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './spawn.js';
import { csvPath, expectClose, golden } from '../estimate/golden.js';
import { parseCsv } from '../../src/data/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'fit-var-cli-'));
const data = csvPath('macro_growth.csv');
const base = ['fit', 'var', '--data', data, '--vars', 'gdp,cons,inv', '--lags', '2'];
function json(args: string[]) {
  const r = cli([...args, '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

describe('flashpoints fit var: the workbench', () => {
  const g = golden.var_workbench.p2;
  const o = json([...base, '--fevd', '8', '--forecast', '5', '--irf', '4', '--bands', '40', '--seed', '9', '--arch-lags', '4']);

  it('--json carries the summary, the residual tests, FEVD and forecast intervals at statsmodels values', () => {
    expectClose(o.equations.map((e: { r2: number; adjR2: number }) => [e.r2, e.adjR2]), g.equations.map((e: Record<string, number>) => [e.rsquared, e.rsquared_adj]));
    expectClose(o.equations[2].coefficients.map((c: { t: number }) => c.t), g.tvalues.map((row: number[]) => row[2]));
    expectClose(o.residCorrelation, g.resid_corr);
    expectClose(o.roots.map((z: { modulus: number }) => z.modulus).sort((a: number, b: number) => b - a), g.companion_eigenvalues_abs);
    expect(o.stable).toBe(true);
    expectClose([o.diagnostics.portmanteau.boxPierce.statistic, o.diagnostics.portmanteau.ljungBox.statistic], [g.whiteness.boxpierce.statistic, g.whiteness.ljungbox.statistic]);
    expectClose(o.diagnostics.normality.statistic, g.normality.statistic);
    expectClose(o.diagnostics.arch.equations.map((e: { lm: number }) => e.lm), g.arch.equations.map((e: { lm: number }) => e.lm));
    expectClose(o.fevd, g.fevd);
    expectClose(o.forecast, g.forecast_interval.point);
    expectClose([o.forecastIntervals.lower, o.forecastIntervals.upper], [g.forecast_interval.lower, g.forecast_interval.upper]);
  });

  it('bands sit in irf.bands, the seed in the envelope, and the same seed reproduces them', () => {
    expect(o.seed).toBe(9);
    expect(o.irf.plain).toHaveLength(5);
    expect(o.irf.bands.replications).toBe(40);
    expect(o.irf.bands.level).toBeCloseTo(0.95, 12);
    const again = json([...base, '--irf', '4', '--bands', '40', '--seed', '9']);
    expect(again.irf.bands).toEqual(o.irf.bands);
  });

  it('prints titled sections; the forecast table has its own title, after the impulse responses', () => {
    const r = cli([...base, '--irf', '3', '--forecast', '2', '--fevd', '2']);
    expect(r.code, r.err).toBe(0);
    for (const t of ['== Equation gdp ==', '== Residual covariance', '== Residual correlation ==', '== Roots of the companion matrix', '== Residual tests ==', '== Forecast error variance decomposition', '== Impulse responses', '== Forecasts, 95% intervals']) {
      expect(r.out).toContain(t);
    }
    expect(r.out.indexOf('== Forecasts')).toBeGreaterThan(r.out.indexOf('== Impulse responses'));
    expect(r.out).toMatch(/stable: every root lies inside the unit circle/);
  });

  it('--bands without --irf, and a bad --alpha, are usage errors (exit 2)', () => {
    const r = cli([...base, '--bands', '10']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--bands needs --irf/);
    expect(cli([...base, '--alpha', '1.5']).code).toBe(2);
  });

  it('a portmanteau test that cannot be run is null with a warning, not a failure', () => {
    const x = json([...base, '--whiteness-lags', '2']);
    expect(x.diagnostics.portmanteau).toBeNull();
    expect(x.warnings.join(' ')).toMatch(/portmanteau test not computed/);
  });
});

describe('flashpoints fit --csv', () => {
  it('var: one tidy row per (equation, term) with the JSON numbers', () => {
    const out = join(dir, 'var.csv');
    const o = json([...base, '--csv', out]);
    const t = parseCsv(readFileSync(out, 'utf8'), out);
    expect(t.header).toEqual(['model', 'equation', 'term', 'estimate', 'std_error', 'statistic', 'p_value']);
    expect(t.rows).toHaveLength(3 * 7);
    const row = t.rows[7 * 2 + 1]; // inv, L1.gdp
    expect(row.slice(0, 3)).toEqual(['var', 'inv', 'L1.gdp']);
    expect(Number(row[3])).toBe(o.coefs[0][2][0]);
    expect(Number(row[4])).toBe(o.stdErrors.coefs[0][2][0]);
  });

  it('ols, counts and richardson write the same columns', () => {
    const ols = join(dir, 'ols.csv');
    expect(cli(['fit', 'ols', '--data', csvPath('longley.csv'), '--y', 'TOTEMP', '--x', 'GNP,POP', '--csv', ols]).code).toBe(0);
    const t = parseCsv(readFileSync(ols, 'utf8'), ols);
    expect(t.rows.map((r) => r.slice(0, 3).join(' '))).toEqual(['ols TOTEMP const', 'ols TOTEMP GNP', 'ols TOTEMP POP']);
    const counts = join(dir, 'counts.csv');
    expect(cli(['fit', 'counts', '--data', csvPath('counts.csv'), '--y', 'launches', '--x', 'exercise:1,tension', '--exposure', 'days', '--csv', counts]).code).toBe(0);
    const c = parseCsv(readFileSync(counts, 'utf8'), counts);
    expectClose(c.rows.map((r) => Number(r[3])), golden.counts.poisson.params);
    const rich = join(dir, 'rich.csv');
    expect(cli(['fit', 'richardson', '--data', csvPath('arms.csv'), '--actors', 'U,V', '--form', 'diff', '--csv', rich]).code).toBe(0);
    const rr = parseCsv(readFileSync(rich, 'utf8'), rich);
    expect(new Set(rr.rows.map((r) => r[1]))).toEqual(new Set(['U', 'V']));
    expect(rr.rows[0][0]).toBe('richardson-diff');
  });

  it('never writes over an input, and leaves no temporary file behind', () => {
    const copy = join(dir, 'data.csv');
    const text = readFileSync(data, 'utf8');
    writeFileSync(copy, text);
    const r = cli(['fit', 'var', '--data', copy, '--vars', 'gdp,cons', '--lags', '1', '--csv', join(dir, '..', dir.split('/').pop()!, 'data.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is an input of this command/);
    expect(readFileSync(copy, 'utf8')).toBe(text);
    expect(cli(['fit', 'var', '--data', copy, '--vars', 'gdp,cons', '--lags', '1', '--csv', join(dir, 'no-such-dir', 'x.csv')]).code).toBe(2);
    expect(existsSync(join(dir, '.var.csv.tmp'))).toBe(false);
  });
});
