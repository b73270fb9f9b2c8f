import type { Payoffs } from '../payoffs.js';
import type { Strategy } from '../strategy.js';
import { memoryOneDecide } from './memoryOne.js';

/**
 * Generous Tit For Tat's forgiveness: the probability of cooperating after the opponent defected,
 * p = min(1 − (T − R)/(R − S), (R − P)/(T − P)) (Nowak & Sigmund 1992; the Axelrod library's `GTFT`), 1/3 for
 * R=3, S=0, T=5, P=1. Clamped to [0, 1] so games other than the PD (where the formula leaves [0, 1]) stay valid.
 */
export function generosity(p: Payoffs): number {
  const { R, S, T, P } = p;
  const q = Math.min(1 - (T - R) / (R - S), (R - P) / (T - P));
  return Number.isFinite(q) ? Math.min(1, Math.max(0, q)) : 0;
}

/**
 * Memory-one (1, p, 1, p) starting with C: cooperates after the opponent cooperated, forgives a defection with
 * probability p = `generosity(payoffs)`. Axelrod library `GTFT`.
 */
export const generousTitForTat: Strategy = {
  id: 'generous-tit-for-tat',
  name: 'GTFT',
  memoryDepth: 1,
  stochastic: true,
  rule: "Cooperates first; then cooperates after the opponent's C, and after its D with probability p = min(1 − (T−R)/(R−S), (R−P)/(T−P)) (1/3 in the default PD).",
  citation: 'Nowak & Sigmund (1992); Axelrod library `GTFT`',
  create: ({ payoffs }) => {
    const p = generosity(payoffs);
    return memoryOneDecide([1, p, 1, p]);
  },
};
