import { EigenvalueDecomposition, LuDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { type Complex, type ComplexVector, cabs, cdiv, cdot, cmul } from './complex.js';
import { type MatrixInput, squareMatrix } from './matrixInput.js';

/**
 * Eigenvalues of a real square matrix with matched right and left eigenvectors, sorted by real part, then
 * imaginary part (ascending), so the leading eigenvalue (largest real part) is last. For each k:
 * A·right[k] = values[k]·right[k] and left[k]ᴴ·A = values[k]·left[k]ᴴ. Each vector has unit 2-norm and its
 * largest component (the first, on ties) real and positive, so the result does not depend on LAPACK-style
 * sign choices.
 */
export interface EigenSystem {
  values: Complex[];
  right: ComplexVector[];
  left: ComplexVector[];
}

/** Eigenpairs as ml-matrix returns them, unpacked: a complex pair a ± ib occupies columns j, j+1 of V with
 * eigenvector V_j + i·V_{j+1} for a + ib (imaginaryEigenvalues[j] = b) and its conjugate for a − ib. */
function unpackedEigenpairs(A: Matrix): { values: Complex[]; vectors: ComplexVector[] } {
  // Scale by a power of two (exact) so the largest entry is about 1: the QR iteration's thresholds are
  // absolute, and tiny or huge entries otherwise leave NaN in ml-matrix's back-substitution.
  const big = A.to1DArray().reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const scale = big > 0 ? 2 ** -Math.round(Math.log2(big)) : 1;
  const evd = new EigenvalueDecomposition(scale === 1 ? A : Matrix.mul(A, scale));
  const re = evd.realEigenvalues.map((v) => v / scale);
  const im = evd.imaginaryEigenvalues.map((v) => v / scale);
  const V = evd.eigenvectorMatrix;
  if (!V.to1DArray().every(Number.isFinite)) {
    throw new Error('eigenSystem: the eigensolver returned non-finite eigenvectors (is A badly scaled?)');
  }
  const values: Complex[] = [];
  const vectors: ComplexVector[] = [];
  for (let j = 0; j < re.length; j++) {
    values.push({ re: re[j]!, im: im[j]! });
    if (im[j] === 0) {
      vectors.push({ re: V.getColumn(j), im: new Array<number>(A.rows).fill(0) });
    } else {
      const vr = V.getColumn(j);
      const vi = V.getColumn(j + 1);
      vectors.push({ re: vr, im: vi });
      values.push({ re: re[j + 1]!, im: im[j + 1]! });
      vectors.push({ re: vr.slice(), im: vi.map((v) => -v) });
      j++;
    }
  }
  return { values, vectors: vectors.map(normalized) };
}

/** v scaled to unit 2-norm with its largest component real and positive. */
function normalized(v: ComplexVector): ComplexVector {
  let big = 0;
  let norm2 = 0;
  for (let k = 0; k < v.re.length; k++) {
    const m = Math.hypot(v.re[k]!, v.im[k]!);
    norm2 += m * m;
    if (m > Math.hypot(v.re[big]!, v.im[big]!) * (1 + 1e-12)) big = k;
  }
  // Multiply by conj(v_big)/(|v_big|·‖v‖): unit length, v_big real positive.
  const s = Math.hypot(v.re[big]!, v.im[big]!) * Math.sqrt(norm2);
  const cr = v.re[big]! / s;
  const ci = -v.im[big]! / s;
  return {
    re: v.re.map((r, k) => r * cr - v.im[k]! * ci),
    im: v.re.map((r, k) => r * ci + v.im[k]! * cr),
  };
}

function compareComplex(a: Complex, b: Complex): number {
  return a.re - b.re || a.im - b.im;
}

/**
 * Eigenvalues of a real (generally non-symmetric) square matrix via ml-matrix's `EigenvalueDecomposition`
 * (Hessenberg QR, as in JAMA), sorted by real part then imaginary part. Example: `eigenvalues([[0, 1], [-1, 0]])`
 * → [{re: 0, im: −1}, {re: 0, im: 1}].
 */
export function eigenvalues(A: MatrixInput): Complex[] {
  return unpackedEigenpairs(squareMatrix(A, 'eigenvalues: A')).values.sort(compareComplex);
}

/**
 * Sorted eigenvalues with right and left eigenvectors. Left eigenvectors are eigenvectors of Aᵀ (ml-matrix
 * gives none directly): yᴴA = λyᴴ ⇔ Aᵀy = conj(λ)y, so each λ is matched to the unused eigenvalue of Aᵀ nearest
 * to conj(λ). With repeated eigenvalues the matching within the repeated group is arbitrary. Cost: two
 * eigendecompositions, O(n³). Example: `eigenSystem([[1, 2], [0, 3]]).values` → [{re: 1, im: 0}, {re: 3, im: 0}].
 */
export function eigenSystem(A: MatrixInput): EigenSystem {
  const a = squareMatrix(A, 'eigenSystem: A');
  const right = unpackedEigenpairs(a);
  const order = right.values.map((_, k) => k).sort((p, q) => compareComplex(right.values[p]!, right.values[q]!));
  const transposed = unpackedEigenpairs(a.transpose());
  const used = new Array<boolean>(transposed.values.length).fill(false);
  const left = order.map((k) => {
    const target = { re: right.values[k]!.re, im: -right.values[k]!.im };
    let best = -1;
    let bestDistance = Infinity;
    transposed.values.forEach((mu, m) => {
      const d = cabs({ re: mu.re - target.re, im: mu.im - target.im });
      if (!used[m] && d < bestDistance) [best, bestDistance] = [m, d];
    });
    used[best] = true;
    return transposed.vectors[best]!;
  });
  return { values: order.map((k) => right.values[k]!), right: order.map((k) => right.vectors[k]!), left };
}

/** The verdict on dx/dt = A x + b from the real parts of A's eigenvalues. */
export interface Stability {
  /** 'stable': every real part < −margin; 'unstable': some real part > margin; else 'neutral'. */
  verdict: 'stable' | 'neutral' | 'unstable';
  /** true only for the 'stable' verdict: every deviation from equilibrium decays. */
  stable: boolean;
  /** The largest real part (per time unit of A, e.g. per year); the leading eigenvalue's growth rate. */
  maxRealPart: number;
  margin: number;
}

/**
 * Stability from eigenvalues: asymptotically stable when every real part is negative. Real parts within
 * `margin` of zero (default 1e-9, per time unit of A) are called 'neutral' (a unit root, e.g. a pure
 * integrator or a centre) rather than decided by rounding. Example: `stability(eigenvalues([[-1]])).verdict`
 * → 'stable'.
 */
export function stability(values: readonly Complex[], options: { margin?: number } = {}): Stability {
  const margin = options.margin ?? 1e-9;
  const maxRealPart = values.reduce((m, v) => Math.max(m, v.re), -Infinity);
  const verdict = maxRealPart < -margin ? 'stable' : maxRealPart > margin ? 'unstable' : 'neutral';
  return { verdict, stable: verdict === 'stable', maxRealPart, margin };
}

/**
 * The equilibrium x* = −A⁻¹b of dx/dt = A x + b, or null when A is singular or too ill-conditioned for x* to
 * mean anything: 2-norm condition number (SVD) above `maxCondition` (default 1e12). Solved by LU (ml-matrix).
 * Example: `equilibrium([[-2]], [4])` → [2].
 */
export function equilibrium(
  A: MatrixInput,
  b: ArrayLike<number>,
  options: { maxCondition?: number } = {},
): number[] | null {
  const a = squareMatrix(A, 'equilibrium: A');
  if (b.length !== a.rows) throw new RangeError(`equilibrium: b has length ${b.length}, A is ${a.rows}×${a.rows}`);
  const maxCondition = options.maxCondition ?? 1e12;
  const condition = new SingularValueDecomposition(a, { computeLeftSingularVectors: false, computeRightSingularVectors: false }).condition;
  if (!(condition <= maxCondition)) return null;
  const lu = new LuDecomposition(a);
  if (lu.isSingular()) return null;
  const x = lu.solve(Matrix.columnVector(Array.from(b))).getColumn(0).map((v) => (v === 0 ? 0 : -v));
  return x.every(Number.isFinite) ? x : null;
}

/** ∂λ/∂A_ij for one eigenvalue λ, with Wilkinson's condition number of λ. */
export interface EigenvalueSensitivity {
  /** Position of λ in the sorted eigenvalue list (the last for the leading eigenvalue). */
  index: number;
  value: Complex;
  /** ∂λ/∂A_ij = conj(y_i)·x_j / (yᴴx): real parts `re[i][j]`, imaginary parts `im[i][j]`. */
  re: number[][];
  im: number[][];
  /** 1/|yᴴx| for unit x and y: how much a unit perturbation of A can move λ (∞ for a defective λ). */
  condition: number;
}

/**
 * First-order sensitivities of an eigenvalue λ to each entry of A: ∂λ/∂A_ij = conj(y_i) x_j / (yᴴx), with x, y
 * the right and left eigenvectors (Wilkinson 1965; Caswell, "Matrix Population Models", 2001, §9.1). Default:
 * the leading eigenvalue (largest real part; of a complex pair, the one with positive imaginary part). Valid
 * for a simple eigenvalue. Example: for a triangular A, ∂λ_k/∂A_kk = 1.
 */
export function eigenvalueSensitivity(
  A: MatrixInput,
  options: { index?: number; system?: EigenSystem } = {},
): EigenvalueSensitivity {
  const system = options.system ?? eigenSystem(A);
  const index = options.index ?? system.values.length - 1;
  const x = system.right[index];
  const y = system.left[index];
  if (!x || !y) throw new RangeError(`eigenvalueSensitivity: no eigenvalue at index ${index}`);
  const yx = cdot(y, x);
  const n = x.re.length;
  const re: number[][] = [];
  const im: number[][] = [];
  for (let i = 0; i < n; i++) {
    re.push([]);
    im.push([]);
    for (let j = 0; j < n; j++) {
      const d = cdiv(cmul({ re: y.re[i]!, im: -y.im[i]! }, { re: x.re[j]!, im: x.im[j]! }), yx);
      re[i]!.push(d.re);
      im[i]!.push(d.im);
    }
  }
  return { index, value: system.values[index]!, re, im, condition: 1 / cabs(yx) };
}

/** One entry of A ranked by how much it moves the leading eigenvalue. */
export interface Coupling {
  /** Row i (the state whose rate responds) and column j (the state it responds to). */
  i: number;
  j: number;
  /** A_ij itself. */
  value: number;
  /** ∂λ/∂A_ij (complex when λ is). */
  derivative: Complex;
  /** |∂λ/∂A_ij|. */
  sensitivity: number;
  /** |∂λ/∂A_ij|·|A_ij|: the first-order shift of λ if the coupling were removed (A_ij → 0). */
  weight: number;
}

/**
 * The entries of A that drive its leading eigenvalue, largest first. `by: 'elasticity'` (default) ranks by
 * `weight` = |∂λ/∂A_ij|·|A_ij| — how far λ would move without the coupling, so absent couplings (A_ij = 0)
 * rank last. This is the order of the eigenvalue elasticities |(A_ij/λ)·∂λ/∂A_ij| (Caswell 2001, §9.2), left
 * unnormalized by |λ| so it stays finite when λ ≈ 0;
 * `by: 'sensitivity'` ranks by |∂λ/∂A_ij| — where a new or changed coupling would matter most. Only
 * off-diagonal entries (interactions between states) unless `includeDiagonal` (default false). `count`
 * (default 5) limits the list; ties keep row-major order. Example: `topCouplings(A, { count: 3 })`.
 */
export function topCouplings(
  A: MatrixInput,
  options: { count?: number; by?: 'elasticity' | 'sensitivity'; includeDiagonal?: boolean; system?: EigenSystem } = {},
): Coupling[] {
  const a = squareMatrix(A, 'topCouplings: A');
  const s = eigenvalueSensitivity(a, { system: options.system });
  const couplings: Coupling[] = [];
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.rows; j++) {
      if (i === j && !options.includeDiagonal) continue;
      const derivative = { re: s.re[i]![j]!, im: s.im[i]![j]! };
      const sensitivity = cabs(derivative);
      const value = a.get(i, j);
      couplings.push({ i, j, value, derivative, sensitivity, weight: sensitivity * Math.abs(value) });
    }
  }
  const key = options.by === 'sensitivity' ? 'sensitivity' : 'weight';
  return couplings.sort((p, q) => q[key] - p[key]).slice(0, options.count ?? 5);
}
