import { sigmoid } from '../../models/crisis/choice.js';
import { logit } from '../../models/crisis/ladder.js';
import { effectNodes, logProbabilityTable, logSumExp, outcomeOf, type LayerParameters, type LayerSettings } from './ladderLayer.js';
import { nelderMead } from './nelderMead.js';
import type { RivalryPanel } from './panel.js';

/**
 * Which parts of the layer are fitted: `full` (μ, τ, ρ, warGivenClash), `no-persistence` (ρ = 0) and
 * `no-random-effect` (τ = 0: every rivalry at the pooled propensity) — the two ablations say where skill comes from.
 */
export type LayerVariant = 'full' | 'no-persistence' | 'no-random-effect';
export const LAYER_VARIANTS: readonly LayerVariant[] = ['full', 'no-persistence', 'no-random-effect'];

/** A rivalry's sufficient statistics: years by lag (0/1) and outcome (none, clash only, war), 6 counts. */
export function transitionCounts(p: RivalryPanel): number[] {
  const c = [0, 0, 0, 0, 0, 0];
  for (let t = 0; t < p.years.length; t++) c[3 * p.lag[t] + outcomeOf(p, t)]++;
  return c;
}

/** Rivalries with equal counts share their likelihood term: each distinct count vector with its multiplicity. */
function groupCounts(panels: readonly RivalryPanel[]): { counts: number[]; k: number }[] {
  const m = new Map<string, { counts: number[]; k: number }>();
  for (const p of panels) {
    const c = transitionCounts(p), key = c.join(',');
    const g = m.get(key) ?? { counts: c, k: 0 };
    g.k++;
    m.set(key, g);
  }
  return [...m.values()];
}

/**
 * The marginal log-likelihood of the panels: Σ_r log ∫ Π_t P(y_rt | u + ρ·lag_rt) dN(u; μ, τ²), the integral on
 * the nodes of `effectNodes`. Example: `layerLogLikelihood(panels, par, defaultLayerSettings())`.
 */
export function layerLogLikelihood(panels: readonly RivalryPanel[], par: LayerParameters, s: LayerSettings): number {
  return groupedLogLikelihood(groupCounts(panels), par, s);
}

function groupedLogLikelihood(groups: readonly { counts: number[]; k: number }[], par: LayerParameters, s: LayerSettings): number {
  const nodes = effectNodes(par);
  const table = logProbabilityTable(nodes, par, s);
  const K = nodes.u.length, terms = new Float64Array(K);
  // The six rows (lag, outcome) in one flat array, row c = 3·lag + outcome, so the inner loop reads contiguously.
  const flat = new Float64Array(6 * K);
  for (let c = 0; c < 6; c++) flat.set(table[c >= 3 ? 1 : 0][c % 3], c * K);
  let total = 0;
  for (const g of groups) {
    terms.set(nodes.logWeight);
    for (let c = 0; c < 6; c++) {
      const n = g.counts[c];
      if (n === 0) continue;
      for (let k = 0, o = c * K; k < K; k++) terms[k] += n * flat[o + k];
    }
    total += g.k * logSumExp(terms);
  }
  return total;
}

/** A fitted layer: the parameters, the maximised log-likelihood, the function evaluations taken. */
export interface LayerFit {
  variant: LayerVariant;
  parameters: LayerParameters;
  logLikelihood: number;
  evaluations: number;
}

/** Free coordinates of a variant ↔ parameters: μ, ln τ, ρ, logit(warGivenClash). */
function unpack(x: readonly number[], v: LayerVariant): LayerParameters {
  let i = 0;
  const mean = x[i++];
  const sd = v === 'no-random-effect' ? 0 : Math.exp(x[i++]);
  const persistence = v === 'no-persistence' ? 0 : x[i++];
  return { mean, sd, persistence, warGivenClash: sigmoid(Math.min(25, Math.max(-25, x[i]))) };
}

function pack(p: LayerParameters, v: LayerVariant): number[] {
  return [p.mean, ...(v === 'no-random-effect' ? [] : [Math.log(Math.max(p.sd, 0.05))]), ...(v === 'no-persistence' ? [] : [p.persistence]), logit(p.warGivenClash)];
}

/**
 * A start from the pooled rates: the propensity whose yearly clash probability is the pooled clash-year share,
 * τ = 1, ρ = 0.5, warGivenClash = wars per clash-year.
 */
export function startingParameters(panels: readonly RivalryPanel[], s: LayerSettings): LayerParameters {
  let years = 0, clashes = 0, wars = 0;
  for (const p of panels) for (let t = 0; t < p.years.length; t++) {
    years++;
    clashes += p.clash[t];
    wars += p.war[t];
  }
  const share = Math.min(0.95, Math.max(1e-3, clashes / Math.max(1, years)));
  const q = -Math.expm1(Math.log1p(-share) / s.dyadMonths) / s.friction;
  return { mean: s.clashThreshold + logit(Math.min(q, 0.999)), sd: 1, persistence: 0.5, warGivenClash: Math.min(0.9, Math.max(1e-3, (wars + 0.5) / (clashes + 1))) };
}

/**
 * Maximum marginal likelihood of the layer on `panels` by Nelder–Mead over (μ, ln τ, ρ, logit warGivenClash),
 * from `start` (default: startingParameters) — a leave-one-out fold starts from the full fit and converges in a
 * few dozen steps. Example: `fitLayer(panels, defaultLayerSettings()).parameters.sd`.
 */
export function fitLayer(panels: readonly RivalryPanel[], s: LayerSettings, o: { variant?: LayerVariant; start?: LayerParameters } = {}): LayerFit {
  const variant = o.variant ?? 'full';
  const groups = groupCounts(panels);
  const start = pack(o.start ?? startingParameters(panels, s), variant);
  const r = nelderMead((x) => -groupedLogLikelihood(groups, unpack(x, variant), s), start, { step: start.map(() => (o.start ? 0.1 : 0.5)), tolerance: 1e-7, maxEvaluations: 3000 });
  return { variant, parameters: unpack(r.x, variant), logLikelihood: -r.value, evaluations: r.evaluations };
}
