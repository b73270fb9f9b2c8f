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
  /** NB2 dispersion α with its standard error (from the joint information matrix); absent for Poisson. */
  alpha?: { estimate: number; stdError: number };
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
  const rows = y.map((_, t) => [...(intercept ? [1] : []), ...x.map((col) => col[t])]);
  if (n <= k) throw new EstimationError(`too few observations: ${n} rows for ${k} coefficients`);
  const nb = family === 'negbin';
  const lnFact = y.map(lnFactorial);
  const model = (theta: number[]) => evaluate(theta, rows, y, offset, lnFact, nb);
  // Start: intercept at the log of the mean rate, slopes 0, α from the Poisson moments.
  const meanRate = y.reduce((s, v) => s + v, 0) / offset.reduce((s, o) => s + Math.exp(o), 0);
  let theta = names.map((nm) => (nm === 'const' ? Math.log(Math.max(meanRate, 1e-3)) : 0));
  if (nb) theta = [...newton(theta, (t) => evaluate(t, rows, y, offset, lnFact, false), options.maxIter ?? 200, false).theta, 0.5];
  const { theta: est, iterations, info } = newton(theta, model, options.maxIter ?? 200, nb);
  const cov = invertSpd(info, 'information matrix (the design is singular)');
  const at = model(est);
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
    ...(nb ? { alpha: { estimate: est[k], stdError: Math.sqrt(cov[k][k]) } } : {}),
    logLik: at.ll,
    aic: -2 * at.ll + 2 * nParams,
    bic: -2 * at.ll + Math.log(n) * nParams,
    iterations,
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

/** Newton's method with step halving (and α kept positive); stops when the Newton step is negligible. */
function newton(start: number[], model: (t: number[]) => Evaluation, maxIter: number, positiveLast: boolean) {
  let theta = start;
  let cur = model(theta);
  for (let it = 1; it <= maxIter; it++) {
    // Far from the optimum the NB2 information can be indefinite: fall back to a gradient step scaled by its diagonal.
    let step: number[];
    try {
      step = solveSpd(cur.info, cur.grad, 'information matrix');
    } catch {
      step = cur.grad.map((g, i) => g / Math.max(Math.abs(cur.info[i][i]), 1e-8));
    }
    let scale = 1;
    let next = theta.map((v, i) => v + step[i]);
    let ev = valid(next) ? model(next) : undefined;
    while (!(ev && Number.isFinite(ev.ll) && ev.ll >= cur.ll - 1e-12 * Math.abs(cur.ll)) && scale > 1e-10) {
      scale /= 2;
      next = theta.map((v, i) => v + scale * step[i]);
      ev = valid(next) ? model(next) : undefined;
    }
    if (!ev) throw new EstimationError('count model: Newton iterations failed to improve the likelihood');
    const small = step.every((s, i) => Math.abs(scale * s) <= 1e-10 * (1 + Math.abs(theta[i])));
    theta = next;
    cur = ev;
    if (small) return { theta, iterations: it, info: model(theta).info };
  }
  throw new EstimationError(`count model did not converge in ${maxIter} iterations (is the dispersion at its boundary α → 0?)`);
  function valid(t: number[]): boolean {
    return t.every(Number.isFinite) && (!positiveLast || t[t.length - 1] > 0);
  }
}

function lnFactorial(v: number): number {
  if (v < 2) return 0;
  if (v > 1000) return jStat.gammaln(v + 1);
  let s = 0;
  for (let j = 2; j <= v; j++) s += Math.log(j);
  return s;
}
