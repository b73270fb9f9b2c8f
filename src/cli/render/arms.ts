import type { ArmsAnalysis } from '../../models/arms/analyzeArms.js';
import type { ArmsTrajectory } from '../../models/arms/simulateArms.js';
import type { Scenario } from '../../scenario/schema.js';
import { fitTable, wrapText } from './table.js';

const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : String(Number(x.toPrecision(4))));

/** The readable form of `flashpoints simulate`: one row per output time, one column per stock. */
export function renderTrajectory(s: Scenario, r: ArmsTrajectory, policy?: string): string {
  const start = s.start ?? s.asOf;
  // Many stocks and few times read better with one row per stock.
  const byStock = r.labels.length > r.times.length;
  const t = byStock
    ? fitTable(['stock \\ years', ...r.times.map(fmt)], r.labels.map((l, q) => [l, ...r.series[q].map(fmt)]))
    : fitTable(['years', ...r.labels], r.times.map((time, k) => [fmt(time), ...r.series.map((x) => fmt(x[k]))]));
  const lines = [`${s.title}${policy ? ` under '${policy}'` : ''}: arms trajectories (${r.mode === 'exact' ? 'exact solution' : 'Dormand–Prince, endogenous alignment'})${start ? `, years from ${start}` : ''}`, t];
  lines.push(`stability at start: ${r.stability.verdict} (largest real part of an eigenvalue ${r.stability.maxRealPart.toFixed(4)}/yr)`);
  if (r.negative.length) lines.push(`warning: ${r.negative.map((n) => `${n.label} goes below zero at t = ${fmt(n.firstTime)}`).join('; ')}`);
  return wrapText(lines.join('\n')) + '\n';
}

/** The readable form of `flashpoints analyze`. */
export function renderAnalysis(a: ArmsAnalysis): string {
  const out: string[] = [];
  out.push(`verdict: ${a.verdict}`);
  out.push(`eigenvalues (per year): ${a.eigenvalues.map((z) => (Math.abs(z.im) > 1e-12 ? `${fmt(z.re)}${z.im >= 0 ? '+' : '−'}${fmt(Math.abs(z.im))}i` : fmt(z.re))).join(', ')}`);
  if (a.equilibrium) {
    const t = fitTable(['stock', 'equilibrium'], a.labels.map((l, q) => [l, fmt(a.equilibrium![q])]));
    out.push('equilibrium x* = −A⁻¹b' + (a.stability.stable ? '' : ' (not reached: the system is not stable)'), t);
  } else out.push('equilibrium: none (A is singular or ill-conditioned)');
  if (a.couplings.length) {
    const t = fitTable(['stock responding', 'to stock', 'A_ij', 'weight on leading eigenvalue'], a.couplings.map((c) => [c.responds, c.to, fmt(c.value), fmt(c.weight)]));
    out.push('couplings that drive the leading eigenvalue', t);
  }
  if (a.alignment) {
    const t = fitTable(['pair', 'alignment now', `after ${a.horizonYears} years`, 'change'], a.alignment.map((r) => [r.pair.join('–'), fmt(r.start), fmt(r.end), (r.change >= 0 ? '+' : '') + fmt(r.change)]));
    out.push(`endogenous alignment: who draws together (or apart) over ${a.horizonYears} years`, t);
  }
  return wrapText(out.join('\n')) + '\n';
}
