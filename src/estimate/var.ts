import { EstimationError, leastSquares } from './leastSquares.js';
import { logDetSpd } from './dense.js';

/** Options of {@link fitVar}. */
export interface VarOptions {
  /** Variable names, in column order. @default ['y1', 'y2', ...] */
  names?: string[];
  /**
   * Rows dropped from the start before the p pre-sample rows, so that fits of several orders share one sample
   * (statsmodels' `offset`). @default 0
   */
  offset?: number;
}

/** A fitted VAR(p) with constant, with the statistics statsmodels' `VAR(endog).fit(p)` reports. */
export interface VarResult {
  names: string[];
  /** Lag order p. */
  lags: number;
  /** Observations used in the regression: T − offset − p. */
  nobs: number;
  /** Residual degrees of freedom per equation: nobs − K·p − 1. */
  dfResid: number;
  intercept: number[];
  /** coefs[l][i][j]: effect of variable j at lag l + 1 on variable i. */
  coefs: number[][][];
  /** Standard errors of `intercept`. */
  interceptStdErrors: number[];
  /** Standard errors of `coefs`, same layout. */
  coefStdErrors: number[][][];
  /** Residual covariance, divided by nobs − K·p − 1 (statsmodels' `sigma_u`). */
  sigmaU: number[][];
  /** ML residual covariance, divided by nobs (statsmodels' `sigma_u_mle`); the criteria use it. */
  sigmaUMle: number[][];
  /** Gaussian log-likelihood at sigmaUMle. */
  logLik: number;
  aic: number;
  bic: number;
  hqic: number;
  fpe: number;
  /** (ZᵀZ)⁻¹ of the design [1, y_{t−1}, …, y_{t−p}]: with sigmaU it gives the covariance kron((ZᵀZ)⁻¹, sigmaU). */
  xtxInv: number[][];
  /** resid[t][i], for the nobs rows used. */
  resid: number[][];
  /** The last p rows of the data (oldest first), where forecasts start. */
  tail: number[][];
  /** The first p rows of the sample after `offset` (oldest first): the pre-sample a bootstrap restarts from. */
  head: number[][];
  /** Centred total sum of squares of each equation's response over the nobs rows (for per-equation R²). */
  tss: number[];
}

/**
 * Fits a VAR(p) with constant, y_t = c + Σ_{l=1..p} A_l y_{t−l} + u_t, equation by equation by QR least squares
 * on `endog[t][i]` (time in rows). Conventions are statsmodels' (0.13): sigmaU on nobs − Kp − 1 df; the log-
 * likelihood and the criteria on the ML covariance Σ̂ = UᵀU/nobs with ln|Σ̂| + c·(pK² + K)/nobs, c = 2 (AIC),
 * ln nobs (BIC), 2 ln ln nobs (HQIC); FPE = ((nobs + Kp + 1)/(nobs − Kp − 1))^K |Σ̂|.
 * Reference: Lütkepohl, New Introduction to Multiple Time Series Analysis (2005), §3–4; DESIGN.md §3.4.
 * Example: `fitVar(rows, 2).coefs[0][1][0]` is the effect of y1 at lag 1 on y2.
 */
export function fitVar(endog: number[][], lags: number, options: VarOptions = {}): VarResult {
  const K = endog[0]?.length ?? 0;
  if (K === 0) throw new EstimationError('a VAR needs at least one variable');
  if (!Number.isInteger(lags) || lags < 0) throw new EstimationError(`lag order must be a non-negative integer, got ${lags}`);
  const names = Array.from({ length: K }, (_, i) => options.names?.[i] ?? `y${i + 1}`);
  const offset = options.offset ?? 0;
  const data = endog.slice(offset);
  const nobs = data.length - lags;
  const kCoef = K * lags + 1;
  const dfResid = nobs - kCoef;
  if (dfResid <= 0) {
    throw new EstimationError(
      `too few rows for ${lags} lag(s): ${data.length} rows leave ${nobs} observations for ${kCoef} coefficients per equation`,
    );
  }
  const rows: number[][] = [];
  const ys: number[][] = [];
  for (let t = lags; t < data.length; t++) {
    const row = [1];
    for (let l = 1; l <= lags; l++) row.push(...data[t - l]);
    rows.push(row);
    ys.push(data[t]);
  }
  const designNames = ['const'];
  for (let l = 1; l <= lags; l++) for (const n of names) designNames.push(`L${l}.${n}`);
  const fit = leastSquares(rows, ys, designNames);
  const sse = crossProduct(fit.resid, K);
  const sigmaU = sse.map((row) => row.map((v) => v / dfResid));
  const sigmaUMle = sse.map((row) => row.map((v) => v / nobs));
  const ld = logDetSpd(sigmaUMle, 'residual covariance (the variables are collinear or a residual is identically zero)');
  const free = lags * K * K + K;
  const se = (r: number, i: number) => Math.sqrt(fit.xtxInv[r][r] * sigmaU[i][i]);
  const coefs: number[][][] = [];
  const coefStdErrors: number[][][] = [];
  for (let l = 0; l < lags; l++) {
    const idx = (j: number) => 1 + l * K + j;
    coefs.push(names.map((_, i) => names.map((__, j) => fit.beta[idx(j)][i])));
    coefStdErrors.push(names.map((_, i) => names.map((__, j) => se(idx(j), i))));
  }
  return {
    names,
    lags,
    nobs,
    dfResid,
    intercept: fit.beta[0].slice(),
    coefs,
    interceptStdErrors: names.map((_, i) => se(0, i)),
    coefStdErrors,
    sigmaU,
    sigmaUMle,
    logLik: -(nobs * K / 2) * Math.log(2 * Math.PI) - (nobs / 2) * (ld + K),
    aic: ld + (2 / nobs) * free,
    bic: ld + (Math.log(nobs) / nobs) * free,
    hqic: ld + ((2 * Math.log(Math.log(nobs))) / nobs) * free,
    fpe: ((nobs + kCoef) / dfResid) ** K * Math.exp(ld),
    xtxInv: fit.xtxInv,
    resid: fit.resid,
    tail: data.slice(data.length - lags),
    head: data.slice(0, lags),
    tss: names.map((_, i) => centredSumOfSquares(ys.map((y) => y[i]))),
  };
}

/** Information criteria per lag order p = 0..maxLags, and the order each selects. */
export interface LagSelection {
  /** aic[p]; null where the order cannot be fitted (a singular design on the common sample). */
  aic: (number | null)[];
  bic: (number | null)[];
  hqic: (number | null)[];
  fpe: (number | null)[];
  /** The p minimising each criterion among the orders that could be fitted (the smallest p on ties). */
  selected: { aic: number; bic: number; hqic: number; fpe: number };
  /** Why each skipped order could not be fitted. */
  skipped: { p: number; reason: string }[];
}

/** The lag-order criteria {@link selectVarOrder} compares. */
export type VarCriterion = 'aic' | 'bic' | 'hqic' | 'fpe';

/**
 * Lag-order selection over p = 0..maxLags on one common sample: every order drops the first maxLags rows'
 * worth of pre-sample (offset maxLags − p), as statsmodels' `VAR.select_order`, so the criteria compare fits on
 * the same nobs = T − maxLags observations. An order whose design is singular (data that follow an exact
 * linear recursion of lower order) is skipped with its reason rather than failing the whole selection; too few
 * rows for maxLags is still an error.
 * Example: `selectVarOrder(rows, 8).selected.bic`.
 */
export function selectVarOrder(endog: number[][], maxLags: number, options: Omit<VarOptions, 'offset'> = {}): LagSelection {
  const crit = ['aic', 'bic', 'hqic', 'fpe'] as const;
  const out: LagSelection = { aic: [], bic: [], hqic: [], fpe: [], selected: { aic: 0, bic: 0, hqic: 0, fpe: 0 }, skipped: [] };
  const K = endog[0]?.length ?? 0;
  const nobs = endog.length - maxLags;
  if (nobs - K * maxLags - 1 <= 0) {
    throw new EstimationError(`too few rows for ${maxLags} lag(s): ${endog.length} rows leave ${nobs} observations for ${K * maxLags + 1} coefficients per equation`);
  }
  for (let p = 0; p <= maxLags; p++) {
    try {
      const fit = fitVar(endog, p, { ...options, offset: maxLags - p });
      for (const c of crit) out[c].push(fit[c]);
    } catch (err) {
      if (!(err instanceof EstimationError)) throw err;
      for (const c of crit) out[c].push(null);
      out.skipped.push({ p, reason: err.message });
    }
  }
  if (out.skipped.length === maxLags + 1) throw new EstimationError(`no lag order in 0..${maxLags} can be fitted: ${out.skipped[0].reason}`);
  for (const c of crit) {
    let best = -1;
    out[c].forEach((v, p) => {
      if (v !== null && (best < 0 || v < (out[c][best] as number))) best = p;
    });
    out.selected[c] = best;
  }
  return out;
}

function centredSumOfSquares(x: number[]): number {
  const m = x.reduce((s, v) => s + v, 0) / x.length;
  return x.reduce((s, v) => s + (v - m) ** 2, 0);
}

function crossProduct(resid: number[][], K: number): number[][] {
  const out = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (const e of resid) for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) out[i][j] += e[i] * e[j];
  return out;
}
