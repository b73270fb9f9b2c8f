/**
 * `flashpoints fit var`: the fit, lag selection and Granger tests, and the workbench of R's `summary(VAR)` and
 * statsmodels — per-equation tables, residual covariance and correlation, roots, residual tests, FEVD, impulse
 * responses with bootstrap bands, forecasts with intervals (docs/estimation.md#the-var-workbench).
 */
import { InputError } from '../errors.js';
import { envelope, printJson } from '../output.js';
import { asInput, columns, readTable } from './data.js';
import { fmt, printStats, printTable, withBand } from './print.js';

/** Parsed options of `fit var`. */
export interface VarCliOptions {
  data: string;
  vars: string[];
  lags: number | 'auto';
  maxLags?: number;
  criterion: 'aic' | 'bic' | 'hqic' | 'fpe';
  irf?: number;
  bands?: number;
  seed: number;
  alpha: number;
  fevd?: number;
  forecast?: number;
  whitenessLags?: number;
  archLags: number;
  csv?: string;
  json?: boolean;
}

/** Runs `fit var` with parsed options: prints text sections, or one JSON document, and writes `--csv`. */
export async function runVar(o: VarCliOptions): Promise<void> {
  if (o.bands !== undefined && o.irf === undefined) throw new InputError(['--bands needs --irf H (the horizon of the responses)'], 'e.g. --irf 10 --bands 500');
  if (o.csv) (await import('../csvFile.js')).checkOutputPath(o.csv, [o.data]);
  // Only the estimators this call uses are loaded (start-up time: docs/performance.md#bundled-cli).
  const [{ fitVar, selectVarOrder }, { grangerAll }, { impulseResponses }, { summarizeVar }, diag, forecast, fevdModule, irfBands] = await Promise.all([
    import('../../estimate/var.js'), import('../../estimate/granger.js'), import('../../estimate/irf.js'), import('../../estimate/varSummary.js'),
    import('../../estimate/varDiagnostics.js'), o.forecast !== undefined ? import('../../estimate/forecast.js') : undefined,
    o.fevd !== undefined ? import('../../estimate/fevd.js') : undefined, o.bands !== undefined ? import('../../estimate/irfBands.js') : undefined,
  ]);
  const cols = await columns(await readTable(o.data), o.vars);
  const rows = cols[0].map((_, t) => cols.map((c) => c[t]));
  const K = o.vars.length;
  let selection;
  let lags: number;
  let maxLags: number | undefined;
  if (o.lags === 'auto') {
    // The default keeps at least K·m + 2 observations in the common sample of T − m rows.
    maxLags = o.maxLags ?? Math.max(0, Math.min(8, Math.floor((rows.length - 2) / (K + 1))));
    const m = maxLags;
    selection = asInput(() => selectVarOrder(rows, m, { names: o.vars }), `lower --max-lags (now ${m})`);
    lags = selection.selected[o.criterion];
  } else lags = o.lags;
  const r = asInput(() => fitVar(rows, lags, { names: o.vars }));
  const granger = asInput(() => grangerAll(r));
  const summary = summarizeVar(r);
  const warnings = [
    ...(selection?.skipped ?? []).map((s) => `lag order ${s.p} skipped in the selection: ${s.reason}`),
    ...o.vars.flatMap((v, i) => (r.sigmaU[i][i] < 1e-20 * variance(cols[i]) ? [`the residuals of '${v}' vanish: the data follow an exact linear recursion, so tests and criteria are degenerate`] : [])),
  ];
  // A residual test that cannot be computed on this sample is reported as null with a warning, not as an error.
  const attempt = <T>(what: string, fn: () => T): T | null => {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof Error && err.name === 'EstimationError')) throw err;
      warnings.push(`${what} not computed: ${err.message}`);
      return null;
    }
  };
  const whitenessLags = o.whitenessLags ?? Math.max(10, r.lags + 1);
  const diagnostics = {
    portmanteau: attempt('portmanteau test', () => diag.portmanteau(r, whitenessLags)),
    normality: attempt('normality test', () => diag.varNormality(r)),
    arch: attempt('ARCH-LM test', () => ({ lags: o.archLags, equations: diag.archLm(r, o.archLags) })),
  };
  const fevd = fevdModule && o.fevd !== undefined ? fevdModule.varianceDecomposition(r, o.fevd) : undefined;
  const irf = o.irf !== undefined ? asInput(() => impulseResponses(r, o.irf!)) : undefined;
  const bands = irfBands && o.bands !== undefined ? asInput(() => irfBands.bootstrapIrfBands(r, o.irf!, { replications: o.bands, level: 1 - o.alpha, seed: o.seed }), 'bands need --lags 1 or more') : undefined;
  const intervals = forecast && o.forecast !== undefined ? forecast.forecastIntervals(r, o.forecast, o.alpha) : undefined;

  if (o.csv) {
    const [{ writeCsvFile }, { TIDY_COEFFICIENT_COLUMNS, coefficientRows }] = await Promise.all([import('../csvFile.js'), import('../tidy.js')]);
    writeCsvFile(o.csv, TIDY_COEFFICIENT_COLUMNS, summary.equations.flatMap((e) => coefficientRows('var', e.name, e.coefficients)));
  }
  const payload = {
    lags: r.lags, nobs: r.nobs, intercept: r.intercept, coefs: r.coefs,
    stdErrors: { intercept: r.interceptStdErrors, coefs: r.coefStdErrors },
    sigmaU: r.sigmaU, logLik: r.logLik, aic: r.aic, bic: r.bic, hqic: r.hqic, fpe: r.fpe,
    ...(selection ? { selection } : {}),
    granger,
    equations: summary.equations, residCorrelation: summary.residCorrelation, roots: summary.roots, stable: summary.stable,
    diagnostics,
    ...(fevd ? { fevd } : {}),
    ...(irf ? { irf: { ...irf, ...(bands ? { bands } : {}) } } : {}),
    ...(intervals ? { forecast: intervals.point, forecastIntervals: { alpha: intervals.alpha, lower: intervals.lower, upper: intervals.upper, mse: intervals.mse } } : {}),
    warnings,
  };
  const options = {
    data: o.data, vars: o.vars, lags: o.lags, maxLags: maxLags ?? null, criterion: o.criterion, irf: o.irf ?? null, bands: o.bands ?? null,
    alpha: o.alpha, fevd: o.fevd ?? null, forecast: o.forecast ?? null, whitenessLags, archLags: o.archLags,
  };
  if (o.json) return printJson({ ...envelope('fit var', { ...(bands ? { seed: o.seed } : {}), options }), ...payload });

  const section = (title: string) => process.stdout.write(`\n== ${title} ==\n`);
  process.stdout.write(`VAR(${r.lags}) with constant on ${o.vars.join(', ')}: ${r.nobs} observations, ${r.dfResid} residual df per equation\n`);
  printStats({ logLik: r.logLik, AIC: r.aic, BIC: r.bic, HQIC: r.hqic, FPE: r.fpe });
  if (selection) {
    section(`Lag selection (p = 0..${maxLags} on a common sample; ${o.criterion.toUpperCase()} chose ${lags})`);
    await printTable(['p', 'AIC', 'BIC', 'HQIC', 'FPE'], selection.aic.map((v, p) => [String(p), v, selection.bic[p], selection.hqic[p], selection.fpe[p]]));
  }
  for (const e of summary.equations) {
    section(`Equation ${e.name}`);
    await printTable(['', 'estimate', 'std. error', 't', 'p (normal)', `p (t, ${r.dfResid} df)`], e.coefficients.map((c) => [c.name, c.estimate, c.stdError, c.t, c.p, c.pStudent]));
    process.stdout.write(`residual std. error ${fmt(e.residStdError)} on ${r.dfResid} df; R² ${fmt(e.r2)}, adj. R² ${fmt(e.adjR2)}` +
      (e.fStat === null ? '\n' : `; F ${fmt(e.fStat)} on (${K * r.lags}, ${r.dfResid}) df, p ${fmt(e.fP)}\n`));
  }
  section('Residual covariance (sigmaU, on nobs − Kp − 1 df)');
  await printTable(['', ...o.vars], r.sigmaU.map((row, i) => [o.vars[i], ...row]));
  section('Residual correlation');
  await printTable(['', ...o.vars], summary.residCorrelation.map((row, i) => [o.vars[i], ...row]));
  section('Roots of the companion matrix (moduli, largest first)');
  const moduli = summary.roots.map((z) => z.modulus).sort((a, b) => b - a);
  process.stdout.write(`${moduli.length ? moduli.map(fmt).join('  ') : 'none (p = 0)'}\n${summary.stable ? 'stable: every root lies inside the unit circle' : 'NOT stable: a root lies on or outside the unit circle'}\n`);
  if (granger.length) {
    section('Granger causality (Wald F)');
    await printTable(['cause', 'effect', 'F', 'df1', 'df2', 'p'], granger.map((g) => [g.cause, g.effect, g.F, String(g.df1), String(g.df2), g.p]));
  }
  section('Residual tests');
  const testRows: (string | number | null)[][] = [];
  const w = diagnostics.portmanteau;
  if (w) testRows.push([`portmanteau (Box–Pierce), ${w.lags} lags`, w.boxPierce.statistic, String(w.boxPierce.df), w.boxPierce.p], [`portmanteau (Ljung–Box), ${w.lags} lags`, w.ljungBox.statistic, String(w.ljungBox.df), w.ljungBox.p]);
  const n = diagnostics.normality;
  if (n) testRows.push(['normality (Jarque–Bera)', n.statistic, String(n.df), n.p], ['  skewness', n.skewness.statistic, String(n.skewness.df), n.skewness.p], ['  kurtosis', n.kurtosis.statistic, String(n.kurtosis.df), n.kurtosis.p]);
  for (const a of diagnostics.arch?.equations ?? []) testRows.push([`ARCH-LM ${a.name}, ${o.archLags} lags`, a.lm, String(o.archLags), a.lmP]);
  await printTable(['test', 'χ²', 'df', 'p'], testRows);
  if (fevd) {
    section(`Forecast error variance decomposition (shares of orthogonalised shocks, h = 1..${o.fevd})`);
    for (let i = 0; i < K; i++) {
      process.stdout.write(`${o.vars[i]}:\n`);
      await printTable(['h', ...o.vars], fevd.map((m, h) => [String(h + 1), ...m[i]]));
    }
  }
  if (irf) {
    const level = Math.round((1 - o.alpha) * 1000) / 10;
    section(`Impulse responses (orthogonalised, Cholesky order ${o.vars.join(' → ')}; h = 0..${o.irf}` +
      (bands ? `; ${level}% bands from ${bands.replications} residual-bootstrap replications, seed ${o.seed})` : ')'));
    for (let j = 0; j < K; j++) {
      process.stdout.write(`shock in ${o.vars[j]}:\n`);
      await printTable(['h', ...o.vars], irf.orthogonalized.map((m, h) => [String(h), ...m.map((row, i) =>
        bands ? withBand(row[j], bands.orthogonalized.lower[h][i][j], bands.orthogonalized.upper[h][i][j]) : fmt(row[j]))]));
    }
    process.stdout.write('plain (unit-shock) responses and their bands: add --json\n');
  }
  if (intervals) {
    section(`Forecasts, ${Math.round((1 - o.alpha) * 1000) / 10}% intervals (MSE-based, parameter uncertainty ignored)`);
    await printTable(['step', ...o.vars], intervals.point.map((f, h) => [String(h + 1), ...f.map((v, i) => withBand(v, intervals.lower[h][i], intervals.upper[h][i]))]));
  }
  if (o.csv) process.stderr.write(`coefficients written to ${o.csv}\n`);
  for (const msg of warnings) process.stderr.write(`warning: ${msg}\n`);
}

function variance(x: number[]): number {
  const m = x.reduce((s, v) => s + v, 0) / x.length;
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, x.length - 1);
}
