import type { RandomSource } from '../../../math/rng/index.js';
import { C, D } from '../actions.js';
import type { Decide, Strategy } from '../strategy.js';

/**
 * Plays C with probability `p`: no draw when p is 0 or 1 (as the Axelrod library's `random_choice`), so
 * deterministic rules never consume the match's random stream; otherwise C when a uniform draw is below p.
 */
export function cooperateWithProbability(p: number, rng: RandomSource): number {
  if (p >= 1) return C;
  if (p <= 0) return D;
  return rng.nextDouble() < p ? C : D;
}

/**
 * A memory-one decision: first move `initial`, then C with probability `vector[own*2 + seen]`, i.e. the four-vector
 * (P(C|CC), P(C|CD), P(C|DC), P(C|DD)) indexed by (own last action, opponent's last action as perceived) —
 * the Axelrod library's `MemoryOnePlayer` (Nowak & Sigmund 1990).
 */
export function memoryOneDecide(vector: readonly number[], initial: number = C): Decide {
  const v = Float64Array.from(vector);
  return (t, own, seen, rng) => (t === 0 ? initial : cooperateWithProbability(v[own[t - 1] * 2 + seen[t - 1]], rng));
}

/** The id of a memory-one strategy, with the probabilities as given: `memory-one:1,0,0,1`. */
export const MEMORY_ONE_PREFIX = 'memory-one:';

/**
 * A memory-one strategy from its four probabilities of cooperating after CC, CD, DC, DD (own action first),
 * starting with C (the Axelrod library's default `initial`). Stochastic when any probability is strictly
 * between 0 and 1. Example: `memoryOne([1, 0, 1, 0])` plays as Tit For Tat.
 */
export function memoryOne(vector: readonly [number, number, number, number], id?: string): Strategy {
  for (const p of vector) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`memory-one probabilities must lie in [0, 1], got ${p}`);
  }
  const text = vector.join(',');
  return {
    id: id ?? `${MEMORY_ONE_PREFIX}${text}`,
    name: `Memory One: ${text}`,
    memoryDepth: 1,
    stochastic: vector.some((p) => p > 0 && p < 1),
    rule: `Cooperates first; then cooperates with probability ${vector[0]}, ${vector[1]}, ${vector[2]}, ${vector[3]} after CC, CD, DC, DD (own action first).`,
    citation: 'Nowak & Sigmund (1990); Axelrod library `MemoryOnePlayer`',
    create: () => memoryOneDecide(vector),
  };
}
