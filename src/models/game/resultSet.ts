import type { TournamentResult } from './tournament.js';

/** Quantiles of a player's per-repetition mean scores. */
export interface ScoreQuantiles {
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

/** A tournament read as the Axelrod library's `ResultSet` and its `summarise()`; index i is `players[i]`. */
export interface TournamentResultSet {
  players: string[];
  /** Player indices best first (by mean score; ties keep the input order): the tournament's `ranking`. */
  order: number[];
  /** ranks[i]: competition rank of i by mean score, 1 = best; equal mean scores share a rank ("1, 1, 3"). */
  ranks: number[];
  /** meanScores[i]: mean per-turn score over opponents and repetitions. */
  meanScores: number[];
  /** medianScores[i]: median over repetitions of the per-repetition mean scores (Axelrod's `Median_score`; the mean of the two middle values for an even count). */
  medianScores: number[];
  /** The spread of each player's per-repetition mean scores, by the project's quantile rule (docs/conventions.md). */
  scoreQuantiles: ScoreQuantiles[];
  /** wins[i]: matches won over all repetitions. */
  wins: number[];
  /** medianWins[i]: median over repetitions of the matches won (Axelrod's summary `Wins`). */
  medianWins: number[];
  /** cooperationRates[i]: share of i's turns against other players in which it cooperated (Axelrod's `cooperating_rating`; self-play excluded). */
  cooperationRates: number[];
  /** cooperationMatrix[i][j]: share of the turns against j in which i cooperated (Axelrod's `normalised_cooperation`). */
  cooperationMatrix: number[][];
}

/** Mean scores closer than this (relative) are a tie: they differ only by rounding in the order of summation. */
export const TIE_TOLERANCE = 1e-12;

/**
 * The result set of a tournament: ranks with ties, median scores, score quantiles, wins and cooperation rates,
 * from the per-repetition arrays `runTournament` returns. Example: `tournamentResultSet(runTournament(players)).ranks`.
 */
export function tournamentResultSet(result: TournamentResult): TournamentResultSet {
  const n = result.players.length;
  const order = result.ranking;
  const ranks = new Array<number>(n);
  order.forEach((i, k) => {
    const prev = order[k - 1];
    ranks[i] = k > 0 && sameScore(result.meanScores[prev], result.meanScores[i]) ? ranks[prev] : k + 1;
  });
  const cooperationRates = result.players.map((_, i) => {
    let c = 0;
    let t = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      c += result.cooperations[i][j];
      t += result.turns[i][j];
    }
    return t > 0 ? c / t : 0;
  });
  return {
    players: result.players,
    order,
    ranks,
    meanScores: result.meanScores,
    medianScores: result.normalisedScores.map(median),
    scoreQuantiles: result.normalisedScores.map((s) => {
      const sorted = [...s].sort((a, b) => a - b);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length - 1e-9) - 1))];
      return { q05: q(0.05), q25: q(0.25), q50: q(0.5), q75: q(0.75), q95: q(0.95) };
    }),
    wins: result.wins.map((w) => w.reduce((s, v) => s + v, 0)),
    medianWins: result.wins.map(median),
    cooperationRates,
    cooperationMatrix: result.cooperations.map((row, i) => row.map((c, j) => (result.turns[i][j] > 0 ? c / result.turns[i][j] : 0))),
  };
}

function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The median of a sample: the middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
