import type { Distribution } from '../scenario/param.js';
import type { Scenario } from '../scenario/schema.js';
import { labelOf } from '../scenario/summary.js';

/** One numeric uncertainty: where it sits in the scenario, its central value, range and distribution. */
export interface Uncertainty {
  /** Readable path, e.g. `relations[PRK>USA].hostility` or `levers[exercise-scale].effect`. */
  name: string;
  /** Object path into the parsed scenario (array indices as numbers) of the annotated value. */
  location: (string | number)[];
  value: number;
  range: [number, number];
  dist: Distribution;
  /** Beta shape [a, b] (dist `beta` only). */
  shape?: [number, number];
  /** The scenario's reason for a median other than `value`, if it gives one. */
  offCentre?: string;
  provenance: 'sourced' | 'assumed';
}

/** A structural uncertainty: named alternatives with weights (DESIGN.md §3.5). */
export interface StructuralUncertainty {
  id: string;
  title: string;
  alternatives: { id: string; title: string; weight: number }[];
  default: string;
}

/**
 * Every parameter the scenario gives a range (lo < hi): the numeric uncertainties experiments sample, in a fixed
 * document order (so a design's columns are stable), including each lever's effect size. Parameters inside
 * timeline changes and structural alternatives are not sampled (they are set values).
 */
export function listUncertainties(s: Scenario): Uncertainty[] {
  const out: Uncertainty[] = [];
  const visit = (x: unknown, location: (string | number)[], name: string) => {
    if (Array.isArray(x)) {
      x.forEach((v, i) => visit(v, [...location, i], `${name}[${labelOf(v) ?? i}]`));
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.value === 'number' && Array.isArray(o.range) && ('source' in o || 'assumption' in o)) {
      const [lo, hi] = o.range as [number, number];
      if (hi > lo) {
        out.push({
          name,
          location,
          value: o.value,
          range: [lo, hi],
          dist: (o.dist as Distribution | undefined) ?? 'split-uniform',
          ...(Array.isArray(o.shape) ? { shape: o.shape as [number, number] } : {}),
          ...(typeof o.offCentre === 'string' ? { offCentre: o.offCentre } : {}),
          provenance: typeof o.source === 'string' ? 'sourced' : 'assumed',
        });
      }
      return;
    }
    for (const [k, v] of Object.entries(o)) {
      // The record's discrepancy variances describe the model's error, not the world: never sampled.
      if (k === 'changes' || k === 'uncertainties' || k === 'sources' || k === 'catalog' || k === 'record') continue;
      visit(v, [...location, k], name ? `${name}.${k}` : k);
    }
  };
  visit(s, [], '');
  return out;
}


/** The scenario's structural uncertainties. */
export function listStructural(s: Scenario): StructuralUncertainty[] {
  return (s.uncertainties?.structural ?? []).map((u) => ({
    id: u.id,
    title: u.title,
    default: u.default,
    alternatives: u.alternatives.map((a) => ({ id: a.id, title: a.title, weight: a.weight })),
  }));
}
