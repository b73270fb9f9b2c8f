import { householderQr, qrSolve, rEntry, thinQ, type HouseholderQr } from './householder.js';

/** A rank-deficient or empty design: the estimators turn it into a clear message (the CLI exits 2). */
export class EstimationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EstimationError';
  }
}

/** The least-squares fit of one or more responses on one design. */
export interface LeastSquaresFit {
  /** beta[r][m]: coefficient of design column r in response m. */
  beta: number[][];
  /** (XᵀX)⁻¹, computed from R⁻¹R⁻ᵀ of the QR factor, never by forming XᵀX. */
  xtxInv: number[][];
  /** resid[t][m]. */
  resid: number[][];
  /** Reciprocal condition estimate of the column-equilibrated design (min |R_ii| / max |R_ii|). */
  rcond: number;
  /** Thin Q (T × k) of the column-equilibrated design, when asked for (`withQ`). */
  q?: number[][];
  /** R⁻¹ of the column-equilibrated design. */
  rinv: number[][];
  /** Column norms used to equilibrate: the design is Q R diag(norms). */
  norms: number[];
}

/** Designs whose column-equilibrated R has min|R_ii|/max|R_ii| below this are treated as singular. */
export const SINGULAR_RCOND = 1e-11;

/**
 * Least squares by Householder QR (./householder.ts) on the column-equilibrated design: each column is divided by
 * its Euclidean norm before the factorisation and the coefficients are scaled back, which keeps ill-conditioned
 * designs such as NIST's Longley accurate to 11 significant digits or more. Never forms the normal equations.
 *
 * `rows[t][r]` is the design (T × k), `ys[t][m]` the responses (T × M). Throws `EstimationError` when the
 * design has fewer rows than columns or is rank deficient (`names` label the offending column). `withQ` also
 * returns the thin orthogonal factor, for sandwich covariances.
 */
export function leastSquares(rows: number[][], ys: number[][], names?: string[], withQ = false): LeastSquaresFit {
  const T = rows.length;
  const k = T > 0 ? rows[0].length : 0;
  const M = T > 0 ? ys[0].length : 0;
  if (k === 0) throw new EstimationError('empty design: no regressors');
  if (T < k) throw new EstimationError(`too few observations: ${T} rows for ${k} coefficients`);
  const norms = new Array<number>(k).fill(0);
  for (const row of rows) for (let r = 0; r < k; r++) norms[r] += row[r] * row[r];
  for (let r = 0; r < k; r++) {
    norms[r] = Math.sqrt(norms[r]);
    if (norms[r] === 0) throw new EstimationError(`singular design: column ${label(names, r)} is all zeros`);
  }
  const xs = new Float64Array(T * k);
  for (let t = 0; t < T; t++) {
    const row = rows[t];
    for (let r = 0; r < k; r++) xs[t + r * T] = row[r] / norms[r];
  }
  const qr = householderQr(xs, T, k);
  let maxDiag = 0;
  let minDiag = Infinity;
  let minAt = 0;
  for (let r = 0; r < k; r++) {
    const d = Math.abs(qr.rdiag[r]);
    maxDiag = Math.max(maxDiag, d);
    if (d < minDiag) [minDiag, minAt] = [d, r];
  }
  const rcond = minDiag / maxDiag;
  if (!(rcond > SINGULAR_RCOND)) {
    throw new EstimationError(
      `singular design: column ${label(names, minAt)} is (nearly) a linear combination of the columns before it`,
    );
  }
  const ym = new Float64Array(T * M);
  for (let t = 0; t < T; t++) for (let m = 0; m < M; m++) ym[t + m * T] = ys[t][m];
  const bs = qrSolve(qr, ym, M);
  const beta: number[][] = [];
  for (let r = 0; r < k; r++) {
    beta.push([]);
    for (let m = 0; m < M; m++) beta[r].push(bs[r + m * k] / norms[r]);
  }
  const rinv = upperInverse(qr, k);
  const xtxInv: number[][] = [];
  for (let a = 0; a < k; a++) {
    xtxInv.push(new Array<number>(k).fill(0));
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let c = Math.max(a, b); c < k; c++) s += rinv[a][c] * rinv[b][c];
      xtxInv[a][b] = s / (norms[a] * norms[b]);
    }
  }
  const resid: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row = rows[t];
    const e = new Array<number>(M);
    for (let m = 0; m < M; m++) {
      let fit = 0;
      for (let r = 0; r < k; r++) fit += row[r] * beta[r][m];
      e[m] = ys[t][m] - fit;
    }
    resid.push(e);
  }
  const q = withQ ? thinQ(qr) : undefined;
  return { beta, xtxInv, resid, rcond, q, rinv, norms };
}

function label(names: string[] | undefined, r: number): string {
  return names?.[r] !== undefined ? `'${names[r]}'` : `#${r + 1}`;
}

/** Inverse of the upper-triangular k × k matrix R by back substitution. */
function upperInverse(R: HouseholderQr, k: number): number[][] {
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    inv[j][j] = 1 / R.rdiag[j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let c = i + 1; c <= j; c++) s += rEntry(R, i, c) * inv[c][j];
      inv[i][j] = -s / R.rdiag[i];
    }
  }
  return inv;
}
