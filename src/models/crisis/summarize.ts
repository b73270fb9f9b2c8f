import { histogramQuantile, type CrisisAggregate } from './aggregate.js';
import { meanInterval, wilson } from './intervals.js';
import type { PreparedCrisis } from './prepare.js';

/** The risk figures of `flashpoints run --json` (issue 6), all deterministic in the aggregate. */
export interface RiskSummary {
  runs: number;
  horizonMonths: number;
  outcomes: {
    clash: { p: number; lo: number; hi: number };
    war: { p: number; lo: number; hi: number };
    nuclear: { p: number; lo: number; hi: number };
    clashYearsPerDecade: { mean: number; lo: number; hi: number };
  };
  escalationScore: { mean: number[]; q05: number[]; q50: number[]; q95: number[] };
  byActor: { id: string; actions: Record<string, number>; launchesPerMonth?: number }[];
  byDyad: { from: string; to: string; actions: Record<string, number>; clashYears: number }[];
}

/**
 * Turns an aggregate into the risk summary: P(at least one clash / war / nuclear use within the horizon) with
 * Wilson 95% intervals; expected calendar years with a clash per ten years (the run's count × 120/horizon) with a
 * normal 95% interval; per-month score mean and exact quantiles 5/50/95%; mean action counts per run by actor and
 * by ordered dyad (from, to in actor order); mean clash-years per run by dyad; launches per month.
 */
export function summarizeRisk(p: PreparedCrisis, agg: CrisisAggregate): RiskSummary {
  const n = agg.runs;
  const per = (x: number) => (n > 0 ? x / n : 0);
  const months = Array.from({ length: agg.months }, (_, t) => t + 1);
  const cats = (offset: number, sumOver: number[]) =>
    Object.fromEntries(p.catalogIds.map((id, k) => [id, per(sumOver.reduce((s, d) => s + agg.actions[(offset + d) * agg.K + k], 0))]));
  const { m, actorIds } = p;
  const others = (i: number) => Array.from({ length: m }, (_, j) => j).filter((j) => j !== i);
  return {
    runs: n,
    horizonMonths: agg.months,
    outcomes: {
      clash: wilson(agg.clashRuns, n),
      war: wilson(agg.warRuns, n),
      nuclear: wilson(agg.nuclearRuns, n),
      clashYearsPerDecade: meanInterval(agg.clashYearsHist, 120 / agg.months),
    },
    escalationScore: {
      mean: months.map((t) => per(agg.scoreSum[t - 1])),
      q05: months.map((t) => histogramQuantile(agg, t, 5)),
      q50: months.map((t) => histogramQuantile(agg, t, 50)),
      q95: months.map((t) => histogramQuantile(agg, t, 95)),
    },
    byActor: actorIds.map((id, i) => ({
      id,
      actions: cats(i * m, others(i)),
      ...(i === p.launchActor ? { launchesPerMonth: per(agg.launches) / Math.max(1, agg.months) } : {}),
    })),
    byDyad: actorIds.flatMap((from, i) =>
      others(i).map((j) => ({ from, to: actorIds[j], actions: cats(i * m + j, [0]), clashYears: per(agg.dyadClashYears[i * m + j]) })),
    ),
  };
}
