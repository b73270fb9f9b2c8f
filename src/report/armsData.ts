// The arms dynamics the main job prints, gathered as plain data for the report's section "Arms dynamics"
// (DESIGN.md §3.1): the verdict at the central values, over the comparison's futures, the leading couplings, the
// alignment drift and the status quo's trajectories.
import { analyzeArms, type ArmsAnalysis } from '../models/arms/analyzeArms.js';
import { simulateArms } from '../models/arms/simulateArms.js';
import { armsOverFutures, type ArmsOverFutures } from '../experiment/armsOverFutures.js';
import type { Scenario } from '../scenario/schema.js';
import type { ArmsSummary } from './types.js';

/** Options of {@link armsSummary}: the comparison's futures and seed, and what the caller already computed. */
export interface ArmsSummaryOptions {
  /** Futures and seed of the comparison (the verdict is computed on the same futures). */
  futures: number; seed: number;
  /** Years of the trajectories and the alignment drift. @default 10 */
  horizonYears?: number;
  /** Leading couplings shown. @default 5 */
  couplings?: number;
  /** `analyzeArms(s, { horizonYears, couplings })` when the caller already has it (the main job prints it). */
  analysis?: ArmsAnalysis;
  /** `armsOverFutures(s, { futures, seed })` when the caller already has it. */
  overFutures?: ArmsOverFutures;
}

/**
 * The report's arms data for scenario `s`: deterministic in (scenario, futures, seed); the trajectories are
 * sampled four times a year over the horizon. Example: `result.arms = armsSummary(korea, { futures: 50, seed: 1 })`.
 */
export function armsSummary(s: Scenario, o: ArmsSummaryOptions): ArmsSummary {
  const horizonYears = o.horizonYears ?? 10;
  const a = o.analysis ?? analyzeArms(s, { horizonYears, couplings: o.couplings ?? 5 });
  const over = o.overFutures ?? armsOverFutures(s, { futures: o.futures, seed: o.seed });
  const times = Array.from({ length: 4 * horizonYears + 1 }, (_, k) => k / 4);
  const t = simulateArms(s, { times });
  return {
    verdict: a.verdict,
    stability: a.stability.verdict,
    leadingRate: a.stability.maxRealPart,
    overFutures: over,
    couplings: a.couplings.map((c) => ({ responds: c.responds, to: c.to, value: c.value, weight: c.weight })),
    alignment: a.alignment,
    horizonYears: a.horizonYears,
    ...(s.start ?? s.asOf ? { start: s.start ?? s.asOf } : {}),
    trajectory: { times: t.times, labels: t.labels, series: t.series, mode: t.mode, negative: t.negative },
  };
}
