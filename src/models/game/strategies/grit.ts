import { C, D } from '../actions.js';
import type { Strategy } from '../strategy.js';

/** The first unilateral initiative comes after this many consecutive mutual defections. */
const FIRST_INTERVAL = 2;

/**
 * A GRIT-like conciliator (Osgood 1962, "Graduated and Reciprocated Initiatives in Tension reduction"; not in the
 * Axelrod library, so the rule is ours): it cooperates first and reciprocates like Tit For Tat, but when it has
 * been locked in mutual defection for `k` consecutive turns it makes a unilateral conciliatory move (C) whatever
 * the opponent did. k starts at 2 and doubles after each initiative the opponent does not reciprocate
 * (graduated, so a pure defector exploits it only O(log n) times in n turns); any cooperation by the
 * opponent resets k to 2.
 */
export const grit: Strategy = {
  id: 'grit',
  name: 'GRIT',
  memoryDepth: Infinity,
  stochastic: false,
  rule: 'Cooperates first and reciprocates the last action, but after k consecutive mutual defections cooperates unilaterally; k starts at 2, doubles after each unreciprocated initiative, resets when the opponent cooperates.',
  citation: 'Osgood (1962), An Alternative to War or Surrender; rule specific to this project (docs/games.md)',
  create: () => {
    let k = FIRST_INTERVAL;
    let streak = 0;
    return (t, own, seen) => {
      if (t === 0) return C;
      if (seen[t - 1] === C) {
        k = FIRST_INTERVAL;
        streak = 0;
        return C;
      }
      streak = own[t - 1] === D ? streak + 1 : 0;
      if (streak >= k) {
        streak = 0;
        k *= 2;
        return C;
      }
      return D;
    };
  },
};
