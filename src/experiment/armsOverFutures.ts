import { analyzeArms } from '../models/arms/analyzeArms.js';
import type { Scenario } from '../scenario/schema.js';
import { sampleFutures, scenarioForFuture } from './futures.js';
import { quantile } from './statistics.js';

/** The arms verdict over a set of futures: how often the status quo is unstable, and its leading growth rate. */
export interface ArmsVerdictSummary {
  futures: number;
  /** Share of futures whose leading eigenvalue has a positive real part (beyond the stability margin). */
  shareUnstable: number;
  /** Leading growth rate max Re λ, per year: median and the 5–95% range over the futures. */
  leadingRate: { median: number; q05: number; q95: number };
  /** Share of futures whose equilibrium has a negative stock (a meaningless rest point). */
  shareNegativeEquilibrium: number;
}

/** The verdict over every future, and per alternative of each structural uncertainty (as sampled). */
export interface ArmsOverFutures {
  all: ArmsVerdictSummary;
  byAlternative: { uncertainty: string; alternative: string; summary: ArmsVerdictSummary }[];
}

/**
 * The arms verdict computed where the comparison computes its outcomes (docs/model.md#stability): on the status
 * quo of each sampled future (a replicated Latin hypercube, `sampleFutures`; structural alternatives applied),
 * not on the raw scenario, which no future uses. Deterministic in (scenario, count, seed).
 * Example: `armsOverFutures(korea, { futures: 50, seed: 1 }).all.shareUnstable`.
 */
export function armsOverFutures(s: Scenario, options: { futures: number; seed: number }): ArmsOverFutures {
  const design = sampleFutures(s, options.futures, options.seed);
  const rows = design.futures.map((f) => {
    const a = analyzeArms(scenarioForFuture(s, design, f), { horizonYears: 1, couplings: 0 });
    return { alternatives: f.alternatives, unstable: a.stability.verdict === 'unstable', rate: a.stability.maxRealPart, negative: !!a.equilibrium?.some((x) => x < 0) };
  });
  const byAlternative = design.structural.flatMap((u) =>
    u.alternatives.flatMap((alt) => {
      const own = rows.filter((r) => r.alternatives[u.id] === alt.id);
      return own.length ? [{ uncertainty: u.id, alternative: alt.id, summary: summarize(own) }] : [];
    }),
  );
  return { all: summarize(rows), byAlternative };
}

function summarize(rows: { unstable: boolean; rate: number; negative: boolean }[]): ArmsVerdictSummary {
  const rates = rows.map((r) => r.rate);
  return {
    futures: rows.length,
    shareUnstable: rows.filter((r) => r.unstable).length / rows.length,
    leadingRate: { median: quantile(rates, 0.5), q05: quantile(rates, 0.05), q95: quantile(rates, 0.95) },
    shareNegativeEquilibrium: rows.filter((r) => r.negative).length / rows.length,
  };
}

/**
 * The summary in one line. Example: `unstable in 82% of 50 futures; leading growth rate median 4.1%/yr (90% range
 * 1.2 to 7.0%/yr; the 5% and 95% quantiles of docs/conventions.md); equilibrium negative in 60%`.
 */
export function armsVerdictLine(v: ArmsVerdictSummary): string {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const rate = (x: number) => `${(100 * x).toFixed(1)}`;
  return `unstable in ${pct(v.shareUnstable)} of ${v.futures} futures; leading growth rate median ${rate(v.leadingRate.median)}%/yr (90% range ${rate(v.leadingRate.q05)} to ${rate(v.leadingRate.q95)}%/yr); equilibrium negative (meaningless) in ${pct(v.shareNegativeEquilibrium)}`;
}
