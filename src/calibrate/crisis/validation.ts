import type { Scenario } from '../../scenario/schema.js';
import { applyStructural } from '../../scenario/apply.js';
import { launchProcess } from '../record/hindcast.js';
import { simulateClashes, type ClashSim } from './clashTuning.js';
import type { LaunchDesign } from './covariates.js';
import type { ClashYears, WarConstraint } from './incidents.js';
import { launchStats, quantile, replicateLaunches, type LaunchStats } from './launches.js';
import { CRISIS_TOLERANCES, type ToleranceRule } from './tolerances.js';

/** One row of the calibration table. */
export interface ValidationRow {
  id: string;
  label: string;
  observed: number;
  /** What the observed value is, in words (window, interval). */
  observedNote: string;
  simulated: { mean: number; lo: number; hi: number };
  tolerance: string;
  pass: boolean;
}

/** Launch parameters as the scenario holds them. */
export interface LaunchParameters {
  baseRate: number;
  exerciseLift: number;
  dialogueEffect: number;
  dispersion: number;
}

/**
 * The launch parameters the model runs with (crisis.launches.*), under the scenario's default structural
 * alternatives (their changes apply): the exercise lift is 0 when the launch actor's strategy ignores threat, as
 * in prepareCrisis. Example: `scenarioLaunchParameters(korea).baseRate` → 1.12.
 */
export function scenarioLaunchParameters(s: Scenario): LaunchParameters {
  const p = launchProcess(applyStructural(s));
  if (!p) throw new Error('the scenario has no crisis.launches section');
  return { baseRate: p.baseRate, exerciseLift: p.exerciseLift, dialogueEffect: p.dialogueEffect, dispersion: p.dispersion };
}

/** Whether a simulated summary passes a rule against the observed value (`bound` for `atMost`). */
export function passes(rule: ToleranceRule, observed: number, sim: { mean: number; lo: number; hi: number }, bound = 0): boolean {
  if (rule.kind === 'inside95') return observed >= sim.lo && observed <= sim.hi;
  if (rule.kind === 'absolute') return Math.abs(sim.mean - observed) <= rule.tolerance;
  return sim.mean <= bound;
}

/** Options of the validation run. */
export interface ValidationOptions {
  seed: number;
  /** Replications of the launch process over the fit window. Default 2000. */
  launchRuns?: number;
  /** Replications of the full model for clash-years and wars. Default 2000. */
  clashRuns?: number;
}

/** Everything the table and figures need from the simulations. */
export interface Validation {
  rows: ValidationRow[];
  launches: { parameters: LaunchParameters; monthly: { mean: number[]; q05: number[]; q95: number[] } };
  clash: ClashSim;
}

/**
 * The calibration table (docs/calibration-crisis.md): the scenario as written against the record. Launch targets
 * replicate the model's launch process over the 2012–2019 months with their exercise and dialogue indicators
 * (indicator 1 standing for an open channel and an exercise at scale 1); clash-years and wars run the full model's
 * status quo for a decade on North Korea's dyads (clashTuning.ts). Intervals: central 95% of the statistic over
 * replications for the launch targets, 95% intervals of the mean for the model's clash-years and war onsets.
 */
export function validateCrisis(s: Scenario, d: LaunchDesign, clash: ClashYears, war: WarConstraint, o: ValidationOptions): Validation {
  const par = scenarioLaunchParameters(s);
  const means = d.exercise.map((e, t) => par.baseRate * Math.exp(par.exerciseLift * e + par.dialogueEffect * d.dialogue[t]));
  const rep = replicateLaunches(means, par.dispersion, d, o.launchRuns ?? 2000, o.seed);
  const obs = launchStats(d.y, d);
  const sim = simulateClashes(s, { runs: o.clashRuns ?? 2000, seed: o.seed });
  const interval = (k: keyof LaunchStats) => {
    const v = rep.stats[k];
    return { mean: v.reduce((a, b) => a + b, 0) / v.length, lo: quantile(v, 0.025), hi: quantile(v, 0.975) };
  };
  const window = `${d.months[0]} … ${d.months.at(-1)}, ${d.months.length} months`;
  const values: Record<string, { observed: number; note: string; sim: { mean: number; lo: number; hi: number }; bound?: number }> = {
    'launch-mean': { observed: obs.mean, note: window, sim: interval('mean') },
    'launch-variance': { observed: obs.variance, note: window, sim: interval('variance') },
    'launch-zero-share': { observed: obs.zeroShare, note: window, sim: interval('zeroShare') },
    'exercise-lift': { observed: obs.exerciseLift, note: `${d.exercise.reduce((a, b) => a + b, 0)} exercise months`, sim: interval('exerciseLift') },
    'dialogue-lull': { observed: obs.dialogueTotal, note: `${d.dialogue.reduce((a, b) => a + b, 0)} months`, sim: interval('dialogueTotal') },
    'clash-years': { observed: clash.perDecade.estimate, note: `${clash.count} of ${clash.total} years ${clash.from}–${clash.to}; Wilson 95% ${fmt(clash.perDecade.lo)}–${fmt(clash.perDecade.hi)}`, sim: sim.clashYearsPerDecade },
    'war-onsets': { observed: 0, note: `0 wars ${war.korea.from}–${war.korea.to}; 95% bound ${fmt(war.korea.warPerDecadeBound95)}`, sim: sim.warsPerDecade, bound: war.korea.warPerDecadeBound95 },
  };
  const rows = CRISIS_TOLERANCES.map((t) => {
    const v = values[t.id];
    return { id: t.id, label: t.label, observed: v.observed, observedNote: v.note, simulated: v.sim, tolerance: t.text, pass: passes(t.rule, v.observed, v.sim, v.bound) };
  });
  return { rows, launches: { parameters: par, monthly: rep.monthly }, clash: sim };
}

/** A number for the table: 3 significant digits, at most 3 decimals. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
}
