import { boxTotals, describeLimits, dimName, initialLimits, restrictedDims, type BoxLimits, type PrimLimit } from './primBox.js';
import { preparePrimData, type PrimDataOptions, type PrimRow } from './primData.js';
import { pasteCandidates } from './primPaste.js';
import { bestMove } from './primObjective.js';
import { peel } from './primPeel.js';
import { quasiPValues, type PrimQuasiP } from './primQuasiP.js';

/** Options of {@link prim}. */
export interface PrimOptions extends PrimDataOptions {
  /** Share of the box's weight each peel removes (the quantile cut). Default 0.05. */
  peelAlpha?: number;
  /** Share of the strip outside a limit each paste adds back. Default 0.05. */
  pasteAlpha?: number;
  /** Smallest mass (share of the total weight) a box may keep. Default 0.05. */
  massMin?: number;
  /** Density target: the chosen box is the one of largest coverage with density ≥ threshold. Default 0.8. */
  threshold?: number;
  /** Run the pasting phase after peeling. Default true. */
  paste?: boolean;
}

/** One box on the peeling trajectory. */
export interface PrimStep {
  /** Position on the trajectory (0 = the box of all rows). */
  index: number;
  phase: 'initial' | 'peel' | 'paste';
  /** Share of all cases of interest inside the box (weighted). */
  coverage: number;
  /** Share of the box's weight that is a case of interest. */
  density: number;
  /** Share of the total weight inside the box. */
  mass: number;
  /** Rows inside the box. */
  rows: number;
  /** Names of the restricted inputs, in column order (numeric first). */
  restricted: string[];
  /** The limits of the restricted inputs. */
  limits: Record<string, PrimLimit>;
}

/** The outcome of {@link prim}. */
export interface PrimResult {
  trajectory: PrimStep[];
  /** Index of the chosen box on the trajectory. */
  chosen: number;
  box: PrimStep;
  /** Whether the chosen box reaches the density threshold (if not, it is the densest box). */
  thresholdMet: boolean;
  /** Quasi-p-values of the chosen box's restrictions, by input name. */
  quasiP: Record<string, PrimQuasiP>;
  /** The limits of the box of all rows, on every input. */
  initial: Record<string, PrimLimit>;
  /** Rows (of positive weight), total weight, weight of the cases of interest, and their share (the base density). */
  totals: { rows: number; weight: number; interest: number; density: number };
  options: { peelAlpha: number; pasteAlpha: number; massMin: number; threshold: number; paste: boolean };
}

/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999, Statistics and Computing 9, 123–143), for
 * scenario discovery as the EMA Workbench applies it (Bryant & Lempert 2010; Kwakkel & Jaxa-Rozen 2016): starting
 * from the box of all rows, each peel tries, on every input, cutting the lowest and the highest `peelAlpha` of the
 * box's weight (at `workbenchQuantile` cuts) or, for a categorical input, removing one category, and takes the
 * move with the largest gain in density per weight removed (the Workbench's "lenient 1" objective; ties go to
 * fewer restricted inputs); it stops when no move gains or the mass would fall below `massMin`. Pasting then
 * widens the last box one limit (or category) at a time while the density rises. Every box is kept on the
 * trajectory; the chosen box has the largest coverage (then density) among those with density ≥ `threshold` (else
 * the densest), with quasi-p-values of its restrictions. One box; the case of interest is y (boolean or 0/1), or
 * y > above / y < below.
 * Cost O(steps · inputs · rows). Example: `prim(rows, pWar, { above: 0.05 }).box.limits`.
 */
export function prim(x: readonly PrimRow[], y: readonly (number | boolean)[], options: PrimOptions = {}): PrimResult {
  const opts = { peelAlpha: options.peelAlpha ?? 0.05, pasteAlpha: options.pasteAlpha ?? 0.05, massMin: options.massMin ?? 0.05, threshold: options.threshold ?? 0.8, paste: options.paste ?? true };
  for (const [key, v] of [['peelAlpha', opts.peelAlpha], ['pasteAlpha', opts.pasteAlpha]] as const) {
    if (!(v > 0 && v < 0.5)) throw new RangeError(`prim: ${key} must lie in (0, 0.5), got ${v}`);
  }
  if (!(opts.massMin >= 0 && opts.massMin < 1)) throw new RangeError(`prim: massMin must lie in [0, 1), got ${opts.massMin}`);
  if (!(opts.threshold >= 0 && opts.threshold <= 1)) throw new RangeError(`prim: threshold must lie in [0, 1], got ${opts.threshold}`);
  const data = preparePrimData(x, y, options);
  const boxes: { limits: BoxLimits; weight: number; interest: number; rows: number; phase: PrimStep['phase'] }[] = [];
  const peeled = peel(data, opts.peelAlpha, opts.massMin, (limits, weight, interest, rows) => boxes.push({ limits, weight, interest, rows, phase: boxes.length === 0 ? 'initial' : 'peel' }));
  if (opts.paste) {
    let current = { limits: peeled.limits, weight: peeled.weight, interest: peeled.interest };
    for (;;) {
      const best = bestMove(pasteCandidates(data, current.limits, opts.pasteAlpha), current.weight, current.interest);
      if (!best || best.obj <= 0 || best.move.weight / data.totalWeight < opts.massMin || !(best.move.weight > current.weight)) break;
      if (!(best.move.interest / best.move.weight > current.interest / current.weight)) break;
      current = best.move;
      boxes.push({ limits: best.move.limits, weight: best.move.weight, interest: best.move.interest, rows: boxTotals(data, best.move.limits, restrictedDims(data, best.move.limits)).rows, phase: 'paste' });
    }
  }
  const trajectory = boxes.map((b, index): PrimStep => {
    const dims = restrictedDims(data, b.limits);
    return {
      index,
      phase: b.phase,
      coverage: data.interestWeight > 0 ? b.interest / data.interestWeight : 0,
      density: b.weight > 0 ? b.interest / b.weight : 0,
      mass: b.weight / data.totalWeight,
      rows: b.rows,
      restricted: dims.map((d) => dimName(data, d)),
      limits: describeLimits(data, b.limits, dims),
    };
  });
  const meeting = trajectory.filter((s) => s.density >= opts.threshold);
  // Largest coverage, then density (same coverage, denser box), among the boxes that meet the target; else densest.
  const better = (a: PrimStep, b: PrimStep) => (meeting.length > 0 ? a.coverage > b.coverage || (a.coverage === b.coverage && a.density > b.density) : a.density > b.density || (a.density === b.density && a.coverage > b.coverage));
  const box = (meeting.length > 0 ? meeting : trajectory).reduce((best, s) => (better(s, best) ? s : best));
  const all = Array.from({ length: data.numeric.length + data.categorical.length }, (_, d) => d);
  return {
    trajectory,
    chosen: box.index,
    box,
    thresholdMet: meeting.length > 0,
    quasiP: quasiPValues(data, boxes[box.index].limits),
    initial: describeLimits(data, initialLimits(data), all),
    totals: { rows: data.n, weight: data.totalWeight, interest: data.interestWeight, density: data.interestWeight / data.totalWeight },
    options: opts,
  };
}
