import type { PrimLimit, PrimResult, PrimStep } from '../sensitivity/index.js';

/** The outcomes `discover` reads, by the name `--where` and `--outcome` use, with their experiments-table column. */
export const DISCOVER_OUTCOMES = {
  war: { column: 'p_war', label: 'P(war)' },
  nuclear: { column: 'p_nuclear', label: 'P(nuclear use)' },
  clash: { column: 'p_clash', label: 'P(clash)' },
  clashYears: { column: 'clash_years_per_decade', label: 'clash-years per decade' },
  escalation: { column: 'escalation_score', label: 'the escalation score' },
} as const;

/** A discover outcome name. */
export type DiscoverOutcome = keyof typeof DISCOVER_OUTCOMES;

/** The case of interest of a scenario discovery. */
export type DiscoverCase =
  | { kind: 'beats'; a: string; b: string; op: '<' | '>'; outcome: DiscoverOutcome; margin: number }
  | { kind: 'threshold'; policy: string; op: '<' | '>'; outcome: DiscoverOutcome; value: number };

/**
 * Parses `--where`: `A<B` (policy A's outcome below B's by more than `margin` — A beats B when lower is better),
 * `A>B` (above by more than the margin), or `OUTCOME>x` / `OUTCOME<x` for one policy (e.g. `war>0.1`). Returns a
 * message instead when the text names neither two known policies nor an outcome and a number.
 * Example: `parseWhere('dialogue<status-quo', { policies, outcome: 'war', margin: 0.01, policy: 'status-quo' })`.
 */
export function parseWhere(text: string, o: { policies: readonly string[]; outcome: DiscoverOutcome; margin: number; policy: string }): DiscoverCase | string {
  const m = /^\s*([A-Za-z0-9_.-]+)\s*([<>])\s*([A-Za-z0-9_.+-]+)\s*$/.exec(text);
  if (!m) return `--where '${text}': expected A<B or A>B (two policies), or OUTCOME>x / OUTCOME<x`;
  const [, left, op, right] = m as unknown as [string, string, '<' | '>', string];
  if (left in DISCOVER_OUTCOMES && right.trim() !== '' && Number.isFinite(Number(right))) return { kind: 'threshold', policy: o.policy, op, outcome: left as DiscoverOutcome, value: Number(right) };
  const unknown = [left, right].filter((p) => !o.policies.includes(p));
  if (unknown.length) return `--where '${text}': ${unknown.map((u) => `'${u}'`).join(' and ')} ${unknown.length > 1 ? 'are' : 'is'} neither a policy of the comparison (${o.policies.join(', ')}) nor, on the left, an outcome (${Object.keys(DISCOVER_OUTCOMES).join(', ')}) compared with a number`;
  return { kind: 'beats', a: left, b: right, op, outcome: o.outcome, margin: o.margin };
}

/** Whether a future is a case of interest, from the outcomes of its policies (by policy id). */
export function isCase(c: DiscoverCase, outcomeOf: (policy: string) => number): boolean {
  if (c.kind === 'threshold') return c.op === '>' ? outcomeOf(c.policy) > c.value : outcomeOf(c.policy) < c.value;
  const d = outcomeOf(c.a) - outcomeOf(c.b);
  return c.op === '<' ? d < -c.margin : d > c.margin;
}

/** The case of interest in words: "dialogue beats status-quo (P(war) lower by more than 0.01)". */
export function caseWords(c: DiscoverCase): string {
  const label = DISCOVER_OUTCOMES[c.outcome].label;
  if (c.kind === 'threshold') return `${label} under ${c.policy} is ${c.op === '>' ? 'above' : 'below'} ${c.value}`;
  const better = c.op === '<' ? 'beats' : 'does worse than';
  return `${c.a} ${better} ${c.b} (${label} ${c.op === '<' ? 'lower' : 'higher'} by more than ${c.margin})`;
}

const num = (x: number) => Number(x.toPrecision(3)).toString();
const pct = (x: number) => `${Math.round(100 * x)}%`;

/** One restricted input in words: `warGivenClash < 0.02`, `0.3 < hostility < 0.8`, `prk-type is spiral`. */
export function limitWords(name: string, limit: PrimLimit, initial: PrimLimit | undefined): string {
  if (limit.kind === 'categorical') return `${name} ${limit.categories.length === 1 ? 'is' : 'is one of'} ${limit.categories.join(', ')}`;
  const start = initial?.kind === 'numeric' ? initial : { lower: -Infinity, upper: Infinity };
  const low = limit.lower > start.lower, high = limit.upper < start.upper;
  if (low && high) return `${num(limit.lower)} < ${name} < ${num(limit.upper)}`;
  return low ? `${name} > ${num(limit.lower)}` : `${name} < ${num(limit.upper)}`;
}

/**
 * A PRIM box in words: "dialogue beats status-quo (…) in 84% of the futures with warGivenClash < 0.02 and
 * channelEffect > 0.3, which are 31% of all futures (they hold 60% of the cases)". `weighted` says the shares are
 * record-weighted.
 */
export function boxWords(c: DiscoverCase, step: PrimStep, initial: PrimResult['initial'], weighted: boolean): string {
  const futures = weighted ? 'record-weighted futures' : 'futures';
  if (!step.restricted.length) return `${caseWords(c)} in ${pct(step.density)} of all ${futures}; no box does better.`;
  const conds = step.restricted.map((n) => limitWords(n, step.limits[n], initial[n]));
  const list = conds.length > 1 ? `${conds.slice(0, -1).join(', ')} and ${conds.at(-1)}` : conds[0];
  return `${caseWords(c)} in ${pct(step.density)} of the ${futures} with ${list}, which are ${pct(step.mass)} of all ${futures} (they hold ${pct(step.coverage)} of the cases).`;
}
