import { memoryOneDecide } from './memoryOne.js';
import type { Strategy } from '../strategy.js';

/**
 * Pavlov: the memory-one player (1, 0, 0, 1) starting with C — repeats its action after R or T, switches after
 * S or P. Axelrod library `WinStayLoseShift` (Nowak & Sigmund 1993; Kraines & Kraines 1989).
 */
export const winStayLoseShift: Strategy = {
  id: 'win-stay-lose-shift',
  name: 'Win-Stay Lose-Shift',
  memoryDepth: 1,
  stochastic: false,
  rule: 'Cooperates first; then cooperates after CC or DD and defects after CD or DC (memory-one 1,0,0,1).',
  citation: 'Nowak & Sigmund (1993); Kraines & Kraines (1989); Axelrod library `WinStayLoseShift`',
  create: () => memoryOneDecide([1, 0, 0, 1]),
};
