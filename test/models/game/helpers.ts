import { streamFor } from '../../../src/math/rng/index.js';
import { actionLetters, parseActions } from '../../../src/models/game/actions.js';
import { playMatch, type MatchOptions } from '../../../src/models/game/match.js';
import type { Strategy } from '../../../src/models/game/strategy.js';

/** A test opponent that cycles through fixed actions (the Axelrod library's MockPlayer / Cycler). */
export function sequence(letters: string): Strategy {
  const moves = parseActions(letters);
  return {
    id: `sequence:${letters}`,
    name: `Sequence ${letters}`,
    memoryDepth: 0,
    stochastic: false,
    rule: 'Plays the given actions in a cycle.',
    citation: 'test helper',
    create: () => (t) => moves[t % moves.length],
  };
}

/** The two action strings of a match, e.g. `["CDDDD", "DDDDD"]`. */
export function play(a: Strategy, b: Strategy, turns: number, options: MatchOptions = {}, seed = 1): [string, string] {
  const m = playMatch(a, b, { turns, ...options }, streamFor(seed));
  return [actionLetters(m.actions[0]), actionLetters(m.actions[1])];
}

/** Pairs of actions as the Axelrod library's tests write them: `pairs("CC CD DC")` → ["CC", "CD", "DC"]. */
export function pairs(a: string, b: string): string[] {
  return Array.from(a, (x, i) => x + b[i]);
}
