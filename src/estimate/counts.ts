import jStat from 'jstat';
import { EstimationError } from './leastSquares.js';
import { invertSpd, solveSpd } from './dense.js';
import { zTwoSided } from './pValues.js';

/** One row of a count model's coefficient table (Wald z tests, as statsmodels' discrete models). */
export interface CountCoefficient {
  name: string;
  estimate: number;
  stdError: number;
  z: number;
  p: number;
}

/** Options of {@link fitCounts}. */
export interface CountOptions {
  /** `poisson`, or `negbin` for NB2 (Var y = μ + αμ²) with α by maximum likelihood. @default 'poisson' */
  family?: 'poisson' | 'negbin';
  /** Regressor names in order. @default ['x1', ...] */
  names?: string[];
  /** Exposure e_t > 0 (e.g. days in the month): the mean is e_t·exp(x_tβ), i.e. offset ln e_t. @default 1 */
  exposure?: number[];
  /** Offset o_t on the log scale, added to ln e_t: μ_t = exp(o_t + x_tβ). @default 0 */
  offset?: number[];
  /** Prepend a constant named `const`. @default true */
  intercept?: boolean;
  /** Newton iterations before giving up. @default 200 */
  maxIter?: number;
}

/** A fitted Poisson or NB2 regression (log link). */
export interface CountResult {
  family: 'poisson' | 'negbin';
  n: number;
  /** n − k, k counting the regression coefficients (not α). */
  df: number;
  coefficients: CountCoefficient[];
  /**
   * NB2 dispersion α with its standard error (from the joint information matrix); absent for Poisson. When the
   * data are not over-dispersed the maximum is on the boundary: α = 0 (the Poisson fit) and stdError null.
   */
  alpha?: { estimate: number; stdError: number | null };
  logLik: number;
  /** −2 logLik + 2·(number of parameters, α included). */
  aic: number;
  /** −2 logLik + ln n·(number of parameters). */
  bic: number;
  iterations: number;
  /** Fitted means μ_t. */
  fitted: number[];
}

/**
 * Poisson or negative-binomial (NB2) regression of the counts `y` on the columns `x` with a log link, by Newton's
 * method on the exact log-likelihood; standard errors from the inverse observed information (for NB2 jointly in
 * (β, α), as statsmodels' `NegativeBinomial(loglike_method='nb2')`). Counts must be non-negative integers.
 * Reference: Cameron & Trivedi, Regression Analysis of Count Data (2013), §3.2–3.3; DESIGN.md §3.2, §3.4.
 * Example: `fitCounts(launches, [exerciseMonths], { family: 'negbin' }).alpha.estimate`.
 */
export function fitCounts(y: number[], x: number[][], options: CountOptions = {}): CountResult {
  const family = options.family ?? 'poisson';
  const intercept = options.intercept ?? true;
  const n = y.length;
  const names = [...(intercept ? ['const'] : []), ...x.map((_, j) => options.names?.[j] ?? `x${j + 1}`)];
  const k = names.length;
  for (const [t, v] of y.entries()) {
    if (!(Number.isInteger(v) && v >= 0)) throw new EstimationError(`counts must be non-negative integers: row ${t + 1} has ${v}`);
  }
  const offset = y.map((_, t) => {
    const e = options.exposure?.[t] ?? 1;
    if (!(e > 0)) throw new EstimationError(`exposure must be positive: row ${t + 1} has ${e}`);
    return Math.log(e) + (options.offset?.[t] ?? 0);
  });
  for (const col of x) if (col.length !== n) throw new EstimationError('every regressor needs one value per observation');
  const rows = y.map((_, t) => [...(intercept ? [1] : []), ...x.map((col) => col[t])]);
  if (n <= k) throw new EstimationError(`too few observations: ${n} rows for ${k} coefficients`);
  const nb = family === 'negbin';
  const lnFact = y.map(lnFactorial);
  const evalAt = (withAlpha: boolean) => (theta: number[]) => evaluate(theta, rows, y, offset, lnFact, withAlpha);
  const maxIter = options.maxIter ?? 200;
  // Start: intercept at the log of the mean rate, slopes 0; NB2 starts from the Poisson fit and α = 0.5.
  const meanRate = y.reduce((s, v) => s + v, 0) / offset.reduce((s, o) => s + Math.exp(o), 0);
  const start = names.map((nm) => (nm === 'const' ? Math.log(Math.max(meanRate, 1e-3)) : 0));
  let fit = newton(start, evalAt(false), maxIter, false);
  let boundary = false;
  if (nb) {
    // The NB2 score for α at α → 0⁺ is ½Σ((y − μ)² − y) at the Poisson fit (Cameron & Trivedi 2013, §3.4): when
    // it is ≤ 0 the data are not over-dispersed and the maximum lies on the boundary α = 0, the Poisson model.
    const mu = evalAt(false)(fit.theta).mu;
    boundary = y.reduce((s, v, t) => s + (v - mu[t]) ** 2 - v, 0) <= 0;
    if (!boundary) fit = newton([...fit.theta, 0.5], evalAt(true), maxIter, true);
  }
  const est = fit.theta;
  const cov = invertSpd(fit.info, 'information matrix (the design is singular)');
  const at = evalAt(nb && !boundary)(est);
  const coefficients = names.map((name, r) => {
    const stdError = Math.sqrt(cov[r][r]);
    const z = est[r] / stdError;
    return { name, estimate: est[r], stdError, z, p: zTwoSided(z) };
  });
  const nParams = k + (nb ? 1 : 0);
  return {
    family,
    n,
    df: n - k,
    coefficients,
    ...(nb ? { alpha: boundary ? { estimate: 0, stdError: null } : { estimate: est[k], stdError: Math.sqrt(cov[k][k]) } } : {}),
    logLik: at.ll,
    aic: -2 * at.ll + 2 * nParams,
    bic: -2 * at.ll + Math.log(n) * nParams,
    iterations: fit.iterations,
    fitted: at.mu,
  };
}

interface Evaluation {
  ll: number;
  grad: number[];
  /** Negative Hessian (observed information). */
  info: number[][];
  mu: number[];
}

/** Log-likelihood, score and observed information at θ = (β) or (β, α). */
function evaluate(theta: number[], rows: number[][], y: number[], offset: number[], lnFact: number[], nb: boolean): Evaluation {
  const k = rows[0].length;
  const p = theta.length;
  const alpha = nb ? theta[k] : 0;
  let ll = 0;
  const grad = new Array<number>(p).fill(0);
  const info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const mu: number[] = [];
  for (let t = 0; t < y.length; t++) {
    let eta = offset[t];
    for (let r = 0; r < k; r++) eta += rows[t][r] * theta[r];
    const m = Math.exp(eta);
    mu.push(m);
    const yt = y[t];
    let dEta: number;
    let wEta: number;
    if (!nb) {
      ll += yt * eta - m - lnFact[t];
      dEta = yt - m;
      wEta = m;
    } else {
      const am = 1 + alpha * m;
      const r = 1 / alpha;
      // lnΓ(y + r) − lnΓ(r) and its α-derivatives as finite sums over the integer count: exact, and free of the
      // cancellation ψ(y + r) − ψ(r) suffers when α is small.
      let lg = 0;
      let dg = 0;
      let tg = 0;
      for (let j = 0; j < yt; j++) {
        lg += Math.log(r + j);
        dg += 1 / (r + j);
        tg += 1 / (r + j) ** 2;
      }
      const lnAm = Math.log1p(alpha * m);
      ll += lg - lnFact[t] - (yt + r) * lnAm + yt * Math.log(alpha * m);
      dEta = (yt - m) / am;
      wEta = (m * (1 + alpha * yt)) / (am * am);
      const L = lnAm - dg;
      grad[k] += L / alpha ** 2 + (yt - m) / (alpha * am);
      const d2a = -2 * L / alpha ** 3 + (m / am - tg / alpha ** 2) / alpha ** 2 - ((yt - m) * (1 + 2 * alpha * m)) / (alpha * am) ** 2;
      info[k][k] -= d2a;
      const cross = -((yt - m) * m) / (am * am);
      for (let r2 = 0; r2 < k; r2++) {
        info[r2][k] -= cross * rows[t][r2];
        info[k][r2] -= cross * rows[t][r2];
      }
    }
    for (let a = 0; a < k; a++) {
      grad[a] += dEta * rows[t][a];
      for (let b = 0; b < k; b++) info[a][b] += wEta * rows[t][a] * rows[t][b];
    }
  }
  return { ll, grad, info, mu };
}

/**
 * Newton's method with step halving (α kept positive). Converged when a Newton step is negligible, or when no
 * fraction of it keeps the likelihood from falling (the optimum at rounding level).
 */
function newton(start: number[], model: (t: number[]) => Evaluation, maxIter: number, positiveLast: boolean) {
  let theta = start;
  let cur = model(theta);
  const valid = (t: number[]) => t.every(Number.isFinite) && (!positiveLast || t[t.length - 1] > 0);
  for (let it = 1; it <= maxIter; it++) {
    // Far from the optimum the NB2 information can be indefinite: fall back to a gradient step scaled by its diagonal.
    let step: number[];
    let isNewton = true;
    try {
      step = solveSpd(cur.info, cur.grad, 'information matrix');
    } catch {
      step = cur.grad.map((g, i) => g / Math.max(Math.abs(cur.info[i][i]), 1e-8));
      isNewton = false;
    }
    let scale = 1;
    let improved: { theta: number[]; ev: Evaluation } | undefined;
    while (!improved && scale > 1e-10) {
      const next = theta.map((v, i) => v + scale * step[i]);
      const ev = valid(next) ? model(next) : undefined;
      // Near the optimum the likelihood is flat to rounding: a change within 1e−12 relative counts as no worse.
      if (ev && Number.isFinite(ev.ll) && ev.ll >= cur.ll - 1e-12 * Math.abs(cur.ll)) improved = { theta: next, ev };
      else scale /= 2;
    }
    if (!improved) {
      if (isNewton) return { theta, iterations: it, info: cur.info };
      throw new EstimationError('count model: the iterations stopped improving the likelihood away from an optimum');
    }
    const small = step.every((v, i) => Math.abs(scale * v) <= 1e-10 * (1 + Math.abs(theta[i])));
    theta = improved.theta;
    cur = improved.ev;
    if (small && isNewton) return { theta, iterations: it, info: cur.info };
  }
  throw new EstimationError(`count model did not converge in ${maxIter} iterations (is the dispersion at its boundary α → 0?)`);
}

function lnFactorial(v: number): number {
  if (v < 2) return 0;
  if (v > 1000) return jStat.gammaln(v + 1);
  let s = 0;
  for (let j = 2; j <= v; j++) s += Math.log(j);
  return s;
}
