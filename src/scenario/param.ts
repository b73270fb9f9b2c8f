import type { AnnotatedParam } from './paramSchema.js';

/**
 * A model parameter as a scenario writes it: a bare number, or an annotated value that says where it comes from
 * (`source`, an id from the scenario's `sources`) or why it was chosen (`assumption`, a reason), and, when it is
 * uncertain, a `range` [lo, hi] and a distribution over it. Every parameter with a range is an uncertainty that
 * experiments sample (docs/scenario-format.md#parameters).
 *
 * This module is what the models and the CLI read parameters with; their zod schemas are in paramSchema.ts, so that
 * reading a checked scenario (the scenario cache, docs/performance.md) does not load zod.
 */
export interface ParamDomain {
  min?: number;
  max?: number;
}

// `split-uniform` (the default) and `split-loguniform` put half the draws on each side of the stated value, so the
// value is the median whatever the range's asymmetry; `beta` is a probability's Beta(a, b) (its `range` is the
// central 95%). The others are kept for what they say: their median is the value only for a symmetric range.
export const distributions = ['split-uniform', 'split-loguniform', 'uniform', 'triangular', 'normal', 'loguniform', 'beta'] as const;
export type Distribution = (typeof distributions)[number];

export function domainText(d: ParamDomain): string {
  return `[${d.min ?? '-∞'}, ${d.max ?? '∞'}]`;
}

// Defined beside DOMAINS, so that code that only resolves paths (paths.ts) need not load this module.
export { unitInterval } from './domains.js';
export const nonNegative = { min: 0 } as const;

export type Param = number | AnnotatedParam;

/** The value a parameter takes when nothing is sampled. */
export function paramValue(p: Param | undefined, fallback = 0): number {
  if (p === undefined) return fallback;
  return typeof p === 'number' ? p : p.value;
}

/** How a parameter is documented: by a source, as an assumption, or not at all (a bare number). */
export function provenanceOf(p: Param): 'sourced' | 'assumed' | 'bare' {
  if (typeof p === 'number') return 'bare';
  return p.source !== undefined ? 'sourced' : 'assumed';
}
