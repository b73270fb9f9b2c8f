import { hypot2 } from '../math/hypot.js';

/**
 * Householder QR of a tall T × k matrix held column-major in one Float64Array (`a[i + j * T]`), factorised in
 * place: the columns below and on the diagonal keep the Householder vectors, the entries above it R's
 * off-diagonal part, and `rdiag` R's diagonal.
 *
 * Why not a library: the estimators factorise a handful of small designs per call (nine in a `fit var` lag
 * selection), which a general matrix class pays for in per-entry accessor calls, row arrays and the ~150 KB it
 * loads at start-up. The reflections are the classical unblocked ones: column k is scaled by its norm (an
 * overflow-safe running hypotenuse), its leading entry shifted by one, and each later column reflected with
 * s = −(vᵀx)/v_k. The order of every sum is the textbook one (top to bottom), so the results equal those of the
 * JAMA-style factorisation this code replaced bit for bit, which the estimators' recorded figures depend on.
 */
export interface HouseholderQr {
  /** Rows. */
  T: number;
  /** Columns. */
  k: number;
  /** The factorised matrix, column-major (see above). */
  qr: Float64Array;
  /** Diagonal of R (the sign convention gives R_jj = −‖column‖ after the earlier reflections). */
  rdiag: Float64Array;
}

/** Factorises `a` (T × k, column-major, overwritten) in place. */
export function householderQr(a: Float64Array, T: number, k: number): HouseholderQr {
  const rdiag = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const vc = c * T;
    let nrm = 0;
    for (let i = c; i < T; i++) nrm = hypot2(nrm, a[vc + i]);
    if (nrm !== 0) {
      if (a[vc + c] < 0) nrm = -nrm;
      for (let i = c; i < T; i++) a[vc + i] = a[vc + i] / nrm;
      a[vc + c] = a[vc + c] + 1;
      const lead = a[vc + c];
      for (let j = c + 1; j < k; j++) {
        const xj = j * T;
        let s = 0;
        for (let i = c; i < T; i++) s += a[vc + i] * a[xj + i];
        s = -s / lead;
        for (let i = c; i < T; i++) a[xj + i] = a[xj + i] + s * a[vc + i];
      }
    }
    rdiag[c] = -nrm;
  }
  return { T, k, qr: a, rdiag };
}

/**
 * Least-squares solution of Q R b = y for each of the M columns of `y` (T × M, column-major, overwritten with
 * Qᵀy). Returns b (k × M, column-major). R must have a non-zero diagonal (the caller checks its condition).
 */
export function qrSolve(f: HouseholderQr, y: Float64Array, M: number): Float64Array {
  const { T, k, qr, rdiag } = f;
  for (let c = 0; c < k; c++) {
    const vc = c * T;
    const lead = qr[vc + c];
    for (let m = 0; m < M; m++) {
      const ym = m * T;
      let s = 0;
      for (let i = c; i < T; i++) s += qr[vc + i] * y[ym + i];
      s = -s / lead;
      for (let i = c; i < T; i++) y[ym + i] = y[ym + i] + s * qr[vc + i];
    }
  }
  // Back substitution, column by column of R from the right (the same order as the reference factorisation).
  for (let c = k - 1; c >= 0; c--) {
    for (let m = 0; m < M; m++) y[m * T + c] = y[m * T + c] / rdiag[c];
    const rc = c * T;
    for (let i = 0; i < c; i++) {
      for (let m = 0; m < M; m++) y[m * T + i] = y[m * T + i] - y[m * T + c] * qr[rc + i];
    }
  }
  const b = new Float64Array(k * M);
  for (let m = 0; m < M; m++) for (let r = 0; r < k; r++) b[m * k + r] = y[m * T + r];
  return b;
}

/** R_ij (i ≤ j) of the factorisation. */
export function rEntry(f: HouseholderQr, i: number, j: number): number {
  return i === j ? f.rdiag[i] : f.qr[i + j * f.T];
}

/** The thin orthogonal factor Q (T × k) as rows, accumulated from the reflections in reverse order. */
export function thinQ(f: HouseholderQr): number[][] {
  const { T, k, qr } = f;
  const x = new Float64Array(T * k);
  for (let c = k - 1; c >= 0; c--) {
    const vc = c * T;
    x[vc + c] = 1;
    const lead = qr[vc + c];
    if (lead === 0) continue;
    for (let j = c; j < k; j++) {
      const xj = j * T;
      let s = 0;
      for (let i = c; i < T; i++) s += qr[vc + i] * x[xj + i];
      s = -s / lead;
      for (let i = c; i < T; i++) x[xj + i] = x[xj + i] + s * qr[vc + i];
    }
  }
  const rows: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row = new Array<number>(k);
    for (let j = 0; j < k; j++) row[j] = x[t + j * T];
    rows.push(row);
  }
  return rows;
}
