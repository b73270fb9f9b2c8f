import { streamFor } from '../math/rng/index.js';
import { directionNumbers, SOBOL_BITS } from './joeKuo.js';

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /** Points to drop from the start of the sequence (in Gray-code order). Default 0: the first point is the origin. */
  skip?: number;
  /**
   * Seed of a random digital shift: every coordinate's 32 bits are XOR-ed with one uniform 32-bit word per
   * dimension drawn from `streamFor(shiftSeed, SOBOL_SHIFT_KEY, dimension)`. A digital shift keeps each 2^m-point
   * block a (t, m, s)-net, moves the origin off the corner and makes independent replicates possible
   * (Owen 1995; Dick & Pillichshammer 2010, §4.4). Default: no shift (the published, deterministic points).
   */
  shiftSeed?: number;
}

/** The stream key of the digital shift (`streamFor(shiftSeed, SOBOL_SHIFT_KEY, dimension)`). */
export const SOBOL_SHIFT_KEY = 2 ** 42 + 1;

const SCALE = 2 ** -SOBOL_BITS;

/**
 * The first `n` points of the `dimensions`-dimensional Sobol' sequence (Sobol' 1967) with Joe–Kuo direction numbers
 * (`new-joe-kuo-6.21201`, up to 64 dimensions), in Gray-code order (Antonov & Saleev 1979): point i+1 is point i
 * with one direction number XOR-ed in, the one indexed by the lowest zero bit of i. Coordinates lie in [0, 1) on
 * the grid of multiples of 2^−32. Any first 2^m points form a (t, m, s)-net: each dyadic interval of length 2^−m
 * holds exactly one point in every coordinate. Returns points[i][dimension].
 * Example: `sobolSequence(4, 2)` → [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]].
 */
export function sobolSequence(n: number, dimensions: number, options: SobolSequenceOptions = {}): number[][] {
  const skip = options.skip ?? 0;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sobolSequence: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(skip) || skip < 0) throw new RangeError(`sobolSequence: skip must be a non-negative integer, got ${skip}`);
  if (n + skip > 2 ** SOBOL_BITS) throw new RangeError(`sobolSequence: at most 2^${SOBOL_BITS} points`);
  const v = Array.from({ length: dimensions }, (_, d) => directionNumbers(d + 1));
  const shift = new Uint32Array(dimensions);
  if (options.shiftSeed !== undefined) for (let d = 0; d < dimensions; d++) shift[d] = streamFor(options.shiftSeed, SOBOL_SHIFT_KEY, d).nextUint32();
  // The state after `skip` points: the Gray code of skip selects the direction numbers XOR-ed together.
  const x = new Uint32Array(dimensions);
  const gray = skip ^ Math.floor(skip / 2);
  for (let d = 0; d < dimensions; d++) {
    let acc = 0;
    for (let k = 0, g = gray; g > 0; k++, g = Math.floor(g / 2)) if (g % 2 === 1) acc ^= v[d][k];
    x[d] = acc >>> 0;
  }
  const points: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const point = new Array<number>(dimensions);
    for (let d = 0; d < dimensions; d++) point[d] = ((x[d] ^ shift[d]) >>> 0) * SCALE;
    points[i] = point;
    const c = lowestZeroBit(skip + i);
    for (let d = 0; d < dimensions; d++) x[d] = (x[d] ^ v[d][c]) >>> 0;
  }
  return points;
}

/** Index of the lowest zero bit of a non-negative integer below 2^32 (0 for even numbers). */
function lowestZeroBit(i: number): number {
  let c = 0;
  while (i % 2 === 1) {
    i = (i - 1) / 2;
    c++;
  }
  return c;
}
