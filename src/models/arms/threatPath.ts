import type { Scenario } from '../../scenario/schema.js';
import { buildArms, matVec } from './buildArms.js';

/**
 * Monthly threat ratios θ_i/θ⁰_i for the crisis model (DESIGN.md §3.2: the ln(θ/θ⁰) term). The arms state is
 * advanced month by month with one precomputed monthly transition x ← Φx + γ of the linear system at fixed
 * alignment, so no matrix exponential is ever computed inside the monthly loop. Entry [(month − 1)·m + i] is actor
 * i's ratio in the middle of month `month` (1-based); actors that fear no one have ratio 1.
 */
export function monthlyThreatRatios(s: Scenario, months: number): { actors: string[]; ratio: Float64Array } {
  const sys = buildArms(s);
  const m = sys.actors.length;
  const ratio = new Float64Array(months * m).fill(1);
  if (s.arms?.linear || sys.labels.length === 0) return { actors: sys.actors, ratio };
  const n = sys.labels.length;
  const { Phi, gamma } = affineStep(sys.A, sys.b, n, 1 / 12);
  const half = affineStep(sys.A, sys.b, n, 1 / 24);
  let x = Float64Array.from(sys.x0);
  const mid = new Float64Array(n);
  const theta = new Float64Array(m);
  const next = new Float64Array(n);
  for (let month = 1; month <= months; month++) {
    step(half.Phi, half.gamma, x, mid, n);
    matVec(sys.T, mid, m, theta);
    for (let i = 0; i < m; i++) if (sys.theta0[i] > 0) ratio[(month - 1) * m + i] = Math.max(theta[i], 0) / sys.theta0[i];
    step(Phi, gamma, x, next, n);
    x.set(next);
  }
  return { actors: sys.actors, ratio };
}

function step(Phi: Float64Array, gamma: Float64Array, x: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let acc = gamma[i];
    for (let j = 0; j < n; j++) acc += Phi[i * n + j] * x[j];
    out[i] = acc;
  }
}

/**
 * Φ = e^{Ah} and γ = ∫₀ʰ e^{As} ds b by the Taylor series of the augmented matrix [[A, b], [0, 0]] with scaling
 * and squaring; adequate for the short steps used here (‖Ah‖ small).
 */
function affineStep(A: Float64Array, b: Float64Array, n: number, h: number): { Phi: Float64Array; gamma: Float64Array } {
  const N = n + 1;
  const M = new Float64Array(N * N);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) M[i * N + j] = A[i * n + j] * h;
    M[i * N + n] = b[i] * h;
  }
  let norm = 0;
  for (let i = 0; i < N; i++) {
    let row = 0;
    for (let j = 0; j < N; j++) row += Math.abs(M[i * N + j]);
    norm = Math.max(norm, row);
  }
  const squarings = Math.max(0, Math.ceil(Math.log2(norm / 0.25)));
  const scale = 2 ** -squarings;
  for (let k = 0; k < M.length; k++) M[k] *= scale;
  let E: Float64Array = identity(N);
  let term: Float64Array = identity(N);
  for (let k = 1; k <= 30; k++) {
    term = mul(term, M, N);
    for (let q = 0; q < term.length; q++) term[q] /= k;
    E = add(E, term);
  }
  for (let s = 0; s < squarings; s++) E = mul(E, E, N);
  const Phi = new Float64Array(n * n);
  const gamma = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) Phi[i * n + j] = E[i * N + j];
    gamma[i] = E[i * N + n];
  }
  return { Phi, gamma };
}

const identity = (N: number) => {
  const I = new Float64Array(N * N);
  for (let i = 0; i < N; i++) I[i * N + i] = 1;
  return I;
};
const add = (X: Float64Array, Y: Float64Array): Float64Array => X.map((v, k) => v + Y[k]);
function mul(X: Float64Array, Y: Float64Array, N: number): Float64Array {
  const Z = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let k = 0; k < N; k++) {
    const x = X[i * N + k];
    if (x !== 0) for (let j = 0; j < N; j++) Z[i * N + j] += x * Y[k * N + j];
  }
  return Z;
}
