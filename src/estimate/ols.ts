import { EstimationError, leastSquares, type LeastSquaresFit } from './leastSquares.js';
import { fSurvival, tTwoSided } from './pValues.js';
import { matMul, waldQuadratic } from './dense.js';

/** One row of a coefficient table. */
export interface Coefficient {
  name: string;
  estimate: number;
  stdError: number;
  t: number;
  /** Two-sided p-value from Student's t with the residual degrees of freedom. */
  p: number;
}

/** Options of {@link ols}. */
export interface OlsOptions {
  /** Names of the regressor columns, in order. @default ['x1', 'x2', ...] */
  names?: string[];
  /** Prepend a constant column named `const`. @default true */
  intercept?: boolean;
  /** Report HC1 heteroskedasticity-robust standard errors (and the robust Wald F). @default false */
  robust?: boolean;
}

/** An OLS fit, with the statistics statsmodels' `OLS(...).fit()` reports. */
export interface OlsResult {
  /** Number of observations. */
  n: number;
  /** Residual degrees of freedom n − k (k coefficients, the constant included). */
  df: number;
  coefficients: Coefficient[];
  /** Centred R² when there is a constant, uncentred otherwise (as statsmodels). */
  r2: number;
  adjR2: number;
  /** F statistic of all slopes = 0 (a robust Wald F/q under HC1); null when there is no slope. */
  fStat: number | null;
  fP: number | null;
  /** Gaussian log-likelihood at the ML variance SSR/n. */
  logLik: number;
  /** −2 logLik + 2k. */
  aic: number;
  /** −2 logLik + k ln n. */
  bic: number;
  /** Residual sum of squares. */
  ssr: number;
  /** Residual variance SSR/df (the square of statsmodels' `scale`'s root). */
  sigma2: number;
  /** Covariance of the estimates (classical or HC1), k × k in coefficient order. */
  cov: number[][];
  covType: 'nonrobust' | 'HC1';
  residuals: number[];
  fitted: number[];
}

/**
 * Ordinary least squares of `y` on the columns `x` (each `x[j]` one regressor, same length as `y`), by
 * column-equilibrated Householder QR. Statistics follow statsmodels: t tests on n − k df, F of all slopes on
 * (k − 1, n − k) df, HC1 = n/(n − k)·(XᵀX)⁻¹Xᵀdiag(e²)X(XᵀX)⁻¹ with the F as a Wald test on that covariance.
 * Reference: Greene, Econometric Analysis, ch. 3–4; DESIGN.md §3.4.
 * Example: `ols([1, 3, 5.2], [[0, 1, 2]]).coefficients[1].estimate` ≈ 2.1.
 */
export function ols(y: number[], x: number[][], options: OlsOptions = {}): OlsResult {
  const intercept = options.intercept ?? true;
  const n = y.length;
  for (const col of x) if (col.length !== n) throw new EstimationError('every regressor needs one value per observation');
  const names = [...(intercept ? ['const'] : []), ...x.map((_, j) => options.names?.[j] ?? `x${j + 1}`)];
  const rows: number[][] = [];
  for (let t = 0; t < n; t++) rows.push([...(intercept ? [1] : []), ...x.map((col) => col[t])]);
  const k = names.length;
  if (n <= k) throw new EstimationError(`too few observations: ${n} rows for ${k} coefficients leaves no residual degrees of freedom`);
  const robust = options.robust ?? false;
  const fit = leastSquares(rows, y.map((v) => [v]), names, robust);
  const beta = fit.beta.map((b) => b[0]);
  const residuals = fit.resid.map((e) => e[0]);
  const fitted = y.map((v, t) => v - residuals[t]);
  const df = n - k;
  const ssr = residuals.reduce((s, e) => s + e * e, 0);
  const sigma2 = ssr / df;
  const mean = intercept ? y.reduce((s, v) => s + v, 0) / n : 0;
  const tss = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  if (tss === 0) throw new EstimationError('the dependent variable is constant: nothing to explain');
  // Residuals at rounding level: the regressors reproduce y exactly, and every standard error would be 0.
  if (ssr <= 1e-28 * tss) throw new EstimationError('perfect fit: the residuals are all zero, so standard errors and tests are undefined');
  const cov = robust ? hc1Cov(fit, residuals, df) : fit.xtxInv.map((row) => row.map((v) => v * sigma2));
  const coefficients = beta.map((estimate, r) => {
    const stdError = Math.sqrt(cov[r][r]);
    const t = estimate / stdError;
    return { name: names[r], estimate, stdError, t, p: tTwoSided(t, df) };
  });
  const r2 = 1 - ssr / tss;
  const dfModel = k - (intercept ? 1 : 0);
  const adjR2 = 1 - ((n - (intercept ? 1 : 0)) / df) * (1 - r2);
  let fStat: number | null = null;
  let fP: number | null = null;
  if (dfModel > 0) {
    const slopes = Array.from({ length: dfModel }, (_, i) => i + (intercept ? 1 : 0));
    fStat = robust ? robustWaldF(rows, y, residuals, intercept, df) : ((tss - ssr) / dfModel) / sigma2;
    fP = fSurvival(fStat, dfModel, df);
  }
  const logLik = -(n / 2) * (Math.log(2 * Math.PI) + Math.log(ssr / n) + 1);
  return {
    n, df, coefficients, r2, adjR2, fStat, fP, logLik,
    aic: -2 * logLik + 2 * k,
    bic: -2 * logLik + k * Math.log(n),
    ssr, sigma2, cov, covType: robust ? 'HC1' : 'nonrobust', residuals, fitted,
  };
}

/**
 * HC1 sandwich n/(n−k)·(XᵀX)⁻¹Xᵀdiag(e²)X(XᵀX)⁻¹, evaluated as R⁻¹(Σ e_t² q_t q_tᵀ)R⁻ᵀ on the equilibrated QR
 * factors and scaled back, which keeps ill-conditioned designs (Longley) accurate.
 */
function hc1Cov(fit: LeastSquaresFit, e: number[], df: number): number[][] {
  const n = e.length;
  const S = weightedGram(fit.q!, e);
  const k = S.length;
  const rinvT = fit.rinv[0].map((_, j) => fit.rinv.map((row) => row[j]));
  const covS = matMul(matMul(fit.rinv, S), rinvT);
  return covS.map((row, a) => row.map((v, b) => (v * n) / df / (fit.norms[a] * fit.norms[b])).slice(0, k));
}

/**
 * Robust Wald F of all slopes = 0 under HC1. By Frisch–Waugh–Lovell the slopes' sandwich equals that of the
 * regression on demeaned slopes, X̃ = Q̃R̃, so W = (df/n)·zᵀS̃⁻¹z with z = Q̃ᵀy and S̃ = Σ e_t² q̃_t q̃_tᵀ — no
 * inversion of an ill-conditioned covariance block.
 */
function robustWaldF(rows: number[][], y: number[], e: number[], intercept: boolean, df: number): number {
  const n = y.length;
  const first = intercept ? 1 : 0;
  const q = rows[0].length - first;
  const means = new Array<number>(q).fill(0);
  if (intercept) for (const row of rows) for (let j = 0; j < q; j++) means[j] += row[first + j] / n;
  const slopes = rows.map((row) => row.slice(first).map((v, j) => v - means[j]));
  const Q = leastSquares(slopes, y.map((v) => [v]), undefined, true).q!;
  const z = new Array<number>(q).fill(0);
  Q.forEach((row, t) => row.forEach((v, j) => (z[j] += v * y[t])));
  return ((df / n) * waldQuadratic(z, weightedGram(Q, e))) / q;
}

/** Σ_t e_t² q_t q_tᵀ. */
function weightedGram(Q: number[][], e: number[]): number[][] {
  const k = Q[0].length;
  const S = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  Q.forEach((row, t) => {
    const w = e[t] * e[t];
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) S[a][b] += w * row[a] * row[b];
  });
  return S;
}
