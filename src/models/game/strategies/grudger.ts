import { C, D } from '../actions.js';
import type { Strategy } from '../strategy.js';

/**
 * Cooperates until the opponent defects once, then defects for ever (Friedman's rule, "Grim Trigger").
 * Axelrod library `Grudger` (Axelrod 1980). The grudge is kept as state so a turn costs O(1).
 */
export const grudger: Strategy = {
  id: 'grudger',
  name: 'Grudger',
  memoryDepth: Infinity,
  stochastic: false,
  rule: 'Cooperates until the opponent has defected once, then defects on every turn.',
  citation: 'Axelrod (1980), Friedman; Axelrod library `Grudger`',
  create: () => {
    let grudge = false;
    return (t, _own, seen) => {
      if (t > 0 && seen[t - 1] === D) grudge = true;
      return grudge ? D : C;
    };
  },
};
