import { C, D } from '../actions.js';
import type { Strategy } from '../strategy.js';

/**
 * Defects only when the opponent defected in both of the last two turns, else cooperates (so it cooperates on
 * the first two turns). Axelrod library `TitFor2Tats` (Axelrod 1984).
 */
export const titForTwoTats: Strategy = {
  id: 'tit-for-two-tats',
  name: 'Tit For 2 Tats',
  memoryDepth: 2,
  stochastic: false,
  rule: 'Cooperates unless the opponent defected on each of the last two turns.',
  citation: 'Axelrod (1984); Axelrod library `TitFor2Tats`',
  create: () => (t, _own, seen) => (t >= 2 && seen[t - 1] === D && seen[t - 2] === D ? D : C),
};
