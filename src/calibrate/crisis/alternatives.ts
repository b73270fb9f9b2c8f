import { CRISIS_STRATEGIES } from '../../models/crisis/strategies.js';
import { applyStructural } from '../../scenario/apply.js';
import { CALIBRATION_SOURCE_ID } from '../../scenario/calibrationSources.js';
import { strategyIds } from '../../scenario/catalog.js';
import type { Change, Scenario } from '../../scenario/schema.js';
import { bisectOnModel, simulateClashes, type ClashSimOptions, type SearchStep } from './clashTuning.js';
import type { LaunchDesign } from './covariates.js';
import { fitLaunches } from './launches.js';
import type { Validation } from './validation.js';

// Each structural alternative (what kind of actor North Korea is) is fitted to the same record as the default
// (issue 13 §3): the default alternative carries the tuned values themselves, every other alternative carries
// offsets — `scale` of the launch rate, `add` to the dispersion and to the baseline propensity — in its own
// `changes`, so the sampled ranges stay alive (an `add` or `scale` keeps the sampled value, a `set` would not).

/** One structural alternative: the uncertainty it belongs to, its id and title, whether it is the default. */
export interface StructuralAlternative {
  uncertainty: string;
  id: string;
  title: string;
  isDefault: boolean;
}

/** Every alternative of every structural uncertainty of the scenario, in the order the scenario lists them. */
export function structuralAlternatives(s: Scenario): StructuralAlternative[] {
  return (s.uncertainties?.structural ?? []).flatMap((u) => u.alternatives.map((a) => ({ uncertainty: u.id, id: a.id, title: a.title, isDefault: a.id === u.default })));
}

/** The validation of one structural alternative's status quo (the scenario's own when it has none). */
export interface AlternativeValidation {
  /** Undefined for a scenario without structural uncertainties. */
  alternative?: StructuralAlternative;
  validation: Validation;
}

/**
 * The scenario with `alternative` as the default of `uncertainty` (the other uncertainties at their defaults), so
 * that everything that runs the status quo (crisisScenario, the validation) runs this alternative.
 * Example: `underAlternative(korea, 'prk-type', 'regime-driven')`.
 */
export function underAlternative(s: Scenario, uncertainty: string, alternative: string): Scenario {
  const out = structuredClone(s);
  const u = out.uncertainties?.structural.find((x) => x.id === uncertainty);
  if (!u || !u.alternatives.some((a) => a.id === alternative)) throw new Error(`no structural alternative ${uncertainty}/${alternative}`);
  u.default = alternative;
  return out;
}

/** A change the calibration writes into an alternative: an `add` or a `scale` of one parameter, with its reason. */
export interface CalibratedChange {
  path: string;
  add?: number;
  scale?: number;
  note: string;
}

/**
 * The scenario with the alternative's changes to the paths of `changes` replaced by `changes` (appended after the
 * alternative's other changes, marked with the calibration source). Other alternatives are untouched.
 */
export function withAlternativeChanges(s: Scenario, uncertainty: string, alternative: string, changes: readonly CalibratedChange[]): Scenario {
  const out = structuredClone(s);
  const alt = out.uncertainties?.structural.find((x) => x.id === uncertainty)?.alternatives.find((a) => a.id === alternative);
  if (!alt) throw new Error(`no structural alternative ${uncertainty}/${alternative}`);
  const paths = new Set(changes.map((c) => c.path));
  alt.changes = [...alt.changes.filter((c) => !paths.has(c.path)), ...changes.map((c): Change => ({ ...c, source: CALIBRATION_SOURCE_ID }))];
  return out;
}

/** The changes of each alternative that the calibration wrote (source `crisis-calibration`), as the scenario holds them. */
export function calibratedChanges(s: Scenario): { uncertainty: string; alternative: string; changes: Change[] }[] {
  return (s.uncertainties?.structural ?? []).flatMap((u) =>
    u.alternatives.map((a) => ({ uncertainty: u.id, alternative: a.id, changes: a.changes.filter((c) => c.source === CALIBRATION_SOURCE_ID) })).filter((x) => x.changes.length > 0),
  );
}

/** Whether the launch actor of the scenario's status quo (default alternatives applied) reads threat and exercises. */
export function launcherReadsThreat(s: Scenario): boolean {
  const out = applyStructural(s);
  const actor = out.crisis?.launches?.actor;
  const strategy = (actor && out.crisis?.actors?.[actor]?.strategy) || 'reciprocator';
  return CRISIS_STRATEGIES[strategyIds.indexOf(strategy)].readsThreat;
}

/** What the calibration of one non-default alternative found: the changes it writes and the offset search. */
export interface AlternativeCalibration {
  uncertainty: string;
  alternative: string;
  changes: CalibratedChange[];
  search: SearchStep[];
}

/** Options of an alternative's calibration: the simulation of the searches and the bisection. */
export interface AlternativeCalibrationOptions extends ClashSimOptions {
  /** Bisection steps of the offset search. Default 12. */
  iterations?: number;
  /** Rounds a value for writing (significant digits). */
  round: (x: number) => number;
}

const BASELINE_OFFSET_RANGE: [number, number] = [-4, 4];

/**
 * Calibrates one non-default alternative on the scenario `s`, whose default alternatives carry the tuned values:
 * (1) when the alternative's launch actor ignores exercises and threat and the default's does not (or the other
 * way round), the launch process is refitted under the alternative's own launch model (NB2 with or without the
 * exercise regressor, fitLaunches) and the ratio of the base rates and the difference of the dispersions become a
 * `scale` and an `add`; (2) an `add` to the actor's baseline propensity β0 is tuned by bisection on the model
 * (fixed seed) so that the alternative's status quo gives `clashTarget` clash-years per decade.
 * Example: `calibrateAlternative(korea, 'prk-type', 'regime-driven', design, 4, { runs: 400, seed: 1, round })`.
 */
export function calibrateAlternative(s: Scenario, uncertainty: string, alternative: string, design: LaunchDesign, clashTarget: number, o: AlternativeCalibrationOptions): AlternativeCalibration {
  const actor = o.actor ?? 'PRK';
  const baselinePath = `crisis.actors.${actor}.baseline`;
  const reads = launcherReadsThreat(underAlternative(s, uncertainty, alternative));
  const changes: CalibratedChange[] = [];
  if (s.crisis?.launches && reads !== launcherReadsThreat(s)) {
    const own = fitLaunches(design, { exercise: reads });
    const shared = fitLaunches(design, { exercise: !reads });
    const blind = reads ? 'reads exercises and threat' : 'ignores exercises and threat';
    changes.push(
      { path: 'crisis.launches.baseRate', scale: o.round(own.baseRate.estimate / shared.baseRate.estimate), note: `Under this alternative the launcher ${blind}: NB2 refitted to CNS 2012–2019 ${reads ? 'with' : 'without'} the exercise regressor gives base rate ${o.round(own.baseRate.estimate)} against ${o.round(shared.baseRate.estimate)}; the ratio scales the sampled rate.` },
      { path: 'crisis.launches.dispersion', add: o.round(own.dispersion.estimate - shared.dispersion.estimate), note: `The same refit gives dispersion α ${o.round(own.dispersion.estimate)} against ${o.round(shared.dispersion.estimate)}; the difference is added to the sampled α.` },
    );
  }
  const at = (offset: number) => withAlternativeChanges(s, uncertainty, alternative, [...changes, { path: baselinePath, add: offset, note: '' }]);
  const r = bisectOnModel((x) => simulateClashes(underAlternative(at(x), uncertainty, alternative), o).clashYearsPerDecade.mean, clashTarget, BASELINE_OFFSET_RANGE[0], BASELINE_OFFSET_RANGE[1], o.iterations ?? 12, false);
  changes.push({ path: baselinePath, add: o.round(r.value), note: `Tuned on the model (fixed seed) so that this alternative's status quo gives ${o.round(clashTarget)} clash-years per decade, as the default does (COW MID 1990–2014); added to the sampled baseline.` });
  return { uncertainty, alternative, changes, search: r.steps };
}
