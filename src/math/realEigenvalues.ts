import type { Complex } from './complex.js';
import { hypot2 } from './hypot.js';
import { NumericalError } from './numericalError.js';

/**
 * Iterations (QL or QR sweeps) allowed per order of the matrix before it counts as not converging: the classical
 * routines need about two a root, and EISPACK stops at 30 a root; this allows more than three times that.
 */
export const SWEEPS_PER_ROOT = 100;

/**
 * Eigenvalues only (no vectors) of a small dense real matrix, on one row-major Float64Array, for callers that
 * need nothing else (a VAR's companion roots): `eigenvalues` in ./eigen.ts loads the ~150 KB matrix library and
 * accumulates eigenvectors besides. The arithmetic is the classical one that library runs (JAMA's): a symmetric
 * matrix is reduced to tridiagonal form by Householder steps and solved by implicit QL; any other is reduced to
 * Hessenberg form and solved by the shifted double-step QR iteration. Every operation that feeds an eigenvalue is
 * performed in the same order, and the ones that only build eigenvectors are left out, so the values equal
 * `eigenvalues`' bit for bit (test/math/realEigenvalues.test.ts compares them).
 *
 * Sorted by real part, then imaginary part. Entries must be finite (checked). An iteration that has not converged
 * after `maxSweeps` sweeps in all (default SWEEPS_PER_ROOT·n) throws a NumericalError instead of running on: the
 * reference has no such bound, and an input that never converges would hang it. Example:
 * `realEigenvalues([[0, 1], [-1, 0]])` → [{re: 0, im: −1}, {re: 0, im: 1}].
 */
export function realEigenvalues(rows: ReadonlyArray<ReadonlyArray<number>>, options: { maxSweeps?: number } = {}): Complex[] {
  const n = rows.length;
  if (n === 0) throw new RangeError('realEigenvalues: the matrix is empty');
  const a = new Float64Array(n * n);
  let big = 0;
  for (let i = 0; i < n; i++) {
    if (rows[i].length !== n) throw new RangeError(`realEigenvalues: the matrix must be square, row ${i} has ${rows[i].length} entries`);
    for (let j = 0; j < n; j++) {
      const v = rows[i][j];
      if (!Number.isFinite(v)) throw new RangeError(`realEigenvalues: A[${i}][${j}] is not finite`);
      a[i * n + j] = v;
      big = Math.max(big, Math.abs(v));
    }
  }
  // A power of two (exact) brings the largest entry near 1: the iterations' thresholds are absolute.
  const scale = big > 0 ? 2 ** -Math.round(Math.log2(big)) : 1;
  if (scale !== 1) for (let i = 0; i < a.length; i++) a[i] = a[i] * scale;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const budget = { left: options.maxSweeps ?? SWEEPS_PER_ROOT * n, order: n };
  if (isSymmetric(a, n)) {
    tridiagonalize(a, n, d, e);
    tridiagonalQl(n, d, e, budget);
  } else {
    hessenberg(a, n);
    hessenbergQr(a, n, d, e, budget);
  }
  const values: Complex[] = [];
  for (let j = 0; j < n; j++) values.push({ re: d[j] / scale, im: e[j] / scale });
  return values.sort((x, y) => x.re - y.re || x.im - y.im);
}

/** The sweeps an iteration may still take; `sweep` spends one, and throws when none is left. */
interface SweepBudget {
  left: number;
  order: number;
}

function sweep(budget: SweepBudget): void {
  if (--budget.left < 0)
    throw new NumericalError(`the eigenvalues of a ${budget.order} × ${budget.order} matrix did not converge (QR/QL iteration stopped after its sweep budget)`, {
      quantity: 'eigenvalues',
      hint: 'the matrix is close to one the iteration cannot split (entries spanning many orders of magnitude, or a near-defective block); rescale the inputs or lower the model order',
    });
}

function isSymmetric(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) if (a[i * n + j] !== a[j * n + i]) return false;
  return true;
}

/**
 * Householder tridiagonalisation of the symmetric `v` (n × n, overwritten: it holds the reflections, whose
 * accumulation also decides the final diagonal d). Leaves the diagonal in d and the sub-diagonal in e[1..].
 */
function tridiagonalize(v: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const V = (i: number, j: number) => v[i * n + j];
  for (let j = 0; j < n; j++) d[j] = V(n - 1, j);
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale = scale + Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V(i - 1, j);
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h = h - f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[j * n + i] = f;
        g = e[j] + V(j, j) * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V(k, j) * d[k];
          e[k] += V(k, j) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) v[k * n + j] = V(k, j) - (f * e[k] + g * d[k]);
        d[j] = V(i - 1, j);
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  // Accumulating the reflections: the final diagonal is read back from it.
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = V(i, i);
    v[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V(k, i + 1) / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V(k, i + 1) * V(k, j);
        for (let k = 0; k <= i; k++) v[k * n + j] = V(k, j) - g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) d[j] = V(n - 1, j);
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e[1..]); leaves the eigenvalues in d (ascending) and zeros in e. */
function tridiagonalQl(n: number, d: Float64Array, e: Float64Array, budget: SweepBudget): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      do {
        sweep(budget);
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot2(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f = f + h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot2(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] = d[l] + f;
    e[l] = 0;
  }
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
    }
  }
}

/** Householder reduction of `h` (n × n, row-major, overwritten) to upper Hessenberg form. */
function hessenberg(h: Float64Array, n: number): void {
  const high = n - 1;
  const ort = new Float64Array(n);
  for (let m = 1; m <= high - 1; m++) {
    let scale = 0;
    for (let i = m; i <= high; i++) scale = scale + Math.abs(h[i * n + m - 1]);
    if (scale === 0) continue;
    let hh = 0;
    for (let i = high; i >= m; i--) {
      ort[i] = h[i * n + m - 1] / scale;
      hh += ort[i] * ort[i];
    }
    let g = Math.sqrt(hh);
    if (ort[m] > 0) g = -g;
    hh = hh - ort[m] * g;
    ort[m] = ort[m] - g;
    for (let j = m; j < n; j++) {
      let f = 0;
      for (let i = high; i >= m; i--) f += ort[i] * h[i * n + j];
      f = f / hh;
      for (let i = m; i <= high; i++) h[i * n + j] = h[i * n + j] - f * ort[i];
    }
    for (let i = 0; i <= high; i++) {
      let f = 0;
      for (let j = high; j >= m; j--) f += ort[j] * h[i * n + j];
      f = f / hh;
      for (let j = m; j <= high; j++) h[i * n + j] = h[i * n + j] - f * ort[j];
    }
    ort[m] = scale * ort[m];
    h[m * n + m - 1] = scale * g;
  }
}

/**
 * Shifted double-step QR on the Hessenberg `H` (overwritten, the whole matrix transformed as for a Schur form):
 * real parts in d, imaginary parts in e (a complex pair as consecutive entries, positive imaginary part first).
 */
function hessenbergQr(H: Float64Array, nn: number, d: Float64Array, e: Float64Array, budget: SweepBudget): void {
  const at = (i: number, j: number) => H[i * nn + j];
  const set = (i: number, j: number, v: number) => {
    H[i * nn + j] = v;
  };
  const eps = Number.EPSILON;
  let n = nn - 1;
  let exshift = 0;
  let norm = 0;
  let p = 0;
  let q = 0;
  let r = 0;
  let s = 0;
  let z = 0;
  let w: number;
  let x = 0;
  let y: number;
  let iter = 0;
  for (let i = 0; i < nn; i++) for (let j = Math.max(i - 1, 0); j < nn; j++) norm = norm + Math.abs(at(i, j));
  while (n >= 0) {
    let l = n;
    while (l > 0) {
      s = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
      if (s === 0) s = norm;
      if (Math.abs(at(l, l - 1)) < eps * s) break;
      l--;
    }
    if (l === n) {
      // One root.
      set(n, n, at(n, n) + exshift);
      d[n] = at(n, n);
      e[n] = 0;
      n--;
      iter = 0;
    } else if (l === n - 1) {
      // Two roots.
      w = at(n, n - 1) * at(n - 1, n);
      p = (at(n - 1, n - 1) - at(n, n)) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      set(n, n, at(n, n) + exshift);
      set(n - 1, n - 1, at(n - 1, n - 1) + exshift);
      x = at(n, n);
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        d[n - 1] = x + z;
        d[n] = d[n - 1];
        if (z !== 0) d[n] = x - w / z;
        e[n - 1] = 0;
        e[n] = 0;
        // The rotation that splits the block: it changes only rows and columns of the block and those beyond,
        // which no later root reads, so the roots need it not (kept out).
      } else {
        d[n - 1] = x + p;
        d[n] = x + p;
        e[n - 1] = z;
        e[n] = -z;
      }
      n = n - 2;
      iter = 0;
    } else {
      x = at(n, n);
      y = 0;
      w = 0;
      if (l < n) {
        y = at(n - 1, n - 1);
        w = at(n, n - 1) * at(n - 1, n);
      }
      if (iter === 10) {
        // Exceptional shifts, as in the reference.
        exshift += x;
        for (let i = 0; i <= n; i++) set(i, i, at(i, i) - x);
        s = Math.abs(at(n, n - 1)) + Math.abs(at(n - 1, n - 2));
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iter === 30) {
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = Math.sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (let i = 0; i <= n; i++) set(i, i, at(i, i) - s);
          exshift += s;
          x = y = w = 0.964;
        }
      }
      iter = iter + 1;
      sweep(budget);
      let m = n - 2;
      while (m >= l) {
        z = at(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - w) / at(m + 1, m) + at(m, m + 1);
        q = at(m + 1, m + 1) - z - r - s;
        r = at(m + 2, m + 1);
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p = p / s;
        q = q / s;
        r = r / s;
        if (m === l) break;
        if (
          Math.abs(at(m, m - 1)) * (Math.abs(q) + Math.abs(r)) <
          eps * (Math.abs(p) * (Math.abs(at(m - 1, m - 1)) + Math.abs(z) + Math.abs(at(m + 1, m + 1))))
        ) {
          break;
        }
        m--;
      }
      for (let i = m + 2; i <= n; i++) {
        set(i, i - 2, 0);
        if (i > m + 2) set(i, i - 3, 0);
      }
      for (let k = m; k <= n - 1; k++) {
        const notlast = k !== n - 1;
        if (k !== m) {
          p = at(k, k - 1);
          q = at(k + 1, k - 1);
          r = notlast ? at(k + 2, k - 1) : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x !== 0) {
            p = p / x;
            q = q / x;
            r = r / x;
          }
        }
        if (x === 0) break;
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s !== 0) {
          if (k !== m) set(k, k - 1, -s * x);
          else if (l !== m) set(k, k - 1, -at(k, k - 1));
          p = p + s;
          x = p / s;
          y = q / s;
          z = r / s;
          q = q / p;
          r = r / p;
          for (let j = k; j < nn; j++) {
            p = at(k, j) + q * at(k + 1, j);
            if (notlast) {
              p = p + r * at(k + 2, j);
              set(k + 2, j, at(k + 2, j) - p * z);
            }
            set(k, j, at(k, j) - p * x);
            set(k + 1, j, at(k + 1, j) - p * y);
          }
          for (let i = 0; i <= Math.min(n, k + 3); i++) {
            p = x * at(i, k) + y * at(i, k + 1);
            if (notlast) {
              p = p + z * at(i, k + 2);
              set(i, k + 2, at(i, k + 2) - p * r);
            }
            set(i, k, at(i, k) - p);
            set(i, k + 1, at(i, k + 1) - p * q);
          }
        }
      }
    }
  }
}
