/**
 * The pass/fail rules of the crisis calibration table (docs/calibration-crisis.md), fixed before the comparison
 * was run (see the commit history): each target states how far the simulated status quo may sit from the record.
 *
 * - `inside95`: the observed statistic must lie inside the central 95% of the statistic over replications of the
 *   model on the same covariate path (a posterior-predictive check; the interval is the model's, not the data's).
 * - `absolute`: |simulated mean − observed| ≤ tolerance, in the target's own unit.
 * - `atMost`: the simulated mean must not exceed the tolerance (an upper bound the record implies).
 */
export type ToleranceRule = { kind: 'inside95' } | { kind: 'absolute'; tolerance: number } | { kind: 'atMost'; bound: 'poisson95' };

/** One row's rule and the words the table prints for it. */
export interface TargetTolerance {
  id: string;
  label: string;
  rule: ToleranceRule;
  text: string;
}

export const CRISIS_TOLERANCES: readonly TargetTolerance[] = [
  { id: 'launch-mean', label: 'Missiles per month, mean (2012–2019)', rule: { kind: 'inside95' }, text: 'observed inside the simulated 95% interval' },
  { id: 'launch-variance', label: 'Missiles per month, variance (2012–2019)', rule: { kind: 'inside95' }, text: 'observed inside the simulated 95% interval' },
  { id: 'launch-zero-share', label: 'Share of months with no missile (2012–2019)', rule: { kind: 'inside95' }, text: 'observed inside the simulated 95% interval' },
  { id: 'exercise-lift', label: 'Exercise-month lift (mean ratio, exercise vs other months)', rule: { kind: 'inside95' }, text: 'observed inside the simulated 95% interval' },
  { id: 'dialogue-lull', label: 'Missiles in the 2018 dialogue months (2018-04 … 2019-02)', rule: { kind: 'inside95' }, text: 'observed inside the simulated 95% interval' },
  { id: 'clash-years', label: 'Clash-years per decade, North Korea with ROK/US/Japan', rule: { kind: 'absolute', tolerance: 0.3 }, text: '|simulated − observed| ≤ 0.3 per decade' },
  { id: 'war-onsets', label: 'War onsets per decade on the peninsula', rule: { kind: 'atMost', bound: 'poisson95' }, text: 'simulated ≤ the one-sided 95% Poisson bound of the record (0 wars 1954–2014)' },
];
