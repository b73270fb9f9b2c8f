// The text form of a tournament's result set (the `tournament` command without --json), in the manner of the
// Axelrod library's `ResultSet.summarise()`: titled sections, the payoff matrix with numbered columns.
import type { TournamentResultSet } from '../../models/game/resultSet.js';

/** What the heading of the text output says about the run. */
export interface TournamentRunInfo {
  repetitions: number;
  seed: number;
  turns: number | null;
  probEnd?: number;
}

/** The result set, score distribution and payoff matrix as text tables. */
export async function renderResultSet(rs: TournamentResultSet, payoffMatrix: number[][], info: TournamentRunInfo): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const style = { head: [], border: [] };
  const f4 = (v: number) => v.toFixed(4);
  const length = info.probEnd !== undefined ? `matches ending with probability ${info.probEnd} per turn${info.turns ? ` (at most ${info.turns} turns)` : ''}` : `${info.turns} turns`;
  const out: string[] = [`Tournament of ${rs.players.length} players: ${length}, ${info.repetitions} repetitions, seed ${info.seed}`];

  out.push('', '== Result set (equal mean scores share a rank) ==');
  const summary = new Table({ head: ['rank', 'strategy', 'mean score', 'median score', 'wins', 'median wins', 'cooperation'], style });
  for (const i of rs.order) summary.push([String(rs.ranks[i]), rs.players[i], f4(rs.meanScores[i]), f4(rs.medianScores[i]), String(rs.wins[i]), String(rs.medianWins[i]), `${(100 * rs.cooperationRates[i]).toFixed(1)}%`]);
  out.push(summary.toString());

  out.push('', `== Score distribution (mean score per turn in each of ${info.repetitions} repetitions) ==`);
  const spread = new Table({ head: ['strategy', 'q05', 'q25', 'q50', 'q75', 'q95'], style });
  for (const i of rs.order) {
    const q = rs.scoreQuantiles[i];
    spread.push([rs.players[i], f4(q.q05), f4(q.q25), f4(q.q50), f4(q.q75), f4(q.q95)]);
  }
  out.push(spread.toString());

  out.push('', '== Payoff matrix (mean per-turn payoff of the row player against column player #; self-play on the diagonal) ==');
  const matrix = new Table({ head: ['#', 'strategy', ...rs.players.map((_, j) => String(j + 1))], style });
  rs.players.forEach((p, i) => matrix.push([String(i + 1), p, ...payoffMatrix[i].map((v) => v.toFixed(3))]));
  out.push(matrix.toString());
  return out.join('\n') + '\n';
}
