import { copyLimits, describeLimits, dimName, initialLimits, isRestricted, restrictedDims, type BoxLimits, type PrimLimit } from './primBox.js';
import { preparePrimData, type PrimData, type PrimDataOptions, type PrimRow } from './primData.js';
import { pasteCandidates } from './primPaste.js';
import { workbenchQuantile } from './primQuantile.js';
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

/** A candidate move: the new limits and the weight of cases of interest and in total it leaves in the box. */
export interface Move {
  limits: BoxLimits;
  weight: number;
  interest: number;
  /** Restricted dimensions after the move (ties go to fewer). */
  restricted: number;
}

/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999, Statistics and Computing 9, 123–143), for
 * scenario discovery as the EMA Workbench applies it (Bryant & Lempert 2010; Kwakkel & Jaxa-Rozen 2016): starting
 * from the box of all rows, each peel tries, on every input, cutting the lowest and the highest `peelAlpha` of the
 * box's weight (at {@link workbenchQuantile} cuts) or, for a categorical input, removing one category, and takes the
 * move with the largest gain in density per weight removed (the Workbench's "lenient 1" objective; ties go to
 * fewer restricted inputs); it stops when no move gains or the mass would fall below `massMin`. Pasting then
 * widens the last box one limit (or category) at a time while the density rises. Every box is kept on the
 * trajectory; the chosen box has the largest coverage (then density) among those with density ≥ `threshold` (else
 * the densest),
 * with quasi-p-values of its restrictions. One box; the case of interest is y (boolean/0-1) or y > above / y < below.
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
      boxes.push({ limits: best.move.limits, weight: best.move.weight, interest: best.move.interest, rows: countRows(data, best.move.limits), phase: 'paste' });
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

/** The move with the largest objective, (density gain) / (weight change), ties to fewer restricted dimensions. */
export function bestMove(moves: Iterable<Move>, weight: number, interest: number): { move: Move; obj: number } | null {
  const meanOld = interest / weight;
  let best: { move: Move; obj: number } | null = null;
  for (const move of moves) {
    const meanNew = move.weight > 0 ? move.interest / move.weight : 0;
    const change = Math.abs(weight - move.weight);
    const obj = change > 0 && meanNew !== meanOld ? (meanNew - meanOld) / change : 0;
    if (!best || obj > best.obj || (obj === best.obj && move.restricted < best.move.restricted)) best = { move, obj };
  }
  return best;
}

/** Rows inside the box (for the trajectory's record). */
function countRows(data: PrimData, b: BoxLimits): number {
  const dims = restrictedDims(data, b);
  let rows = 0;
  for (let r = 0; r < data.n; r++) {
    let inside = true;
    for (const d of dims) {
      const J = data.numeric.length;
      const ok = d < J ? b.lower[d] <= data.numeric[d].values[r] && data.numeric[d].values[r] <= b.upper[d] : b.allowed[d - J][data.categorical[d - J].codes[r]] === 1;
      if (!ok) { inside = false; break; }
    }
    if (inside) rows++;
  }
  return rows;
}

/**
 * The peeling phase: reports every accepted box (the first is the box of all rows) through `record` and returns
 * the last. Keeps, per numeric column, the box's rows in value order, so each step costs O(inputs · box rows).
 */
function peel(data: PrimData, alpha: number, massMin: number, record: (limits: BoxLimits, weight: number, interest: number, rows: number) => void): { limits: BoxLimits; weight: number; interest: number } {
  const { w, y } = data;
  const J = data.numeric.length;
  let limits = initialLimits(data);
  let sorted = data.numeric.map((c) => c.order.slice());
  let members = Int32Array.from({ length: data.n }, (_, r) => r);
  const inBox = new Uint8Array(data.n).fill(1);
  let weight = data.totalWeight;
  let interest = data.interestWeight;
  record(limits, weight, interest, members.length);
  for (;;) {
    const restrictedNow = restrictedDims(data, limits);
    const moves: (Move & { remove: (r: number) => boolean })[] = [];
    for (let j = 0; j < J; j++) {
      const order = sorted[j];
      const values = data.numeric[j].values;
      const m = order.length;
      const value = (p: number) => values[order[p]];
      const weightAt = (p: number) => w[order[p]];
      for (const side of ['upper', 'lower'] as const) {
        const cut = workbenchQuantile(value, weightAt, m, side === 'upper' ? 1 - alpha : alpha, weight);
        let removedW = 0, removedI = 0;
        if (side === 'lower') for (let p = 0; p < m && values[order[p]] < cut; p++) { removedW += w[order[p]]; removedI += w[order[p]] * y[order[p]]; }
        else for (let p = m - 1; p >= 0 && values[order[p]] > cut; p--) { removedW += w[order[p]]; removedI += w[order[p]] * y[order[p]]; }
        const next = copyLimits(limits);
        if (side === 'lower') next.lower[j] = cut;
        else next.upper[j] = cut;
        moves.push({ limits: next, weight: weight - removedW, interest: interest - removedI, restricted: restrictedNow.length + (!restrictedNow.includes(j) && isRestricted(data, next, j) ? 1 : 0), remove: side === 'lower' ? (r) => values[r] < cut : (r) => values[r] > cut });
      }
    }
    data.categorical.forEach((col, c) => {
      const K = col.labels.length;
      const allowedCount = limits.allowed[c].reduce((a, v) => a + v, 0);
      if (allowedCount < 2) return;
      const catW = new Float64Array(K), catI = new Float64Array(K);
      for (const r of members) { catW[col.codes[r]] += w[r]; catI[col.codes[r]] += w[r] * y[r]; }
      for (let k = 0; k < K; k++) {
        if (!limits.allowed[c][k]) continue;
        const next = copyLimits(limits);
        next.allowed[c][k] = 0;
        moves.push({ limits: next, weight: weight - catW[k], interest: interest - catI[k], restricted: restrictedNow.length + (restrictedNow.includes(J + c) ? 0 : 1), remove: (r) => col.codes[r] === k });
      }
    });
    const best = bestMove(moves, weight, interest);
    if (!best || best.obj <= 0) break;
    const mass = best.move.weight / data.totalWeight;
    if (mass < massMin || !(best.move.weight < weight)) break;
    const remove = (best.move as (typeof moves)[number]).remove;
    for (const r of members) if (remove(r)) inBox[r] = 0;
    members = members.filter((r) => inBox[r] === 1);
    sorted = sorted.map((order) => order.filter((r) => inBox[r] === 1));
    limits = best.move.limits;
    // Recount rather than subtract, so weights that are not integers do not drift.
    weight = 0;
    interest = 0;
    for (const r of members) { weight += w[r]; interest += w[r] * y[r]; }
    record(limits, weight, interest, members.length);
  }
  return { limits, weight, interest };
}
