import { C, D } from '../actions.js';
import type { Strategy } from '../strategy.js';

/**
 * Cooperates first, then plays the opposite of its own last action (C, D, C, D, …). Reading its own last action
 * (not a turn count) follows the Axelrod library `Alternator`, so an execution error shifts its phase.
 */
export const alternator: Strategy = {
  id: 'alternator',
  name: 'Alternator',
  memoryDepth: 1,
  stochastic: false,
  rule: 'Cooperates first, then plays the opposite of its own last action.',
  citation: 'Axelrod (1984); Axelrod library `Alternator`',
  create: () => (t, own) => (t === 0 ? C : own[t - 1] === C ? D : C),
};
