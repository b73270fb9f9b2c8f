import { streamFor, type RandomSource } from '../../math/rng/index.js';
import { DEFAULT_TURNS, matchBuffers, matchLength, playMatch, playTurns, type MatchOptions } from './match.js';
import { PRISONERS_DILEMMA, payoffTable } from './payoffs.js';
import type { Strategy } from './strategy.js';

/** Options of a Moran process. */
export interface MoranOptions extends MatchOptions {
  /** Initial count of each strategy (sum = population size). Default: `population` split evenly, remainder to the first. */
  initial?: number[];
  /** Population size when `initial` is not given. Default 10 × the number of strategies (at least one of each). */
  population?: number;
  /** Independent runs to fixation. Default 1. */
  runs?: number;
  /** Seed; run k draws its selections from `streamFor(seed, 1, k)` and its step-s matches from `streamFor(seed, 2, k, s)`. Default 1. */
  seed?: number;
  /** Steps after which an unfixed run stops. Default 100000. */
  maxSteps?: number;
  /** Steps of the first run to record in `trajectory`. Default 10000. */
  recordSteps?: number;
}

/** The outcome of `moranProcess`; index i is `players[i]`. */
export interface MoranResult {
  players: string[];
  population: number;
  runs: number;
  /** fixations[i]: runs that ended with the whole population playing strategy i. */
  fixations: number[];
  /** Runs stopped at `maxSteps` before fixation. */
  unfixed: number;
  /** Mean number of birth–death steps per run. */
  meanSteps: number;
  /** Counts of each strategy after each step of the first run, starting with the initial population. */
  trajectory: number[][];
}

/** The initial counts: `initial` when given, else `population` split evenly with the remainder to the first strategies. */
export function initialCounts(k: number, options: MoranOptions): number[] {
  if (options.initial) return options.initial.slice();
  const N = Math.max(options.population ?? 10 * k, k);
  return Array.from({ length: k }, (_, i) => Math.floor(N / k) + (i < N % k ? 1 : 0));
}

/**
 * Index i with probability w[i]/Σw by one uniform draw (fitness-proportionate selection); uniform when Σw = 0.
 */
function pick(weights: ArrayLike<number>, rng: RandomSource): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  const u = rng.nextDouble();
  if (total <= 0) return Math.min(weights.length - 1, Math.floor(u * weights.length));
  const r = u * total;
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    if (r < acc) return i;
  }
  return weights.length - 1;
}

/**
 * The birth–death Moran process of the Axelrod library's `MoranProcess` (mode "bd", no mutation, complete graph):
 * each step every individual plays every other one a match; its fitness is the sum of its per-turn match scores;
 * one individual reproduces with probability proportional to fitness, and its copy replaces an individual chosen
 * uniformly (possibly the parent). Runs until one strategy holds the whole population.
 * When every pair is deterministic (no noise, no misperception, fixed length) the matches are played once per
 * pair of strategies and fitness follows from the counts — the same process, O(k²) per step instead of O(N² · turns).
 * Example: `moranProcess([titForTat, defector], { population: 10, runs: 100, seed: 3 })`.
 */
export function moranProcess(strategies: readonly Strategy[], options: MoranOptions = {}): MoranResult {
  const k = strategies.length;
  const start = initialCounts(k, options);
  const N = start.reduce((s, c) => s + c, 0);
  const runs = options.runs ?? 1;
  const seed = options.seed ?? 1;
  const maxSteps = options.maxSteps ?? 100_000;
  const recordSteps = options.recordSteps ?? 10_000;
  const noise = options.noise ?? 0;
  const mis = options.misperception ?? 0;
  const deterministic =
    noise === 0 && mis === 0 && options.probEnd === undefined && strategies.every((s) => !s.stochastic);
  const perTurn = deterministic ? pairPayoffs(strategies, options) : undefined;
  const play = deterministic ? undefined : individualFitness(strategies, options);

  const fixations = new Array<number>(k).fill(0);
  let unfixed = 0;
  let totalSteps = 0;
  const trajectory: number[][] = [];
  const weights = new Float64Array(deterministic ? k : N);
  for (let run = 0; run < runs; run++) {
    const counts = start.slice();
    const types: number[] = [];
    counts.forEach((c, a) => {
      for (let m = 0; m < c; m++) types.push(a);
    });
    const rng = streamFor(seed, 1, run);
    if (run === 0) trajectory.push(counts.slice());
    let step = 0;
    while (counts.filter((c) => c > 0).length > 1 && step < maxSteps) {
      let born: number;
      if (perTurn) {
        for (let a = 0; a < k; a++) {
          let f = 0;
          for (let b = 0; b < k; b++) f += (counts[b] - (a === b ? 1 : 0)) * perTurn[a][b];
          weights[a] = counts[a] * f;
        }
        born = pick(weights, rng);
      } else {
        play!(types, weights, streamFor(seed, 2, run, step));
        born = types[pick(weights, rng)];
      }
      const dies = Math.min(N - 1, Math.floor(rng.nextDouble() * N));
      const died = types[dies];
      types[dies] = born;
      counts[died]--;
      counts[born]++;
      step++;
      if (run === 0 && step <= recordSteps) trajectory.push(counts.slice());
    }
    totalSteps += step;
    const alive = counts.findIndex((c) => c === N);
    if (alive >= 0) fixations[alive]++;
    else unfixed++;
  }
  return { players: strategies.map((s) => s.id), population: N, runs, fixations, unfixed, meanSteps: totalSteps / runs, trajectory };
}

/** perTurn[a][b]: per-turn payoff of a deterministic strategy a against b (self-play included), one match per pair. */
function pairPayoffs(strategies: readonly Strategy[], options: MatchOptions): number[][] {
  const k = strategies.length;
  const out = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const turns = options.turns ?? DEFAULT_TURNS;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const m = playMatch(strategies[a], strategies[b], { ...options, turns }, streamFor(0));
      out[a][b] = m.scores[0] / turns;
      out[b][a] = m.scores[1] / turns;
    }
  }
  return out;
}

/** Plays every pair of individuals once from one stream and writes each individual's summed per-turn score. */
function individualFitness(strategies: readonly Strategy[], options: MatchOptions) {
  const payoffs = options.payoffs ?? PRISONERS_DILEMMA;
  const table = payoffTable(payoffs);
  const context = { payoffs };
  let buf = matchBuffers(options.turns ?? DEFAULT_TURNS);
  return (types: number[], fitness: Float64Array, rng: RandomSource): void => {
    fitness.fill(0);
    for (let x = 0; x < types.length; x++) {
      for (let y = x + 1; y < types.length; y++) {
        const L = matchLength(options, rng);
        if (buf.a.length < L) buf = matchBuffers(L);
        const A = strategies[types[x]].create(context);
        const B = strategies[types[y]].create(context);
        const [sa, sb] = playTurns(A, B, L, table, options.noise ?? 0, options.misperception ?? 0, rng, buf);
        fitness[x] += sa / L;
        fitness[y] += sb / L;
      }
    }
  };
}
