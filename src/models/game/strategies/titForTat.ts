import { C } from '../actions.js';
import type { Strategy } from '../strategy.js';

/** Cooperates first, then repeats the opponent's last action. Rapoport's entry, winner of Axelrod (1980). */
export const titForTat: Strategy = {
  id: 'tit-for-tat',
  name: 'Tit For Tat',
  memoryDepth: 1,
  stochastic: false,
  rule: "Cooperates first, then plays the opponent's last action.",
  citation: 'Axelrod (1980), Rapoport; Axelrod library `TitForTat`',
  create: () => (t, _own, seen) => (t === 0 ? C : seen[t - 1]),
};
