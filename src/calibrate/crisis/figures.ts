import * as echarts from 'echarts';
import { TEST_FROM, type CrisisEvidence } from './evidence.js';
import type { LaunchDesign } from './covariates.js';
import { replicateLaunches } from './launches.js';
import type { Validation } from './validation.js';
import type { ClashYears } from './incidents.js';

/** An SVG chart by echarts' server-side renderer (no DOM). Animation off, so the output is deterministic. */
function render(option: echarts.EChartsOption, width = 900, height = 420): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * Observed monthly missiles against the calibrated launch process: its mean and a 5–95% band per month, over the
 * design's months (the fit window and the out-of-sample years).
 */
export function launchFigure(d: LaunchDesign, sim: { mean: number[]; q05: number[]; q95: number[] }, testFrom: string): string {
  const band = sim.q95.map((v, t) => v - sim.q05[t]);
  return render({
    title: { text: 'North Korea: missiles launched per month, observed and calibrated model', left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, data: ['observed (CNS)', 'model mean', 'model 5–95%'] },
    grid: { left: 50, right: 20, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: d.months, axisLabel: { interval: 11 } },
    yAxis: { type: 'value', name: 'missiles' },
    series: [
      { name: 'model 5–95% base', type: 'line', data: sim.q05, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none' },
      { name: 'model 5–95%', type: 'line', data: band, stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { color: '#9ecae1', opacity: 0.5 }, itemStyle: { color: '#9ecae1' }, symbol: 'none' },
      { name: 'model mean', type: 'line', data: sim.mean.map((v) => Number(v.toFixed(3))), symbol: 'none', lineStyle: { color: '#08519c' }, itemStyle: { color: '#08519c' }, z: 4 },
      {
        name: 'observed (CNS)', type: 'bar', data: d.y, itemStyle: { color: '#de2d26' }, barWidth: 3, z: 3,
        markLine: { symbol: 'none', data: [{ xAxis: testFrom }], label: { formatter: 'out of sample →' }, lineStyle: { type: 'dashed', color: '#555' } },
      },
    ],
  });
}

/** Distribution of clash-years in a decade under the status quo, with the observed decades marked. */
export function clashYearFigure(distribution: readonly number[], clash: ClashYears): string {
  const k = Array.from({ length: Math.min(distribution.length, 11) }, (_, i) => String(i));
  const decades: { label: string; count: number }[] = [];
  for (let y0 = clash.from; y0 + 9 <= clash.to; y0 += 10) decades.push({ label: `${y0}–${y0 + 9}`, count: clash.years.filter((y) => y >= y0 && y <= y0 + 9).length });
  return render({
    title: { text: 'Clash-years per decade (North Korea with ROK, US, Japan): model status quo vs record', left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 60, right: 20, top: 60, bottom: 50 },
    xAxis: { type: 'category', data: k, name: 'clash-years in 10 years', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: 'share of runs' },
    series: [
      {
        type: 'bar', name: 'model', data: k.map((_, i) => Number((distribution[i] ?? 0).toFixed(4))), itemStyle: { color: '#3182bd' },
        markLine: { symbol: 'none', data: decades.map((dd) => ({ xAxis: String(dd.count), label: { formatter: `record ${dd.label}` } })), lineStyle: { color: '#de2d26', type: 'dashed' } },
      },
    ],
  }, 800, 400);
}

/**
 * The two figures of docs/calibration-crisis.md (SVG text by name): observed vs simulated launches 2012–2024 (the scenario's launch
 * parameters, 2000 replications), the clash-year distribution of the validation run. Kept apart from
 * calibrateCrisis.ts so that echarts loads only when figures are drawn.
 */
export function crisisFigures(e: CrisisEvidence, v: Validation, seed = 1): Record<string, string> {
  const par = v.launches.parameters;
  const d = e.longDesign;
  const means = d.exercise.map((x, t) => par.baseRate * Math.exp(par.exerciseLift * x + par.dialogueEffect * d.dialogue[t]));
  const rep = replicateLaunches(means, par.dispersion, d, 2000, seed);
  return {
    'crisis-launches.svg': launchFigure(d, rep.monthly, TEST_FROM),
    'crisis-clash-years.svg': clashYearFigure(v.clash.clashYearDistribution, e.clash),
  };
}
