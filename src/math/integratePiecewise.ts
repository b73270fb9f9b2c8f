import { type DormandPrinceOptions, type OdeRhs, dormandPrinceInto } from './dormandPrince.js';
import { type Breakpoint, walkStretches } from './piecewise.js';

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
 * the state at times[k] in out[k·n … (k + 1)·n): the walk of `walkStretches`, each stretch integrated on to its
 * end only when a later output needs that state, without an array per output. Returns the work done.
 */
export function integratePiecewiseInto(
  segments: readonly OdeSegment[],
  x0: ArrayLike<number>,
  times: readonly number[],
  out: Float64Array,
  options: DormandPrinceOptions = {},
): Omit<PiecewiseOdeResult, 'states'> {
  const n = x0.length;
  if (out.length < times.length * n) throw new RangeError(`integratePiecewise: the output buffer holds ${out.length} values, ${times.length * n} are needed`);
  const work = { accepted: 0, rejected: 0, evaluations: 0 };
  walkStretches(segments, x0, times, 'integratePiecewise', (seg, _s, x, first, stop, end) => {
    // A stretch that must reach its end integrates on to it, and that state goes to row `stop`, after the
    // stretch's outputs: the next stretch's first output overwrites it.
    const targets = times.slice(first, stop);
    if (end < Infinity) targets.push(end);
    const res = dormandPrinceInto(seg.f, seg.tStart, x, targets, out.subarray(first * n), options);
    work.accepted += res.accepted;
    work.rejected += res.rejected;
    work.evaluations += res.evaluations;
    return end < Infinity ? out.slice(stop * n, (stop + 1) * n) : null;
  });
  return work;
}
