import type { ArmsPanel } from '../../calibrate/armsPanel.js';
import type { BacktestResult } from '../../calibrate/backtestArms.js';

const COLORS = { actual: '#222222', model: '#1f77b4', randomWalk: '#7f7f7f', trend: '#ff7f0e', drift: '#2ca02c' };
const NAMES = { actual: 'SIPRI (actual)', model: 'calibrated model', randomWalk: 'random walk', trend: 'linear trend', drift: 'drift' };

/**
 * The backtest figure as an SVG string (echarts' server-side SVG renderer): one small panel per evaluated stock,
 * the observed series from `from` on, and the four forecasts from the split year. Values in constant 2023 US$ bn.
 */
export async function backtestFigure(panel: ArmsPanel, bt: BacktestResult, options: { from?: number; width?: number } = {}): Promise<string> {
  const echarts = await import('echarts');
  const from = options.from ?? 2000;
  const cols = 4;
  const rows = Math.ceil(bt.stocks.length / cols);
  const width = options.width ?? 1200;
  const cellW = width / cols;
  const cellH = 260;
  const height = rows * cellH + 50;
  const split = bt.fit[1];
  const grid: object[] = [];
  const xAxis: object[] = [];
  const yAxis: object[] = [];
  const title: object[] = [{ text: `Backtest: calibrated on ${bt.fit[0]}–${split}, forecast ${split + 1}–${split + bt.horizon} (constant 2023 US$ bn)`, left: 'center', top: 4, textStyle: { fontSize: 14 } }];
  const series: object[] = [];
  bt.stocks.forEach((st, k) => {
    const q = panel.labels.indexOf(st.label);
    const left = (k % cols) * cellW + 55;
    const top = Math.floor(k / cols) * cellH + 70;
    grid.push({ left, top, width: cellW - 80, height: cellH - 80 });
    xAxis.push({ gridIndex: k, type: 'value', min: from, max: split + bt.horizon, interval: 5, axisLabel: { fontSize: 10, formatter: (v: number) => String(v) } });
    yAxis.push({ gridIndex: k, type: 'value', scale: true, axisLabel: { fontSize: 10 } });
    title.push({ text: st.actor, left: left + (cellW - 80) / 2, top: top - 22, textAlign: 'center', textStyle: { fontSize: 12 } });
    const actual = panel.years.flatMap((y, t) => (y >= from && panel.observed[t][q] !== null ? [[y, round(panel.observed[t][q]!)]] : []));
    const start = [split, round(panel.observed[panel.years.indexOf(split)][q]!)];
    const line = (key: keyof typeof COLORS, data: number[][], type: 'solid' | 'dashed' | 'dotted') =>
      series.push({ name: NAMES[key], type: 'line', xAxisIndex: k, yAxisIndex: k, data, showSymbol: false, animation: false, lineStyle: { color: COLORS[key], width: key === 'actual' ? 2 : 1.5, type }, itemStyle: { color: COLORS[key] } });
    line('actual', actual, 'solid');
    line('model', [start, ...st.years.map((y, h) => [y, round(st.model[h])])], 'solid');
    line('randomWalk', [start, ...st.years.map((y, h) => [y, round(st.randomWalk[h])])], 'dashed');
    line('trend', [start, ...st.years.map((y, h) => [y, round(st.trend[h])])], 'dashed');
    line('drift', [start, ...st.years.map((y, h) => [y, round(st.drift[h])])], 'dotted');
  });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title,
    legend: { top: 28, itemGap: 24, data: Object.values(NAMES), textStyle: { fontSize: 11 } },
    grid,
    xAxis,
    yAxis,
    series,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg + '\n';
}

function round(x: number): number {
  return Number(x.toPrecision(5));
}
