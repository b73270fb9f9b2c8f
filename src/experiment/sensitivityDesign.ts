import type { Scenario } from '../scenario/schema.js';
import { categorical, fromUnit } from './designs/transform.js';
import { cellValue, type CellValueOutcome } from './outcomeTable.js';
import type { Future } from './futures.js';
import { listStructural, listUncertainties, type StructuralUncertainty, type Uncertainty } from './uncertainties.js';

/** What a sensitivity analysis reads off each design row's cell (docs/sensitivity.md#on-the-model). */
export type SensitivityOutcome = 'war' | 'nuclear' | 'clashYears' | 'escalation';

/** The outcomes, in the order the CLI lists them. */
export const SENSITIVITY_OUTCOMES: readonly SensitivityOutcome[] = ['war', 'nuclear', 'clashYears', 'escalation'];

/** One input of a sensitivity analysis on a scenario: a numeric uncertainty or a structural one (categorical). */
export interface SensitivityInput {
  /** The uncertainty's path (`crisis.ladder.warGivenClash`) or the structural uncertainty's id (`prk-type`). */
  name: string;
  kind: 'numeric' | 'structural';
  /** Index into the space's `uncertainties` (numeric) or `structural` (structural). */
  index: number;
}

/** Every input a scenario declares, with the uncertainties they come from. */
export interface SensitivitySpace {
  inputs: SensitivityInput[];
  uncertainties: Uncertainty[];
  structural: StructuralUncertainty[];
}

/**
 * The inputs of a sensitivity analysis: every ranged parameter (listUncertainties: parameters, lever and strategy
 * effect sizes), then every structural uncertainty as a categorical input, in document order.
 * Example: `sensitivitySpace(duel).inputs.map((i) => i.name)` → ['actors[A].capabilities.conventional.elasticity', …].
 */
export function sensitivitySpace(s: Scenario): SensitivitySpace {
  const uncertainties = listUncertainties(s);
  const structural = listStructural(s);
  return {
    uncertainties,
    structural,
    inputs: [
      ...uncertainties.map((u, index) => ({ name: u.name, kind: 'numeric' as const, index })),
      ...structural.map((u, index) => ({ name: u.id, kind: 'structural' as const, index })),
    ],
  };
}

/**
 * One design row as a future: the varied inputs (`columns`, indices into `space.inputs`) take the row's unit
 * values mapped through their distributions (inverse CDF; structural alternatives by weight), every other input
 * its stated value (a structural uncertainty its default alternative). The future's index is the row's, so each
 * row draws its own crisis streams — which is what lets the dummy measure the run-to-run noise.
 * Example: `designFuture(space, [0.5, 0.5], [0, 4], 7)`.
 */
export function designFuture(space: SensitivitySpace, unit: readonly number[], columns: readonly number[], index: number): Future {
  const values = space.uncertainties.map((u) => u.value);
  const alternatives: Record<string, string> = Object.fromEntries(space.structural.map((st) => [st.id, st.default]));
  columns.forEach((c, j) => {
    const input = space.inputs[c];
    // A unit value of exactly 1 (the top of the Morris grid) is the top of the range, not beyond it.
    const u = Math.min(unit[j], 1 - 1e-12);
    if (input.kind === 'numeric') values[input.index] = fromUnit(u, space.uncertainties[input.index]);
    else {
      const st = space.structural[input.index];
      alternatives[st.id] = st.alternatives[categorical(u, st.alternatives.map((a) => a.weight))].id;
    }
  });
  return { index, values, alternatives };
}

/** Each sensitivity outcome as the comparison names it, so both read a cell through one definition. */
const COMPARISON_NAME: Record<SensitivityOutcome, CellValueOutcome> = {
  war: 'war',
  nuclear: 'nuclear',
  clashYears: 'clashYearsPerDecade',
  escalation: 'escalationScore',
};

/**
 * The outcome of one cell: P(war), P(nuclear use) over the horizon, clash-years per decade, or the mean monthly
 * escalation score — the comparison's own definitions (outcomeTable.ts cellValue), under the sensitivity names.
 */
export function cellOutcome(c: Parameters<typeof cellValue>[0], outcome: SensitivityOutcome, horizonMonths: number): number {
  return cellValue(c, COMPARISON_NAME[outcome], horizonMonths);
}

/**
 * Group names for the inputs from name prefixes: an input belongs to the first prefix its name starts with;
 * inputs matching none form the group `(other)`. Example: `prefixGroups(['levers[a].effect', 'x'], ['levers'])`
 * → ['levers', '(other)'].
 */
export function prefixGroups(names: readonly string[], prefixes: readonly string[]): string[] {
  return names.map((n) => prefixes.find((p) => n.startsWith(p)) ?? '(other)');
}

/**
 * The family of an input: its path with every label replaced by `*` (and the crisis actor's id), so the same
 * parameter of every actor, relation or lever is one group — e.g. `relations[PRK>USA].hostility` →
 * `relations[*].hostility`, `crisis.actors.PRK.bias` → `crisis.actors.*.bias`; a structural uncertainty is its own.
 */
export function parameterFamily(name: string): string {
  return name.replace(/\[[^\]]*\]/g, '[*]').replace(/^crisis\.actors\.[^.]+\./, 'crisis.actors.*.');
}
