/**
 * Stage-game payoffs of a symmetric 2×2 game in the prisoner's-dilemma notation: R (reward, both cooperate),
 * S (sucker, I cooperate and the other defects), T (temptation, I defect on a cooperator), P (punishment, both
 * defect). The row player's payoff for (own, other) is R, S, T, P for CC, CD, DC, DD.
 */
export interface Payoffs {
  R: number;
  S: number;
  T: number;
  P: number;
}

/**
 * The prisoner's dilemma of Axelrod's tournaments (T > R > P > S, 2R > T + S): R=3, S=0, T=5, P=1 — the default.
 * Jervis (1978): with offence and defence indistinguishable and offence dominant, arming against a cooperator pays.
 */
export const PRISONERS_DILEMMA: Payoffs = Object.freeze({ R: 3, S: 0, T: 5, P: 1 });

/**
 * A stag hunt (R > T ≥ P > S): R=5, S=0, T=3, P=1 — the PD with reward and temptation swapped. Mutual cooperation
 * is an equilibrium; Jervis's defence-dominant world, where cooperation is rewarded more than exploitation.
 */
export const STAG_HUNT: Payoffs = Object.freeze({ R: 5, S: 0, T: 3, P: 1 });

/**
 * Chicken (T > R > S > P): R=3, S=1, T=5, P=0 — the PD with sucker and punishment swapped. Mutual defection (war)
 * is the worst outcome, so backing down beats standing firm against a defector.
 */
export const CHICKEN: Payoffs = Object.freeze({ R: 3, S: 1, T: 5, P: 0 });

/** Named presets, keyed by their CLI id. */
export const GAME_PRESETS: Readonly<Record<string, Payoffs>> = Object.freeze({
  pd: PRISONERS_DILEMMA,
  'stag-hunt': STAG_HUNT,
  chicken: CHICKEN,
});

/**
 * The row player's payoff table indexed by `own * 2 + other` (C=0, D=1): [R, S, T, P] as a `Float64Array`,
 * so a turn is scored by one lookup.
 */
export function payoffTable(p: Payoffs): Float64Array {
  return Float64Array.of(p.R, p.S, p.T, p.P);
}
