import { eigenSystem, topCouplings } from '../../math/eigen.js';
import type { Complex } from '../../math/complex.js';
import type { Stability } from '../../math/eigen.js';
import type { Scenario } from '../../scenario/schema.js';
import { simulateArms } from './simulateArms.js';

export interface ArmsAnalysis {
  labels: string[];
  equilibrium: number[] | null;
  eigenvalues: Complex[];
  stability: Stability;
  /** The plain-language reading of the stability verdict. */
  verdict: string;
  /** Couplings A_ij (state j drives state i's rate) ranked by their weight on the leading eigenvalue. */
  couplings: { responds: string; to: string; value: number; sensitivity: number; weight: number }[];
  /** With endogenous alignment: the pairs whose alignment moves most over the horizon (mean of both directions). */
  alignment: { pair: [string, string]; start: number; end: number; change: number }[] | null;
  horizonYears: number;
}

/**
 * Stability analysis of the arms system at start (DESIGN.md §3.1): equilibrium, eigenvalues, verdict, the
 * couplings that drive the leading eigenvalue, and — when alignment is endogenous — who draws together over
 * `horizonYears` (default 10). `reference` is the status quo when `s` is a policy variant (elasticities stay
 * relative to the base-year world; see simulateArms). Example: `analyzeArms(korea, { horizonYears: 10 })`.
 */
export function analyzeArms(s: Scenario, options: { horizonYears?: number; couplings?: number; reference?: Scenario } = {}): ArmsAnalysis {
  const horizonYears = options.horizonYears ?? 10;
  const run = simulateArms(s, { times: [0, horizonYears], reference: options.reference });
  const sys = run.system;
  if (sys.labels.length === 0) {
    return { labels: [], equilibrium: [], eigenvalues: [], stability: run.stability, verdict: NO_STOCKS, couplings: [], alignment: null, horizonYears };
  }
  const eig = eigenSystem(sys.A);
  const couplings = topCouplings(sys.A, { count: options.couplings ?? 8, system: eig })
    .filter((c) => c.value !== 0)
    .map((c) => ({ responds: sys.labels[c.i], to: sys.labels[c.j], value: c.value, sensitivity: c.sensitivity, weight: c.weight }));
  let alignment: ArmsAnalysis['alignment'] = null;
  if (run.alignment) {
    const m = sys.actors.length;
    const [w0, w1] = run.alignment;
    const rows: NonNullable<ArmsAnalysis['alignment']> = [];
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const start = (w0[i * m + j] + w0[j * m + i]) / 2, end = (w1[i * m + j] + w1[j * m + i]) / 2;
        rows.push({ pair: [sys.actors[i], sys.actors[j]], start, end, change: end - start });
      }
    }
    alignment = rows.sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 10);
  }
  return { labels: sys.labels, equilibrium: run.equilibrium, eigenvalues: run.eigenvalues, stability: run.stability, verdict: armsVerdict(run.stability, run.eigenvalues, run.equilibrium, sys.labels), couplings, alignment, horizonYears };
}

/** The verdict when no actor has a capability stock (a scenario of relations and crisis settings only). */
export const NO_STOCKS = 'no capability stocks: the arms model has nothing to simulate (give an actor `capabilities` to see arms dynamics)';

/** A complex mode counts as an oscillation only when its period is shorter than this (years): a century. */
export const OSCILLATION_MAX_PERIOD_YEARS = 100;

/**
 * The verdict in words from the stability verdict and the eigenvalues (sorted ascending by real part, so the last
 * is the leading one), with the equilibrium's sign (docs/model.md#stability). "With oscillation" only when the
 * leading eigenvalue itself is complex with a period 2π/|Im λ| under a century — a decaying complex pair elsewhere,
 * or a period of millennia, is not an oscillation anyone would see. An equilibrium with a negative stock is said to
 * be one (the system has no meaningful rest point; deviations are read from growth, not toward a level).
 * Example: `armsVerdict(stability(values), values, x)`.
 */
export function armsVerdict(st: Stability, values: readonly Complex[], equilibrium: readonly number[] | null, labels: readonly string[] = []): string {
  const lead = values[values.length - 1];
  const rate = lead.re;
  const period = Math.abs(lead.im) > 1e-12 ? (2 * Math.PI) / Math.abs(lead.im) : Infinity;
  const oscillation = period < OSCILLATION_MAX_PERIOD_YEARS ? `, with oscillation (period ${period.toFixed(1)} years)` : '';
  let text: string;
  if (st.verdict === 'stable') {
    text = `stable: every deviation from equilibrium dies out (slowest mode decays at ${(-rate * 100).toFixed(1)}%/yr, half-life ${(Math.log(2) / -rate).toFixed(1)} years)${oscillation}`;
  } else if (st.verdict === 'neutral') text = 'neutral: the leading mode neither grows nor decays; deviations persist';
  else text = `unstable: the action–reaction spiral runs away — the leading mode grows at ${(rate * 100).toFixed(1)}%/yr (doubling in ${(Math.log(2) / rate).toFixed(1)} years)${oscillation}`;
  return text + equilibriumNote(equilibrium, labels);
}

/** What the equilibrium says, when it is not a plain rest point: none (A singular), or negative stocks. */
function equilibriumNote(equilibrium: readonly number[] | null, labels: readonly string[]): string {
  if (equilibrium === null) return '; there is no equilibrium (A is singular)';
  const negative = equilibrium.flatMap((x, q) => (x < 0 ? [`${labels[q] ?? `stock ${q}`} ${x.toPrecision(3)}`] : []));
  if (!negative.length) return '';
  return `; the equilibrium is negative (${negative.join(', ')}): no stock can rest below zero, so it is meaningless as a level and only the growth rates are read`;
}
