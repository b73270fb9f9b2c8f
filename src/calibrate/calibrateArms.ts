/**
 * Calibration of the arms model's per-stock parameters (DESIGN.md §3.1) from a yearly panel, in the model's own
 * discrete-time (Euler, one-year) form:
 *
 *   (x_{t+1} − x_t)/x⁰ = g + ε (θ_t/θ⁰ − 1) − φ (π_t/π⁰ − 1) − a (x_t/x⁰ − 1) + u_t
 *
 * with θ_t = T x_t and π_t = P x_t from the scenario's own threat and protection operators applied to the filled
 * panel, and x⁰, θ⁰, π⁰ the values in the reference year. The regression is in levels because that is the form
 * the model implies and in which its parameters are consistently estimated (in first differences the lagged
 * own term y_{t−1} = Δx_t/x⁰ is correlated with the differenced error, which biases a). Levels regressors that
 * trend are flagged: if the model is wrong, such a regression can be spurious (Granger & Newbold 1974).
 * Standard errors are HC1 (the growth of a small spender is noisier).
 *
 * A slope is identified when it has a variance inflation factor below 10, the sign the model requires
 * (ε, φ, a ≥ 0) and |t| ≥ 2 (and, for a, when the series is not spliced across source breaks); otherwise it stays the
 * scenario's assumption. A final fit keeps only the identified slopes and gives their values and g, its
 * intercept — the growth rate at the base point, where every regressor is 0 and the model's growth is g
 * whatever the slopes; g is identified when |t| ≥ 2 there. Nothing depends on the scenario's current values, so
 * a rerun on a calibrated scenario gives the same result. Stocks with fewer than `minObs` growth rates keep every
 * assumption. Each stock also reports its compound growth over the last ten years of the span (`recentGrowth`),
 * the rule the scenario's own growth values follow.
 */
import { ols } from '../estimate/ols.js';
import { EstimationError } from '../estimate/leastSquares.js';
import { armsParams, matVec, operators } from '../models/arms/buildArms.js';
import { paramValue, type Param } from '../scenario/param.js';
import type { Scenario } from '../scenario/schema.js';
import type { ArmsPanel } from './armsPanel.js';

/** The `sources` id that calibrated values in a scenario cite. */
export const ARMS_CALIBRATION_SOURCE = 'calibration-arms-sipri-2025';

export type StockParam = 'growth' | 'elasticity' | 'reliance' | 'fatigue';

/** One parameter of one stock: the estimate, and whether the data identify it. */
export interface ParamEstimate {
  name: StockParam;
  /** Estimate in the unrestricted regression (null when the regressor was left out: no variation). */
  estimate: number | null;
  stdError: number | null;
  t: number | null;
  /** Variance inflation factor of the regressor (slopes only). */
  vif: number | null;
  identified: boolean;
  /** Why the parameter is or is not identified. */
  reason: string;
  /** The value the scenario should use: the final estimate if identified, else the assumption. */
  value: number;
  /** Standard error of `value` in the final fit (identified parameters only). */
  valueStdError: number | null;
  /** [value ± 2 SE] clipped to the parameter's domain, or the assumption's range. */
  range: [number, number] | null;
  /** The scenario's value before calibration. */
  assumed: number;
}

export interface StockCalibration {
  label: string;
  actor: string;
  /** Number of growth rates regressed on. */
  n: number;
  /** First and last year t of the growth rates (x_t → x_{t+1}). */
  span: [number, number];
  /** R² of the unrestricted regression (all slopes). */
  r2: number;
  /** R² of the final fit (identified slopes only; 0 when it has none, the intercept alone). */
  finalR2: number;
  parameters: ParamEstimate[];
  /** Compound growth per year over the last `RECENT_YEARS` observed years of the span (null if not observed). */
  recentGrowth: number | null;
  warnings: string[];
}

export interface CalibrateArmsOptions {
  /** First and last year of the levels used: growth rates x_t → x_{t+1} with both years inside. */
  fit: [number, number];
  /** Year of x⁰, θ⁰ and π⁰. @default fit[1] */
  referenceYear?: number;
  /** Only these kinds of stock are calibrated. @default ['conventional'] */
  kinds?: string[];
  /** Fewest growth rates for a calibration. @default 12 */
  minObs?: number;
}

const T_MIN = 2;
/** Years over which `recentGrowth` compounds. */
export const RECENT_YEARS = 10;
const VIF_MAX = 10;
const VIF_CAP = 1e12;
const TREND_R2 = 0.6;
const RHO_MAX = 0.5;
const nonNegativeParams = new Set<StockParam>(['elasticity', 'reliance', 'fatigue']);

/**
 * Calibrates every stock of the given kinds that has at least `minObs` observed growth rates. Stocks with too
 * few are listed with a warning and nothing identified.
 * Example: `calibrateArms(korea, panel, { fit: [1988, 2024] })[0].parameters`.
 */
export function calibrateArms(s: Scenario, panel: ArmsPanel, options: CalibrateArmsOptions): StockCalibration[] {
  const { params, labels, actorOf, kindOf } = armsParams(s);
  const { T, P } = operators(params, actorOf);
  const m = params.m;
  const refYear = options.referenceYear ?? options.fit[1];
  const ref = panel.years.indexOf(refYear);
  if (ref < 0) throw new RangeError(`reference year ${refYear} is outside the panel ${panel.years[0]}–${panel.years[panel.years.length - 1]}`);
  const theta = panel.filled.map((x) => matVec(T, Float64Array.from(x), m));
  const pi = panel.filled.map((x) => matVec(P, Float64Array.from(x), m));
  const kinds = options.kinds ?? ['conventional'];
  const out: StockCalibration[] = [];
  labels.forEach((label, q) => {
    if (!kinds.includes(kindOf[q])) return;
    const i = actorOf[q];
    const stock = s.actors[i].capabilities![kindOf[q] as 'conventional' | 'strategic']!;
    const cols = {
      x0: panel.filled[ref][q],
      theta0: theta[ref][i],
      pi0: pi[ref][i],
    };
    const rows: (Row & { segment: number | null })[] = [];
    for (let t = 0; t + 1 < panel.years.length; t++) {
      const year = panel.years[t];
      if (year < options.fit[0] || year + 1 > options.fit[1]) continue;
      const a = panel.observed[t][q];
      const b = panel.observed[t + 1][q];
      if (a === null || b === null || panel.segment[t][q] !== panel.segment[t + 1][q]) continue;
      rows.push({
        year,
        y: (b - a) / cols.x0,
        threat: cols.theta0 > 0 ? theta[t][i] / cols.theta0 - 1 : 0,
        protection: cols.pi0 > 0 ? pi[t][i] / cols.pi0 - 1 : 0,
        own: a / cols.x0 - 1,
        segment: panel.segment[t][q],
      });
    }
    const assumed: Record<StockParam, Param | undefined> = { growth: stock.growth, elasticity: stock.elasticity, reliance: stock.reliance, fatigue: stock.fatigue };
    const segments = new Set(rows.map((r) => r.segment));
    const end = panel.years.indexOf(options.fit[1]);
    const first = panel.observed[end - RECENT_YEARS]?.[q];
    const last = panel.observed[end]?.[q];
    const sameSegment = panel.segment[end - RECENT_YEARS]?.[q] === panel.segment[end]?.[q];
    const recentGrowth = first && last && sameSegment ? (last / first) ** (1 / RECENT_YEARS) - 1 : null;
    const c = calibrateStock(label, s.actors[i].id, rows.map(({ segment: _, ...r }) => r), assumed, { minObs: options.minObs, spliced: segments.size > 1 });
    out.push({ ...c, recentGrowth });
  });
  return out;
}

/** One growth rate and its regressors (see the file's comment). */
export type Row = { year: number; y: number; threat: number; protection: number; own: number };
const slopes: { name: StockParam; column: 'threat' | 'protection' | 'own'; sign: 1 | -1 }[] = [
  { name: 'elasticity', column: 'threat', sign: 1 },
  { name: 'reliance', column: 'protection', sign: -1 },
  { name: 'fatigue', column: 'own', sign: -1 },
];

/** The regressions of one stock on prepared rows (exported for tests on hand-made panels). */
export function calibrateStock(
  label: string,
  actor: string,
  rows: Row[],
  assumed: Record<StockParam, Param | undefined>,
  options: { minObs?: number; spliced?: boolean } = {},
): StockCalibration {
  const minObs = options.minObs ?? 12;
  const spliced = options.spliced ?? false;
  const warnings: string[] = [];
  const assumedValue = (p: StockParam) => paramValue(assumed[p]);
  const keepRange = (p: StockParam): [number, number] | null => {
    const a = assumed[p];
    return a !== undefined && typeof a !== 'number' && a.range ? [a.range[0], a.range[1]] : null;
  };
  const notIdentified = (name: StockParam, reason: string, est: Partial<ParamEstimate> = {}): ParamEstimate => ({
    name, estimate: null, stdError: null, t: null, vif: null, ...est, identified: false, reason, value: assumedValue(name), valueStdError: null, range: keepRange(name), assumed: assumedValue(name),
  });
  const span: [number, number] = rows.length ? [rows[0].year, rows[rows.length - 1].year] : [0, 0];
  if (rows.length < minObs) {
    warnings.push(`${label}: only ${rows.length} growth rates (fewer than ${minObs}); every parameter stays an assumption`);
    const reason = `too few observations (${rows.length})`;
    return { label, actor, n: rows.length, span, r2: 0, finalR2: 0, parameters: (['growth', 'elasticity', 'reliance', 'fatigue'] as const).map((p) => notIdentified(p, reason)), recentGrowth: null, warnings };
  }
  // A regressor with no variation (an actor with no allies has π ≡ 0) cannot be estimated: leave it out.
  const used = slopes.filter((sl) => spread(rows.map((r) => r[sl.column])) > 1e-12);
  let full;
  try {
    full = ols(rows.map((r) => r.y), used.map((sl) => rows.map((r) => r[sl.column])), { names: used.map((sl) => sl.column), robust: true });
  } catch (err) {
    if (!(err instanceof EstimationError)) throw err;
    const reason = `regression failed: ${err.message}`;
    return { label, actor, n: rows.length, span, r2: 0, finalR2: 0, parameters: (['growth', 'elasticity', 'reliance', 'fatigue'] as const).map((p) => notIdentified(p, reason)), recentGrowth: null, warnings: [...warnings, `${label}: ${reason}`] };
  }
  for (const sl of used) {
    const r2 = trendR2(rows.map((r) => r[sl.column]), rows.map((r) => r.year));
    if (r2 >= TREND_R2) warnings.push(`${label}: regressor '${sl.column}' trends (R² on time ${r2.toFixed(2)}); a levels regression may be spurious if the model is wrong`);
  }
  const rho = lag1(full.residuals);
  if (Math.abs(rho) > RHO_MAX) warnings.push(`${label}: residual autocorrelation ${rho.toFixed(2)}; standard errors are likely understated`);
  const slopeEst = new Map<StockParam, ParamEstimate>();
  for (const sl of slopes) {
    const k = used.indexOf(sl);
    if (k < 0) {
      slopeEst.set(sl.name, notIdentified(sl.name, `no variation in '${sl.column}'`));
      continue;
    }
    const c = full.coefficients[k + 1];
    const estimate = sl.sign * c.estimate;
    const vif = vifOf(rows, used, k);
    const est = { estimate, stdError: c.stdError, t: sl.sign * c.t, vif };
    let reason = '';
    if (vif >= VIF_MAX) reason = `collinear (VIF ${vif.toFixed(1)} ≥ ${VIF_MAX})`;
    else if (estimate < 0) reason = `wrong sign (${estimate.toFixed(3)} < 0)`;
    else if (Math.abs(c.t) < T_MIN) reason = `not significant (|t| = ${Math.abs(c.t).toFixed(2)} < ${T_MIN})`;
    else if (sl.name === 'fatigue' && spliced) reason = 'the series is spliced across source breaks, so x/x⁰ compares levels the splice assumed';
    slopeEst.set(
      sl.name,
      reason
        ? notIdentified(sl.name, reason, est)
        : { ...notIdentified(sl.name, ''), ...est, identified: true, reason: `t = ${est.t.toFixed(2)}, VIF ${vif.toFixed(1)}` },
    );
  }
  // The final fit keeps only the identified slopes: an unidentified regressor, left in, would move the intercept
  // by its unreliable slope times its mean distance from the base (USA 1988–2014: a collinear φ of 1.6 drags g
  // to −14%/yr). g is the intercept — the growth rate at the base point, where every regressor is 0 and the
  // model's growth is g whatever the slopes.
  // A slope that loses its sign or significance once the others are dropped is dropped too, until none does.
  let free = slopes.filter((sl) => slopeEst.get(sl.name)!.identified);
  let final = ols(rows.map((r) => r.y), free.map((sl) => rows.map((r) => r[sl.column])), { robust: true });
  for (;;) {
    const weak = free.find((sl, k) => sl.sign * final.coefficients[k + 1].estimate < 0 || Math.abs(final.coefficients[k + 1].t) < T_MIN);
    if (!weak) break;
    const pe = slopeEst.get(weak.name)!;
    Object.assign(pe, { identified: false, reason: `not robust: wrong sign or |t| < ${T_MIN} once the unidentified slopes are dropped`, value: pe.assumed, range: keepRange(weak.name) });
    free = free.filter((sl) => sl !== weak);
    final = ols(rows.map((r) => r.y), free.map((sl) => rows.map((r) => r[sl.column])), { robust: true });
  }
  free.forEach((sl, k) => {
    const c = final.coefficients[k + 1];
    const pe = slopeEst.get(sl.name)!;
    pe.value = sl.sign * c.estimate;
    pe.valueStdError = c.stdError;
    pe.range = clip(sl.name, pe.value, c.stdError);
  });
  const gc = final.coefficients[0];
  const gEst = { estimate: full.coefficients[0].estimate, stdError: full.coefficients[0].stdError, t: full.coefficients[0].t, vif: null };
  const growth: ParamEstimate =
    Math.abs(gc.t) >= T_MIN
      ? { name: 'growth', ...gEst, identified: true, reason: `t = ${gc.t.toFixed(2)} in the final fit`, value: gc.estimate, valueStdError: gc.stdError, range: clip('growth', gc.estimate, gc.stdError), assumed: assumedValue('growth') }
      : notIdentified('growth', `not significant (|t| = ${Math.abs(gc.t).toFixed(2)} < ${T_MIN} in the final fit)`, gEst);
  return { label, actor, n: rows.length, span, r2: full.r2, finalR2: free.length ? final.r2 : 0, parameters: [growth, ...slopes.map((sl) => slopeEst.get(sl.name)!)], recentGrowth: null, warnings };
}

function clip(name: StockParam, value: number, se: number): [number, number] {
  const lo = value - 2 * se;
  return [nonNegativeParams.has(name) ? Math.max(0, lo) : lo, value + 2 * se];
}

/** 1/(1 − R²) of regressor k on the other used regressors (1 when it is the only one). */
function vifOf(rows: Row[], used: typeof slopes, k: number): number {
  if (used.length < 2) return 1;
  const others = used.filter((_, j) => j !== k);
  try {
    const r2 = ols(rows.map((r) => r[used[k].column]), others.map((sl) => rows.map((r) => r[sl.column]))).r2;
    return Math.min(VIF_CAP, 1 / Math.max(1 - r2, 1 / VIF_CAP));
  } catch {
    return VIF_CAP; // an exact linear combination of the others
  }
}

function trendR2(series: number[], years: number[]): number {
  return spread(series) > 1e-12 ? ols(series, [years]).r2 : 0;
}

function spread(x: number[]): number {
  return x.length ? Math.max(...x) - Math.min(...x) : 0;
}

function lag1(e: number[]): number {
  let num = 0;
  let den = 0;
  e.forEach((v, t) => {
    den += v * v;
    if (t > 0) num += v * e[t - 1];
  });
  return den > 0 ? num / den : 0;
}

