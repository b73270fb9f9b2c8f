import type { InputBound } from './inputs.js';
import { sobolAnalyze, type SobolIndices } from './sobolAnalyze.js';
import { sobolSample } from './sobolSample.js';

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Base points N (a power of 2 is best); the model runs N·(G+2) times. */
  n: number;
  /** Seeds the digital shift of the Sobol' points and the bootstrap. Default 1. */
  seed?: number;
  /** One group name per input (aligned with the bounds); a group's indices are those of its inputs together. */
  groups?: readonly string[];
  /** Bootstrap resamples. Default 1000. */
  resamples?: number;
  /** Add the dummy factor. Default true. */
  dummy?: boolean;
  /** Apply the seeded digital shift to the Sobol' points. Default true. */
  shift?: boolean;
}

/**
 * First-order and total Sobol' indices of `f` over the box `bounds` (inputs uniform on their ranges), in one
 * call: {@link sobolSample}, N·(G+2) evaluations of f in design order, then {@link sobolAnalyze}. `f` gets the
 * input values in bounds order and the design row; a stochastic model should draw its randomness from that row
 * (e.g. `streamFor(seed, row)`), so that the dummy's block — the same inputs as A, other rows — measures its noise.
 * Example: `sobolIndices(([a, b]) => a + 2 * b, [{ name: 'a', lower: 0, upper: 1 }, { name: 'b', lower: 0, upper: 1 }], { n: 1024 }).first`
 * → ≈ [0.2, 0.8].
 */
export function sobolIndices(f: (x: readonly number[], row: number) => number, bounds: readonly InputBound[], options: SobolIndicesOptions): SobolIndices {
  const seed = options.seed ?? 1;
  const design = sobolSample(bounds, options.n, { groups: options.groups, dummy: options.dummy, seed, shift: options.shift });
  const Y = new Float64Array(design.X.length);
  for (let r = 0; r < Y.length; r++) Y[r] = f(design.X[r], r);
  return sobolAnalyze(Y, design.layout, { seed, resamples: options.resamples });
}
