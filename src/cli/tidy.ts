// Tidy (long) tables for `--csv` on run, simulate, fit and tournament: one observed value per row, the columns
// documented in docs/cli.md#csv-tables, so R's read.csv and pandas' read_csv load them as they are.
import type { CsvCell } from './csvFile.js';
import type { RiskSummary } from '../models/crisis/summarize.js';
import type { TournamentResultSet } from '../models/game/resultSet.js';

/** The columns of every `fit --csv` file: one row per (equation, term), in the manner of R's `broom::tidy`. */
export const TIDY_COEFFICIENT_COLUMNS = ['model', 'equation', 'term', 'estimate', 'std_error', 'statistic', 'p_value'] as const;

/** A coefficient as the fit commands hold it: a t or a z statistic. */
interface CoefficientLike {
  name: string;
  estimate: number;
  stdError: number | null;
  t?: number;
  z?: number;
  p: number | null;
}

/** Tidy rows of one equation's coefficient table: `model, equation, term, estimate, std_error, statistic, p_value`. */
export function coefficientRows(model: string, equation: string, coefficients: readonly CoefficientLike[]): CsvCell[][] {
  return coefficients.map((c) => [model, equation, c.name, c.estimate, c.stdError, c.t ?? c.z ?? null, c.p]);
}

/** The columns of `run --csv`. */
export const RUN_CSV_COLUMNS = ['policy', 'measure', 'month', 'statistic', 'value'] as const;

/**
 * Tidy rows of a risk summary: the outcome rows (clash, war, nuclear: p, lo, hi; clash_years_per_decade: mean,
 * lo, hi; month empty), then the escalation score per month (mean, q05, q50, q95). `policy` is the policy id, or
 * empty for the scenario as written.
 */
export function runRows(summary: Pick<RiskSummary, 'outcomes' | 'escalationScore'>, policy: string | null): CsvCell[][] {
  const rows: CsvCell[][] = [];
  const o = summary.outcomes;
  for (const k of ['clash', 'war', 'nuclear'] as const) for (const s of ['p', 'lo', 'hi'] as const) rows.push([policy, k, null, s, o[k][s]]);
  for (const s of ['mean', 'lo', 'hi'] as const) rows.push([policy, 'clash_years_per_decade', null, s, o.clashYearsPerDecade[s]]);
  const e = summary.escalationScore;
  e.mean.forEach((_, m) => {
    for (const s of ['mean', 'q05', 'q50', 'q95'] as const) rows.push([policy, 'escalation_score', m + 1, s, e[s][m]]);
  });
  return rows;
}

/** The columns of `simulate --csv FILE`. */
export const SIMULATE_CSV_COLUMNS = ['time', 'stock', 'value'] as const;

/** Tidy rows of arms trajectories: one row per (time, stock), time in years from the scenario start. */
export function simulateRows(times: readonly number[], labels: readonly string[], series: readonly number[][]): CsvCell[][] {
  return times.flatMap((t, k) => labels.map((l, q): CsvCell[] => [t, l, series[q][k]]));
}

/** The columns of `tournament --csv`: one measured value per row; empty cells where a measure has no opponent or repetition. */
export const TOURNAMENT_CSV_COLUMNS = ['player', 'opponent', 'repetition', 'measure', 'value'] as const;

/**
 * Tidy rows of a tournament, players in rank order: per player rank, mean_score, median_score, wins,
 * cooperation_rate; per (player, repetition) score_per_turn, total_score, wins; per (player, opponent) payoff
 * (mean per turn) and cooperation_rate.
 */
export function tournamentRows(
  result: { payoffMatrix: number[][]; normalisedScores: number[][]; scores: number[][]; wins: number[][] },
  rs: TournamentResultSet,
): CsvCell[][] {
  const ids = rs.players;
  const rows: CsvCell[][] = [];
  for (const i of rs.order) {
    const id = ids[i];
    rows.push([id, null, null, 'rank', rs.ranks[i]], [id, null, null, 'mean_score', rs.meanScores[i]], [id, null, null, 'median_score', rs.medianScores[i]],
      [id, null, null, 'wins', rs.wins[i]], [id, null, null, 'cooperation_rate', rs.cooperationRates[i]]);
    result.normalisedScores[i].forEach((v, r) => rows.push([id, null, r + 1, 'score_per_turn', v], [id, null, r + 1, 'total_score', result.scores[i][r]], [id, null, r + 1, 'wins', result.wins[i][r]]));
    ids.forEach((opp, j) => rows.push([id, opp, null, 'payoff', result.payoffMatrix[i][j]], [id, opp, null, 'cooperation_rate', rs.cooperationMatrix[i][j]]));
  }
  return rows;
}
