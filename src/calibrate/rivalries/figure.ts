import * as echarts from 'echarts';
import type { ReliabilityBin } from './reliability.js';
import type { RivalryValidation } from './validateRivalries.js';

const COLORS = { model: '#1f77b4', 'own-past': '#ff7f0e', pooled: '#2ca02c' } as const;
const NAMES = { model: 'model (one step ahead)', 'own-past': "rivalry's own past rate", pooled: 'pooled base rate' } as const;
const r3 = (x: number) => Number(x.toFixed(3));
/** Bins with fewer forecasts are left out of the figure (the table in docs/validation.md lists them). */
export const MIN_DRAWN = 10;

/**
 * The reliability diagram (docs/figures/validation-reliability.svg): one panel per out-of-sample design, mean
 * forecast against observed share of clash-years per bin, with Wilson 95% bars for the model's bins and the
 * diagonal of perfect reliability; the pooled base rate is one point (its mean forecast and the overall share).
 * Bins with fewer than MIN_DRAWN forecasts are not drawn. echarts' server-side SVG renderer, no animation: deterministic.
 */
export function reliabilityFigure(v: RivalryValidation): string {
  const width = 1000, height = 470;
  const grid: object[] = [], xAxis: object[] = [], yAxis: object[] = [], series: object[] = [];
  const title: object[] = [{ text: 'Reliability of yearly clash-year forecasts across rivalries (out of sample)', left: 'center', top: 4, textStyle: { fontSize: 14 } }];
  v.evaluations.forEach((e, k) => {
    const left = 70 + k * (width / 2), w = width / 2 - 110;
    grid.push({ left, top: 80, width: w, height: 320 });
    xAxis.push({ gridIndex: k, type: 'value', min: 0, max: 0.8, name: 'mean forecast', nameLocation: 'middle', nameGap: 26 });
    yAxis.push({ gridIndex: k, type: 'value', min: 0, max: 0.8, name: 'observed share', nameLocation: 'middle', nameGap: 40 });
    title.push({ text: e.id === 'temporal' ? `temporal split (${v.window.split}–${v.window.to})` : 'leave one rivalry out', left: left + w / 2, top: 56, textAlign: 'center', textStyle: { fontSize: 12 } });
    const common = { xAxisIndex: k, yAxisIndex: k, animation: false };
    series.push({ ...common, name: 'perfect reliability', type: 'line', data: [[0, 0], [0.8, 0.8]], showSymbol: false, lineStyle: { color: '#999', type: 'dashed', width: 1 }, itemStyle: { color: '#999' } });
    const points = (bins: ReliabilityBin[]) => bins.filter((b) => b.n >= MIN_DRAWN).map((b) => [r3(b.forecast), r3(b.observed), b.n]);
    const bars: (number[] | string)[] = [];
    for (const b of e.reliability.model) if (b.n >= MIN_DRAWN) bars.push([r3(b.forecast), r3(b.observedLo)], [r3(b.forecast), r3(b.observedHi)], '-');
    series.push({ ...common, name: 'model: Wilson 95%', type: 'line', data: bars, connectNulls: false, showSymbol: false, lineStyle: { color: COLORS.model, width: 1 }, itemStyle: { color: COLORS.model } });
    for (const f of ['model', 'own-past', 'pooled'] as const) {
      series.push({ ...common, name: NAMES[f], type: 'line', data: points(e.reliability[f]), symbol: f === 'pooled' ? 'diamond' : 'circle', symbolSize: f === 'pooled' ? 10 : 7, lineStyle: { color: COLORS[f], width: f === 'model' ? 2 : 1 }, itemStyle: { color: COLORS[f] } });
    }
  });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, backgroundColor: '#ffffff', title, legend: { top: 28, data: [...Object.values(NAMES), 'model: Wilson 95%', 'perfect reliability'], textStyle: { fontSize: 11 } }, grid, xAxis, yAxis, series });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg + '\n';
}
