/**
 * The start of one stretch of a piecewise-defined system. The stretch runs from `tStart` until the next
 * stretch's `tStart`. `reset`, if given, maps the state arriving at `tStart` to the state the stretch starts
 * from (a jump: an event that destroys or transfers capability); it returns a new array of the same length.
 */
export interface Breakpoint {
  tStart: number;
  reset?: (x: Float64Array) => ArrayLike<number>;
}

/**
 * Solves one stretch from (t, x): returns the states at `outputs` (all in [t, end)) and, when `end` is finite,
 * the state arriving at `end`.
 */
export type StretchSolver<S extends Breakpoint> = (
  segment: S,
  index: number,
  t: number,
  x: Float64Array,
  outputs: readonly number[],
  end: number,
) => { states: number[][]; atEnd: Float64Array | null };

/**
 * Walks a piecewise system with the semantics shared by the exact and the numerical solvers: `x0` is the
 * state at `segments[0].tStart`; segments apply on [tStart, next tStart) in order (tStart non-decreasing);
 * each `reset` acts on the state arriving at its tStart, so outputs are right-continuous (an output exactly at
 * a breakpoint shows the state after the jump). `times` must be finite, non-decreasing and not before the
 * first segment. `who` prefixes error messages. Returns `states[k][i]` = x_i(times[k]).
 */
export function walkSegments<S extends Breakpoint>(
  segments: readonly S[],
  x0: ArrayLike<number>,
  times: readonly number[],
  who: string,
  solve: StretchSolver<S>,
): number[][] {
  const states: number[][] = [];
  walkStretches(segments, x0, times, who, (seg, s, x, first, stop, end) => {
    const result = solve(seg, s, seg.tStart, x, times.slice(first, stop), end);
    states.push(...result.states);
    return result.atEnd;
  });
  return states;
}

/**
 * Visits one stretch from (segment.tStart, x): its outputs are times[first … stop), which the visitor keeps where
 * it likes; when `end` is finite it returns the state arriving at `end` (else null).
 */
export type StretchVisitor<S extends Breakpoint> = (segment: S, index: number, x: Float64Array, first: number, stop: number, end: number) => Float64Array | null;

/**
 * The walk of `walkSegments` (same checks, resets, stretches and right-continuity), leaving the outputs to the
 * visitor: `walkSegments` collects them as arrays, `integratePiecewiseInto` writes them into one buffer. A
 * stretch is asked for the state at its end only when a later output needs it (`end` is Infinity otherwise).
 */
export function walkStretches<S extends Breakpoint>(segments: readonly S[], x0: ArrayLike<number>, times: readonly number[], who: string, visit: StretchVisitor<S>): void {
  checkPiecewise(segments, times, who);
  const n = x0.length;
  let x: Float64Array = Float64Array.from(x0);
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
    const wantEnd = end < Infinity && stop < times.length;
    const atEnd = visit(seg, s, x, next, stop, wantEnd ? end : Infinity);
    next = stop;
    if (wantEnd) {
      if (!atEnd) throw new Error(`${who}: segment ${s} returned no state at its end`);
      x = atEnd;
    }
  }
}

/**
 * The checks of `walkSegments` and `walkStretches`: at least one segment, finite non-decreasing tStart, finite
 * non-decreasing times not before the first segment.
 */
function checkPiecewise(segments: readonly Breakpoint[], times: readonly number[], who: string): void {
  if (segments.length === 0) throw new RangeError(`${who}: at least one segment is needed`);
  segments.forEach(({ tStart }, k) => {
    if (!Number.isFinite(tStart)) throw new RangeError(`${who}: segments[${k}].tStart is not finite`);
    if (k > 0 && tStart < segments[k - 1]!.tStart) {
      throw new RangeError(`${who}: segments[${k}].tStart=${tStart} is before the previous segment's`);
    }
  });
  const first = segments[0]!.tStart;
  times.forEach((t, k) => {
    if (!Number.isFinite(t)) throw new RangeError(`${who}: times[${k}] is not finite`);
    if (k > 0 && t < times[k - 1]!) throw new RangeError(`${who}: times must be non-decreasing`);
    if (t < first) throw new RangeError(`${who}: times[${k}]=${t} is before the first segment (${first})`);
  });
}
