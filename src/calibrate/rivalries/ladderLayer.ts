import { clashHazard, logit, warProbability } from '../../models/crisis/ladder.js';
import { PARAMETER_DEFAULTS } from '../../scenario/paths.js';
import type { RivalryPanel } from './panel.js';

/*
 * The clash-and-war layer of the crisis model (models/crisis/ladder.ts, DESIGN.md §3.2) in closed form for one
 * rivalry dyad and one calendar year. The model gives each ordered dyad a monthly clash hazard
 * q = f·σ(u − κ_v) (f = h_ij h_ji the pair's friction, u its propensity, κ_v crisis.clashThreshold), and a clash
 * becomes war with probability p = σ(logit(warGivenClash) + …). With u constant over the year and both directions
 * of the dyad alike, a year of 12 months × 2 directions gives
 *   P(no clash) = (1 − q)^24,   P(war onset) = 1 − (1 − q·p)^24,
 * exactly as runReplication draws them (one uniform per dyad-month decides clash and war). The rivalry's static
 * propensity u_r (β0 + drive + β1 h − deterrence − assurance − restraint: the record cannot tell them apart) is a
 * rivalry-level random effect u_r ~ N(μ, τ²), and last year's clash adds ρ to this year's propensity — a reduced
 * form of the model's memory (a clash is remembered and raises next months' propensity).
 */

/** The pooled parameters of the layer: what the cross-section is fitted for. */
export interface LayerParameters {
  /** μ: mean static propensity u of a rivalry dyad (logit scale, the crisis model's units of β0). */
  mean: number;
  /** τ: standard deviation of the rivalry effect u_r across rivalries (0: all rivalries alike). */
  sd: number;
  /** ρ: added to the propensity in a year after a clash-year (0: no persistence). */
  persistence: number;
  /** crisis.ladder.warGivenClash: P(war | clash) per clash, at the pair's base (tension, deterrence, channel terms folded in). */
  warGivenClash: number;
}

/** The model settings the layer is evaluated at (not fitted): the model's defaults unless stated. */
export interface LayerSettings {
  /** κ_v, crisis.clashThreshold. Default: the model's default (PARAMETER_DEFAULTS, 5.4). */
  clashThreshold: number;
  /** f = h_ij h_ji, the pair's friction. Default 1: strategic rivals regard each other as enemies (h = 1 both ways). */
  friction: number;
  /** Directed dyad-months in a calendar year: 12 months × 2 directions = 24. */
  dyadMonths: number;
}

/** Default settings: κ_v at the model's default, full friction, 24 directed dyad-months a year. */
export function defaultLayerSettings(): LayerSettings {
  return { clashThreshold: PARAMETER_DEFAULTS['crisis.clashThreshold'], friction: 1, dyadMonths: 24 };
}

/** The three outcomes of a rivalry-year as log-probabilities: no clash, clash-year without war, war onset. */
export interface YearLogProbabilities {
  none: number;
  clashOnly: number;
  war: number;
}

/**
 * Log-probabilities of a year's outcome at propensity u (after persistence): q from the model's clashHazard,
 * p from its warProbability, aggregated over the year's dyad-months. Computed with log1p/expm1 so that hazards of
 * 1e-9 keep their digits. Example: `yearLogProbabilities(2, 0.03, defaultLayerSettings())`.
 */
export function yearLogProbabilities(u: number, warGivenClash: number, s: LayerSettings): YearLogProbabilities {
  const q = clashHazard(s.friction, u, s.clashThreshold);
  const p = warProbability(logit(warGivenClash), 0, 0);
  const lnNone = s.dyadMonths * Math.log1p(-q); // ln P(no clash)
  const lnNoWar = s.dyadMonths * Math.log1p(-q * p); // ln P(no war)
  return {
    none: lnNone,
    clashOnly: lnNone + Math.log(Math.expm1(lnNoWar - lnNone)), // P(no war) − P(no clash)
    war: Math.log(-Math.expm1(lnNoWar)),
  };
}

/** P(clash-year) and P(war onset) at propensity u. Example: `yearProbabilities(2, 0.03, defaultLayerSettings()).clash`. */
export function yearProbabilities(u: number, warGivenClash: number, s: LayerSettings): { clash: number; war: number } {
  const l = yearLogProbabilities(u, warGivenClash, s);
  return { clash: -Math.expm1(l.none), war: Math.exp(l.war) };
}

/**
 * The rivalry effect's distribution as weighted nodes: u_k = μ + τ·z_k on z ∈ [−6, 6] in steps of 0.2 (61 nodes)
 * with normal weights normalised to 1 (a trapezoid rule).
 */
export interface EffectNodes {
  u: Float64Array;
  logWeight: Float64Array;
}

const Z_STEP = 0.2, Z_MAX = 6;
const Z = Float64Array.from({ length: 2 * Math.round(Z_MAX / Z_STEP) + 1 }, (_, k) => -Z_MAX + k * Z_STEP);
const LOG_W = (() => {
  const raw = Array.from(Z, (z) => -0.5 * z * z);
  const m = Math.log(raw.reduce((s, v) => s + Math.exp(v), 0));
  return Float64Array.from(raw, (v) => v - m);
})();

/** The prior nodes of the rivalry effect for given parameters (τ = 0: one node at μ with weight 1). */
export function effectNodes(par: LayerParameters): EffectNodes {
  if (par.sd === 0) return { u: Float64Array.of(par.mean), logWeight: Float64Array.of(0) };
  return { u: Z.map((z) => par.mean + par.sd * z), logWeight: LOG_W.slice() };
}

/**
 * Per node, lag (0/1) and outcome: the log-probability table the likelihood and the forecasts read,
 * `[lag][outcome][k]` with outcome 0 none, 1 clash without war, 2 war.
 */
export function logProbabilityTable(nodes: EffectNodes, par: LayerParameters, s: LayerSettings): Float64Array[][] {
  return [0, 1].map((lag) => {
    const rows = [new Float64Array(nodes.u.length), new Float64Array(nodes.u.length), new Float64Array(nodes.u.length)];
    nodes.u.forEach((u, k) => {
      const l = yearLogProbabilities(u + par.persistence * lag, par.warGivenClash, s);
      rows[0][k] = l.none;
      rows[1][k] = l.clashOnly;
      rows[2][k] = l.war;
    });
    return rows;
  });
}

/** A year's outcome code: 0 none, 1 clash-year without war, 2 war onset. */
export function outcomeOf(p: RivalryPanel, t: number): 0 | 1 | 2 {
  return p.war[t] ? 2 : p.clash[t] ? 1 : 0;
}

/** log Σ exp(x_k), stable. */
export function logSumExp(x: Float64Array): number {
  let m = -Infinity;
  const n = x.length;
  for (let k = 0; k < n; k++) if (x[k] > m) m = x[k];
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let k = 0; k < n; k++) s += Math.exp(x[k] - m);
  return m + Math.log(s);
}
