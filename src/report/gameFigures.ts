// Figures of the game report (a tournament or a match) as inline SVG, drawn like the comparison report's: pure
// functions of the result, so the same result gives byte-identical SVG.
import type { TournamentResultSet } from '../models/game/resultSet.js';
import { INK, WIDTH, categoryAxis, intervalGlyph, labelMargin, spreadGlyph, valueAxis, type Figure, type RenderItem } from './figures.js';
import { chartSvg, type ChartOption } from './svg.js';

const COOPERATE = '#2471a3';
const DEFECT = '#c0392b';
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Per-turn scores by player, best first: the 5–95% spread over repetitions with a tick at the median, and the mean. */
export function tournamentScoreFigure(rs: TournamentResultSet): Figure {
  const ids = rs.order.map((i) => `${rs.ranks[i]}. ${rs.players[i]}`);
  const option: ChartOption = {
    legend: { top: 4, itemGap: 36, data: ['Spread over repetitions (5–95%, tick = median)', 'Mean'] },
    grid: { left: labelMargin(ids), right: 24, top: 36, bottom: 44 },
    yAxis: categoryAxis(ids),
    xAxis: valueAxis('Mean score per turn', 0),
    series: [
      {
        name: 'Spread over repetitions (5–95%, tick = median)', type: 'custom', renderItem: spreadGlyph, encode: { x: [1, 2, 3], y: 0 }, itemStyle: { color: '#b9c7e4' },
        data: rs.order.map((i, k) => [k, round6(rs.scoreQuantiles[i].q05), round6(rs.scoreQuantiles[i].q95), round6(rs.medianScores[i])]),
      },
      {
        name: 'Mean', type: 'custom', renderItem: intervalGlyph(() => INK), encode: { x: [1, 2, 3], y: 0 }, itemStyle: { color: INK },
        data: rs.order.map((i, k) => [k, round6(rs.meanScores[i]), round6(rs.meanScores[i]), round6(rs.meanScores[i])]),
      },
    ],
  };
  return {
    id: 'fig-scores',
    title: 'Scores by player',
    caption: 'Players in rank order (equal mean scores share a rank). Dot: the mean per-turn score over opponents and repetitions; light bar: the 5–95% range of the per-repetition means, with a tick at the median.',
    svg: chartSvg('fig-scores', option, WIDTH, 90 + 30 * ids.length),
  };
}

/** The payoff matrix as a heat map: row player's mean per-turn payoff against the column player, self-play on the diagonal. */
export function payoffHeatmapFigure(players: string[], payoffMatrix: number[][], bounds: { min: number; max: number }): Figure {
  const n = players.length;
  const span = Math.max(1e-9, bounds.max - bounds.min);
  const shade = (v: number) => {
    const t = Math.min(1, Math.max(0, (v - bounds.min) / span));
    const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
    return `rgb(${mix(238, 31)},${mix(242, 42)},${mix(250, 68)})`;
  };
  const cell: RenderItem = (_params, api) => {
    const [x, y, v] = [api.value(0) as number, api.value(1) as number, api.value(2) as number];
    const [cx, cy] = api.coord([x, y]);
    const [w, h] = api.size?.([1, 1]) as number[];
    const children: unknown[] = [{ type: 'rect', shape: { x: cx - w / 2, y: cy - h / 2, width: w, height: h }, style: { fill: shade(v), stroke: '#ffffff', lineWidth: 1 } }];
    if (n <= 12) {
      const dark = (v - bounds.min) / span > 0.55;
      children.push({ type: 'text', x: cx, y: cy, style: { text: v.toFixed(2), fill: dark ? '#ffffff' : INK, align: 'center', verticalAlign: 'middle', fontSize: 11 } });
    }
    return { type: 'group', children } as ReturnType<RenderItem>;
  };
  const left = labelMargin(players);
  const side = Math.min(WIDTH - left - 24, 40 * n);
  const data: number[][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data.push([j, i, round6(payoffMatrix[i][j])]);
  const option: ChartOption = {
    grid: { left, top: 16, width: side, height: side, bottom: 90 },
    xAxis: { type: 'category', data: players, axisLabel: { rotate: 45, color: INK, interval: 0 }, axisTick: { show: false }, name: 'opponent', nameLocation: 'middle', nameGap: 70 },
    yAxis: { ...categoryAxis(players), axisLabel: { color: INK, interval: 0 } },
    series: [{ type: 'custom', renderItem: cell, encode: { x: 0, y: 1 }, data }],
  };
  return {
    id: 'fig-payoffs',
    title: 'Payoff matrix',
    caption: `Mean per-turn payoff of the row player against the column player (self-play on the diagonal), from ${round6(bounds.min)} (light) to ${round6(bounds.max)} (dark).`,
    svg: chartSvg('fig-payoffs', option, WIDTH, side + 110),
  };
}

/** Cooperation rate by player (share of turns against other players in which it cooperated), in rank order. */
export function cooperationFigure(rs: TournamentResultSet): Figure {
  const ids = rs.order.map((i) => rs.players[i]);
  const bar: RenderItem = (_params, api) => {
    const k = api.value(0) as number;
    const [x0, y] = api.coord([0, k]);
    const [x1] = api.coord([api.value(1), k]);
    const band = (api.size?.([0, 1]) as number[])[1];
    return { type: 'rect', shape: { x: x0, y: y - band * 0.3, width: Math.max(1, x1 - x0), height: band * 0.6 }, style: { fill: COOPERATE } };
  };
  const option: ChartOption = {
    grid: { left: labelMargin(ids), right: 24, top: 16, bottom: 44 },
    yAxis: categoryAxis(ids),
    xAxis: { ...valueAxis('Cooperation rate', 0, '%'), min: 0, max: 100 },
    series: [{ type: 'custom', renderItem: bar, encode: { x: 1, y: 0 }, data: rs.order.map((i, k) => [k, round6(100 * rs.cooperationRates[i])]) }],
  };
  return {
    id: 'fig-cooperation',
    title: 'Cooperation rates',
    caption: 'Share of each player’s turns against the other players in which it cooperated (self-play excluded).',
    svg: chartSvg('fig-cooperation', option, WIDTH, 70 + 30 * ids.length),
  };
}

/** Cumulative score of both players turn by turn in one match. */
export function matchScoreFigure(players: [string, string], cumulative: [number[], number[]]): Figure {
  const option: ChartOption = {
    legend: { top: 4, data: players },
    grid: { left: 64, right: 24, top: 36, bottom: 44 },
    xAxis: { type: 'value', name: 'turn', nameLocation: 'middle', nameGap: 26, min: 1, max: Math.max(1, cumulative[0].length) },
    yAxis: { type: 'value', name: 'cumulative score', nameLocation: 'middle', nameGap: 44 },
    series: players.map((name, p) => ({
      name, type: 'line', showSymbol: false, lineStyle: { width: 1.5, color: p ? DEFECT : COOPERATE }, itemStyle: { color: p ? DEFECT : COOPERATE },
      data: cumulative[p].map((v, t) => [t + 1, round6(v)]),
    })),
  };
  return {
    id: 'fig-match-score',
    title: 'Score over the match',
    caption: 'Cumulative payoff of each player after each turn.',
    svg: chartSvg('fig-match-score', option, WIDTH, 300),
  };
}

/** The actions of both players, one cell per turn (blue C, red D), for the first `limit` turns. */
export function actionStripFigure(players: [string, string], actions: [string, string], limit = 1000): Figure {
  const turns = Math.min(limit, actions[0].length);
  const cell: RenderItem = (_params, api) => {
    const [t, p] = [api.value(0) as number, api.value(1) as number];
    const [x, y] = api.coord([t, p]);
    const [x1] = api.coord([t + 1, p]);
    const band = (api.size?.([0, 1]) as number[])[1];
    return { type: 'rect', shape: { x, y: y - band * 0.35, width: Math.max(0.5, x1 - x), height: band * 0.7 }, style: { fill: actions[p][t] === 'C' ? COOPERATE : DEFECT } };
  };
  const data: number[][] = [];
  for (let p = 0; p < 2; p++) for (let t = 0; t < turns; t++) data.push([t, p]);
  const option: ChartOption = {
    grid: { left: labelMargin(players), right: 24, top: 12, bottom: 40 },
    xAxis: { type: 'value', min: 0, max: turns, name: 'turn', nameLocation: 'middle', nameGap: 24 },
    yAxis: categoryAxis(players),
    series: [{ type: 'custom', renderItem: cell, encode: { x: 0, y: 1 }, data }],
  };
  return {
    id: 'fig-actions',
    title: 'Actions turn by turn',
    caption: `Blue: cooperate (C); red: defect (D)${turns < actions[0].length ? `; the first ${turns} of ${actions[0].length} turns` : ''}.`,
    svg: chartSvg('fig-actions', option, WIDTH, 130),
  };
}
