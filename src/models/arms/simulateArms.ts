import { solvePiecewiseAffine, type AffineSegment } from '../../math/affineFlow.js';
import { integratePiecewise, integratePiecewiseInto, type OdeSegment } from '../../math/integratePiecewise.js';
import { eigenSystem, equilibrium, stability, type Stability } from '../../math/eigen.js';
import type { Complex } from '../../math/complex.js';
import { applyChanges } from '../../scenario/apply.js';
import type { Scenario } from '../../scenario/schema.js';
import { expandTimeline } from '../../scenario/timeline.js';
import { buildArms, type ArmsSystem } from './buildArms.js';
import { armsRhs } from './nonlinear.js';
import { armsFailure } from './numericalFailure.js';

export interface SimulateArmsOptions {
  /** Output times in years from the scenario's `start`, non-decreasing, ≥ 0. */
  times: readonly number[];
  /** 'exact' (matrix exponential; alignment fixed), 'nonlinear' (Dormand–Prince with endogenous alignment,
   * transfers and x ≥ 0), or 'auto': nonlinear when the scenario enables endogenous alignment. @default 'auto' */
  mode?: 'auto' | 'exact' | 'nonlinear';
  /** Relative tolerance of the non-linear integration. @default 1e-10 */
  rtol?: number;
  /**
   * The world elasticities are measured against (x⁰, θ⁰, π⁰): the status quo when `s` is a policy variant, so
   * that a policy's changes move threat and protection away from the base year instead of redefining it.
   * @default s itself
   */
  reference?: Scenario;
  /** Also compute eigenvalues, equilibrium and the monthly x ≥ 0 check. Off for inner uses. @default true */
  analysis?: boolean;
}

export interface ArmsTrajectory {
  times: number[];
  /** State keys in state order: `ACTOR.kind`, or actor ids for the direct linear form. */
  labels: string[];
  actors: string[];
  /** series[q][k]: stock q at times[k]. */
  series: number[][];
  mode: 'exact' | 'nonlinear';
  /** Of the system at start (t = 0): x* = −A⁻¹b, or null when A is singular or ill-conditioned. */
  equilibrium: number[] | null;
  eigenvalues: Complex[];
  stability: Stability;
  /** Stocks whose path goes below zero (checked at the outputs and monthly), with the first such time. */
  negative: { label: string; firstTime: number }[];
  /** Alignment w_ij at each output time (non-linear mode only): alignment[k][i·m + j]. */
  alignment?: number[][];
  /** The systems in force, one per stretch between timeline changes. */
  segments: { tStart: number; event?: string }[];
  system: ArmsSystem;
}

/** The longest horizon the arms model simulates, in years (its monthly x ≥ 0 check holds 12 entries a year). */
export const MAX_HORIZON_YEARS = 10_000;

/** One stretch of constant parameters: from `tStart` on, the system built from `scenario` (see `armsStretches`). */
export interface Stretch {
  tStart: number;
  event?: string;
  scenario: Scenario;
  sys: ArmsSystem;
}

/**
 * The stretches of constant parameters: the scenario at start, then after each dated change (repeats expanded),
 * each with its system built against the base year of `reference` (default: `s`). Everything a solve reads
 * of the scenario is in these systems: `simulateStretches` reads nothing else of `s` but its linear form.
 */
export function armsStretches(s: Scenario, reference?: Scenario): Stretch[] {
  // A scenario that is its own reference (the status quo's cell) is built once: against its own base year the
  // system is the one built without a reference, number for number.
  const base = reference && reference !== s ? buildArms(s, referenceSystem(reference)) : buildArms(s);
  const out: Stretch[] = [{ tStart: 0, scenario: s, sys: base }];
  // Only events with changes start a stretch: expanding the others (yearly exercises, statements) would be
  // wasted (expandTimeline's stable sort keeps the changes' order either way).
  for (const e of expandTimeline({ ...s, timeline: s.timeline.filter((e) => e.changes?.length) })) {
    if (e.t < 0) continue;
    const prev = out[out.length - 1];
    const scenario = applyChanges(prev.scenario, e.changes ?? []);
    const sys = buildArms(scenario, base);
    if (e.t === prev.tStart) out[out.length - 1] = { ...prev, scenario, sys, event: e.title };
    else out.push({ tStart: e.t, event: e.title, scenario, sys });
  }
  return out;
}

/**
 * The system of a reference scenario, kept for the next call with the same object: the cells of a future measure
 * every policy against the same status quo. Scenarios are never changed in place (copy on write), so the same
 * object builds the same system.
 */
function referenceSystem(reference: Scenario): ArmsSystem {
  if (lastReference?.scenario !== reference) lastReference = { scenario: reference, sys: buildArms(reference) };
  return lastReference.sys;
}
let lastReference: { scenario: Scenario; sys: ArmsSystem } | undefined;

/**
 * The arms trajectories of DESIGN.md §3.1 at the requested times: exact piecewise solution by the matrix
 * exponential of the augmented matrix across timeline changes, or, with endogenous alignment, Dormand–Prince
 * 5(4) on the extended state [x, w]. A change to a stock's `value` is a jump of the state; other changes rebuild
 * the system (elasticities stay relative to the base year). Example: `simulateArms(s, { times: [0, 1, 2] })`.
 */
export function simulateArms(s: Scenario, options: SimulateArmsOptions): ArmsTrajectory {
  return simulateStretches(s, armsStretches(s, options.reference), options);
}

/** `simulateArms` on stretches already built by `armsStretches(s, options.reference)` (its `reference` is not read). */
export function simulateStretches(s: Scenario, parts: Stretch[], options: SimulateArmsOptions): ArmsTrajectory {
  const times = [...options.times];
  const base = parts[0].sys;
  const n = base.labels.length;
  if (n === 0) return emptyTrajectory(times, base, parts);
  const mode = armsMode(s, parts, options.mode);

  let states: number[][];
  let alignment: number[][] | undefined;
  const horizon = times.reduce((h, t) => Math.max(h, t), 0);
  if (!(horizon <= MAX_HORIZON_YEARS)) throw new RangeError(`simulateArms: the latest output time ${horizon} exceeds the limit of ${MAX_HORIZON_YEARS} years`);
  const analysis = options.analysis ?? true;
  // The monthly x ≥ 0 check's times, only when the analysis is asked for.
  const monthly = analysis ? Array.from({ length: Math.floor(horizon * 12) + 1 }, (_, k) => k / 12) : [];
  let checkStates: number[][];
  if (mode === 'exact') {
    const segs: AffineSegment[] = parts.map((p, k) => {
      const changed = jumpedStocks(parts, k);
      return {
        tStart: p.tStart,
        A: p.sys.A,
        b: p.sys.b,
        reset: changed ? (x: Float64Array) => x.map((v, q) => (changed.includes(q) ? p.sys.x0[q] : v)) : undefined,
      };
    });
    const solve = (ts: number[]) => solvePiecewiseAffine(segs, base.x0, ts);
    states = solveOrLocate(solve, times, base.labels);
    checkStates = analysis ? solveOrLocate(solve, monthly, base.labels) : [];
  } else {
    const segs = odeSegments(parts);
    const y0 = initialState(base);
    const rtol = options.rtol ?? 1e-10;
    const solve = (ts: number[]) => integratePiecewise(segs, y0, ts, { rtol, atol: 1e-10 }).states;
    // The monthly check rides on the same integration when both lists end at the same time: the steps depend
    // on the last time only (dense output), so each state is the one a separate solve would give, bit for bit.
    const together = analysis && times.length > 0 && monthly[monthly.length - 1] === times[times.length - 1] && times.every((t, k) => k === 0 || t >= times[k - 1]);
    const [res, check] = together ? splitSolve(solve, times, monthly, base.labels) : [solveOrLocate(solve, times, base.labels), analysis ? solveOrLocate(solve, monthly, base.labels) : []];
    states = res.map((y) => y.slice(0, n));
    alignment = res.map((y) => y.slice(n));
    checkStates = check;
  }

  const negative: { label: string; firstTime: number }[] = [];
  for (let q = 0; q < n; q++) {
    const k = checkStates.findIndex((x) => x[q] < 0);
    const ko = states.findIndex((x) => x[q] < 0);
    const first = Math.min(k >= 0 ? monthly[k] : Infinity, ko >= 0 ? times[ko] : Infinity);
    if (first < Infinity) negative.push({ label: base.labels[q], firstTime: first });
  }

  const eig = analysis ? eigenSystem(base.A) : { values: [] };
  return {
    times,
    labels: base.labels,
    actors: base.actors,
    series: base.labels.map((_, q) => states.map((x) => x[q])),
    mode,
    equilibrium: analysis ? equilibrium(base.A, base.b) : null,
    eigenvalues: eig.values,
    stability: analysis ? stability(eig.values) : { verdict: 'neutral', stable: false, maxRealPart: 0, margin: 0 },
    negative,
    alignment,
    segments: parts.map((p) => ({ tStart: p.tStart, event: p.event })),
    system: base,
  };
}

/** The mode `simulateStretches` solves in: exact for the linear form or when asked, else non-linear when asked or with endogenous alignment. */
export function armsMode(s: Scenario, parts: readonly Stretch[], requested: SimulateArmsOptions['mode'] = 'auto'): 'exact' | 'nonlinear' {
  if (s.arms?.linear || requested === 'exact') return 'exact';
  return requested === 'nonlinear' || parts[0].sys.params.endogenous ? 'nonlinear' : 'exact';
}

/** The stocks whose `value` the event starting stretch k changes (they jump to the new value), or undefined. */
function jumpedStocks(parts: readonly Stretch[], k: number): number[] | undefined {
  if (k === 0) return undefined;
  const before = parts[k - 1].sys.x0, after = parts[k].sys.x0;
  const changed = [...after.keys()].filter((q) => after[q] !== before[q]);
  return changed.length ? changed : undefined;
}

/** The non-linear mode's ODE on the extended state [x, w], one segment per stretch. */
function odeSegments(parts: readonly Stretch[]): OdeSegment[] {
  const base = parts[0].sys;
  const n = base.labels.length, m = base.actors.length;
  const opts = { endogenous: base.params.endogenous, nonNegative: base.params.nonNegative };
  return parts.map((p, k) => {
    const changed = jumpedStocks(parts, k);
    const prevW = k > 0 ? parts[k - 1].sys.params.alignment : undefined;
    const newW = p.sys.params.alignment;
    return {
      tStart: p.tStart,
      f: armsRhs(p.sys, opts),
      reset:
        k === 0
          ? undefined
          : (y: Float64Array) => {
              const out = Float64Array.from(y);
              for (const q of changed ?? []) out[q] = p.sys.x0[q];
              // Alignments an event sets explicitly replace the evolving value; the rest evolve on.
              for (let e = 0; e < m * m; e++) if (newW[e] !== prevW![e]) out[n + e] = newW[e];
              return out;
            },
    };
  });
}

/** The extended state [x⁰, w⁰] at start. */
function initialState(base: ArmsSystem): Float64Array {
  const n = base.labels.length, m = base.actors.length;
  const y0 = new Float64Array(n + m * m);
  y0.set(base.x0);
  y0.set(base.params.alignment, n);
  return y0;
}

/**
 * The non-linear solve of `simulateStretches` (no analysis) at `times`, written into `out`: row k, of length
 * n + m², holds [x, w] at times[k] — the same numbers as its `series` and `alignment`, without building them.
 * For the threat path, which solves every cell. Returns false, leaving the error to `simulateStretches`, when
 * that would throw: the stretches have no stocks or are not solved non-linearly, a time is past the horizon
 * limit, the integration fails or a stock is not finite.
 */
export function solveStretchesInto(s: Scenario, parts: readonly Stretch[], times: readonly number[], rtol: number, out: Float64Array): boolean {
  const base = parts[0].sys;
  const n = base.labels.length, dim = n + base.actors.length ** 2;
  if (n === 0 || armsMode(s, parts) !== 'nonlinear') return false;
  if (!(times.reduce((h, t) => Math.max(h, t), 0) <= MAX_HORIZON_YEARS)) return false;
  try {
    integratePiecewiseInto(odeSegments(parts), initialState(base), times, out, { rtol, atol: 1e-10 });
  } catch {
    return false;
  }
  for (let k = 0; k < times.length; k++) for (let q = 0; q < n; q++) if (!Number.isFinite(out[k * dim + q])) return false;
  return true;
}

/** Solves at `times`; a throw or a non-finite state becomes a NumericalError naming the stock and the time. */
function solveOrLocate<T extends ArrayLike<number>>(solve: (times: number[]) => T[], times: number[], labels: string[]): T[] {
  let states: T[];
  try {
    states = solve(times);
  } catch {
    throw armsFailure((ts) => solve(ts).map((x) => Array.from(x)), times, labels);
  }
  for (const x of states) {
    for (let q = 0; q < labels.length; q++) if (!Number.isFinite(x[q])) throw armsFailure((ts) => solve(ts).map((y) => Array.from(y)), times, labels);
  }
  return states;
}

/**
 * Solves at the union of two non-decreasing output lists with one call, returning each list's states. A failure is
 * located on `first` alone, as a separate solve would (the bisection does not depend on the other list).
 */
export function splitSolve(solve: (times: number[]) => number[][], first: number[], second: number[], labels: string[]): [number[][], number[][]] {
  const all = [...first.map((t, k) => ({ t, k, of: 0 })), ...second.map((t, k) => ({ t, k, of: 1 }))].sort((a, b) => a.t - b.t);
  let states: number[][];
  try {
    states = solveOrLocate(solve, all.map((e) => e.t), labels);
  } catch {
    // The first list fails where it would fail alone; if it does not, the second one fails as it would. If
    // neither fails (the joint solve should not fail alone: its steps are theirs), their states are the answer.
    return [solveOrLocate(solve, first, labels), solveOrLocate(solve, second, labels)];
  }
  const out: [number[][], number[][]] = [new Array(first.length), new Array(second.length)];
  all.forEach((e, j) => (out[e.of][e.k] = states[j]));
  return out;
}

/** A scenario without capability stocks: nothing moves, nothing to analyse; every command reports it the same way. */
function emptyTrajectory(times: number[], base: ArmsSystem, parts: Stretch[]): ArmsTrajectory {
  return {
    times,
    labels: [],
    actors: base.actors,
    series: [],
    mode: 'exact',
    equilibrium: [],
    eigenvalues: [],
    stability: { verdict: 'neutral', stable: false, maxRealPart: 0, margin: 0 },
    negative: [],
    segments: parts.map((p) => ({ tStart: p.tStart, event: p.event })),
    system: base,
  };
}
