import { C } from '../actions.js';
import type { Strategy } from '../strategy.js';

/** Always cooperates (ALLC). Axelrod library `Cooperator`; Axelrod (1984). */
export const cooperator: Strategy = {
  id: 'cooperator',
  name: 'Cooperator',
  memoryDepth: 0,
  stochastic: false,
  rule: 'Cooperates on every turn.',
  citation: 'Axelrod (1984); Axelrod library `Cooperator`',
  create: () => () => C,
};
