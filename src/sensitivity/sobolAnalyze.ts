import { streamFor } from '../math/rng/index.js';
import { DEFAULT_RESAMPLES, percentileInterval, resampleInto, type Interval } from './bootstrap.js';
import type { SaltelliLayout } from './sobolSample.js';

/** Options of {@link sobolAnalyze}. */
export interface SobolAnalyzeOptions {
  /** Seed of the bootstrap: resample r draws from `streamFor(seed, SOBOL_BOOTSTRAP_KEY)`. Default 1. */
  seed?: number;
  /** Bootstrap resamples of the N base points. Default 1000. */
  resamples?: number;
}

/** The stream key of the Sobol' bootstrap. */
export const SOBOL_BOOTSTRAP_KEY = 2 ** 42 + 2;

/** One factor's (or the dummy's) estimates. */
export interface SobolFactorIndices {
  /** First-order index S_i (Saltelli et al. 2010). */
  first: number;
  /** Total index S_Ti (Jansen 1999). */
  total: number;
  /** Bootstrap 95% percentile interval of S_i. */
  firstConf: Interval;
  /** Bootstrap 95% percentile interval of S_Ti. */
  totalConf: Interval;
}

/** First-order and total Sobol' indices per factor, aligned with `factors`, and the dummy's as the noise floor. */
export interface SobolIndices {
  /** Factor names (groups or inputs), without the dummy. */
  factors: string[];
  first: number[];
  total: number[];
  firstConf: Interval[];
  totalConf: Interval[];
  /** The dummy's indices (null without a dummy): factors whose S_Ti does not exceed its interval are noise. */
  dummy: SobolFactorIndices | null;
  /** Mean and (population) variance of the output over the 2N points of A and B. */
  mean: number;
  variance: number;
  /** Base points N and model evaluations N·(G+2). */
  n: number;
  evaluations: number;
  resamples: number;
  seed: number;
}

/**
 * First-order and total Sobol' indices from the outputs of a Saltelli design (see {@link SaltelliLayout}), so
 * an expensive model can be evaluated elsewhere (worker threads, a store). With f_A, f_B, f_ABi the outputs of
 * the blocks and V the variance of f over A and B:
 * S_i = (1/N) Σ_j (f_B,j − f̄) (f_ABi,j − f_A,j) / V (Saltelli et al. 2010, CPC 181, Table 2 (b); f_B centred on
 * the mean f̄, so a constant added to f adds no sampling noise);
 * S_Ti = (1/2N) Σ_j (f_A,j − f_ABi,j)² / V (Jansen 1999, CPC 117, 35–43).
 * Intervals: percentile bootstrap over the N base points, V recomputed in each resample. Cost O(N·G·resamples).
 * Example: `sobolAnalyze(Y, design.layout, { seed: 7 }).total[0]`.
 */
export function sobolAnalyze(Y: ArrayLike<number>, layout: SaltelliLayout, options: SobolAnalyzeOptions = {}): SobolIndices {
  const { n } = layout;
  const G = layout.members.length;
  if (Y.length !== n * (G + 2)) throw new RangeError(`sobolAnalyze: ${Y.length} outputs for a design of ${n}·(${G}+2) = ${n * (G + 2)} rows`);
  const y = Float64Array.from(Y as ArrayLike<number>);
  for (let r = 0; r < y.length; r++) if (!Number.isFinite(y[r])) throw new RangeError(`sobolAnalyze: output ${r} is not finite (${y[r]})`);
  const fA = y.subarray(0, n);
  const fB = y.subarray(n, 2 * n);
  const fAB = Array.from({ length: G }, (_, g) => y.subarray((2 + g) * n, (3 + g) * n));
  const seed = options.seed ?? 1;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;

  const identity = Int32Array.from({ length: n }, (_, j) => j);
  const first = new Float64Array(G);
  const total = new Float64Array(G);
  const moments = estimate(fA, fB, fAB, identity, first, total, mean(fA, fB));
  if (!(moments.variance > 0)) throw new RangeError('sobolAnalyze: the output does not vary over the design, so it has no variance to apportion');

  const firstReps = Array.from({ length: G }, () => new Float64Array(resamples));
  const totalReps = Array.from({ length: G }, () => new Float64Array(resamples));
  const rng = streamFor(seed, SOBOL_BOOTSTRAP_KEY);
  const idx = new Int32Array(n);
  const s1 = new Float64Array(G);
  const st = new Float64Array(G);
  for (let r = 0; r < resamples; r++) {
    estimate(fA, fB, fAB, resampleInto(idx, rng), s1, st, moments.mean);
    for (let g = 0; g < G; g++) {
      firstReps[g][r] = s1[g];
      totalReps[g][r] = st[g];
    }
  }
  const per = Array.from({ length: G }, (_, g): SobolFactorIndices => ({
    first: first[g],
    total: total[g],
    firstConf: resamples > 0 ? percentileInterval(firstReps[g]) : [first[g], first[g]],
    totalConf: resamples > 0 ? percentileInterval(totalReps[g]) : [total[g], total[g]],
  }));
  const real = layout.dummy ? per.slice(0, -1) : per;
  return {
    factors: layout.dummy ? layout.factors.slice(0, -1) : layout.factors.slice(),
    first: real.map((p) => p.first),
    total: real.map((p) => p.total),
    firstConf: real.map((p) => p.firstConf),
    totalConf: real.map((p) => p.totalConf),
    dummy: layout.dummy ? per[G - 1] : null,
    mean: moments.mean,
    variance: moments.variance,
    n,
    evaluations: y.length,
    resamples,
    seed,
  };
}

/**
 * The estimators on the base points `idx` (the identity, or a bootstrap resample); writes S_i and S_Ti. One pass:
 * moments are accumulated about `shift` (the full sample's mean, or 0) so the variance does not cancel, and
 * Σ(f_B − f̄)(f_ABi − f_A) = Σ f_B d − f̄ Σ d with d = f_ABi − f_A.
 */
function estimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], idx: Int32Array, first: Float64Array, total: Float64Array, shift = 0): { mean: number; variance: number } {
  const n = idx.length;
  const G = fAB.length;
  const sBd = new Float64Array(G), sD = new Float64Array(G), sDD = new Float64Array(G);
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < n; k++) {
    const j = idx[k];
    const a = fA[j], b = fB[j];
    const ac = a - shift, bc = b - shift;
    sum += ac + bc;
    sumSq += ac * ac + bc * bc;
    for (let g = 0; g < G; g++) {
      const d = fAB[g][j] - a;
      sBd[g] += (b - shift) * d;
      sD[g] += d;
      sDD[g] += d * d;
    }
  }
  const meanShifted = sum / (2 * n);
  const variance = Math.max(0, sumSq / (2 * n) - meanShifted * meanShifted);
  for (let g = 0; g < G; g++) {
    first[g] = variance > 0 ? (sBd[g] - meanShifted * sD[g]) / n / variance : 0;
    total[g] = variance > 0 ? sDD[g] / (2 * n) / variance : 0;
  }
  return { mean: meanShifted + shift, variance };
}

/** The mean of f over A and B (the centre of the one-pass moments). */
function mean(fA: Float64Array, fB: Float64Array): number {
  let s = 0;
  for (let j = 0; j < fA.length; j++) s += fA[j] + fB[j];
  return s / (2 * fA.length);
}
