import { type DormandPrinceOptions, type OdeRhs, dormandPrinceInto } from './dormandPrince.js';
import { type Breakpoint, checkPiecewise } from './piecewise.js';

/** One stretch of a piecewise ODE: dx/dt = f(t, x) from `tStart` on, entered through the optional `reset`. */
export interface OdeSegment extends Breakpoint {
  f: OdeRhs;
}

/** Work done by `integratePiecewise`, summed over segments. */
export interface PiecewiseOdeResult {
  /** `states[k][i]` = x_i(times[k]). */
  states: number[][];
  accepted: number;
  rejected: number;
  evaluations: number;
}

/**
 * Integrates a piecewise ODE by Dormand–Prince 5(4) with the breakpoint semantics of `solvePiecewiseAffine`
 * (right-continuous outputs, `reset` applied to the state arriving at each tStart), restarting the integrator at
 * every breakpoint so no step straddles a change of f. Options apply to each segment (so `maxSteps` is per
 * segment); the starting step is chosen afresh after each breakpoint. With the same A, b and resets as an
 * affine system it reproduces `solvePiecewiseAffine` to the tolerance asked (tested to 1e-9 with rtol 1e-12).
 * Example: `integratePiecewise([{ tStart: 0, f: (t, x, d) => { d[0] = -x[0]!; } }], [1], [1]).states` ≈ [[e^{-1}]].
 */
export function integratePiecewise(
  segments: readonly OdeSegment[],
  x0: ArrayLike<number>,
  times: readonly number[],
  options: DormandPrinceOptions = {},
): PiecewiseOdeResult {
  const n = x0.length;
  const out = new Float64Array(times.length * n);
  const work = integratePiecewiseInto(segments, x0, times, out, options);
  const states = Array.from({ length: times.length }, (_, k) => Array.from(out.subarray(k * n, (k + 1) * n)));
  return { states, ...work };
}

/**
 * `integratePiecewise` with the states written into `out` (row-major, at least times.length × n, n = x0.length):
 * the state at times[k] in out[k·n … (k + 1)·n). The same segments, steps and numbers (each segment still
 * integrates on to its end exactly when `integratePiecewise` does, so its steps are the same), without an array
 * per output.
 * Returns the work done. (The walk is walkSegments', written out here so that the outputs go straight to `out`.)
 */
export function integratePiecewiseInto(
  segments: readonly OdeSegment[],
  x0: ArrayLike<number>,
  times: readonly number[],
  out: Float64Array,
  options: DormandPrinceOptions = {},
): Omit<PiecewiseOdeResult, 'states'> {
  const who = 'integratePiecewise';
  checkPiecewise(segments, times, who);
  const n = x0.length;
  if (out.length < times.length * n) throw new RangeError(`${who}: the output buffer holds ${out.length} values, ${times.length * n} are needed`);
  const work = { accepted: 0, rejected: 0, evaluations: 0 };
  let x = Float64Array.from(x0);
  let next = 0;
  for (let s = 0; s < segments.length && next < times.length; s++) {
    const seg = segments[s]!;
    if (seg.reset) {
      const y = seg.reset(x);
      if (y.length !== n) throw new RangeError(`${who}: segments[${s}].reset changed the state length`);
      x = Float64Array.from(y);
    }
    const end = s + 1 < segments.length ? segments[s + 1]!.tStart : Infinity;
    let stop = next;
    while (stop < times.length && times[stop]! < end) stop++;
    const targets = times.slice(next, stop);
    // As in walkSegments, a segment integrates on to its end only when a later output needs the state there.
    // That state goes to the row after the segment's outputs, row `stop`, which a later segment overwrites
    // with its own output.
    const wantEnd = end < Infinity && stop < times.length;
    if (wantEnd) targets.push(end);
    add(work, dormandPrinceInto(seg.f, seg.tStart, x, targets, out.subarray(next * n), options));
    if (wantEnd) x = out.slice(stop * n, (stop + 1) * n);
    next = stop;
  }
  return work;
}

function add(work: { accepted: number; rejected: number; evaluations: number }, res: { accepted: number; rejected: number; evaluations: number }): void {
  work.accepted += res.accepted;
  work.rejected += res.rejected;
  work.evaluations += res.evaluations;
}
