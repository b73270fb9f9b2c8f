// The report's figures as inline SVG (ECharts, server-side rendering). Each function maps the comparison result to
// one chart; nothing here reads a clock or a random source, so the same result gives byte-identical SVG.
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import type { EnsembleView } from './types.js';

type PolicyResult = EnsembleView['policies'][number];
import { chartSvg, type ChartOption } from './svg.js';
import { excludesZero } from './format.js';

/**
 * One rendered figure: its HTML id, a title and a caption (plain text, escaped by the page), the SVG markup, and
 * optionally a second SVG laid out for narrow screens (the page shows one or the other by its width).
 */
export interface Figure { id: string; title: string; caption: string; svg: string; narrow?: string }

/** Width in CSS pixels of every report figure. */
export const WIDTH = 760;
/**
 * Width in CSS pixels of the narrow layout of a figure, for screens under 820 px: drawn for a 390 px phone (366 px
 * of text column) so that its 12 px labels are shown at 12 px, never scaled down.
 */
export const NARROW = 340;

/** True when `width` asks for the narrow layout. */
export const isNarrow = (width: number): boolean => width < WIDTH;

/** The SVG id of figure `id` at `width`: the narrow layout gets its own, so the two never share an id. */
export const svgId = (id: string, width: number): string => (isNarrow(width) ? `${id}-narrow` : id);

/**
 * A figure in both layouts: `make(WIDTH)` with the SVG of `make(NARROW)` as its narrow one.
 * Example: `responsive((w) => warFigure(view, w))`.
 */
export function responsive(make: (width: number) => Figure): Figure {
  return { ...make(WIDTH), narrow: make(NARROW).svg };
}

/** A legend above the plot: one row when wide, one item per row when narrow; `top` is where the plot may begin. */
export function legendAbove(names: string[], width: number): { legend: Record<string, unknown>; top: number } {
  return isNarrow(width)
    ? { legend: { top: 4, left: 4, orient: 'vertical', itemGap: 6, data: names }, top: 16 + 20 * names.length }
    : { legend: { top: 4, itemGap: 36, data: names }, top: 36 };
}
/** The report's ink colour. */
export const INK = '#1f2a44';
const SPREAD = '#b9c7e4';
const MUTED = '#9aa0a6';
const ALTERNATIVE_COLORS = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#566573'];
const POLICY_COLORS = ['#566573', '#2471a3', '#c0392b', '#1e8449', '#b9770e', '#7d3c98', '#17a589', '#a04000'];

/** A custom series' render function. */
export type RenderItem = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => CustomSeriesRenderItemReturn;

/** Left margin in pixels that fits the longest category label (policy ids) at 12 px sans-serif. */
export function labelMargin(labels: string[]): number {
  return 24 + 7 * Math.max(8, ...labels.map((l) => l.length));
}

/** Data rows with every value finite: a row with a missing value is left out of the figure (its table cell shows —). */
const finite = (rows: number[][]) => rows.filter((r) => r.every(Number.isFinite));

/** Values of a probability as percent, rounded to 1e-6 % so tiny float noise never changes the SVG. */
const percent = (p: number) => Math.round(p * 1e8) / 1e6;

/**
 * A horizontal interval glyph for data rows `[category, point, lo, hi]`: a whisker from lo to hi with end caps and a
 * dot at the point. `offset` shifts it within the category band (fraction of the band), `color` picks per category index.
 */
export function intervalGlyph(color: (category: number) => string, offset = 0): RenderItem {
  return (_params, api) => {
    const cat = api.value(0) as number;
    const band = (api.size?.([0, 1]) as number[])[1];
    const dy = offset * band;
    const [px, py] = api.coord([api.value(1), cat]);
    const [lx] = api.coord([api.value(2), cat]);
    const [hx] = api.coord([api.value(3), cat]);
    const y = py + dy;
    const cap = Math.min(5, band * 0.15);
    const stroke = { stroke: color(cat), lineWidth: 1.5 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: lx, y1: y, x2: hx, y2: y }, style: stroke },
        { type: 'line', shape: { x1: lx, y1: y - cap, x2: lx, y2: y + cap }, style: stroke },
        { type: 'line', shape: { x1: hx, y1: y - cap, x2: hx, y2: y + cap }, style: stroke },
        { type: 'circle', shape: { cx: px, cy: y, r: 3.5 }, style: { fill: color(cat) } },
      ],
    };
  };
}

/** A light bar from q05 to q95 with a tick at the median, for data rows `[category, q05, q95, q50]`. */
export const spreadGlyph: RenderItem = (_params, api) => {
  const cat = api.value(0) as number;
  const band = (api.size?.([0, 1]) as number[])[1];
  const [lx, y] = api.coord([api.value(1), cat]);
  const [hx] = api.coord([api.value(2), cat]);
  const [mx] = api.coord([api.value(3), cat]);
  const h = band * 0.6;
  return {
    type: 'group',
    children: [
      { type: 'rect', shape: { x: lx, y: y - h / 2, width: Math.max(1, hx - lx), height: h }, style: { fill: SPREAD } },
      { type: 'line', shape: { x1: mx, y1: y - h / 2, x2: mx, y2: y + h / 2 }, style: { stroke: '#6c7fa8', lineWidth: 1 } },
    ],
  };
};

/** A category axis of labels, top to bottom. */
export const categoryAxis = (ids: string[], gridIndex = 0) => ({
  type: 'category', data: ids, inverse: true, gridIndex, axisTick: { show: false }, axisLabel: { color: INK },
});
/** A value axis with its name under it. */
export const valueAxis = (name: string, gridIndex = 0, unit = '') => ({
  type: 'value', name, nameLocation: 'middle', nameGap: 26, gridIndex, scale: false,
  axisLabel: { formatter: `{value}${unit}` },
});

/**
 * Figure 1: P(war) over the horizon per policy, in percent: the mean over futures with its 95 % Monte Carlo
 * interval (dark whisker) drawn over the 5–95 % spread of per-future P(war) across futures (light bar, tick at the
 * median) — two different uncertainties, drawn differently.
 */
export function warFigure(result: EnsembleView, width = WIDTH): Figure {
  const ids = result.policies.map((p) => p.id);
  const { legend, top } = legendAbove(['Spread across futures (5–95%, tick = median)', 'Mean with 95% interval (Monte Carlo)'], width);
  const height = 54 + top + 34 * ids.length;
  const option: ChartOption = {
    legend,
    grid: { left: labelMargin(ids), right: 24, top, bottom: 44 },
    yAxis: categoryAxis(ids),
    xAxis: valueAxis('P(war) within the horizon', 0, '%'),
    series: [
      {
        name: 'Spread across futures (5–95%, tick = median)', type: 'custom', renderItem: spreadGlyph, itemStyle: { color: SPREAD },
        encode: { x: [1, 2, 3], y: 0 },
        data: finite(result.policies.map((p, i) => [i, percent(p.acrossFutures.war.q05), percent(p.acrossFutures.war.q95), percent(p.acrossFutures.war.q50)])),
      },
      {
        name: 'Mean with 95% interval (Monte Carlo)', type: 'custom', renderItem: intervalGlyph(() => INK), itemStyle: { color: INK },
        encode: { x: [1, 2, 3], y: 0 },
        data: finite(result.policies.map((p, i) => [i, percent(p.outcomes.war.p), percent(p.outcomes.war.lo), percent(p.outcomes.war.hi)])),
      },
    ],
  };
  return {
    id: 'fig-war',
    title: 'P(war) per policy',
    caption: 'Dark: the estimate with its 95% Monte Carlo interval (how precisely the model was run). Light bar: the 5–95% range of P(war) across futures (how much the answer depends on what the world is like).',
    svg: chartSvg(svgId('fig-war', width), option, width, height),
  };
}

/**
 * Figure 2: paired differences against the status quo with 95 % intervals that include the spread between futures, for P(war) (percentage
 * points, left) and clash-years per decade (right). Intervals that exclude zero are drawn dark, others grey.
 */
export function differencesFigure(result: EnsembleView, width = WIDTH): Figure {
  const others = result.policies.filter((p): p is PolicyResult & Required<Pick<PolicyResult, 'versusStatusQuo'>> => p.versusStatusQuo !== undefined);
  const ids = others.map((p) => p.id);
  const panel = 60 + 34 * Math.max(1, ids.length);
  const war = finite(others.map((p, i) => [i, percent(p.versusStatusQuo.war.diff), percent(p.versusStatusQuo.war.lo), percent(p.versusStatusQuo.war.hi)]));
  const clash = finite(others.map((p, i) => [i, round6(p.versusStatusQuo.clashYearsPerDecade.diff), round6(p.versusStatusQuo.clashYearsPerDecade.lo), round6(p.versusStatusQuo.clashYearsPerDecade.hi)]));
  const colorOf = (key: 'war' | 'clashYearsPerDecade') => (cat: number) => (excludesZero(others[cat].versusStatusQuo[key]) ? INK : MUTED);
  const zero = { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: INK, type: 'solid', width: 1 }, data: [{ xAxis: 0 }] };
  const left = labelMargin(ids);
  const half = (width - left - 40) / 2;
  // Wide: the two panels side by side, sharing the policy labels; narrow: one above the other, each labelled.
  const narrow = isNarrow(width);
  const height = narrow ? 2 * panel + 30 : panel + 30;
  const option: ChartOption = {
    grid: narrow
      ? [{ left, right: 24, top: 16, height: panel - 60 }, { left, right: 24, top: panel + 30, height: panel - 60 }]
      : [{ left, width: half - 20, top: 16, bottom: 44 }, { left: left + half + 20, width: half - 20, top: 16, bottom: 44 }],
    yAxis: [categoryAxis(ids, 0), narrow ? categoryAxis(ids, 1) : { ...categoryAxis(ids, 1), axisLabel: { show: false } }],
    xAxis: [valueAxis('Δ P(war), percentage points', 0), valueAxis('Δ clash-years per decade', 1)],
    series: [
      { type: 'custom', renderItem: intervalGlyph(colorOf('war')), xAxisIndex: 0, yAxisIndex: 0, encode: { x: [1, 2, 3], y: 0 }, data: war, markLine: zero },
      { type: 'custom', renderItem: intervalGlyph(colorOf('clashYearsPerDecade')), xAxisIndex: 1, yAxisIndex: 1, encode: { x: [1, 2, 3], y: 0 }, data: clash, markLine: zero },
    ],
  };
  return {
    id: 'fig-diff',
    title: 'Paired differences against the status quo',
    caption: 'Each policy minus the status quo on the same futures and random streams, with a 95% interval from the spread between the design\'s replicates of futures. Dark: the interval excludes 0; grey: it does not. Left of 0 means fewer wars or clashes than the status quo.',
    svg: chartSvg(svgId('fig-diff', width), option, width, height),
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A round step (1, 2 or 5 times a power of ten) of about `span / parts`. */
function niceStep(span: number, parts: number): number {
  const raw = span / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** A shared value axis over all bands, from a round step below the lowest q05 to one above the highest q95. */
function sharedExtent(policies: PolicyResult[]): { min: number; max: number; interval: number } {
  const lo = Math.min(0, ...policies.flatMap((p) => p.monthlyScore.q05).filter(Number.isFinite));
  const top = Math.max(lo, ...policies.flatMap((p) => p.monthlyScore.q95).filter(Number.isFinite));
  const hi = top - lo < 1e-6 ? lo + 1 : top; // a flat score still gets a readable axis
  const interval = niceStep(hi - lo, 3);
  return { min: round6(Math.floor(lo / interval) * interval), max: round6(Math.ceil(hi / interval) * interval), interval: round6(interval) };
}

/**
 * Figure 3: monthly mean escalation score per policy with its 5–95 % band (pooled over futures and runs), as small
 * multiples on one shared scale, three per row; month 1 is the first month after the scenario's as-of date.
 */
export function monthlyFigure(result: EnsembleView, width = WIDTH): Figure {
  const cols = isNarrow(width) ? 2 : 3;
  const rows = Math.max(1, Math.ceil(result.policies.length / cols));
  const cellH = 150;
  const height = rows * cellH + 30;
  const cellW = (width - 40) / cols;
  const y = sharedExtent(result.policies);
  const months = Math.max(1, ...result.policies.map((p) => p.monthlyScore.mean.length));
  const grids = result.policies.map((_, i) => ({
    left: 40 + (i % cols) * cellW, top: 22 + Math.floor(i / cols) * cellH, width: cellW - 44, height: cellH - 62,
  }));
  const series = result.policies.flatMap((p, i) => {
    const color = POLICY_COLORS[i % POLICY_COLORS.length];
    const band: RenderItem = (_params, api) => {
      const edge = (qs: number[]) => qs.flatMap((v, m) => (Number.isFinite(v) ? [api.coord([m + 1, round6(v)])] : []));
      const upper = edge(p.monthlyScore.q95);
      const lower = edge(p.monthlyScore.q05).reverse();
      return { type: 'polygon', shape: { points: [...upper, ...lower] }, style: { fill: color, opacity: 0.18 } };
    };
    return [
      { type: 'custom', xAxisIndex: i, yAxisIndex: i, renderItem: band, data: [[1, y.min]], encode: { x: 0, y: 1 }, silent: true },
      {
        type: 'line', xAxisIndex: i, yAxisIndex: i, showSymbol: false, lineStyle: { color, width: 1.5 }, itemStyle: { color },
        data: p.monthlyScore.mean.map((v, m) => [m + 1, round6(v)]),
      },
    ];
  });
  const option: ChartOption = {
    grid: grids,
    xAxis: result.policies.map((p, i) => ({
      type: 'value', gridIndex: i, min: 0, max: months, interval: monthStep(months, cellW - 44), name: p.id, nameLocation: 'middle', nameGap: 24,
      nameTextStyle: { color: INK, fontWeight: 'bold' }, splitLine: { show: false },
    })),
    yAxis: result.policies.map((_, i) => ({ type: 'value', gridIndex: i, ...y })),
    series,
  };
  return {
    id: 'fig-monthly',
    title: 'Escalation score month by month',
    caption: `Line: mean escalation score per month over all futures and runs; shaded: the 5–95% range of the monthly score across futures and runs. Months 1–${months} after the scenario’s as-of date, one panel per policy, same scale in every panel.`,
    svg: chartSvg(svgId('fig-monthly', width), option, width, height),
  };
}

/**
 * Figure 4 (one per structural uncertainty): P(war) per policy under each alternative (e.g. each type of North
 * Korea), estimate with its 95 % interval, one colour per alternative.
 */
export function byTypeFigure(result: EnsembleView, index: number, width = WIDTH): Figure {
  const u = result.byType[index];
  const ids = result.policies.map((p) => p.id);
  const k = u.alternatives.length;
  const series = u.alternatives.map((a, j) => {
    const color = ALTERNATIVE_COLORS[j % ALTERNATIVE_COLORS.length];
    const data = ids.flatMap((id, i) => {
      const row = a.policies.find((q) => q.id === id);
      return row ? finite([[i, percent(row.war.p), percent(row.war.lo), percent(row.war.hi)]]) : [];
    });
    const offset = k > 1 ? (j - (k - 1) / 2) * (0.7 / k) : 0;
    const name = `${a.title} (${a.futures} futures)`;
    return { name, type: 'custom', renderItem: intervalGlyph(() => color, offset), itemStyle: { color }, encode: { x: [1, 2, 3], y: 0 }, data };
  });
  const { legend, top } = legendAbove(series.map((s) => s.name), width);
  const height = 54 + top + Math.max(34, 14 * (k + 1)) * ids.length;
  const option: ChartOption = {
    legend,
    grid: { left: labelMargin(ids), right: 24, top, bottom: 44 },
    yAxis: categoryAxis(ids),
    xAxis: valueAxis('P(war) within the horizon', 0, '%'),
    series,
  };
  const id = `fig-type-${index + 1}`;
  return {
    id,
    title: `P(war) by ${u.title}`,
    caption: `P(war) with its 95% interval for each policy, computed separately on the futures drawn under each alternative of “${u.title}”.`,
    svg: chartSvg(svgId(id, width), option, width, height),
  };
}

/** Months between x-axis ticks: a whole number of years, about one tick per 40 px of plot width. */
function monthStep(months: number, plotWidth: number): number {
  const ticks = Math.max(2, Math.floor(plotWidth / 40));
  return 12 * Math.max(1, Math.ceil(months / 12 / ticks));
}

/**
 * All figures of the report in page order, each in both layouts (`narrow` set): P(war), paired differences,
 * monthly score, then one per structural uncertainty.
 */
export function renderFigures(result: EnsembleView): Figure[] {
  return [
    responsive((w) => warFigure(result, w)), responsive((w) => differencesFigure(result, w)), responsive((w) => monthlyFigure(result, w)),
    ...result.byType.map((_, i) => responsive((w) => byTypeFigure(result, i, w))),
  ];
}
