import type { BoxLimits } from './primBox.js';

/** A candidate move: the new limits and the weight of cases of interest and in total it leaves in the box. */
export interface Move {
  limits: BoxLimits;
  weight: number;
  interest: number;
  /** Restricted dimensions after the move (ties go to fewer). */
  restricted: number;
}

/**
 * The move with the largest objective — the density gain per weight removed or added, the EMA Workbench's
 * "lenient 1" objective (mean_new − mean_old)/|n_old − n_new| — ties going to fewer restricted dimensions, then to
 * the earlier candidate. Example: `bestMove(moves, 20, 6)?.move`.
 */
export function bestMove<M extends Pick<Move, 'weight' | 'interest' | 'restricted'>>(moves: Iterable<M>, weight: number, interest: number): { move: M; obj: number } | null {
  const meanOld = interest / weight;
  let best: { move: M; obj: number } | null = null;
  for (const move of moves) {
    const meanNew = move.weight > 0 ? move.interest / move.weight : 0;
    const change = Math.abs(weight - move.weight);
    const obj = change > 0 && meanNew !== meanOld ? (meanNew - meanOld) / change : 0;
    if (!best || obj > best.obj || (obj === best.obj && move.restricted < best.move.restricted)) best = { move, obj };
  }
  return best;
}
