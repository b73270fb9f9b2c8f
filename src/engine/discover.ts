import { caseWords, boxWords, DISCOVER_OUTCOMES, isCase, parseWhere, type DiscoverCase, type DiscoverOutcome } from '../report/discoverWords.js';
import { prim, type PrimResult, type PrimRow } from '../sensitivity/index.js';
import type { ExperimentValue } from '../experiment/experimentsTable.js';
import { exportExperiments, StoredExperimentError } from './exportExperiments.js';

/** Options of {@link discover}. */
export interface DiscoverOptions {
  /** The comparison (a prefix of its id); default the one begun last. */
  experiment?: string;
  /** The case of interest: `A<B`, `A>B`, `OUTCOME>x`, `OUTCOME<x` (discoverWords.ts). */
  where: string;
  /** The outcome a policy comparison `A<B` reads. Default war. */
  outcome: DiscoverOutcome;
  /** Margin of `A<B`: A below B by more than this. Default 0. */
  margin: number;
  /** The policy of `OUTCOME>x`. Default status-quo. */
  policy: string;
  /** Weigh the futures by the stored record weights, or count them alike. */
  weights: 'record' | 'none';
  peelAlpha?: number;
  pasteAlpha?: number;
  massMin?: number;
  threshold?: number;
}

/** What `flashpoints discover` finds. */
export interface DiscoverResult {
  experiment: string;
  case: DiscoverCase;
  caseText: string;
  /** Futures of the comparison, those of positive weight, and how many of these are cases of interest. */
  allFutures: number;
  futures: number;
  cases: number;
  weighted: boolean;
  inputs: string[];
  prim: PrimResult;
  /** The chosen box in words. */
  box: string;
}

/**
 * Scenario discovery on a stored comparison: each future is a row of its sampled inputs (numeric uncertainties
 * and structural alternatives, from the stored design), its case of interest read off its cells (e.g. dialogue's
 * P(war) below the status quo's by more than a margin), weighted by the record when asked; PRIM (src/sensitivity)
 * then finds the box of inputs where the case concentrates, put in words.
 * Example: `discover('flashpoints-korea-2024.sqlite', { where: 'war>0.1', outcome: 'war', margin: 0, policy: 'status-quo', weights: 'record' }).box`.
 */
export function discover(file: string, o: DiscoverOptions): DiscoverResult {
  return discoverInTable(exportExperiments(file, o.experiment), o);
}

/** {@link discover} on an experiments table already at hand (e.g. the comparison just run). */
export function discoverInTable(table: { id: string; header: string[]; rows: ExperimentValue[][] }, o: Omit<DiscoverOptions, 'experiment'>): DiscoverResult {
  const col = (name: string) => table.header.indexOf(name);
  const inputs = table.header.slice(col('policy') + 1, col('weight'));
  const byFuture = new Map<number, { row: PrimRow; weight: number; outcome: Map<string, Record<DiscoverOutcome, number>> }>();
  for (const r of table.rows) {
    const k = r[col('future')] as number;
    let f = byFuture.get(k);
    if (!f) {
      f = { row: Object.fromEntries(inputs.map((n) => [n, r[col(n)]])), weight: r[col('weight')] as number, outcome: new Map() };
      byFuture.set(k, f);
    }
    const outcomes = Object.fromEntries(Object.entries(DISCOVER_OUTCOMES).map(([name, d]) => [name, r[col(d.column)] as number])) as Record<DiscoverOutcome, number>;
    f.outcome.set(r[col('policy')] as string, outcomes);
  }
  const futures = [...byFuture.values()];
  const policies = [...futures[0].outcome.keys()];
  const c = parseWhere(o.where, { policies, outcome: o.outcome, margin: o.margin, policy: o.policy });
  if (typeof c === 'string') throw new StoredExperimentError(c, 'e.g. --where dialogue<status-quo --margin 0.01, or --where war>0.1 --policy status-quo');
  if (c.kind === 'threshold' && !policies.includes(c.policy)) throw new StoredExperimentError(`--policy ${c.policy}: not a policy of comparison ${table.id.slice(0, 12)}`, `its policies: ${policies.join(', ')}`);
  const y = futures.map((f) => isCase(c, (p) => f.outcome.get(p)![c.outcome]));
  const weights = o.weights === 'record' ? futures.map((f) => f.weight) : futures.map(() => 1);
  const weighted = o.weights === 'record' && weights.some((w) => w !== 1);
  const result = prim(futures.map((f) => f.row), y, { weights, columns: inputs, peelAlpha: o.peelAlpha, pasteAlpha: o.pasteAlpha, massMin: o.massMin, threshold: o.threshold });
  return {
    experiment: table.id,
    case: c,
    caseText: caseWords(c),
    allFutures: futures.length,
    futures: weights.filter((w) => w > 0).length,
    cases: y.filter((v, k) => v && weights[k] > 0).length,
    weighted,
    inputs,
    prim: result,
    box: boxWords(c, result.box, result.initial, weighted),
  };
}
