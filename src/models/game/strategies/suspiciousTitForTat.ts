import { D } from '../actions.js';
import type { Strategy } from '../strategy.js';

/** Tit For Tat that defects first. Axelrod library `SuspiciousTitForTat` (Beaufils et al. 1997). */
export const suspiciousTitForTat: Strategy = {
  id: 'suspicious-tit-for-tat',
  name: 'Suspicious Tit For Tat',
  memoryDepth: 1,
  stochastic: false,
  rule: "Defects first, then plays the opponent's last action.",
  citation: 'Beaufils, Delahaye & Mathieu (1997); Axelrod library `SuspiciousTitForTat`',
  create: () => (t, _own, seen) => (t === 0 ? D : seen[t - 1]),
};
