import type { ParamDomain } from './param.js';

/**
 * The domains of the model's parameters: the physically meaningful range each may take (docs/scenario-format.md
 * and docs/conventions.md#limits). The schema refuses values outside them, and policy changes are clamped to them
 * (paths.ts), so a scenario that validates stays within magnitudes the models compute in double precision. Each
 * bound is generous next to any real case: the Korea scenario's largest growth rate is 0.3 a year, its largest
 * elasticity 2, its largest stock 3,708 warheads.
 */
/** A probability or share: [0, 1]. */
export const unitInterval = { min: 0, max: 1 } as const;

export const DOMAINS = {
  /** g, per year: a stock can lose at most its base value in a year, or add at most that much. */
  growth: { min: -1, max: 1 },
  /** ε, φ (dimensionless: % change of the growth rate per % change of threat or protection). */
  elasticity: { min: 0, max: 10 },
  /** a, per year: pull-back faster than ten times the gap a year is no longer a pull-back. */
  fatigue: { min: 0, max: 10 },
  /** x⁰: base-year value of a stock, in its unit (world military spending is about 2,700 US$ bn). */
  stock: { min: 0, max: 1e7 },
  /** c_k: threat per unit of a capability kind. */
  capabilityWeight: { min: 0, max: 1e6 },
  /** η, τ: alignment and transfer rates, per year. */
  rate: { min: 0, max: 100 },
  /** Logit-scale propensities and log-odds effects of the crisis model (e^50 is already 5·10²¹). */
  logit: { min: -50, max: 50 },
  /** Non-negative weights on the logit scale. */
  weight: { min: 0, max: 100 },
  /** Misperception bias, in escalation-score units. */
  scoreBias: { min: -100, max: 100 },
  /** Misperception spread, in escalation-score units. */
  scoreSpread: { min: 0, max: 100 },
  /** Log rate ratios of the launch process. */
  logRate: { min: -20, max: 20 },
  /** Launches per month. */
  launchRate: { min: 0, max: 1000 },
  /** Negative-binomial dispersion α. */
  dispersion: { min: 0, max: 100 },
  /** Scale of an exercise, relative to the reference cycle. */
  scale: { min: 0, max: 100 },
  /** Effect size of a lever (1 = the policy's change as written). */
  effect: { min: 0, max: 100 },
  /** Entries of the direct linear form's A, per year. */
  linearRate: { min: -100, max: 100 },
  /** Entries of the direct linear form's g and x0. */
  linearLevel: { min: -1e9, max: 1e9 },
  /** Escalation weights of the action catalog. */
  catalogWeight: { min: -1000, max: 1000 },
  /** Durations in months of the crisis model's rules (GRIT's patience and pause): at least one month, at most a century. */
  months: { min: 1, max: 1200 },
  /** Values of `set`/`add`/`scale` in changes (clamped to the target's domain when applied). */
  change: { min: -1e9, max: 1e9 },
} as const satisfies Record<string, ParamDomain>;

/**
 * Fewest and most actors a scenario may hold. One actor is allowed (a textbook one-stock model; the crisis model
 * then has no dyad), and every command handles it; the upper bound keeps the dyad arrays (actors²) small.
 */
export const ACTOR_COUNT = { min: 1, max: 100 } as const;
