// The self-contained HTML summary of a tournament or a match (`--report`): inline CSS, inline SVG, no script, no
// external resource, every input string escaped. Pure: the same result gives the same bytes.
import type { TournamentResultSet } from '../models/game/resultSet.js';
import { actionStripFigure, cooperationFigure, matchScoreFigure, payoffHeatmapFigure, tournamentScoreFigure } from './gameFigures.js';
import { escapeHtml } from './format.js';
import { documentHead, figureHtml } from './html.js';
import { para, section, table } from './markup.js';

/** What a game report says about how the result was produced. */
export interface GameProvenance {
  /** The flashpoints version. */
  flashpoints: string;
  seed: number;
  /** The options that shaped the result, as the JSON envelope holds them. */
  options: Record<string, unknown>;
  /** The command line that reproduces the result. */
  command: string;
  /** Stage-game payoffs. */
  payoffs: { R: number; S: number; T: number; P: number };
}

/** A tournament to report: its result set and payoff matrix. */
export interface TournamentReportInput extends GameProvenance {
  resultSet: TournamentResultSet;
  payoffMatrix: number[][];
  repetitions: number;
}

/** A match to report: the two players, their actions (C/D letters) and total scores. */
export interface MatchReportInput extends GameProvenance {
  players: [string, string];
  actions: [string, string];
  scores: [number, number];
}

const num = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : '\u2014');

/**
 * The HTML summary of a tournament: the result set in the Axelrod library's manner (rank with ties, mean and
 * median score, wins, cooperation rate, score quantiles), the payoff matrix as a table and a heat map, and the
 * score and cooperation figures. Example: `writeFileSync('t.html', renderTournamentReport(input))` (in the CLI).
 */
export function renderTournamentReport(input: TournamentReportInput): string {
  const rs = input.resultSet;
  const summaryRows = rs.order.map((i) => [
    String(rs.ranks[i]), rs.players[i], num(rs.meanScores[i]), num(rs.medianScores[i]), String(rs.wins[i]), num(rs.medianWins[i], 1), `${(100 * rs.cooperationRates[i]).toFixed(1)}%`,
  ]);
  const quantRows = rs.order.map((i) => {
    const q = rs.scoreQuantiles[i];
    return [rs.players[i], num(q.q05), num(q.q25), num(q.q50), num(q.q75), num(q.q95)];
  });
  const { R, S, T, P } = input.payoffs;
  const bounds = { min: Math.min(R, S, T, P), max: Math.max(R, S, T, P) };
  const matrixRows = rs.players.map((p, i) => [p, ...input.payoffMatrix[i].map((v) => num(v, 3))]);
  const body = [
    section('results', 'Result set', [
      table('Ranks (equal mean scores share a rank), scores per turn, wins and cooperation', ['rank', 'player', 'mean score', 'median score', 'wins', 'median wins / repetition', 'cooperation'], summaryRows.map((r) => [r[0], ...r.slice(1)])),
      figureHtml(tournamentScoreFigure(rs)),
      table(`Distribution of the per-repetition mean scores over ${input.repetitions} repetitions`, ['player', 'q05', 'q25', 'q50', 'q75', 'q95'], quantRows),
    ].join('\n')),
    section('payoffs', 'Payoff matrix', [
      table('Mean per-turn payoff of the row player against the column player (self-play on the diagonal)', ['', ...rs.players], matrixRows),
      figureHtml(payoffHeatmapFigure(rs.players, input.payoffMatrix, bounds)),
    ].join('\n')),
    section('cooperation', 'Cooperation', figureHtml(cooperationFigure(rs))),
    reproduce(input),
  ];
  return page('Tournament', `${rs.players.length} players, ${input.repetitions} repetitions, seed ${input.seed}; payoffs R=${R} S=${S} T=${T} P=${P}.`, body, input.flashpoints);
}

/** The HTML summary of one match: scores, the actions turn by turn and the cumulative score. */
export function renderMatchReport(input: MatchReportInput): string {
  const turns = input.actions[0].length;
  const { R, S, T, P } = input.payoffs;
  const payoff = (a: string, b: string) => (a === 'C' ? (b === 'C' ? R : S) : b === 'C' ? T : P);
  const cumulative: [number[], number[]] = [[], []];
  let sa = 0;
  let sb = 0;
  for (let t = 0; t < turns; t++) {
    sa += payoff(input.actions[0][t], input.actions[1][t]);
    sb += payoff(input.actions[1][t], input.actions[0][t]);
    cumulative[0].push(sa);
    cumulative[1].push(sb);
  }
  const coop = (s: string) => `${((100 * [...s].filter((c) => c === 'C').length) / Math.max(1, s.length)).toFixed(1)}%`;
  const rows = input.players.map((p, k) => [p, String(input.scores[k]), num(input.scores[k] / Math.max(1, turns)), coop(input.actions[k])]);
  const body = [
    section('result', 'Result', [
      table(`${turns} turns`, ['player', 'total score', 'per turn', 'cooperation'], rows),
      figureHtml(matchScoreFigure(input.players, cumulative)),
      figureHtml(actionStripFigure(input.players, input.actions)),
    ].join('\n')),
    reproduce(input),
  ];
  return page(`Match: ${input.players[0]} against ${input.players[1]}`, `${turns} turns, seed ${input.seed}; payoffs R=${R} S=${S} T=${T} P=${P}.`, body, input.flashpoints);
}

function reproduce(input: GameProvenance): string {
  return section('reproduce', 'How to reproduce', [
    para('Run this command (the same seed gives the same result on any machine):'),
    `<pre>${escapeHtml(input.command)}</pre>`,
    `<pre>${escapeHtml(JSON.stringify({ flashpoints: input.flashpoints, seed: input.seed, options: input.options }, null, 2))}</pre>`,
  ].join('\n'));
}

function page(title: string, subtitle: string, sections: string[], version: string): string {
  return [
    ...documentHead(title, version),
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1><p class="subtitle">${escapeHtml(subtitle)}</p></header>`,
    '<main>',
    ...sections,
    '</main>',
    `<footer>Generated by flashpoints ${escapeHtml(version)}. This file is self-contained: it loads nothing and runs no script.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
