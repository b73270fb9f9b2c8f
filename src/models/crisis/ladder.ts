import { sigmoid } from './choice.js';

/**
 * The ladder to the worst outcomes (DESIGN.md §3.2), a sequence of explicit steps — never a logit tail:
 *  1. clash: a violent action by i toward j in a month, with hazard  q_ij = h_ij h_ji · σ(u_ij − κ_v)
 *     (h_ij h_ji the pair's mutual standing hostility: a clash needs friction on both sides, so allies and
 *     one-sided rivalries do not fight; κ_v = crisis.clashThreshold);
 *  2. war: a clash becomes war with probability
 *     p_war = σ(logit(warGivenClash) + tensionEffect·T_ij + deterrenceEffect·D_ij + channelEffect·c_ij),
 *     T_ij = max(0, (H_ij + H_ji)/2) the pair's remembered hostility, D_ij the deterrence i faces, c_ij the mean
 *     openness of the two channels;
 *  3. nuclear use: P(nuclear | war) = crisis.ladder.nuclearGivenWar, an explicit, labelled, elicited assumption.
 *
 * One uniform V decides all three: a clash if V < q; given a clash V/q is again uniform, so war if V/q < p_war;
 * given war (V/q)/p_war is uniform, so nuclear use if it is < P(nuclear | war). Exact, and it keeps the number
 * of draws per dyad-month fixed.
 */

/** Logit of a probability, with ±Infinity at 0 and 1 (σ of them is 0 and 1 again). */
export function logit(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return Math.log(p / (1 - p));
}

/** Clash hazard q = f · σ(u − κ_v) for mutual hostility f = h_ij h_ji ∈ [0, 1] and propensity u. */
export function clashHazard(friction: number, u: number, clashThreshold: number): number {
  return friction > 0 ? friction * sigmoid(u - clashThreshold) : 0;
}

/** P(war | clash) from the dyad's constant part (logit(warGivenClash) + deterrence + channel terms) and tension. */
export function warProbability(warBase: number, tensionEffect: number, tension: number): number {
  return sigmoid(warBase + tensionEffect * tension);
}

/** 0 no clash, 1 clash, 2 clash that became war, 3 war with nuclear use — from one uniform V. */
export function ladderOutcome(V: number, hazard: number, pWar: number, pNuclear: number): number {
  if (!(V < hazard)) return 0;
  const w = V / hazard;
  if (!(w < pWar)) return 1;
  return w / pWar < pNuclear ? 3 : 2;
}
