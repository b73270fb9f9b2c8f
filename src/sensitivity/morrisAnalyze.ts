import { streamFor } from '../math/rng/index.js';
import { DEFAULT_RESAMPLES, percentileInterval, resampleInto, type Interval } from './bootstrap.js';
import { DUMMY_NAME, factorGroups, type InputBound } from './inputs.js';

/** Options of {@link morrisAnalyze}; `levels`, `groups` and `dummy` must be those of the design. */
export interface MorrisAnalyzeOptions {
  /** Grid levels p of the design. Default 4. */
  levels?: number;
  /** The design's group names, one per input. Default: none. */
  groups?: readonly string[];
  /** Whether the design holds the dummy step. Default true. */
  dummy?: boolean;
  /** Seed of the bootstrap of μ*: `streamFor(seed, MORRIS_BOOTSTRAP_KEY)`. Default 1. */
  seed?: number;
  /** Bootstrap resamples of the trajectories. Default 1000. */
  resamples?: number;
}

/** The stream key of the Morris bootstrap. */
export const MORRIS_BOOTSTRAP_KEY = 2 ** 42 + 4;

/** One factor's screening measures. */
export interface MorrisFactorMeasures {
  /** Mean elementary effect μ (output units per input range): signed, so effects of both signs cancel. */
  mu: number;
  /** Mean absolute elementary effect μ* (Campolongo et al. 2007): the importance measure. */
  muStar: number;
  /** Standard deviation of the elementary effects (n − 1 divisor): non-linearity or interactions. */
  sigma: number;
  /** Bootstrap 95% percentile interval of μ* over trajectories. */
  muStarConf: Interval;
}

/** Morris screening measures per factor, aligned with `factors`, and the dummy's. */
export interface MorrisMeasures {
  factors: string[];
  mu: number[];
  muStar: number[];
  sigma: number[];
  muStarConf: Interval[];
  /** effects[g][t]: the elementary effect of factor g in trajectory t. */
  effects: number[][];
  /** The dummy's measures (null without a dummy): the noise floor of the elementary effects. */
  dummy: (MorrisFactorMeasures & { effects: number[] }) | null;
  trajectories: number;
  levels: number;
  delta: number;
  evaluations: number;
  resamples: number;
  seed: number;
}

/**
 * Morris's elementary effects from a design's inputs X (rows in the inputs' units, trajectories of G+1
 * consecutive rows, as {@link morrisSample} writes them) and outputs Y. Each step's moved factor and direction
 * are read off X; the effect is EE = ±(y_(s+1) − y_s)/Δ with Δ = p/(2(p−1)) — the output change per input range
 * (a linear f = Σ c_i x_i gives EE_i = c_i (upper_i − lower_i)). A step that changes no input is the dummy's.
 * Returns μ, μ* and σ per factor (Morris 1991; Campolongo et al. 2007) and a bootstrap interval of μ*. Pass the
 * design's own X (or its `unit` rows with [0, 1] bounds), not values mapped through another inverse CDF.
 * Example: `morrisAnalyze(bounds, design.X, Y, { levels: 4 }).muStar`.
 */
export function morrisAnalyze(bounds: readonly InputBound[], X: readonly (readonly number[])[], Y: ArrayLike<number>, options: MorrisAnalyzeOptions = {}): MorrisMeasures {
  const groups = factorGroups(bounds, options.groups);
  const p = options.levels ?? 4;
  const dummy = options.dummy ?? true;
  const delta = p / (2 * (p - 1));
  const G = groups.names.length + (dummy ? 1 : 0);
  const rows = G + 1;
  if (X.length !== Y.length) throw new RangeError(`morrisAnalyze: ${X.length} input rows but ${Y.length} outputs`);
  if (X.length === 0 || X.length % rows !== 0) throw new RangeError(`morrisAnalyze: ${X.length} rows is not a whole number of trajectories of ${rows} rows (${G} factors)`);
  const r = X.length / rows;
  for (let s = 0; s < Y.length; s++) if (!Number.isFinite(Y[s])) throw new RangeError(`morrisAnalyze: output ${s} is not finite (${Y[s]})`);
  const effects = Array.from({ length: G }, () => new Array<number>(r).fill(0));
  for (let t = 0; t < r; t++) {
    const seen = new Array<boolean>(G).fill(false);
    for (let s = t * rows; s < (t + 1) * rows - 1; s++) {
      const { factor, sign } = movedFactor(bounds, groups.factorOf, groups.members, X[s], X[s + 1], delta, s);
      const g = factor < 0 ? (dummy ? G - 1 : -1) : factor;
      if (g < 0) throw new RangeError(`morrisAnalyze: rows ${s} and ${s + 1} are equal, but the design has no dummy`);
      if (seen[g]) throw new RangeError(`morrisAnalyze: trajectory ${t} moves ${factor < 0 ? DUMMY_NAME : groups.names[g]} twice (row ${s + 1})`);
      seen[g] = true;
      effects[g][t] = (sign * (Y[s + 1] - Y[s])) / delta;
    }
  }
  const seed = options.seed ?? 1;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const rng = streamFor(seed, MORRIS_BOOTSTRAP_KEY);
  const idx = new Int32Array(r);
  const reps = Array.from({ length: G }, () => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    resampleInto(idx, rng);
    for (let g = 0; g < G; g++) {
      let sum = 0;
      for (let k = 0; k < r; k++) sum += Math.abs(effects[g][idx[k]]);
      reps[g][b] = sum / r;
    }
  }
  const measures = effects.map((ee, g): MorrisFactorMeasures => {
    const mu = ee.reduce((a, e) => a + e, 0) / r;
    const muStar = ee.reduce((a, e) => a + Math.abs(e), 0) / r;
    const sigma = Math.sqrt(ee.reduce((a, e) => a + (e - mu) ** 2, 0) / (r - 1 || 1));
    return { mu, muStar, sigma, muStarConf: resamples > 0 ? percentileInterval(reps[g]) : [muStar, muStar] };
  });
  const real = dummy ? measures.slice(0, -1) : measures;
  return {
    factors: groups.names.slice(),
    mu: real.map((m) => m.mu),
    muStar: real.map((m) => m.muStar),
    sigma: real.map((m) => m.sigma),
    muStarConf: real.map((m) => m.muStarConf),
    effects: dummy ? effects.slice(0, -1) : effects,
    dummy: dummy ? { ...measures[G - 1], effects: effects[G - 1] } : null,
    trajectories: r,
    levels: p,
    delta,
    evaluations: Y.length,
    resamples,
    seed,
  };
}

/** The factor that moves between two consecutive rows (−1 if none) and its direction; throws on a row pair that
 * is not one factor's whole group moving by ±Δ. */
function movedFactor(bounds: readonly InputBound[], factorOf: number[], members: number[][], a: readonly number[], b: readonly number[], delta: number, row: number): { factor: number; sign: number } {
  let factor = -1;
  let sign = 0;
  let moved = 0;
  for (let i = 0; i < bounds.length; i++) {
    const step = (b[i] - a[i]) / (bounds[i].upper - bounds[i].lower);
    if (Math.abs(step) < 1e-9) continue;
    const s = Math.sign(step);
    if (Math.abs(Math.abs(step) - delta) > 1e-7) throw new RangeError(`morrisAnalyze: input ${bounds[i].name} moves by ${Math.abs(step)} of its range between rows ${row} and ${row + 1}, not by Δ = ${delta}`);
    if (factor >= 0 && (factorOf[i] !== factor || s !== sign)) throw new RangeError(`morrisAnalyze: rows ${row} and ${row + 1} move more than one factor`);
    factor = factorOf[i];
    sign = s;
    moved++;
  }
  if (factor < 0) return { factor, sign: 1 }; // the dummy's step: the signed change is pure noise
  if (moved !== members[factor].length) throw new RangeError(`morrisAnalyze: rows ${row} and ${row + 1} move only part of a group`);
  return { factor, sign };
}
