import type { VarResult } from './var.js';

/**
 * Point forecasts y_{T+1..T+steps}: y_{T+h} = c + Σ_l A_l y_{T+h−l}, starting from the last p observations of
 * the fit's sample (statsmodels' `VARResults.forecast(y[-p:], steps)`). Returns `[h][i]`, h = 1..steps.
 */
export function forecastVar(fit: VarResult, steps: number): number[][] {
  const K = fit.names.length;
  const hist = fit.tail.map((r) => r.slice());
  const out: number[][] = [];
  for (let h = 0; h < steps; h++) {
    const next = fit.intercept.slice();
    for (let l = 1; l <= fit.lags; l++) {
      const prev = hist[hist.length - l];
      for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) next[i] += fit.coefs[l - 1][i][j] * prev[j];
    }
    hist.push(next);
    out.push(next);
  }
  return out;
}
