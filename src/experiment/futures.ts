import { streamFor } from '../math/rng/index.js';
import { applyStructural } from '../scenario/apply.js';
import { withValuesAt } from '../scenario/paths.js';
import type { Scenario } from '../scenario/schema.js';
import { latinHypercube } from './designs/latinHypercube.js';
import { categorical, fromUnit } from './designs/transform.js';
import { listStructural, listUncertainties, type StructuralUncertainty, type Uncertainty } from './uncertainties.js';

/** One sampled future: a value for every numeric uncertainty and an alternative for every structural one. */
export interface Future {
  index: number;
  /** Which independent Latin hypercube of the design the future belongs to (replicated LHS; futures.ts). */
  replicate?: number;
  values: number[];
  alternatives: Record<string, string>;
}

export interface FutureDesign {
  /** Independent Latin hypercubes the futures come in (≥ 1). */
  replicates: number;
  uncertainties: Uncertainty[];
  structural: StructuralUncertainty[];
  futures: Future[];
}

// Design streams are keyed apart from the crisis streams (seed, future, replication, stream) by a first key part
// no future index reaches.
const DESIGN_KEY = 2 ** 40;

/**
 * The default number of independent Latin hypercubes for M futures: ten (or M/5 when fewer futures), at least two.
 * Ten replicates give the between-replicate variance nine degrees of freedom; five futures each keep most of what
 * stratification gains (docs/experiments.md#intervals).
 */
export function defaultReplicates(count: number): number {
  return Math.max(Math.min(2, count), Math.min(10, Math.floor(count / 5)));
}

/**
 * M futures of the scenario's uncertainties as a replicated Latin hypercube (McKay, Beckman & Conover 1979; Iman
 * 1981): `replicates` independent hypercubes of about M / replicates futures each, every one stratifying each
 * uncertainty on its own. Within a hypercube one column per numeric uncertainty (inverse CDF of its distribution)
 * and one per structural uncertainty (alternatives by weight). The replicates are independent, so the spread of
 * their means measures the Monte Carlo error of an estimate without pretending that stratified futures are
 * independent draws. The same seed gives the same futures for every policy (common random numbers).
 */
export function sampleFutures(s: Scenario, count: number, seed: number, options: { replicates?: number } = {}): FutureDesign {
  const uncertainties = listUncertainties(s);
  const structural = listStructural(s);
  const d = uncertainties.length + structural.length;
  const K = Math.max(1, Math.min(count, options.replicates ?? defaultReplicates(count)));
  const futures: Future[] = [];
  for (let r = 0; r < K; r++) {
    const n = Math.floor(count / K) + (r < count % K ? 1 : 0);
    const points = latinHypercube(n, d, (dim) => streamFor(seed, DESIGN_KEY, r, dim));
    for (const u of points) {
      futures.push({
        index: futures.length,
        replicate: r,
        values: uncertainties.map((x, k) => fromUnit(u[k], x)),
        alternatives: Object.fromEntries(
          structural.map((st, k) => [st.id, st.alternatives[categorical(u[uncertainties.length + k], st.alternatives.map((a) => a.weight))].id]),
        ),
      });
    }
  }
  return { replicates: K, uncertainties, structural, futures };
}

/**
 * The status-quo scenario of one future: every sampled value written into its annotated parameter, then each
 * structural alternative's changes and strategies applied. Policies are applied on top of this (same future).
 */
export function scenarioForFuture(s: Scenario, design: Pick<FutureDesign, 'uncertainties'>, future: Pick<Future, 'values' | 'alternatives'>): Scenario {
  // Copy on write (withValuesAt): the sampled values replace their parameters without cloning the scenario.
  const out = withValuesAt(s, design.uncertainties.map((x) => x.location), future.values);
  return applyStructural(out, future.alternatives);
}
