/** Options of `replicatorDynamics`. */
export interface ReplicatorOptions {
  /** Initial shares (normalised to sum 1). Default: equal shares. */
  initial?: number[];
  /** Generations to iterate. Default 1000. */
  generations?: number;
  /** Record every `stride`-th generation in `trajectory` (the last one always). Default: generations/100, at least 1. */
  stride?: number;
}

/** The outcome of `replicatorDynamics`. */
export interface ReplicatorResult {
  /** Shares after the last generation. */
  shares: number[];
  /** Generations recorded in `trajectory`. */
  generations: number[];
  /** trajectory[g][i]: share of strategy i at generation generations[g]. */
  trajectory: number[][];
}

/**
 * Discrete-time replicator dynamics on a payoff matrix (Taylor & Jonker 1978; the ecological analysis of
 * Axelrod 1984 ch. 2, the Axelrod library's `Ecosystem`): x_i ← x_i (A x)_i / (xᵀ A x), where A[i][j] is the
 * mean per-turn payoff of i against j (self-play on the diagonal). Payoffs are shifted up by −min A when some are
 * negative, so fitness stays non-negative. Deterministic; cost O(generations · n²).
 * Example: `replicatorDynamics(runTournament(players).payoffMatrix)`.
 */
export function replicatorDynamics(payoffMatrix: number[][], options: ReplicatorOptions = {}): ReplicatorResult {
  const n = payoffMatrix.length;
  const G = options.generations ?? 1000;
  const stride = Math.max(1, options.stride ?? Math.floor(G / 100));
  const shift = Math.max(0, -Math.min(...payoffMatrix.flat()));
  const A = payoffMatrix.map((row) => row.map((v) => v + shift));
  let x = options.initial ? options.initial.slice() : new Array<number>(n).fill(1 / n);
  const s0 = x.reduce((s, v) => s + v, 0);
  x = x.map((v) => v / s0);
  const generations = [0];
  const trajectory = [x.slice()];
  const fitness = new Array<number>(n);
  for (let g = 1; g <= G; g++) {
    let mean = 0;
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let j = 0; j < n; j++) f += A[i][j] * x[j];
      fitness[i] = f;
      mean += x[i] * f;
    }
    // All fitness zero (e.g. a population that scores nothing): shares stay where they are.
    if (mean > 0) for (let i = 0; i < n; i++) x[i] = (x[i] * fitness[i]) / mean;
    if (g % stride === 0 || g === G) {
      generations.push(g);
      trajectory.push(x.slice());
    }
  }
  return { shares: x, generations, trajectory };
}
