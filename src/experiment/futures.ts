import { streamFor } from '../math/rng/index.js';
import { applyStructural } from '../scenario/apply.js';
import type { Scenario } from '../scenario/schema.js';
import { latinHypercube } from './designs/latinHypercube.js';
import { categorical, fromUnit } from './designs/transform.js';
import { listStructural, listUncertainties, type StructuralUncertainty, type Uncertainty } from './uncertainties.js';

/** One sampled future: a value for every numeric uncertainty and an alternative for every structural one. */
export interface Future {
  index: number;
  values: number[];
  alternatives: Record<string, string>;
}

export interface FutureDesign {
  uncertainties: Uncertainty[];
  structural: StructuralUncertainty[];
  futures: Future[];
}

// Design streams are keyed apart from the crisis streams (seed, future, replication, stream) by a first key part
// no future index reaches.
const DESIGN_KEY = 2 ** 40;

/**
 * M futures of the scenario's uncertainties by a seeded Latin hypercube (DESIGN.md §3.5): one column per numeric
 * uncertainty (inverse-CDF of its distribution) and one per structural uncertainty (alternatives by weight).
 * The same seed gives the same futures for every policy (common random numbers).
 */
export function sampleFutures(s: Scenario, count: number, seed: number): FutureDesign {
  const uncertainties = listUncertainties(s);
  const structural = listStructural(s);
  const d = uncertainties.length + structural.length;
  const points = latinHypercube(count, d, (dim) => streamFor(seed, DESIGN_KEY, dim));
  const futures = points.map((u, index) => ({
    index,
    values: uncertainties.map((x, k) => fromUnit(u[k], x)),
    alternatives: Object.fromEntries(
      structural.map((st, k) => [st.id, st.alternatives[categorical(u[uncertainties.length + k], st.alternatives.map((a) => a.weight))].id]),
    ),
  }));
  return { uncertainties, structural, futures };
}

/**
 * The status-quo scenario of one future: every sampled value written into its annotated parameter, then each
 * structural alternative's changes and strategies applied. Policies are applied on top of this (same future).
 */
export function scenarioForFuture(s: Scenario, design: Pick<FutureDesign, 'uncertainties'>, future: Pick<Future, 'values' | 'alternatives'>): Scenario {
  const out = structuredClone(s);
  design.uncertainties.forEach((x, k) => {
    let obj = out as unknown as Record<string | number, unknown>;
    for (const key of x.location) obj = obj[key] as Record<string | number, unknown>;
    obj.value = future.values[k];
  });
  return applyStructural(out, future.alternatives);
}
