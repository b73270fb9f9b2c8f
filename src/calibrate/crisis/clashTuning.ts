import { runCrisisBatch } from '../../models/crisis/batch.js';
import { meanInterval, wilson } from '../../models/crisis/intervals.js';
import { sigmoid } from '../../models/crisis/choice.js';
import { crisisScenario, prepareCrisis } from '../../models/crisis/prepare.js';
import type { Scenario } from '../../scenario/schema.js';

/** How the model is run for tuning and validation: fixed seed, replications, horizon, the dyads counted. */
export interface ClashSimOptions {
  runs: number;
  seed: number;
  /** Months simulated (default 120: one decade). */
  months?: number;
  /** The actor whose dyads are counted (default PRK) and its counterparts (default KOR, USA, JPN). */
  actor?: string;
  counterparts?: readonly string[];
}

/** Clash and war figures of the status quo on the counted dyads. */
export interface ClashSim {
  runs: number;
  months: number;
  /** Calendar years with a clash in a counted dyad, per decade: mean with a normal 95% interval of the mean. */
  clashYearsPerDecade: { mean: number; lo: number; hi: number };
  /** Share of runs with k clash-years, k = 0 … years. */
  clashYearDistribution: number[];
  /** First wars per decade (a run has at most one), with a Wilson interval. */
  warsPerDecade: { mean: number; lo: number; hi: number };
  /** Wars per clash-year. */
  warPerClashYear: number;
}

/**
 * Runs the crisis model (prepareCrisis + runCrisisBatch, the same replications `simulateRisk` runs, in this thread)
 * with clash friction kept only on the dyads between `actor` and `counterparts`. Dyads interact only through the
 * launch count and the first-war flag, so this is the model's own count of clash-years on those dyads.
 * Example: `simulateClashes(korea, { runs: 1000, seed: 1 })`.
 */
export function simulateClashes(s: Scenario, o: ClashSimOptions): ClashSim {
  const months = o.months ?? 120;
  const p = prepareCrisis(crisisScenario(s), months);
  const actor = p.actorIds.indexOf(o.actor ?? 'PRK');
  const others = new Set((o.counterparts ?? ['KOR', 'USA', 'JPN']).map((id) => p.actorIds.indexOf(id)));
  const friction = p.friction.map((f, d) => {
    const i = (d / p.m) | 0, j = d % p.m;
    return (i === actor && others.has(j)) || (j === actor && others.has(i)) ? f : 0;
  });
  const agg = runCrisisBatch({ ...p, friction }, { seed: o.seed, future: 0, firstReplication: 0, count: o.runs });
  const scale = 120 / months;
  const cy = meanInterval(agg.clashYearsHist, scale);
  const totalClashYears = agg.clashYearsHist.reduce((s2, c, k) => s2 + c * k, 0);
  const w = wilson(agg.warRuns, o.runs);
  return {
    runs: o.runs,
    months,
    clashYearsPerDecade: cy,
    clashYearDistribution: Array.from(agg.clashYearsHist, (c) => c / o.runs),
    warsPerDecade: { mean: w.p * scale, lo: w.lo * scale, hi: w.hi * scale },
    warPerClashYear: totalClashYears > 0 ? agg.warRuns / totalClashYears : 0,
  };
}

/**
 * The scenario with crisis.clashThreshold, an actor's baseline propensity crisis.actors.{actor}.baseline (actor
 * default PRK) and crisis.ladder.warGivenClash set where given (other annotations kept).
 */
export function withCrisisValues(s: Scenario, v: { clashThreshold?: number; baseline?: number; actor?: string; warGivenClash?: number }): Scenario {
  const out = structuredClone(s);
  if (!out.crisis) throw new Error('the scenario has no crisis section');
  const set = (old: unknown, value: number) => (old && typeof old === 'object' ? { ...(old as object), value } : { value });
  if (v.clashThreshold !== undefined) (out.crisis as Record<string, unknown>).clashThreshold = set(out.crisis.clashThreshold, v.clashThreshold);
  if (v.baseline !== undefined) {
    const actors = out.crisis.actors as Record<string, Record<string, unknown>>;
    const id = v.actor ?? 'PRK';
    actors[id] = { ...(actors[id] ?? {}), baseline: set(actors[id]?.baseline, v.baseline) };
  }
  if (v.warGivenClash !== undefined) {
    const ladder = (out.crisis as Record<string, unknown>).ladder as Record<string, unknown>;
    ladder.warGivenClash = set(ladder.warGivenClash, v.warGivenClash);
  }
  return out as Scenario;
}

/** One step of a search: the value tried and what the model gave. */
export interface SearchStep {
  value: number;
  simulated: number;
}

/**
 * Bisection for a statistic that decreases (`decreasing`) or increases in the parameter, run on the model with a
 * fixed seed (common random numbers, so the search is reproducible and nearly monotone). Returns the last
 * midpoint and the steps taken.
 */
export function bisectOnModel(f: (x: number) => number, target: number, lo: number, hi: number, iterations: number, decreasing: boolean): { value: number; steps: SearchStep[] } {
  const steps: SearchStep[] = [];
  for (let i = 0; i < iterations; i++) {
    const mid = 0.5 * (lo + hi);
    const v = f(mid);
    steps.push({ value: mid, simulated: v });
    if ((v > target) === decreasing) lo = mid;
    else hi = mid;
  }
  return { value: 0.5 * (lo + hi), steps };
}

/**
 * Tunes the counted actor's baseline propensity β0 (crisis.actors.{actor}.baseline, logit scale) so the simulated
 * clash-years per decade on its dyads hit `target`, by bisection on [−3, 6] (clash-years rise with β0). Only that
 * actor's propensities move, so dyads the target does not speak to keep their values — unlike the global κ_v.
 * Example: `tuneBaseline(korea, 4, { runs: 500, seed: 1 })`.
 */
export function tuneBaseline(s: Scenario, target: number, o: ClashSimOptions & { iterations?: number; lo?: number; hi?: number }): { value: number; steps: SearchStep[] } {
  const actor = o.actor ?? 'PRK';
  return bisectOnModel((b) => simulateClashes(withCrisisValues(s, { baseline: b, actor }), o).clashYearsPerDecade.mean, target, o.lo ?? -3, o.hi ?? 6, o.iterations ?? 12, false);
}

/**
 * Tunes crisis.ladder.warGivenClash so the simulated wars per clash-year on the counted dyads hit `target`, by
 * bisection of its logit on [−10, 0] (wars per clash-year rise with it).
 */
export function tuneWarGivenClash(s: Scenario, target: number, o: ClashSimOptions & { iterations?: number }): { value: number; steps: SearchStep[] } {
  const r = bisectOnModel((x) => simulateClashes(withCrisisValues(s, { warGivenClash: sigmoid(x) }), o).warPerClashYear, target, -10, 0, o.iterations ?? 12, false);
  return { value: sigmoid(r.value), steps: r.steps.map((st) => ({ value: sigmoid(st.value), simulated: st.simulated })) };
}
