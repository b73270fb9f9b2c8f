import { streamFor } from '../math/rng/index.js';
import { DUMMY_NAME, factorGroups, scaleToBounds, type InputBound } from './inputs.js';
import { SOBOL_MAX_DIMENSION } from './joeKuo.js';
import { sobolSequence } from './sobolSequence.js';

/** The stream key of the pseudo-random columns of inputs beyond the 32nd (`streamFor(seed, SOBOL_EXTRA_KEY, input, 0 | 1)`). */
export const SOBOL_EXTRA_KEY = 2 ** 42 + 5;

/** Options of {@link sobolSample}. */
export interface SobolSampleOptions {
  /** One group name per input (aligned with the bounds): a group shares one column swap. Default: no groups. */
  groups?: readonly string[];
  /** Add the dummy factor (an input the model ignores; its indices are the noise floor). Default true. */
  dummy?: boolean;
  /** Seed of the Sobol' points' random digital shift. Default 1. */
  seed?: number;
  /** Apply the seeded digital shift. Default true; false gives the published (unshifted) points. */
  shift?: boolean;
}

/**
 * Where each model evaluation of a Saltelli design sits. The design has `n · (factors.length + 2)` rows in blocks
 * of n: block 0 is A, block 1 is B, block 2 + g is A_B^g (A with factor g's columns taken from B); row
 * `block · n + j` belongs to base point j. The dummy, when present, is the last factor: its block repeats A's inputs
 * exactly, because the model ignores it, so it measures only the noise between two evaluations at the same point.
 */
export interface SaltelliLayout {
  /** Base points N. */
  n: number;
  /** The input names (the columns of X), in bounds order. */
  inputs: string[];
  /** Factor names (groups or inputs), the dummy last when present. */
  factors: string[];
  /** members[g]: the input columns that factor g swaps (empty for the dummy). */
  members: number[][];
  /** Whether the last factor is the dummy. */
  dummy: boolean;
}

/** A Saltelli design: the unit-cube points, the same points in the inputs' ranges, and the layout. */
export interface SaltelliDesign {
  /** Rows in [0, 1)^k, one per model evaluation, in layout order. */
  unit: number[][];
  /** The rows of `unit` mapped linearly to the bounds. */
  X: number[][];
  layout: SaltelliLayout;
}

/**
 * Saltelli's sampling scheme for first-order and total Sobol' indices (Saltelli 2002; Saltelli et al. 2010, CPC
 * 181, 259–270, §3): A and B are the first and second halves of one 2k-dimensional Sobol' point set (k inputs),
 * and A_B^g is A with factor g's columns from B, so that N·(G+2) evaluations give every factor's indices (G the
 * factors, the dummy included). n should be a power of 2 (the Sobol' points are then a net). The carried table
 * has 64 dimensions, so the first 32 inputs are quasi-random; inputs beyond them get seeded pseudo-random columns
 * (the estimators stay unbiased, those columns just converge at the Monte Carlo rate) — put the inputs that
 * matter most first. Costs nothing but memory.
 * Example: `sobolSample([{ name: 'x', lower: 0, upper: 1 }], 8, { dummy: false }).X.length` → 24.
 */
export function sobolSample(bounds: readonly InputBound[], n: number, options: SobolSampleOptions = {}): SaltelliDesign {
  const groups = factorGroups(bounds, options.groups);
  const k = bounds.length;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`sobolSample: n must be an integer ≥ 2, got ${n}`);
  const dummy = options.dummy ?? true;
  const seed = options.seed ?? 1;
  // The first 32 inputs take Sobol' dimensions (A: 1 … q, B: q+1 … 2q); any further input is plain Monte Carlo.
  const q = Math.min(k, SOBOL_MAX_DIMENSION / 2);
  const points = sobolSequence(n, 2 * q, options.shift === false ? {} : { shiftSeed: seed });
  const A = points.map((p) => p.slice(0, q));
  const B = points.map((p) => p.slice(q));
  for (let i = q; i < k; i++) {
    const [a, b] = [streamFor(seed, SOBOL_EXTRA_KEY, i, 0), streamFor(seed, SOBOL_EXTRA_KEY, i, 1)];
    for (let j = 0; j < n; j++) {
      A[j].push(a.nextDouble());
      B[j].push(b.nextDouble());
    }
  }
  const members = dummy ? [...groups.members, []] : groups.members;
  const unit: number[][] = [...A, ...B];
  for (const cols of members) {
    for (let j = 0; j < n; j++) {
      const row = A[j].slice();
      for (const c of cols) row[c] = B[j][c];
      unit.push(row);
    }
  }
  return {
    unit,
    X: unit.map((u) => scaleToBounds(u, bounds)),
    layout: { n, inputs: bounds.map((b) => b.name), factors: dummy ? [...groups.names, DUMMY_NAME] : groups.names, members, dummy },
  };
}
