import { streamFor } from '../../math/rng/index.js';
import { DEFAULT_TURNS, MAX_TURNS, matchBuffers, matchLength, playTurns, type MatchOptions } from './match.js';
import { PRISONERS_DILEMMA, payoffTable } from './payoffs.js';
import type { Strategy } from './strategy.js';

/** Options of a round-robin tournament. */
export interface TournamentOptions extends MatchOptions {
  /** Times each pair meets. Default 10. */
  repetitions?: number;
  /** Seed of the random streams; match (i, j, r) uses `streamFor(seed, i, j, r)`. Default 1. */
  seed?: number;
  /** Count self-play (each player against a copy of itself) in the mean scores. Default false (the diagonal of the payoff matrix holds it either way). */
  selfPlay?: boolean;
  /**
   * Play a deterministic pair (both rules deterministic, no noise, no misperception) once and reuse it for every
   * repetition: its repetitions are identical by construction. Default true; false replays every repetition.
   */
  reuseDeterministic?: boolean;
}

/** The outcome of a tournament; index i is `players[i]`. */
export interface TournamentResult {
  players: string[];
  /** Mean per-turn score over opponents (self-play only when `selfPlay`) and repetitions. */
  meanScores: number[];
  /** payoffMatrix[i][j]: mean per-turn payoff of i against j over repetitions; the diagonal is self-play (both copies averaged). */
  payoffMatrix: number[][];
  /** Player indices by mean score, best first; ties keep the input order. */
  ranking: number[];
  /** scores[i][r]: total payoff of i in repetition r, over its opponents (self-play counted as with meanScores). */
  scores: number[][];
}

/**
 * A round-robin tournament in the manner of the Axelrod library's `Tournament`: every pair i ≤ j (self-play
 * included, against a fresh copy) meets `repetitions` times; a match's per-turn payoff is its total over its
 * length. Each match draws from its own stream `streamFor(seed, i, j, r)`, so results do not depend on the order
 * matches are played in. Cost O(n² · repetitions · turns), or O(n² · turns) when every pair is deterministic.
 * Example: `runTournament([cooperator, defector, titForTat], { turns: 10, repetitions: 3 })`.
 */
export function runTournament(strategies: readonly Strategy[], options: TournamentOptions = {}): TournamentResult {
  const n = strategies.length;
  const reps = options.repetitions ?? 10;
  const seed = options.seed ?? 1;
  const noise = options.noise ?? 0;
  const mis = options.misperception ?? 0;
  const payoffs = options.payoffs ?? PRISONERS_DILEMMA;
  const table = payoffTable(payoffs);
  const context = { payoffs };
  const reuse = options.reuseDeterministic ?? true;
  const fixedTurns = options.probEnd === undefined ? (options.turns ?? DEFAULT_TURNS) : undefined;

  const payoffMatrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const scores = Array.from({ length: n }, () => new Array<number>(reps).fill(0));
  let buf = matchBuffers(fixedTurns ?? 1024);

  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const A = strategies[i];
      const B = strategies[j];
      const deterministic = reuse && !A.stochastic && !B.stochastic && noise === 0 && mis === 0;
      const perTurnA = new Float64Array(reps);
      const perTurnB = new Float64Array(reps);
      const totalA = new Float64Array(reps);
      const totalB = new Float64Array(reps);
      if (deterministic) {
        // Lengths are drawn exactly as playMatch would draw them (the first number of each match's stream), so the
        // reused play gives the same numbers as replaying every repetition.
        const lengths = new Array<number>(reps);
        for (let r = 0; r < reps; r++) lengths[r] = fixedTurns ?? matchLength(options, streamFor(seed, i, j, r));
        let longest = 0;
        for (const L of lengths) longest = Math.max(longest, L);
        const prefixA = new Float64Array(longest + 1);
        const prefixB = new Float64Array(longest + 1);
        if (buf.a.length < longest) buf = matchBuffers(longest);
        playTurns(A.create(context), B.create(context), longest, table, 0, 0, streamFor(seed, i, j, 0), buf);
        for (let t = 0; t < longest; t++) {
          prefixA[t + 1] = prefixA[t] + table[buf.a[t] * 2 + buf.b[t]];
          prefixB[t + 1] = prefixB[t] + table[buf.b[t] * 2 + buf.a[t]];
        }
        for (let r = 0; r < reps; r++) {
          const L = lengths[r];
          totalA[r] = prefixA[L];
          totalB[r] = prefixB[L];
          perTurnA[r] = prefixA[L] / L;
          perTurnB[r] = prefixB[L] / L;
        }
      } else {
        for (let r = 0; r < reps; r++) {
          const rng = streamFor(seed, i, j, r);
          const L = fixedTurns ?? matchLength(options, rng);
          if (buf.a.length < L) buf = matchBuffers(Math.min(Math.max(L, 2 * buf.a.length), MAX_TURNS));
          const [sa, sb] = playTurns(A.create(context), B.create(context), L, table, noise, mis, rng, buf);
          totalA[r] = sa;
          totalB[r] = sb;
          perTurnA[r] = sa / L;
          perTurnB[r] = sb / L;
        }
      }
      let meanA = 0;
      let meanB = 0;
      for (let r = 0; r < reps; r++) {
        meanA += perTurnA[r];
        meanB += perTurnB[r];
      }
      meanA /= reps;
      meanB /= reps;
      if (i === j) {
        payoffMatrix[i][i] = (meanA + meanB) / 2;
        if (options.selfPlay) for (let r = 0; r < reps; r++) scores[i][r] += (totalA[r] + totalB[r]) / 2;
      } else {
        payoffMatrix[i][j] = meanA;
        payoffMatrix[j][i] = meanB;
        for (let r = 0; r < reps; r++) {
          scores[i][r] += totalA[r];
          scores[j][r] += totalB[r];
        }
      }
    }
  }

  const meanScores = payoffMatrix.map((row, i) => {
    let sum = 0;
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === i && !options.selfPlay) continue;
      sum += row[j];
      count++;
    }
    return count > 0 ? sum / count : 0;
  });
  const ranking = meanScores.map((_, i) => i).sort((x, y) => meanScores[y] - meanScores[x] || x - y);
  return { players: strategies.map((s) => s.id), meanScores, payoffMatrix, ranking, scores };
}
