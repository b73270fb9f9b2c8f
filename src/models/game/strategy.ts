import type { RandomSource } from '../../math/rng/index.js';
import type { Payoffs } from './payoffs.js';

/**
 * One decision: the action (0 = C, 1 = D) to play on turn `t` (0-based), given the player's own past actions
 * `own[0..t)` and the opponent's past actions as this player perceived them `seen[0..t)`. Histories are the
 * match's buffers and longer than `t`: read only below `t`. Stochastic players draw from `rng`, the match's
 * stream; deterministic players never touch it.
 */
export type Decide = (t: number, own: Uint8Array, seen: Uint8Array, rng: RandomSource) => number;

/** What a player may know before a match: the stage game (Generous Tit For Tat derives its generosity from it). */
export interface MatchContext {
  payoffs: Payoffs;
}

/**
 * A strategy as a small registry unit (STYLE.md §7.9): identity, metadata, citation, and a factory of
 * per-match decision functions (which may keep private state, e.g. a grudge).
 */
export interface Strategy {
  /** CLI id, e.g. `tit-for-tat`. */
  id: string;
  /** Display name as the Axelrod library spells it, e.g. `Tit For Tat`. */
  name: string;
  /** How many past rounds the rule reads (Infinity when it keeps a grudge or other long state). */
  memoryDepth: number;
  /** True when the rule draws random numbers. */
  stochastic: boolean;
  /** First move and rule in one sentence. */
  rule: string;
  /** Where the rule comes from. */
  citation: string;
  /** A fresh decision function for one match. */
  create(context: MatchContext): Decide;
}
