import { EstimationError } from './leastSquares.js';
import { matMul } from './dense.js';
import { maCoefficients } from './irf.js';
import jStat from 'jstat';
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

/** Point forecasts with Gaussian intervals, `[h − 1][i]` for h = 1..steps. */
export interface ForecastIntervals {
  /** 1 − the interval's coverage. */
  alpha: number;
  point: number[][];
  lower: number[][];
  upper: number[][];
  /** MSE(h) = Σ_{m<h} Φ_m Σ_u Φ_mᵀ, `[h − 1][i][j]`: the forecast error covariance without estimation error. */
  mse: number[][][];
}

/**
 * Forecasts with intervals ŷ_{T+h} ± z_{1−α/2} √MSE(h)_ii, the MSE from the moving-average coefficients and the
 * df-corrected Σ_u, ignoring parameter uncertainty — statsmodels' `VARResults.forecast_interval(y, steps,
 * alpha)` (its default `method='mse'`) and R's `predict(VAR)`. Reference: Lütkepohl (2005) §2.2.2.
 * Example: `forecastIntervals(fit, 5, 0.05).upper[4][0]`.
 */
export function forecastIntervals(fit: VarResult, steps: number, alpha = 0.05): ForecastIntervals {
  if (!(alpha > 0 && alpha < 1)) throw new EstimationError(`alpha must be in (0, 1), got ${alpha}`);
  const K = fit.names.length;
  const point = forecastVar(fit, steps);
  const phi = maCoefficients(fit.coefs, K, steps - 1);
  const z = jStat.normal.inv(1 - alpha / 2, 0, 1);
  const mse: number[][][] = [];
  let prior = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let h = 0; h < steps; h++) {
    const term = matMul(matMul(phi[h], fit.sigmaU), phi[h].map((_, c) => phi[h].map((row) => row[c])));
    prior = prior.map((row, i) => row.map((v, j) => v + term[i][j]));
    mse.push(prior);
  }
  const half = mse.map((m) => m.map((row, i) => z * Math.sqrt(row[i])));
  return {
    alpha,
    point,
    lower: point.map((f, h) => f.map((v, i) => v - half[h][i])),
    upper: point.map((f, h) => f.map((v, i) => v + half[h][i])),
    mse,
  };
}
