import { impulseResponses } from './irf.js';
import type { VarResult } from './var.js';

/**
 * Forecast error variance decomposition for horizons h = 1..H: `[h − 1][i][j]` is the share of the h-step
 * forecast error variance of variable i due to orthogonalised (Cholesky, `--vars` order) shocks in j,
 * Σ_{m<h} Θ_m[i][j]² / Σ_{m<h} Σ_k Θ_m[i][k]² with Θ_m the orthogonalised impulse responses; each row sums
 * to 1. The denominator is the MSE diagonal Σ_{m<h} (Φ_m Σ_u Φ_mᵀ)_ii. Exactly statsmodels'
 * `VARResults.fevd(H).decomp` (axes [i][h][j] there) and R's `vars::fevd`. Reference: Lütkepohl (2005) §2.3.3.
 * Example: `varianceDecomposition(fit, 8)[7][0]` — the 8-step shares of variable 0.
 */
export function varianceDecomposition(fit: VarResult, horizon: number): number[][][] {
  const theta = impulseResponses(fit, Math.max(0, horizon - 1)).orthogonalized;
  const K = fit.names.length;
  const acc = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const out: number[][][] = [];
  for (let h = 0; h < horizon; h++) {
    for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) acc[i][j] += theta[h][i][j] ** 2;
    out.push(acc.map((row) => {
      const total = row.reduce((s, v) => s + v, 0);
      return row.map((v) => v / total);
    }));
  }
  return out;
}
