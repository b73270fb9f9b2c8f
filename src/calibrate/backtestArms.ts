/**
 * Out-of-sample test of the calibrated arms model (docs/calibration.md#arms): calibrate on the years up to
 * `fit[1]`, then run the calibrated system forward from the observed values of that year and compare it, stock
 * by stock, with what happened — and with naive forecasts: a random walk (no change), a linear trend, drift
 * (compound recent growth) and the anchored mean increment (the last level plus the mean yearly increment of the
 * ten years before it).
 *
 * The model forecast is multi-step and joint: every conventional stock moves by the same one-year map the
 * regression estimated, x_{t+1} = x_t + x⁰[g + ε(θ_t/θ⁰ − 1) − φ(π_t/π⁰ − 1)] − a(x_t − x⁰), with θ and π from
 * the forecast values of the others (so errors propagate through the couplings); strategic stocks, which are
 * not calibrated, are held at their last fitted-year values. Unidentified slopes take the scenario's assumed
 * values; g always takes the regression's estimate from the fitting years, because the scenario's growth values
 * are compound growth over 2014–2024 — the forecast years — and would leak the answer into the forecast.
 */
import { armsParams, matVec, operators } from '../models/arms/buildArms.js';
import type { Scenario } from '../scenario/schema.js';
import type { ArmsPanel } from './armsPanel.js';
import { ARMS_CALIBRATION_SOURCE, calibrateArms, type StockCalibration } from './calibrateArms.js';
import { linearTrendForecast, mape, meanIncrementForecast, randomWalkForecast, rmseLog } from './forecastErrors.js';

export interface ForecastError {
  /** RMSE of log levels (≈ relative error). */
  rmseLog: number;
  /** Mean absolute percentage error, percent. */
  mape: number;
}

/** The forecasts compared. */
export const METHODS = ['model', 'randomWalk', 'trend', 'drift', 'increment'] as const;
export type Method = (typeof METHODS)[number];

export interface BacktestStock {
  label: string;
  actor: string;
  years: number[];
  actual: number[];
  model: number[];
  randomWalk: number[];
  trend: number[];
  drift: number[];
  /** The anchored mean-increment baseline: the fitted year's level plus the mean yearly increment of the ten years before. */
  increment: number[];
  errors: Record<Method, ForecastError>;
}

export interface BacktestResult {
  fit: [number, number];
  horizon: number;
  stocks: BacktestStock[];
  /** Pooled over every evaluated stock-year. */
  overall: { n: number } & Record<Method, ForecastError>;
  calibration: StockCalibration[];
  /** Stocks left out of the comparison, with the reason. */
  excluded: { label: string; reason: string }[];
  /**
   * Parameters the fitting years do not identify whose scenario value is itself a calibration on the full span:
   * the forecast then uses information from the forecast years. Empty when the backtest is clean.
   */
  leaks: string[];
}

export interface BacktestOptions {
  /** Years of the levels used to calibrate; the forecast starts from fit[1]. */
  fit: [number, number];
  /** Years forecast. @default 10 */
  horizon?: number;
  /** Which data sources a stock must have to be evaluated. @default ['SIPRI'] */
  evaluateSources?: string[];
  minObs?: number;
}

/**
 * Runs the backtest on a panel that extends at least `horizon` years past `fit[1]`.
 * Example: `backtestArms(korea, panel, { fit: [1988, 2014] }).overall.model.rmseLog`.
 */
export function backtestArms(s: Scenario, panel: ArmsPanel, options: BacktestOptions): BacktestResult {
  const horizon = options.horizon ?? 10;
  const calibration = calibrateArms(s, panel, { fit: options.fit, minObs: options.minObs });
  const path = simulateCalibrated(s, panel, calibration, options.fit[1], horizon, { growth: 'recent' });
  const evaluate = new Set(options.evaluateSources ?? ['SIPRI']);
  const stocks: BacktestStock[] = [];
  const excluded: { label: string; reason: string }[] = [];
  const ref = panel.years.indexOf(options.fit[1]);
  for (const c of calibration) {
    const q = panel.labels.indexOf(c.label);
    if (!evaluate.has(panel.sources[q])) {
      excluded.push({ label: c.label, reason: `source ${panel.sources[q]} (only ${[...evaluate].join(', ')} stocks are evaluated)` });
      continue;
    }
    const start = panel.observed[ref][q];
    const hs = Array.from({ length: horizon }, (_, h) => h + 1).filter((h) => panel.observed[ref + h]?.[q] != null);
    if (start === null || hs.length === 0) {
      excluded.push({ label: c.label, reason: start === null ? `no observation in ${options.fit[1]}` : 'no observation in the forecast years' });
      continue;
    }
    const fitYears = panel.years.filter((y, t) => y >= options.fit[0] && y <= options.fit[1] && panel.observed[t][q] !== null);
    const fitValues = fitYears.map((y) => panel.observed[panel.years.indexOf(y)][q]!);
    const years = hs.map((h) => options.fit[1] + h);
    const actual = hs.map((h) => panel.observed[ref + h][q]!);
    const model = hs.map((h) => path[h][q]);
    const randomWalk = randomWalkForecast(start, hs.length);
    const trend = linearTrendForecast(fitYears, fitValues, years);
    const drift = hs.map((h) => start * (1 + (c.recentGrowth ?? 0)) ** h);
    const step = meanIncrementForecast(fitYears, fitValues, options.fit[1], horizon);
    const increment = hs.map((h) => step[h - 1]);
    const f = { model, randomWalk, trend, drift, increment };
    const errors = Object.fromEntries(METHODS.map((k) => [k, errorsOf(f[k], actual)])) as Record<Method, ForecastError>;
    stocks.push({ label: c.label, actor: c.actor, years, actual, ...f, errors });
  }
  const n = stocks.reduce((acc, st) => acc + st.years.length, 0);
  const pool = (key: Method) => (n ? errorsOf(stocks.flatMap((st) => st[key]), stocks.flatMap((st) => st.actual)) : { rmseLog: 0, mape: 0 });
  const overall = { n, ...(Object.fromEntries(METHODS.map((k) => [k, pool(k)])) as Record<Method, ForecastError>) };
  const leaks = calibration.flatMap((c) => {
    const [actor, kind] = c.label.split('.');
    const stock = s.actors.find((a) => a.id === actor)?.capabilities?.[kind as 'conventional' | 'strategic'];
    // g is exempt: an unidentified g takes the stock's recent growth, not the scenario's value.
    return c.parameters.filter((p) => !p.identified && p.name !== 'growth').flatMap((p) => {
      const v = stock?.[p.name];
      return v !== undefined && typeof v !== 'number' && v.source === ARMS_CALIBRATION_SOURCE ? [`${c.label}.${p.name}`] : [];
    });
  });
  return { fit: options.fit, horizon, stocks, overall, calibration, excluded, leaks };
}

function errorsOf(f: number[], a: number[]): ForecastError {
  // A trend can cross zero; the log error is then undefined, so such a forecast is floored at 1e-9 of the actual.
  const safe = f.map((v, k) => Math.max(v, 1e-9 * a[k]));
  return { rmseLog: rmseLog(safe, a), mape: mape(f, a) };
}

/**
 * The calibrated one-year map run for `horizon` years from the panel's values in `fromYear`: path[h][q], h = 0
 * is the start. Stocks without a calibration (strategic ones) stay at their start values; stocks stay ≥ 0.
 * `growth: 'recent'` replaces an unidentified g by the stock's `recentGrowth` (default: the calibrated value).
 */
export function simulateCalibrated(
  s: Scenario,
  panel: ArmsPanel,
  calibration: StockCalibration[],
  fromYear: number,
  horizon: number,
  options: { growth?: 'value' | 'recent' } = {},
): number[][] {
  const { params, actorOf } = armsParams(s);
  const { T, P } = operators(params, actorOf);
  const m = params.m;
  const ref = panel.years.indexOf(fromYear);
  const x0 = Float64Array.from(panel.filled[ref]);
  const theta0 = matVec(T, x0, m);
  const pi0 = matVec(P, x0, m);
  const steps = panel.labels.map((label) => {
    const c = calibration.find((k) => k.label === label);
    if (!c) return null;
    const v = (name: string) => c.parameters.find((p) => p.name === name)!.value;
    const g = c.parameters.find((p) => p.name === 'growth')!;
    return { g: options.growth === 'recent' && !g.identified && c.recentGrowth !== null ? c.recentGrowth : g.value, e: v('elasticity'), phi: v('reliance'), a: v('fatigue') };
  });
  const path = [Array.from(x0)];
  let x = x0;
  for (let h = 1; h <= horizon; h++) {
    const theta = matVec(T, x, m);
    const pi = matVec(P, x, m);
    const next = Float64Array.from(x);
    steps.forEach((p, q) => {
      if (!p) return;
      const i = actorOf[q];
      const tr = theta0[i] > 0 ? theta[i] / theta0[i] - 1 : 0;
      const pr = pi0[i] > 0 ? pi[i] / pi0[i] - 1 : 0;
      next[q] = Math.max(0, x[q] + x0[q] * (p.g + p.e * tr - p.phi * pr) - p.a * (x[q] - x0[q]));
    });
    x = next;
    path.push(Array.from(x));
  }
  return path;
}
