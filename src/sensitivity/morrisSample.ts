import { streamFor } from '../math/rng/index.js';
import { DUMMY_NAME, factorGroups, scaleToBounds, type InputBound } from './inputs.js';

/** Options of {@link morrisSample}. */
export interface MorrisSampleOptions {
  /** Trajectories r (at least 2); the model runs r·(G+1) times for G factors (the dummy included). */
  trajectories: number;
  /** Grid levels p (even, ≥ 2); the step is Δ = p/(2(p−1)) of each range. Default 4 (Δ = 2/3). */
  levels?: number;
  /** Seed: trajectory t draws from `streamFor(seed, MORRIS_KEY, t)`. Default 1. */
  seed?: number;
  /** One group name per input (aligned with the bounds): a group's inputs move together, by Δ in one direction. */
  groups?: readonly string[];
  /** Add the dummy factor (a step that changes no input; its effects are the noise floor). Default true. */
  dummy?: boolean;
}

/** The stream key of the Morris trajectories. */
export const MORRIS_KEY = 2 ** 42 + 3;

/** How a Morris design is laid out: r trajectories of `rowsPerTrajectory` consecutive rows. */
export interface MorrisLayout {
  trajectories: number;
  levels: number;
  /** The step Δ = p/(2(p−1)), as a share of each input's range. */
  delta: number;
  /** Factor names (groups or inputs), the dummy last when present. */
  factors: string[];
  /** members[g]: the input columns factor g moves (empty for the dummy). */
  members: number[][];
  dummy: boolean;
  /** G + 1 rows per trajectory. */
  rowsPerTrajectory: number;
  /** order[t]: the factors in the order trajectory t moves them. */
  order: number[][];
  /** direction[t][g]: +1 if factor g moves up in trajectory t, −1 if down. */
  direction: number[][];
}

/** A Morris design: unit-cube rows on the p-level grid, the same rows in the inputs' ranges, and the layout. */
export interface MorrisDesign {
  unit: number[][];
  X: number[][];
  layout: MorrisLayout;
}

/**
 * Morris's one-at-a-time trajectories (Morris 1991, Technometrics 33, 161–174; groups as Campolongo, Cariboni &
 * Saltelli 2007, Env. Modelling & Software 22, 1509–1518): on the grid {0, 1/(p−1), …, 1} each trajectory starts
 * at a random grid point x* with x* + Δ ≤ 1, then moves the factors one at a time, in a random order and each in
 * a random direction, by Δ = p/(2(p−1)); the G+1 points give one elementary effect per factor. The trajectories
 * are independent random draws (no spread optimisation).
 * Example: `morrisSample(bounds, { trajectories: 20, seed: 7 }).X` (20·(k+2) rows with the dummy).
 */
export function morrisSample(bounds: readonly InputBound[], options: MorrisSampleOptions): MorrisDesign {
  const groups = factorGroups(bounds, options.groups);
  const r = options.trajectories;
  const p = options.levels ?? 4;
  if (!Number.isInteger(r) || r < 2) throw new RangeError(`morrisSample: trajectories must be an integer ≥ 2, got ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`morrisSample: levels must be an even integer ≥ 2, got ${p}`);
  const dummy = options.dummy ?? true;
  const delta = p / (2 * (p - 1));
  const members = dummy ? [...groups.members, []] : groups.members;
  const G = members.length;
  const k = bounds.length;
  const seed = options.seed ?? 1;
  const baseLevels = p / 2; // grid levels j/(p−1) with j/(p−1) + Δ ≤ 1: j = 0 … p/2 − 1
  const unit: number[][] = [];
  const order: number[][] = [];
  const direction: number[][] = [];
  for (let t = 0; t < r; t++) {
    const rng = streamFor(seed, MORRIS_KEY, t);
    const base = Array.from({ length: k }, () => Math.floor(rng.nextDouble() * baseLevels) / (p - 1));
    const dir = Array.from({ length: G }, () => (rng.nextDouble() < 0.5 ? -1 : 1));
    const perm = Array.from({ length: G }, (_, g) => g);
    for (let g = G - 1; g > 0; g--) {
      const j = Math.floor(rng.nextDouble() * (g + 1));
      [perm[g], perm[j]] = [perm[j], perm[g]];
    }
    // Inputs that move down start one step up, so every point stays on the grid inside [0, 1].
    const x = base.map((b, i) => (dir[groups.factorOf[i]] < 0 ? b + delta : b));
    unit.push(x.slice());
    for (const g of perm) {
      for (const i of members[g]) x[i] = dir[g] < 0 ? base[i] : base[i] + delta;
      unit.push(x.slice());
    }
    order.push(perm);
    direction.push(dir);
  }
  return {
    unit,
    X: unit.map((u) => scaleToBounds(u, bounds)),
    layout: {
      trajectories: r,
      levels: p,
      delta,
      factors: dummy ? [...groups.names, DUMMY_NAME] : groups.names,
      members,
      dummy,
      rowsPerTrajectory: G + 1,
      order,
      direction,
    },
  };
}
