import { EstimationError } from './leastSquares.js';
import { waldQuadratic } from './dense.js';
import { fSurvival } from './pValues.js';
import type { VarResult } from './var.js';

/** A Granger-causality test: H0 "`cause` does not Granger-cause `effect`". */
export interface GrangerTest {
  cause: string;
  effect: string;
  /** Wald statistic divided by the number of restrictions. */
  F: number;
  /** Number of restrictions: |cause|·|effect|·p. */
  df1: number;
  /** K·(nobs − Kp − 1), as statsmodels' `test_causality(kind='f')`. */
  df2: number;
  p: number;
}

/**
 * System Wald F test that every lag of the `causing` variables is zero in the equations of the `caused` ones:
 * W = (Cβ)ᵀ[C (kron((ZᵀZ)⁻¹, Σ_u)) Cᵀ]⁻¹(Cβ), F = W/q on (q, K·df_resid) degrees of freedom — exactly
 * statsmodels' `VARResults.test_causality(caused, causing, kind='f')`. Indices are variable positions.
 * Reference: Lütkepohl (2005) §3.6.1. Example: `grangerTest(fit, [1], [0]).p`.
 */
export function grangerTest(fit: VarResult, caused: number[], causing: number[]): GrangerTest {
  const K = fit.names.length;
  const p = fit.lags;
  if (p === 0) throw new EstimationError('Granger causality needs at least one lag');
  const entries: { r: number; i: number }[] = [];
  for (let l = 0; l < p; l++) for (const j of causing) for (const i of caused) entries.push({ r: 1 + l * K + j, i });
  const b = entries.map(({ r, i }) => (r === 0 ? fit.intercept[i] : fit.coefs[Math.floor((r - 1) / K)][i][(r - 1) % K]));
  const V = entries.map((a) => entries.map((c) => fit.xtxInv[a.r][c.r] * fit.sigmaU[a.i][c.i]));
  const q = entries.length;
  const F = waldQuadratic(b, V) / q;
  const df2 = K * fit.dfResid;
  return {
    cause: causing.map((j) => fit.names[j]).join(','),
    effect: caused.map((i) => fit.names[i]).join(','),
    F,
    df1: q,
    df2,
    p: fSurvival(F, q, df2),
  };
}

/**
 * Pairwise Granger tests for every ordered pair (cause ≠ effect), ordered by cause then effect; empty for a
 * VAR(0), which has no lags to test.
 */
export function grangerAll(fit: VarResult): GrangerTest[] {
  if (fit.lags === 0) return [];
  const K = fit.names.length;
  const out: GrangerTest[] = [];
  for (let c = 0; c < K; c++) for (let e = 0; e < K; e++) if (c !== e) out.push(grangerTest(fit, [e], [c]));
  return out;
}
