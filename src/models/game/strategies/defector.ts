import { D } from '../actions.js';
import type { Strategy } from '../strategy.js';

/** Always defects (ALLD). Axelrod library `Defector`; Axelrod (1984). */
export const defector: Strategy = {
  id: 'defector',
  name: 'Defector',
  memoryDepth: 0,
  stochastic: false,
  rule: 'Defects on every turn.',
  citation: 'Axelrod (1984); Axelrod library `Defector`',
  create: () => () => D,
};
