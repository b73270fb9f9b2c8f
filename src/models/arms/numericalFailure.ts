import { NumericalError } from '../../math/numericalError.js';

/**
 * Turns a failed or non-finite arms solution into a NumericalError that names the stock and the time. `solve`
 * computes the states at the given times (years from start) and may throw; the first failing time is found by
 * bisection between the last output time that solved and the first that did not, to three significant digits,
 * and the stock named is the one that had grown the most (relative to its start value) just before it.
 */
export function armsFailure(solve: (times: number[]) => number[][], times: readonly number[], labels: readonly string[]): NumericalError {
  const finiteAt = (t: number): number[] | null => {
    try {
      const [x] = solve([t]);
      return x && x.every(Number.isFinite) ? x : null;
    } catch {
      return null;
    }
  };
  const x0 = finiteAt(0) ?? [];
  let lo = 0;
  let hi = times.find((t) => finiteAt(t) === null) ?? times[times.length - 1] ?? 0;
  for (const t of times) if (t < hi && finiteAt(t) !== null) lo = Math.max(lo, t);
  for (let k = 0; k < 60 && hi - lo > 1e-3 * Math.max(hi, 1e-9); k++) {
    const mid = (lo + hi) / 2;
    if (finiteAt(mid)) lo = mid;
    else hi = mid;
  }
  const before = finiteAt(lo) ?? x0;
  let q = 0;
  let most = -Infinity;
  before.forEach((v, i) => {
    const g = Math.abs(v) / Math.max(Math.abs(x0[i] ?? 0), 1e-300);
    if (g > most) (most = g), (q = i);
  });
  const stock = labels[q] ?? labels[0] ?? '(none)';
  // The solver's own error (e.g. the matrix exponential's overflow) is the same event seen from inside; the
  // message names stock and time only, so that every command, whichever solver it used, prints the same line.
  return new NumericalError(`the arms model leaves double precision at t ≈ ${Number(hi.toPrecision(3))} years from start: stock ${stock} grows without bound`, { quantity: stock, time: hi });
}
