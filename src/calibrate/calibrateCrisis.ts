import type { Scenario } from '../scenario/schema.js';
import { getValue, resolvePath } from '../scenario/paths.js';
import type { ExerciseTreatment } from './crisis/covariates.js';
import { crisisEvidence, type CrisisCalibrationInputs, type CrisisEvidence, type CrisisValues } from './crisis/evidence.js';
import type { Interval } from './crisis/launches.js';
import { simulateClashes, tuneBaseline, tuneWarGivenClash, withCrisisValues, type SearchStep } from './crisis/clashTuning.js';
import { validateCrisis, type Validation } from './crisis/validation.js';
import { renderCrisisCalibration } from './crisis/report.js';
import { calibrateAlternative, calibratedChanges, structuralAlternatives, underAlternative, type AlternativeCalibration, type AlternativeValidation, type StructuralAlternative } from './crisis/alternatives.js';

export { crisisEvidence, FIT_FROM, FIT_TO, TEST_FROM, TEST_TO, type CrisisCalibrationInputs, type CrisisEvidence, type CrisisValues } from './crisis/evidence.js';

/** Options of the calibration; the defaults are the committed run's. */
export interface CrisisCalibrationOptions {
  /** Seed of every simulation. Default 1. */
  seed?: number;
  /** Replications per step of the tuning searches. Default 400. */
  tuneRuns?: number;
  /** Bisection steps per search. Default 12. */
  iterations?: number;
  /** How years without an exercise record are treated (covariates.ts). Default `cycle`. */
  treatment?: ExerciseTreatment;
  /**
   * Called after each step (the launch fit, six tuning searches, then one offset search per non-default
   * structural alternative) with the steps done, the total and what comes next; for progress displays.
   */
  onStep?: (done: number, total: number, next: string) => void;
}

/** Rounds to `digits` significant digits (values written to the scenario stay readable). */
export function roundSig(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

const roundInterval = (i: Interval): Interval => ({ estimate: roundSig(i.estimate), lo: roundSig(i.lo), hi: roundSig(i.hi) });

/**
 * The full calibration (docs/calibration-crisis.md): fits the launch process, then tunes North Korea's baseline
 * propensity β0 to the clash-year target and warGivenClash to P(war | clash-year) by bisection on the model with a
 * fixed seed, all under the default structural alternatives; then fits every other alternative to the same record
 * by offsets in its own changes (crisis/alternatives.ts). The intervals of the tuned values are the values that
 * hit the ends of the targets' intervals. Deterministic in (scenario, inputs, options).
 * Example: `calibrateCrisis(korea, inputs, { seed: 1 })`.
 */
export function calibrateCrisis(s: Scenario, inputs: CrisisCalibrationInputs, o: CrisisCalibrationOptions = {}): { evidence: CrisisEvidence; values: CrisisValues; alternatives: AlternativeCalibration[]; search: { baseline: SearchStep[]; warGivenClash: SearchStep[] } } {
  const others = structuralAlternatives(s).filter((a) => !a.isDefault);
  const total = 7 + others.length;
  const step = (done: number, next: string) => o.onStep?.(done, total, next);
  step(0, 'fitting the launch process');
  const evidence = crisisEvidence(inputs, o.treatment);
  const sim = { runs: o.tuneRuns ?? 400, seed: o.seed ?? 1, iterations: o.iterations ?? 12 };
  const { clash, war, fit } = evidence;
  // A tuned value at the target's estimate, and at its interval's two ends (three searches, three progress steps).
  const tuneInterval = (first: number, name: string, target: Interval, tune: (x: number) => { value: number; steps: SearchStep[] }) => {
    step(first, `tuning ${name}`);
    const mid = tune(target.estimate);
    step(first + 1, `tuning ${name} (low end)`);
    const lo = tune(target.lo).value;
    step(first + 2, `tuning ${name} (high end)`);
    return { mid, lo, hi: tune(target.hi).value };
  };
  const { mid: k, lo: kLo, hi: kHi } = tuneInterval(1, 'the baseline', clash.perDecade, (x) => tuneBaseline(s, x, sim));
  const withK = withCrisisValues(s, { baseline: roundSig(k.value) });
  const { mid: w, lo: wLo, hi: wHi } = tuneInterval(4, 'warGivenClash', war.warGivenClashYear, (x) => tuneWarGivenClash(withK, x, sim));
  const tuned = withCrisisValues(withK, { warGivenClash: roundSig(w.value) });
  const alternatives = others.map((a, k) => {
    step(7 + k, `fitting the alternative ${a.id}`);
    return calibrateAlternative(tuned, a.uncertainty, a.id, evidence.design, clash.perDecade.estimate, { ...sim, round: roundSig });
  });
  step(total, 'done');
  const values: CrisisValues = {
    baseRate: roundInterval(fit.baseRate),
    dispersion: roundInterval(fit.dispersion),
    exerciseLift: roundInterval(fit.exerciseLift),
    dialogueEffect: roundInterval(fit.dialogueEffect),
    baseline: roundInterval({ estimate: k.value, lo: kLo, hi: kHi }),
    warGivenClash: roundInterval({ estimate: w.value, lo: wLo, hi: wHi }),
  };
  return { evidence, values, alternatives, search: { baseline: k.steps, warGivenClash: w.steps } };
}

/** A value of the scenario by path (e.g. `crisis.launches.baseRate`), defaults included. */
export function scenarioValue(s: Scenario, path: string): number {
  const r = resolvePath(path, s.actors.map((a) => a.id));
  if ('error' in r) throw new Error(r.error);
  return getValue(s, r);
}

/** Options of the validation table: seed and replications (the defaults are the committed table's). */
export interface CrisisTableOptions {
  seed?: number;
  launchRuns?: number;
  clashRuns?: number;
  treatment?: ExerciseTreatment;
}

/**
 * The calibration table of the scenario as written (no tuning): docs/calibration-crisis.md as text, with the
 * evidence and the validation it was built from — `validation` for the default alternatives, `alternatives` one
 * per structural alternative (each one's status quo against the record, the same seed).
 * Example: `crisisCalibrationTable(korea, inputs).markdown`.
 */
export function crisisCalibrationTable(s: Scenario, inputs: CrisisCalibrationInputs, o: CrisisTableOptions = {}, evidence = crisisEvidence(inputs, o.treatment)): { evidence: CrisisEvidence; validation: Validation; alternatives: AlternativeValidation[]; markdown: string } {
  const opts = { seed: o.seed ?? 1, launchRuns: o.launchRuns ?? 2000, clashRuns: o.clashRuns ?? 2000 };
  const validate = (x: Scenario) => validateCrisis(x, evidence.design, evidence.clash, evidence.war, opts);
  const listed = structuralAlternatives(s);
  const alternatives: AlternativeValidation[] = listed.length
    ? listed.map((a) => ({ alternative: a, validation: validate(underAlternative(s, a.uncertainty, a.id)) }))
    : [{ validation: validate(s) }];
  // A default alternative's column is the scenario's own status quo (the other uncertainties are at their defaults too).
  const validation = (alternatives.find((a) => !a.alternative || a.alternative.isDefault) ?? { validation: validate(s) }).validation;
  const v = (p: string) => scenarioValue(s, p);
  const values = {
    baseRate: v('crisis.launches.baseRate'), dispersion: v('crisis.launches.dispersion'), exerciseLift: v('crisis.launches.exerciseLift'),
    dialogueEffect: v('crisis.launches.dialogueEffect'), baseline: v('crisis.actors.PRK.baseline'), warGivenClash: v('crisis.ladder.warGivenClash'),
    baselineRange: rangeOf(s.crisis?.actors?.PRK?.baseline), warGivenClashRange: rangeOf(s.crisis?.ladder?.warGivenClash),
    alternativeChanges: calibratedChanges(s),
    baselineRangeCheck: baselineRangeCheck(s, listed, opts),
  };
  return { evidence, validation, alternatives, markdown: renderCrisisCalibration(evidence, alternatives, values, opts) };
}

/**
 * Clash-years per decade of each alternative's status quo with North Korea's baseline at the two ends of its
 * sampled range (the alternatives' offsets added): whether one offset fits the whole range, not only the tuned value.
 */
function baselineRangeCheck(s: Scenario, listed: readonly StructuralAlternative[], o: { seed: number; clashRuns: number }): { alternative: string; atLo: number; atHi: number }[] {
  const range = rangeOf(s.crisis?.actors?.PRK?.baseline);
  if (!range || listed.length < 2) return [];
  const at = (a: StructuralAlternative, b: number) => simulateClashes(underAlternative(withCrisisValues(s, { baseline: b }), a.uncertainty, a.id), { runs: o.clashRuns, seed: o.seed }).clashYearsPerDecade.mean;
  return listed.map((a) => ({ alternative: a.id, atLo: at(a, range[0]), atHi: at(a, range[1]) }));
}

/** The `range` of an annotated parameter, if it has one. */
function rangeOf(param: unknown): [number, number] | undefined {
  const r = param && typeof param === 'object' ? (param as { range?: unknown }).range : undefined;
  return Array.isArray(r) && r.length === 2 ? [Number(r[0]), Number(r[1])] : undefined;
}
