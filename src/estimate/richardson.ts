import { logm } from '../math/logm.js';
import { EstimationError, leastSquares } from './leastSquares.js';
import { ols, type OlsResult } from './ols.js';

/** How the per-stock regressions treat trends: raw levels, first differences, or a deterministic trend term. */
export type RichardsonForm = 'levels' | 'diff' | 'trend';

/** A trend R² of a levels regressor at or above this triggers the spurious-regression warning. */
export const TREND_R2_WARNING = 0.6;

/** One actor's elasticity-form fit (DESIGN.md §3.1 with one rival and no allies). */
export interface PerStockFit {
  actor: string;
  rival: string;
  form: RichardsonForm;
  /** The OLS fit: coefficients `const`, `threat`, `own` (and `trend` in the trend form). */
  fit: OlsResult;
  /** Autonomous growth g (per step, as a share of the base value); null in the diff form, which removes it. */
  drive: number | null;
  /** Reaction elasticity ε: the coefficient of θ/θ⁰ − 1. */
  reaction: number;
  /** Fatigue a = −(coefficient of x/x⁰ − 1). */
  fatigue: number;
}

/**
 * Per-stock regressions in the elasticity form of DESIGN.md §3.1 for two actors, each the other's only threat:
 * Δx_t/x⁰ = g + ε(θ_t/θ⁰ − 1) − a(x_t/x⁰ − 1) + e_t, with x⁰, θ⁰ the first row (the base year), Δx_t = x_{t+1} − x_t.
 * Forms: `levels` (as written), `trend` (adds t = 1, 2, … as a regressor), `diff` (first differences of both
 * sides: ε and a survive, g drops out). Returns the two fits and warnings — in levels, regressors that trend
 * (linear-trend R² ≥ 0.6) make the regression liable to be spurious (Granger & Newbold 1974).
 * Example: `richardsonPerStock(us, ussr, { names: ['US', 'USSR'], form: 'diff' })`.
 */
export function richardsonPerStock(
  u: number[],
  v: number[],
  options: { names?: [string, string]; form?: RichardsonForm } = {},
): { fits: PerStockFit[]; warnings: string[] } {
  const [nu, nv] = options.names ?? ['U', 'V'];
  const form = options.form ?? 'levels';
  checkSeries(u, v, [nu, nv]);
  const warnings: string[] = [];
  const fits = [
    [u, v, nu, nv],
    [v, u, nv, nu],
  ].map(([own, rival, actor, rivalName]) => {
    const o = own as number[];
    const r = rival as number[];
    const y = o.slice(1).map((val, t) => (val - o[t]) / o[0]);
    const threat = r.slice(0, -1).map((val) => val / r[0] - 1);
    const ownRatio = o.slice(0, -1).map((val) => val / o[0] - 1);
    let fit: OlsResult;
    if (form === 'diff') {
      fit = ols(diff(y), [diff(threat), diff(ownRatio)], { names: ['threat', 'own'] });
    } else if (form === 'trend') {
      fit = ols(y, [threat, ownRatio, y.map((_, t) => t + 1)], { names: ['threat', 'own', 'trend'] });
    } else {
      fit = ols(y, [threat, ownRatio], { names: ['threat', 'own'] });
      for (const [label, series] of [['threat', threat], ['own', ownRatio]] as const) {
        const r2 = trendR2(series);
        if (r2 >= TREND_R2_WARNING) {
          warnings.push(
            `${actor as string}: regressor '${label}' trends (R² on time ${r2.toFixed(2)}); a regression on trending levels may be spurious — try --form diff or --form trend`,
          );
        }
      }
    }
    const c = (name: string) => fit.coefficients.find((x) => x.name === name)!.estimate;
    return {
      actor: actor as string,
      rival: rivalName as string,
      form,
      fit,
      drive: form === 'diff' ? null : c('const'),
      reaction: c('threat'),
      fatigue: -c('own'),
    };
  });
  return { fits, warnings: [...new Set(warnings)] };
}

/** Richardson's pooled two-bloc fit. */
export interface PooledFit {
  /** Slope k − a of Δ(U+V) on the mean of consecutive U+V. */
  slope: number;
  /** Intercept g + h. */
  intercept: number;
  /** Level of U+V at which growth stops, −intercept/slope (null when the slope is exactly 0). */
  stopLevel: number | null;
  fit: OlsResult;
}

/**
 * Richardson's own pooled form (Arms and Insecurity, 1960): Δ(U+V)_t = (k − a)·((U+V)_t + (U+V)_{t+1})/2 + (g + h),
 * fitted by OLS on the n − 1 consecutive pairs; growth stops where U+V = −intercept/slope.
 * Example: `richardsonPooled(entente, alliance).stopLevel`.
 */
export function richardsonPooled(u: number[], v: number[]): PooledFit {
  checkSeries(u, v, ['U', 'V']);
  const s = u.map((val, t) => val + v[t]);
  const fit = ols(diff(s), [s.slice(1).map((val, t) => (val + s[t]) / 2)], { names: ['mean'] });
  const [intercept, slope] = fit.coefficients.map((c) => c.estimate);
  return { slope, intercept, stopLevel: slope === 0 ? null : -intercept / slope, fit };
}

/** A discrete linear fit x_{t+1} = M x_t + c and its continuous-time reading dx/dt = A x + b. */
export interface DiscreteReading {
  M: number[][];
  c: number[];
  /** Years per row. */
  dt: number;
  /** Continuous-time generator, null when M has no real logarithm (an eigenvalue ≤ 0). */
  A: number[][] | null;
  b: number[] | null;
}

/**
 * Fits x_{t+1} = M x_t + c to the rows `x[t][i]` by QR least squares, and reads it in continuous time: the
 * augmented matrix [[M, c], [0, 1]] equals exp([[A, b], [0, 0]]·dt), so [[A, b], [0, 0]] = logm(·)/dt — valid
 * even when A is singular. `dt` is the time between rows in years (default 1).
 * Example: `discreteToContinuous(rows, 1).A` is comparable with the A of a linear arms scenario (DESIGN.md §3.1).
 */
export function discreteToContinuous(x: number[][], dt = 1): DiscreteReading {
  const K = x[0]?.length ?? 0;
  if (x.length - 1 <= K + 1) throw new EstimationError(`too few rows: ${x.length} rows for a ${K}-variable system`);
  const fit = leastSquares(x.slice(0, -1).map((row) => [1, ...row]), x.slice(1));
  const M = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (__, j) => fit.beta[1 + j][i]));
  const c = fit.beta[0].slice();
  const aug = [...M.map((row, i) => [...row, c[i]]), [...new Array<number>(K).fill(0), 1]];
  try {
    const L = logm(aug);
    return { M, c, dt, A: L.slice(0, K).map((row) => row.slice(0, K).map((v) => v / dt)), b: L.slice(0, K).map((row) => row[K] / dt) };
  } catch (err) {
    if (err instanceof RangeError) return { M, c, dt, A: null, b: null };
    throw err;
  }
}

function diff(x: number[]): number[] {
  return x.slice(1).map((v, t) => v - x[t]);
}

function trendR2(series: number[]): number {
  const n = series.length;
  const tm = (n - 1) / 2;
  const ym = series.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  series.forEach((v, t) => {
    sxy += (t - tm) * (v - ym);
    sxx += (t - tm) ** 2;
    syy += (v - ym) ** 2;
  });
  return syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
}

function checkSeries(u: number[], v: number[], names: string[]): void {
  if (u.length !== v.length) throw new EstimationError('the two series need the same length');
  [u, v].forEach((s, i) => {
    if (s[0] === 0) throw new EstimationError(`${names[i]}: the base (first) value is 0, so ratios to it are undefined`);
  });
}
