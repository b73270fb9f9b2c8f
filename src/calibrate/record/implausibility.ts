import jStat from 'jstat';
import type { CellAggregate } from '../../experiment/cell.js';
import { pairSetId } from '../../experiment/dyadSets.js';
import { simulateArms } from '../../models/arms/simulateArms.js';
import { paramValue } from '../../scenario/param.js';
import type { RecordTarget } from '../../scenario/record.js';
import type { Scenario } from '../../scenario/schema.js';
import { launchMoments, launchProcess } from './hindcast.js';

/** How one future meets one target: the model's expectation, the variances, and the implausibility. */
export interface TargetFit {
  id: string;
  observed: number;
  /** The model's expectation of the observed statistic under this future. */
  expected: number;
  /** Standard deviation the implausibility divides by: √(stochastic variability + Monte Carlo error + discrepancy²). */
  sd: number;
  implausibility: number;
}

/**
 * The implausibility of an observation whose exact tail probability under the future is P (the record is the most
 * extreme outcome in one direction, as 71 quiet years are). The cut-off 3 of the other targets means, by
 * Pukelsheim's three-sigma rule, that at most 4/81 ≈ 4.9% of the statistic's distribution lies beyond it whatever
 * its unimodal shape; an exact tail probability is put on the same footing: I = 3 · z(P) / z(4/81), z(p) = Φ⁻¹(1 − p),
 * so that P = 4/81 gives I = 3 (and P ≥ ½ gives 0). A future is ruled out on the quiet record when it made that
 * record less than 4.9% likely. Example: `tailImplausibility(4 / 81)` → 3.
 */
export function tailImplausibility(P: number): number {
  if (!(P < 0.5)) return 0;
  // −Φ⁻¹(P) rather than Φ⁻¹(1 − P): finite for the tiny P of a war-prone future.
  return (3 * -jStat.normal.inv(Math.max(P, 1e-300), 0, 1)) / -jStat.normal.inv(PUKELSHEIM_TAIL, 0, 1);
}

/** Pukelsheim's bound on the share of a unimodal distribution beyond three standard deviations: 4/81. */
export const PUKELSHEIM_TAIL = 4 / 81;

/** Implausibilities are capped here (a future this far off is ruled out at any cut-off; JSON holds no Infinity). */
export const MAX_IMPLAUSIBILITY = 1000;


const lnBeta = (a: number, b: number) => jStat.gammaln(a) + jStat.gammaln(b) - jStat.gammaln(a + b);

/**
 * P(no war in `years` years) under a future whose runs give `wars` first wars in `runs` runs of `horizonYears`:
 * with a constant yearly hazard, P = (1 − p)^(years/horizonYears) for the horizon's war probability p, averaged
 * over p's Jeffreys posterior Beta(w + ½, n − w + ½) so that a future's few runs count as the uncertain estimate
 * they are: E[(1 − p)^c] = B(a, b + c) / B(a, b).
 */
export function quietRecordProbability(wars: number, runs: number, horizonYears: number, years: number): number {
  const a = wars + 0.5, b = runs - wars + 0.5, c = years / horizonYears;
  return Math.exp(lnBeta(a, b + c) - lnBeta(a, b));
}

/**
 * One future against one record target (docs/calibration.md#record). Implausibility is Craig et al.'s (1997)
 * |observed − E[model]| / √(V_stochastic + V_MonteCarlo + V_discrepancy):
 * - launches: the window's statistic under the future's launch process in closed form (hindcast.ts
 *   launchMoments): its expectation and V_stochastic its variance (no Monte Carlo error);
 * - clashYears: the set's clash-years per year of the status-quo runs scaled to the window's years; V_stochastic
 *   the runs' variance scaled to the window (blocks of the horizon taken as independent), V_MC its mean's variance;
 *   the discrepancy is in clash-years per decade;
 * - noWar: the probability of the quiet record (quietRecordProbability) as an implausibility on the cut-off's
 *   footing (tailImplausibility), divided by √(1 + δ²) for discrepancy δ;
 * - armsGrowth: the status quo's mean yearly log growth of the stock over the window's length against the observed
 *   trend; V = observation s.e.² + δ².
 */
/**
 * What the targets of one future share, computed once: its arms path (the status-quo cell's stocks at whole years,
 * or one simulation per window length).
 */
export class FutureContext {
  private readonly arms = new Map<number, { labels: string[]; series: number[][] }>();
  constructor(
    readonly scenario: Scenario,
    readonly statusQuo: CellAggregate,
  ) {}

  armsPath(T: number) {
    // The status-quo cell kept the stocks at whole years of its own arms path: read them when the window fits.
    const kept = this.statusQuo.arms;
    if (kept && Number.isInteger(T) && kept.atYear[0] && kept.atYear[0].length > T) return { labels: kept.labels, series: kept.atYear.map((row) => [row[0], row[T]]) };
    let a = this.arms.get(T);
    // A trend over a decade needs no 1e-10 accuracy: 1e-7 is far below any observation's standard error.
    if (!a) this.arms.set(T, (a = simulateArms(this.scenario, { times: [0, T], analysis: false, rtol: 1e-7 })));
    return a;
  }
}

export function targetFit(t: RecordTarget, future: Scenario | FutureContext, statusQuoCell?: CellAggregate, horizonMonths = 120): TargetFit {
  const ctx = future instanceof FutureContext ? future : new FutureContext(future, statusQuoCell!);
  const statusQuo = ctx.statusQuo;
  const delta = paramValue(t.discrepancy);
  const H = horizonMonths / 12;
  const set = (id: string) => {
    const k = statusQuo.sets.ids.indexOf(id);
    if (k < 0) throw new Error(`record target ${t.id}: the cells keep no dyad set '${id}'`);
    return k;
  };
  const fit = (observed: number, expected: number, variance: number): TargetFit => {
    const sd = Math.sqrt(variance);
    return { id: t.id, observed, expected, sd, implausibility: Math.min(MAX_IMPLAUSIBILITY, sd > 0 ? Math.abs(observed - expected) / sd : observed === expected ? 0 : MAX_IMPLAUSIBILITY) };
  };
  switch (t.kind) {
    case 'launches': {
      // The window's statistics in closed form (hindcast.ts launchMoments; a test checks them against replays).
      const p = launchProcess(ctx.scenario);
      if (!p) throw new Error(`record target ${t.id}: the scenario has no launch process`);
      const h = launchMoments(p, t.months)[t.statistic];
      return fit(t.observed, h.mean, h.variance + delta * delta);
    }
    case 'clashYears': {
      const k = set(t.group ?? pairSetId(t.pair!));
      const n = t.to - t.from + 1, runs = statusQuo.runs;
      const mean = statusQuo.sets.clashYearsSum[k] / runs;
      const v = Math.max(0, statusQuo.sets.clashYearsSumSq[k] / runs - mean * mean) * (runs / Math.max(1, runs - 1));
      const scale = n / H;
      return fit(t.observed, mean * scale, v * scale + (v / runs) * scale * scale + (delta * n / 10) ** 2);
    }
    case 'noWar': {
      const k = set(t.group);
      const P = quietRecordProbability(statusQuo.sets.warRuns[k], statusQuo.runs, H, t.to - t.from + 1);
      return { id: t.id, observed: 0, expected: 1 - P, sd: Math.sqrt(1 + delta * delta), implausibility: Math.min(MAX_IMPLAUSIBILITY, tailImplausibility(P) / Math.sqrt(1 + delta * delta)) };
    }
    case 'armsGrowth': {
      const T = t.to - t.from;
      const traj = ctx.armsPath(T);
      const q = traj.labels.indexOf(t.stock);
      if (q < 0) throw new Error(`record target ${t.id}: no stock ${t.stock}`);
      const [x0, x1] = traj.series[q];
      // A stock driven to zero is a collapse: its growth is read at a floor of 10⁻⁹ of the start (finite, and ruled out).
      const growth = x0 > 0 ? Math.log(Math.max(x1, 1e-9 * x0) / x0) / T : 0;
      return fit(t.observed, growth, t.observationSd ** 2 + delta * delta);
    }
  }
}
