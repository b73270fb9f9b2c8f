import type { RandomSource } from '../../math/rng/index.js';
import { actionLetters } from './actions.js';
import { PRISONERS_DILEMMA, payoffTable, type Payoffs } from './payoffs.js';
import type { Decide, Strategy } from './strategy.js';

/** Options of one match. */
export interface MatchOptions {
  /** Number of turns; with `probEnd` the cap on the sampled length. Default 200 (the Axelrod library's). */
  turns?: number;
  /** Probability that the match ends after any given turn (geometric length, mean 1/probEnd). Default none. */
  probEnd?: number;
  /** Execution error: probability that an action flips; both players see and are scored on the flip. Default 0. */
  noise?: number;
  /** Misperception: probability that a player privately misreads the opponent's action of a turn. Default 0. */
  misperception?: number;
  /** Stage-game payoffs. Default R=3, S=0, T=5, P=1. */
  payoffs?: Payoffs;
}

/** A played match: each player's actual actions and total scores. */
export interface MatchResult {
  turns: number;
  /** Actual actions, 0 = C, 1 = D, one per turn. */
  actions: [Uint8Array, Uint8Array];
  /** Total payoffs over the match. */
  scores: [number, number];
}

/** Default number of turns in a match and in a tournament's matches (the Axelrod library's DEFAULT_TURNS). */
export const DEFAULT_TURNS = 200;

/** Longest match this module plays (two 10 MB histories), so a tiny `probEnd` cannot exhaust memory. */
export const MAX_TURNS = 10_000_000;

/**
 * A match length drawn from the geometric distribution of a match that ends after each turn with probability
 * `probEnd`, by inversion of a uniform `u` ∈ [0, 1): ⌈ln(1 − u)/ln(1 − probEnd)⌉, at least 1 — the Axelrod
 * library's `sample_length`. Example: `sampleLength(0.5, 0.6)` → 2.
 */
export function sampleLength(probEnd: number, u: number): number {
  if (probEnd >= 1) return 1;
  if (probEnd <= 0) return Infinity;
  return Math.max(1, Math.ceil(Math.log(1 - u) / Math.log(1 - probEnd)));
}

/**
 * The length of a match: `turns` when the end is fixed; otherwise one uniform draw from `rng` (the match's first)
 * turned into a geometric length, capped by `turns` when given and by MAX_TURNS.
 */
export function matchLength(options: MatchOptions, rng: RandomSource): number {
  if (options.probEnd === undefined) return options.turns ?? DEFAULT_TURNS;
  const cap = Math.min(options.turns ?? MAX_TURNS, MAX_TURNS);
  return Math.min(sampleLength(options.probEnd, rng.nextDouble()), cap);
}

/** Reusable buffers for `playTurns`: actual histories and, under misperception, each player's view. */
export interface MatchBuffers {
  a: Uint8Array;
  b: Uint8Array;
  seenByA: Uint8Array;
  seenByB: Uint8Array;
}

/** Buffers for matches of up to `turns` turns. */
export function matchBuffers(turns: number): MatchBuffers {
  return { a: new Uint8Array(turns), b: new Uint8Array(turns), seenByA: new Uint8Array(turns), seenByB: new Uint8Array(turns) };
}

/**
 * The inner loop: plays `turns` turns of two decision functions into `buf`, returns the total scores [A, B].
 * Per turn, in this order: A decides, B decides, A's execution flip, B's flip (one draw each when noise > 0),
 * then A's and B's misperception draws (when misperception > 0). Execution noise follows the Axelrod library:
 * the flipped action is what both remember and what is scored. Misperception changes only the perceiving
 * player's view of the other (`seenByA`, `seenByB`); a player always knows its own actual action.
 */
export function playTurns(
  decideA: Decide,
  decideB: Decide,
  turns: number,
  table: Float64Array,
  noise: number,
  misperception: number,
  rng: RandomSource,
  buf: MatchBuffers,
): [number, number] {
  const { a, b } = buf;
  // Without misperception each player sees the other's true history: share the arrays.
  const seenByA = misperception > 0 ? buf.seenByA : b;
  const seenByB = misperception > 0 ? buf.seenByB : a;
  let sa = 0;
  let sb = 0;
  for (let t = 0; t < turns; t++) {
    let x = decideA(t, a, seenByA, rng);
    let y = decideB(t, b, seenByB, rng);
    if (noise > 0) {
      if (rng.nextDouble() < noise) x ^= 1;
      if (rng.nextDouble() < noise) y ^= 1;
    }
    a[t] = x;
    b[t] = y;
    if (misperception > 0) {
      seenByA[t] = rng.nextDouble() < misperception ? y ^ 1 : y;
      seenByB[t] = rng.nextDouble() < misperception ? x ^ 1 : x;
    }
    sa += table[x * 2 + y];
    sb += table[y * 2 + x];
  }
  return [sa, sb];
}

/**
 * Plays one match of `a` (row) against `b`, drawing every random number from `rng` (one stream per match): the
 * length first when `probEnd` is set, then the turns as in `playTurns`. Example:
 * `playMatch(titForTat, defector, { turns: 5 }, streamFor(1))` → actions CDDDD / DDDDD, scores [4, 9].
 */
export function playMatch(a: Strategy, b: Strategy, options: MatchOptions, rng: RandomSource): MatchResult {
  const payoffs = options.payoffs ?? PRISONERS_DILEMMA;
  const turns = matchLength(options, rng);
  const buf = matchBuffers(turns);
  const context = { payoffs };
  const scores = playTurns(
    a.create(context),
    b.create(context),
    turns,
    payoffTable(payoffs),
    options.noise ?? 0,
    options.misperception ?? 0,
    rng,
    buf,
  );
  return { turns, actions: [buf.a, buf.b], scores };
}

/** A match result as JSON-ready letters: `{ actions: ["CDDD", "DDDD"], scores }`. */
export function matchLetters(result: MatchResult): { actions: [string, string]; scores: [number, number] } {
  return { actions: [actionLetters(result.actions[0]), actionLetters(result.actions[1])], scores: result.scores };
}
