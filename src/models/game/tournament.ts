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
  /**
   * normalisedScores[i][r]: mean per-turn payoff of i in repetition r over its opponents (self-play as with
   * meanScores) — the Axelrod library's `normalised_scores`; their mean over r is `meanScores[i]`.
   */
  normalisedScores: number[][];
  /** wins[i][r]: matches of repetition r that i won (strictly more payoff than the opponent); self-play never counts. */
  wins: number[][];
  /** cooperations[i][j]: turns i cooperated against j over all repetitions (the diagonal: self-play, both copies averaged). */
  cooperations: number[][];
  /** turns[i][j]: turns played between i and j over all repetitions (symmetric). */
  turns: number[][];
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
  const normalisedScores = Array.from({ length: n }, () => new Array<number>(reps).fill(0));
  const wins = Array.from({ length: n }, () => new Array<number>(reps).fill(0));
  const cooperations = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const turns = Array.from({ length: n }, () => new Array<number>(n).fill(0));
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
      let coopA = 0;
      let coopB = 0;
      let pairTurns = 0;
      if (deterministic) {
        // Lengths are drawn exactly as playMatch would draw them (the first number of each match's stream), so the
        // reused play gives the same numbers as replaying every repetition.
        const lengths = new Array<number>(reps);
        for (let r = 0; r < reps; r++) lengths[r] = fixedTurns ?? matchLength(options, streamFor(seed, i, j, r));
        let longest = 0;
        for (const L of lengths) longest = Math.max(longest, L);
        const prefixA = new Float64Array(longest + 1);
        const prefixB = new Float64Array(longest + 1);
        const coopPrefixA = new Uint32Array(longest + 1);
        const coopPrefixB = new Uint32Array(longest + 1);
        if (buf.a.length < longest) buf = matchBuffers(longest);
        playTurns(A.create(context), B.create(context), longest, table, 0, 0, streamFor(seed, i, j, 0), buf);
        for (let t = 0; t < longest; t++) {
          prefixA[t + 1] = prefixA[t] + table[buf.a[t] * 2 + buf.b[t]];
          prefixB[t + 1] = prefixB[t] + table[buf.b[t] * 2 + buf.a[t]];
          coopPrefixA[t + 1] = coopPrefixA[t] + (buf.a[t] === 0 ? 1 : 0);
          coopPrefixB[t + 1] = coopPrefixB[t] + (buf.b[t] === 0 ? 1 : 0);
        }
        for (let r = 0; r < reps; r++) {
          const L = lengths[r];
          totalA[r] = prefixA[L];
          totalB[r] = prefixB[L];
          coopA += coopPrefixA[L];
          coopB += coopPrefixB[L];
          pairTurns += L;
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
          for (let t = 0; t < L; t++) {
            if (buf.a[t] === 0) coopA++;
            if (buf.b[t] === 0) coopB++;
          }
          pairTurns += L;
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
      turns[i][j] = turns[j][i] = pairTurns;
      if (i === j) {
        payoffMatrix[i][i] = (meanA + meanB) / 2;
        cooperations[i][i] = (coopA + coopB) / 2;
        if (options.selfPlay) {
          for (let r = 0; r < reps; r++) {
            scores[i][r] += (totalA[r] + totalB[r]) / 2;
            normalisedScores[i][r] += (perTurnA[r] + perTurnB[r]) / 2;
          }
        }
      } else {
        payoffMatrix[i][j] = meanA;
        payoffMatrix[j][i] = meanB;
        cooperations[i][j] = coopA;
        cooperations[j][i] = coopB;
        for (let r = 0; r < reps; r++) {
          scores[i][r] += totalA[r];
          scores[j][r] += totalB[r];
          normalisedScores[i][r] += perTurnA[r];
          normalisedScores[j][r] += perTurnB[r];
          if (totalA[r] > totalB[r]) wins[i][r]++;
          else if (totalB[r] > totalA[r]) wins[j][r]++;
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
  const opponents = options.selfPlay ? n : n - 1;
  if (opponents > 0) for (const row of normalisedScores) for (let r = 0; r < reps; r++) row[r] /= opponents;
  return { players: strategies.map((s) => s.id), meanScores, payoffMatrix, ranking, scores, normalisedScores, wins, cooperations, turns };
}
