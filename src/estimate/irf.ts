import { choleskyLower, identity, matMul } from './dense.js';
import type { VarResult } from './var.js';

/** Impulse responses: `[h][i][j]` the response of variable i at horizon h = 0..H to a shock in j. */
export interface ImpulseResponses {
  /** Φ_h: responses to a unit shock in u_j (Φ_0 = I). */
  plain: number[][][];
  /** Φ_h P with P the lower Cholesky factor of sigmaU: responses to a one-standard-deviation orthogonal shock. */
  orthogonalized: number[][][];
}

/**
 * Moving-average coefficients Φ_0 = I, Φ_h = Σ_{l=1..min(h,p)} Φ_{h−l} A_l of a VAR with `coefs[l][i][j]`.
 * Reference: Lütkepohl (2005) §2.1.2.
 */
export function maCoefficients(coefs: number[][][], K: number, horizon: number): number[][][] {
  const phi: number[][][] = [identity(K)];
  for (let h = 1; h <= horizon; h++) {
    let acc = Array.from({ length: K }, () => new Array<number>(K).fill(0));
    for (let l = 1; l <= Math.min(h, coefs.length); l++) {
      const term = matMul(phi[h - l], coefs[l - 1]);
      acc = acc.map((row, i) => row.map((v, j) => v + term[i][j]));
    }
    phi.push(acc);
  }
  return phi;
}

/**
 * Impulse responses of a fitted VAR from h = 0 to `horizon`, plain and Cholesky-orthogonalised on sigmaU
 * (the variable order is the causal order), as statsmodels' `VARResults.irf(horizon).irfs` / `.orth_irfs`.
 * Example: `impulseResponses(fit, 10).orthogonalized[0]` is the Cholesky factor of sigmaU.
 */
export function impulseResponses(fit: VarResult, horizon: number): ImpulseResponses {
  const K = fit.names.length;
  const plain = maCoefficients(fit.coefs, K, horizon);
  const P = choleskyLower(fit.sigmaU, 'residual covariance');
  return { plain, orthogonalized: plain.map((phi) => matMul(phi, P)) };
}
