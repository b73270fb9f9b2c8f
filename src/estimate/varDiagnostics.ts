import { EstimationError } from './leastSquares.js';
import { choleskyLower, invertSpd, matMul } from './dense.js';
import { ols } from './ols.js';
import { chi2Survival } from './pValues.js';
import type { VarResult } from './var.js';

/** A χ² test: statistic, degrees of freedom, upper-tail p-value. */
export interface ChiSquareTest {
  statistic: number;
  df: number;
  p: number;
}

/** Multivariate portmanteau tests of residual whiteness up to lag h. */
export interface PortmanteauTests {
  /** h, the largest residual autocovariance tested. */
  lags: number;
  /** Q_h = nobs Σ_{s=1..h} tr(C_sᵀ C₀⁻¹ C_s C₀⁻¹) (statsmodels' `test_whiteness(adjusted=False)`). */
  boxPierce: ChiSquareTest;
  /** Q*_h = nobs² Σ_{s=1..h} tr(C_sᵀ C₀⁻¹ C_s C₀⁻¹)/(nobs − s) (`test_whiteness(adjusted=True)`). */
  ljungBox: ChiSquareTest;
}

/**
 * The portmanteau tests of H₀ "no residual autocorrelation up to lag h" (Lütkepohl 2005 §4.4.3), with
 * C_s = Σ_t û_t û_{t−s}ᵀ / nobs on demeaned residuals and K²(h − p) degrees of freedom — exactly statsmodels'
 * `VARResults.test_whiteness(nlags=h)`, plain and adjusted. Needs h > p. Example: `portmanteau(fit, 10).ljungBox.p`.
 */
export function portmanteau(fit: VarResult, lags: number): PortmanteauTests {
  if (!Number.isInteger(lags) || lags <= fit.lags) {
    throw new EstimationError(`the portmanteau test needs more lags than the VAR (${fit.lags}), got ${lags}`);
  }
  if (lags >= fit.nobs) throw new EstimationError(`the portmanteau test needs fewer lags than observations (${fit.nobs}), got ${lags}`);
  const K = fit.names.length;
  const n = fit.nobs;
  const u = demeaned(fit.resid);
  const acov = (s: number) => {
    const c = Array.from({ length: K }, () => new Array<number>(K).fill(0));
    for (let t = s; t < n; t++) for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) c[i][j] += u[t][i] * u[t - s][j];
    return c.map((row) => row.map((v) => v / n));
  };
  const c0inv = invertSpd(acov(0), 'residual covariance in the portmanteau test');
  let plain = 0;
  let adjusted = 0;
  for (let s = 1; s <= lags; s++) {
    const cs = acov(s);
    const m = matMul(matMul(transpose(cs), c0inv), matMul(cs, c0inv));
    const trace = m.reduce((acc, row, i) => acc + row[i], 0);
    plain += trace;
    adjusted += trace / (n - s);
  }
  const df = K * K * (lags - fit.lags);
  const test = (statistic: number) => ({ statistic, df, p: chi2Survival(statistic, df) });
  return { lags, boxPierce: test(n * plain), ljungBox: test(n * n * adjusted) };
}

/** Multivariate Jarque–Bera test of normal residuals, with its skewness and kurtosis parts. */
export interface NormalityTest extends ChiSquareTest {
  /** nobs·b₁ᵀb₁/6 on K df. */
  skewness: ChiSquareTest;
  /** nobs·b₂ᵀb₂/24 on K df. */
  kurtosis: ChiSquareTest;
}

/**
 * Lütkepohl's multivariate Jarque–Bera test (2005 §4.5): residuals demeaned and standardised by the lower
 * Cholesky factor of their ML covariance, w = P⁻¹û; b₁, b₂ the third moments and excess fourth moments of
 * each component; λ = nobs(b₁ᵀb₁/6 + b₂ᵀb₂/24) on 2K df — statsmodels' `test_normality`. The result
 * depends on the variable order (the Cholesky order). Example: `varNormality(fit).p`.
 */
export function varNormality(fit: VarResult): NormalityTest {
  const K = fit.names.length;
  const n = fit.nobs;
  const u = demeaned(fit.resid);
  const sig = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (__, j) => u.reduce((s, r) => s + r[i] * r[j], 0) / n));
  const P = choleskyLower(sig, 'residual covariance in the normality test');
  const b1 = new Array<number>(K).fill(0);
  const b2 = new Array<number>(K).fill(0);
  const w = new Array<number>(K);
  for (const r of u) {
    for (let i = 0; i < K; i++) {
      let s = r[i];
      for (let c = 0; c < i; c++) s -= P[i][c] * w[c];
      w[i] = s / P[i][i];
      b1[i] += w[i] ** 3;
      b2[i] += w[i] ** 4;
    }
  }
  const skew = (n * b1.reduce((s, b) => s + (b / n) ** 2, 0)) / 6;
  const kurt = (n * b2.reduce((s, b) => s + (b / n - 3) ** 2, 0)) / 24;
  const part = (statistic: number, df: number) => ({ statistic, df, p: chi2Survival(statistic, df) });
  return { ...part(skew + kurt, 2 * K), skewness: part(skew, K), kurtosis: part(kurt, K) };
}

/** The ARCH-LM test of one equation's residuals. */
export interface ArchTest {
  /** The equation. */
  name: string;
  /** (n − q)·R² of û²_t on a constant and û²_{t−1..t−q}, χ² on q df. */
  lm: number;
  lmP: number;
  /** The F test of the same auxiliary regression, on (q, n − 2q − 1) df. */
  f: number;
  fP: number;
}

/**
 * Engle's ARCH-LM test per equation, H₀ "no autoregressive conditional heteroskedasticity up to lag q":
 * the auxiliary OLS of the squared residuals on a constant and their q lags over the n − q rows where every
 * lag exists — statsmodels' `het_arch(resid, nlags=q)` (R's `vars::arch.test` univariate part). Each
 * equation is tested alone; there is no system test here. Example: `archLm(fit, 5)[0].lmP`.
 */
export function archLm(fit: VarResult, lags: number): ArchTest[] {
  if (!Number.isInteger(lags) || lags < 1) throw new EstimationError(`the ARCH test needs at least one lag, got ${lags}`);
  const n = fit.nobs;
  if (n - 2 * lags - 1 < 1) throw new EstimationError(`too few observations (${n}) for an ARCH test with ${lags} lags`);
  return fit.names.map((name, i) => {
    const sq = fit.resid.map((r) => r[i] * r[i]);
    const y = sq.slice(lags);
    const x = Array.from({ length: lags }, (_, l) => sq.slice(lags - l - 1, n - l - 1));
    const r = ols(y, x);
    if (r.fStat === null || r.fP === null) throw new EstimationError('the ARCH auxiliary regression has no slope');
    return { name, lm: y.length * r.r2, lmP: chi2Survival(y.length * r.r2, lags), f: r.fStat, fP: r.fP };
  });
}

function demeaned(rows: number[][]): number[][] {
  const K = rows[0].length;
  const mean = new Array<number>(K).fill(0);
  for (const r of rows) for (let i = 0; i < K; i++) mean[i] += r[i] / rows.length;
  return rows.map((r) => r.map((v, i) => v - mean[i]));
}

function transpose(a: number[][]): number[][] {
  return a[0].map((_, j) => a.map((row) => row[j]));
}
