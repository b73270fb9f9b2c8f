import { EstimationError } from './leastSquares.js';

/** A regressor taken `lag` rows earlier than the response (lag 0: the same row). */
export interface LagSpec {
  column: string;
  lag: number;
}

/**
 * Parses `col` or `col:L` (L a non-negative integer) into a {@link LagSpec}.
 * Example: `parseLagSpec('exercise:1')` → `{ column: 'exercise', lag: 1 }`.
 */
export function parseLagSpec(spec: string): LagSpec {
  const m = /^(.+):(\d+)$/.exec(spec);
  return m ? { column: m[1], lag: Number(m[2]) } : { column: spec, lag: 0 };
}

/**
 * Aligns a response with lagged regressors on the periods where every lag is available: with L the largest lag,
 * rows L..T−1 of the response (and of each `same` column, e.g. an exposure) pair with rows t − lag of each
 * regressor. `series` maps column names to equal-length arrays, time running down the rows.
 * Example: `alignLags(cols, 'launches', [parseLagSpec('exercise:1')]).x[0][0]` is exercise in the first row.
 */
export function alignLags(
  series: Record<string, number[]>,
  response: string,
  specs: LagSpec[],
  same: string[] = [],
): { y: number[]; x: number[][]; same: number[][]; dropped: number } {
  const get = (name: string) => {
    const s = series[name];
    if (!s) throw new EstimationError(`no series '${name}'`);
    return s;
  };
  const T = get(response).length;
  const L = Math.max(0, ...specs.map((s) => s.lag));
  if (T - L < 1) throw new EstimationError(`too few rows: ${T} rows for lag ${L}`);
  return {
    y: get(response).slice(L),
    x: specs.map((s) => get(s.column).slice(L - s.lag, T - s.lag)),
    same: same.map((name) => get(name).slice(L)),
    dropped: L,
  };
}
