// The report's section "Arms dynamics": is the status quo's action–reaction spiral running away (at the central
// values and over the comparison's futures), which couplings drive it, who draws together, and the trajectories.
import { armsVerdictLine } from '../experiment/armsOverFutures.js';
import { INK, isNarrow, svgId, WIDTH, type Figure } from './figures.js';
import { escapeHtml, num, pct } from './format.js';
import { folded, para, table } from './markup.js';
import { chartSvg, type ChartOption } from './svg.js';
import type { ArmsSummary } from './types.js';

const rate = (x: number) => `${num(100 * x, 1)}%/yr`;

/**
 * The trajectories figure: every capability stock of the status quo as an index (100 = its value at the start), one
 * small panel per stock on one shared scale, four panels a row when wide, two when narrow; the panel's title says
 * the stock and its value after the horizon as a multiple of the start. Example: `trajectoriesFigure(arms).svg`.
 */
export function trajectoriesFigure(a: ArmsSummary, width = WIDTH): Figure {
  const t = a.trajectory;
  const cols = isNarrow(width) ? 2 : 4;
  const cellW = (width - 16) / cols, cellH = 120;
  const index = t.series.map((xs) => xs.map((x) => (xs[0] > 0 ? Math.round((1e6 * x) / xs[0]) / 1e4 : Number.NaN)));
  const all = index.flat().filter(Number.isFinite);
  const lo = Math.min(100, ...all), hi = Math.max(100, ...all);
  const step = hi - lo > 200 ? 100 : hi - lo > 80 ? 50 : 25;
  const y = { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, interval: step };
  const end = t.times[t.times.length - 1] ?? 0;
  const grids = t.labels.map((_, q) => ({ left: 44 + (q % cols) * cellW, top: 26 + Math.floor(q / cols) * cellH, width: cellW - 60, height: cellH - 62 }));
  const last = (q: number) => index[q][index[q].length - 1];
  const option: ChartOption = {
    title: t.labels.map((l, q) => ({ text: `${l} \u00D7${num(last(q) / 100, 2)}`, left: grids[q].left - 36, top: grids[q].top - 22, textStyle: { fontSize: 12, fontWeight: 'bold', color: INK } })),
    grid: grids,
    xAxis: t.labels.map((_, q) => ({ type: 'value', gridIndex: q, min: 0, max: end, interval: Math.max(1, Math.ceil(end / 2)), splitLine: { show: false } })),
    yAxis: t.labels.map((_, q) => ({ type: 'value', gridIndex: q, ...y })),
    series: t.labels.map((_, q) => ({
      type: 'line', xAxisIndex: q, yAxisIndex: q, showSymbol: false, lineStyle: { color: INK, width: 1.5 }, itemStyle: { color: INK },
      data: t.times.flatMap((time, k) => (Number.isFinite(index[q][k]) ? [[time, index[q][k]]] : [])),
      markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#9aa0a6', type: 'dashed', width: 1 }, data: [{ yAxis: 100 }] },
    })),
  };
  const rows = Math.max(1, Math.ceil(t.labels.length / cols));
  return {
    id: 'fig-arms',
    title: 'Arms trajectories of the status quo',
    caption: `Each capability stock as an index of its value at the start (100, dashed), over ${num(end, 0)} years${a.start ? ` from ${a.start}` : ''}, at the scenario's central values (${t.mode === 'exact' ? 'exact solution' : 'Dormand\u2013Prince with endogenous alignment'}); one scale in every panel. \u00D7 is the value after ${num(end, 0)} years as a multiple of the start.`,
    svg: chartSvg(svgId('fig-arms', width), option, width, 30 + rows * cellH),
  };
}

/** The section's body: verdict, verdict over the futures, leading couplings, alignment drift, the trajectories figure. */
export function armsSection(a: ArmsSummary, figure: string): string {
  const over = a.overFutures;
  const rows = [{ name: `All ${over.all.futures} futures`, s: over.all }, ...over.byAlternative.map((b) => ({ name: `${b.uncertainty} = ${b.alternative}`, s: b.summary }))]
    .map(({ name, s }) => [name, String(s.futures), pct(s.shareUnstable), rate(s.leadingRate.median), `${rate(s.leadingRate.q05)} to ${rate(s.leadingRate.q95)}`, pct(s.shareNegativeEquilibrium)]);
  const parts = [
    para(`At the scenario's central values the status quo is ${a.verdict}.`),
    para(`Over the comparison's futures (the status quo of each, structural alternatives applied): ${armsVerdictLine(over.all)}.`),
    table('Arms verdict over the futures: share unstable and the leading growth rate max Re \u03BB', ['Futures', 'Count', 'Unstable', 'Median rate', '90% range', 'Negative equilibrium'], rows, 'arms-verdict'),
  ];
  if (a.couplings.length) {
    parts.push(para(`Driven most by: ${a.couplings.slice(0, 3).map((c) => `${c.responds} \u2190 ${c.to}`).join('; ')} (the stock on the left responds to the one on the right).`));
    parts.push(table('Couplings that drive the leading eigenvalue (A_ij: how fast stock i responds to stock j)', ['Stock responding', 'To stock', 'A_ij', 'Weight on the leading eigenvalue'], a.couplings.map((c) => [c.responds, c.to, num(c.value, 4), num(c.weight, 3)]), 'couplings'));
  }
  if (a.alignment?.length) {
    const drift = a.alignment.slice(0, 4).map((r) => `${r.pair.join('\u2013')} ${num(r.start)} \u2192 ${num(r.end)}`).join('; ');
    parts.push(para(`Endogenous alignment over ${a.horizonYears} years (who draws together as they face common threats): ${drift}.`));
    parts.push(folded(`Alignment drift of the ${a.alignment.length} pairs that move most`, table(`Alignment now and after ${a.horizonYears} years (mean of both directions)`, ['Pair', 'Now', `After ${a.horizonYears} years`, 'Change'], a.alignment.map((r) => [r.pair.join('\u2013'), num(r.start), num(r.end), `${r.change >= 0 ? '+' : ''}${num(r.change)}`]), 'alignment')));
  }
  if (a.trajectory.negative.length) parts.push(`<p class="warning"><strong>Warning:</strong> ${escapeHtml(a.trajectory.negative.map((n) => `${n.label} goes below zero at t = ${num(n.firstTime, 1)} years`).join('; '))}.</p>`);
  parts.push(figure);
  return parts.join('\n');
}
