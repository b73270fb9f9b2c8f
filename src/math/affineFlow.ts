import { expmRowMajor } from './expm.js';
import { type MatrixInput, norm1RowMajor, rowMajor } from './matrixInput.js';
import { type Breakpoint, walkSegments } from './piecewise.js';

/**
 * The exact one-step map of dx/dt = A x + b over a step h: x(t + h) = Φ x(t) + γ, with Φ = e^{Ah} and
 * γ = ∫₀ʰ e^{As} ds · b. `phi` is row-major n×n (`phi[i*n + j]`). Compute once, apply many times.
 */
export interface AffineTransition {
  readonly n: number;
  readonly h: number;
  readonly phi: Float64Array;
  readonly gamma: Float64Array;
}

/**
 * The transition (Φ, γ) of dx/dt = A x + b over a step `h` (same time unit as A, e.g. years), read off the
 * exponential of the augmented matrix M = [[A h, b h], [0, 0]]: e^M = [[Φ, γ], [0, 1]]. Works when A is singular
 * (no A⁻¹ is formed). When ‖b‖ is large the column of b is scaled by a power of two β ≤ 1 before
 * exponentiating (a similarity transform, exact in floating point) so that ‖b‖ does not inflate the number of
 * squarings; γ is divided by β.
 * Cost: one (n+1)×(n+1) `expm`. Example: `affineTransition([[-1]], [2], 0.5)` → Φ = e^{-0.5}, γ = 2(1 − e^{-0.5}).
 */
export function affineTransition(A: MatrixInput, b: ArrayLike<number>, h: number): AffineTransition {
  const { a, n } = rowMajor(A, 'affineTransition: A');
  return transitionRowMajor(a, n, b, h);
}

/** `affineTransition` for A given row-major (`A[i*n + j]`, finite), without conversions. */
function transitionRowMajor(a: Float64Array, n: number, b: ArrayLike<number>, h: number): AffineTransition {
  if (b.length !== n) throw new RangeError(`affineTransition: b has length ${b.length}, A is ${n}×${n}`);
  if (!Number.isFinite(h)) throw new RangeError(`affineTransition: step h=${h} is not finite`);
  let bNorm = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(b[i]!)) throw new RangeError(`affineTransition: b[${i}] is not finite`);
    bNorm += Math.abs(b[i]!);
  }
  // Scale b down (never up) to about max(‖A‖, 1/h): then ‖b·β·h‖ ≲ max(‖A h‖, 1) adds no squarings.
  const target = Math.max(norm1RowMajor(a, n), 1 / Math.abs(h));
  const beta = bNorm > target ? 2 ** Math.round(Math.log2(target / bNorm)) : 1;
  const m = n + 1;
  const M = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) M[i * m + j] = a[i * n + j]! * h;
    M[i * m + n] = b[i]! * beta * h;
  }
  const E = expmRowMajor(M, m).value;
  const phi = new Float64Array(n * n);
  const gamma = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) phi[i * n + j] = E[i * m + j]!;
    gamma[i] = E[i * m + n]! / beta;
  }
  return { n, h, phi, gamma };
}

/**
 * One exact step x ↦ Φ x + γ. Writes into `out` (a fresh array by default; must not be `x` itself).
 * Cost: n² multiply-adds. Example: `applyTransition(affineTransition(A, b, 1 / 12), x)` advances one month.
 */
export function applyTransition(
  tr: AffineTransition,
  x: ArrayLike<number>,
  out: Float64Array = new Float64Array(tr.n),
): Float64Array {
  const { n, phi, gamma } = tr;
  if (x.length !== n) throw new RangeError(`applyTransition: x has length ${x.length}, expected ${n}`);
  if (out === x) throw new RangeError('applyTransition: out must not alias x');
  for (let i = 0; i < n; i++) {
    let s = gamma[i]!;
    const row = i * n;
    for (let j = 0; j < n; j++) s += phi[row + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

/**
 * One stretch of a piecewise-constant affine system: from `tStart` until the next segment's `tStart`,
 * dx/dt = A x + b, entered through the optional jump `reset` (see `Breakpoint`).
 */
export interface AffineSegment extends Breakpoint {
  A: MatrixInput;
  b: ArrayLike<number>;
}

// Steps that agree to this relative precision share one transition: the state error this introduces is
// about 1e-13·h·|dx/dt|, far below the 1e-9 accuracy asked of the solution.
const STEP_KEY_DIGITS = 13;

/**
 * The exact solution x(t) of a piecewise-constant affine system at each of `times` (non-decreasing, none
 * before `segments[0].tStart`; same unit as the segments' tStart, e.g. years). `x0` is the state at
 * `segments[0].tStart`. Segments apply on [tStart, next tStart) in the order given (tStart non-decreasing);
 * each segment's `reset` acts on the state arriving at its tStart, so the solution is right-continuous: an
 * output at exactly a breakpoint shows the state after the jump. Within a segment the state is stepped from
 * output to output with exact transitions, cached per distinct step length, so equally spaced outputs cost
 * one exponential per segment plus an n² product each. Returns `states[k][i]` = x_i(times[k]).
 * Example: `solvePiecewiseAffine([{ tStart: 0, A: [[-1]], b: [1] }], [0], [0, 1])` → [[0], [1 − e^{-1}]].
 */
export function solvePiecewiseAffine(
  segments: readonly AffineSegment[],
  x0: ArrayLike<number>,
  times: readonly number[],
): number[][] {
  const n = x0.length;
  return walkSegments(segments, x0, times, 'solvePiecewiseAffine', (seg, s, t, x, outputs, end) => {
    const { a, n: size } = rowMajor(seg.A, `solvePiecewiseAffine: segments[${s}].A`);
    if (size !== n) throw new RangeError(`solvePiecewiseAffine: segments[${s}].A is not ${n}×${n}`);
    const cache = new Map<string, AffineTransition>();
    let scratch: Float64Array = new Float64Array(n);
    const stepTo = (target: number): void => {
      const h = target - t;
      if (h > 0) {
        const key = h.toPrecision(STEP_KEY_DIGITS);
        let tr = cache.get(key);
        if (!tr) cache.set(key, (tr = transitionRowMajor(a, n, seg.b, h)));
        applyTransition(tr, x, scratch);
        [x, scratch] = [scratch, x];
      }
      t = target;
    };
    const states = outputs.map((time) => (stepTo(time), Array.from(x)));
    if (end === Infinity) return { states, atEnd: null };
    stepTo(end);
    return { states, atEnd: x };
  });
}
