import { cooperateWithProbability } from './memoryOne.js';
import type { Strategy } from '../strategy.js';

/** Cooperates with probability 1/2 on every turn, including the first. Axelrod library `Random` (p = 0.5). */
export const random: Strategy = {
  id: 'random',
  name: 'Random: 0.5',
  memoryDepth: 0,
  stochastic: true,
  rule: 'Cooperates with probability 1/2 on every turn.',
  citation: 'Axelrod (1980); Axelrod library `Random`',
  create: () => (_t, _own, _seen, rng) => cooperateWithProbability(0.5, rng),
};
