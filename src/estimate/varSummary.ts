import { realEigenvalues } from '../math/realEigenvalues.js';
import { fSurvival, tTwoSided, zTwoSided } from './pValues.js';
import type { VarResult } from './var.js';

/** One coefficient of one VAR equation. */
export interface VarCoefficient {
  /** `const`, or `L<l>.<variable>`. */
  name: string;
  estimate: number;
  stdError: number;
  /** estimate / stdError. */
  t: number;
  /** Two-sided p-value from the standard normal, as statsmodels' `VARResults.pvalues`. */
  p: number;
  /** Two-sided p-value from Student's t on nobs − Kp − 1 df, as R's `summary(VAR)` (per-equation `lm`). */
  pStudent: number;
}

/** The statistics R's `summary(VAR)` prints for one equation. */
export interface VarEquation {
  /** The equation's response variable. */
  name: string;
  coefficients: VarCoefficient[];
  /** 1 − SSR/TSS with TSS centred on the nobs rows used. */
  r2: number;
  /** 1 − (nobs − 1)/(nobs − Kp − 1) · (1 − R²). */
  adjR2: number;
  /** F statistic of all lag coefficients = 0 in this equation, on (Kp, nobs − Kp − 1) df; null for a VAR(0). */
  fStat: number | null;
  fP: number | null;
  /** √sigmaU_ii, the residual standard error. */
  residStdError: number;
}

/** A root of the VAR: an eigenvalue of its companion matrix. */
export interface CompanionRoot {
  re: number;
  im: number;
  modulus: number;
}

/** What `summary(VAR)` adds to the fit: per-equation tables, residual correlation, roots and stability. */
export interface VarSummary {
  equations: VarEquation[];
  /** sigmaU scaled to unit diagonal. */
  residCorrelation: number[][];
  /** Eigenvalues of the Kp × Kp companion matrix, sorted by real then imaginary part (docs/conventions.md); empty for p = 0. */
  roots: CompanionRoot[];
  /** Every root strictly inside the unit circle: the VAR is covariance-stationary. */
  stable: boolean;
}

/**
 * The per-equation coefficient tables (SE, t, normal and Student p), R², adjusted R², F, the residual
 * correlation and the companion-matrix roots of a fitted VAR — what R's `vars::summary(VAR)` prints, with
 * statsmodels' conventions for t and p. The companion matrix is [[A₁ … A_p], [I 0]]; its eigenvalues are the
 * reciprocals of the roots of det(I − A₁z − … − A_p z^p) (statsmodels' `roots`), and R's `vars::roots` lists
 * their moduli. Reference: Lütkepohl (2005) §2.1.1. Example: `summarizeVar(fitVar(rows, 2)).stable`.
 */
export function summarizeVar(fit: VarResult): VarSummary {
  const K = fit.names.length;
  const p = fit.lags;
  const slopes = K * p;
  const equations = fit.names.map((name, i): VarEquation => {
    const rows: [string, number, number][] = [['const', fit.intercept[i], fit.interceptStdErrors[i]]];
    for (let l = 0; l < p; l++) {
      fit.names.forEach((v, j) => rows.push([`L${l + 1}.${v}`, fit.coefs[l][i][j], fit.coefStdErrors[l][i][j]]));
    }
    const coefficients = rows.map(([n, estimate, stdError]) => {
      const t = estimate / stdError;
      return { name: n, estimate, stdError, t, p: zTwoSided(t), pStudent: tTwoSided(t, fit.dfResid) };
    });
    const ssr = fit.sigmaU[i][i] * fit.dfResid;
    const r2 = 1 - ssr / fit.tss[i];
    const adjR2 = 1 - ((fit.nobs - 1) / fit.dfResid) * (1 - r2);
    const fStat = slopes > 0 ? (fit.tss[i] - ssr) / slopes / fit.sigmaU[i][i] : null;
    return {
      name,
      coefficients,
      r2,
      adjR2,
      fStat,
      fP: fStat === null ? null : fSurvival(fStat, slopes, fit.dfResid),
      residStdError: Math.sqrt(fit.sigmaU[i][i]),
    };
  });
  const sd = fit.sigmaU.map((row, i) => Math.sqrt(row[i]));
  const residCorrelation = fit.sigmaU.map((row, i) => row.map((v, j) => (i === j ? 1 : v / (sd[i] * sd[j]))));
  const roots = p === 0 ? [] : realEigenvalues(companionMatrix(fit.coefs)).map((z) => ({ re: z.re, im: z.im, modulus: Math.hypot(z.re, z.im) }));
  return { equations, residCorrelation, roots, stable: roots.every((z) => z.modulus < 1) };
}

/**
 * The companion matrix of a VAR(p) with `coefs[l][i][j]`: the Kp × Kp matrix [[A₁ A₂ … A_p], [I 0 … 0], …,
 * [0 … I 0]] of its VAR(1) form. Example: `companionMatrix([[[0.5]]])` → [[0.5]].
 */
export function companionMatrix(coefs: number[][][]): number[][] {
  const p = coefs.length;
  const K = coefs[0]?.length ?? 0;
  const n = K * p;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < K; i++) for (let l = 0; l < p; l++) for (let j = 0; j < K; j++) out[i][l * K + j] = coefs[l][i][j];
  for (let r = K; r < n; r++) out[r][r - K] = 1;
  return out;
}
