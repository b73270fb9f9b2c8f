import { experimentsTable, type ExperimentValue } from '../experiment/experimentsTable.js';
import { ExperimentStore } from './experimentStore.js';

/** A stored comparison cannot be read as asked (unknown id, no stored design, missing cells, a bad case): the message says why, the hint what to do. */
export class StoredExperimentError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * The experiments table (experimentsTable.ts) of one comparison in a store: the one whose id starts with
 * `experiment`, or the comparison begun last. Reads the stored design (sampled values), the record weights
 * (1 each when none were stored) and every (policy, future) cell; an incomplete experiment is refused.
 * Example: `exportExperiments('flashpoints-korea-2024.sqlite').rows.length` → futures × policies.
 */
export function exportExperiments(file: string, experiment?: string): { id: string; header: string[]; rows: ExperimentValue[][] } {
  const store = ExperimentStore.open(file, { mustExist: true });
  try {
    const comparisons = store.experiments().filter((e) => e.options.kind !== 'sensitivity' && Array.isArray(e.options.policies));
    const listed = comparisons.map((e) => `${e.id.slice(0, 12)} (${(e.options.policies as string[]).length} policies × ${String(e.options.futures)} futures, seed ${e.seed})`).join('; ');
    const matches = experiment === undefined ? comparisons.slice(-1) : comparisons.filter((e) => e.id.startsWith(experiment));
    if (matches.length !== 1) {
      const what = experiment === undefined ? 'holds no policy comparison' : matches.length ? `has ${matches.length} comparisons whose id starts with '${experiment}'` : `has no comparison whose id starts with '${experiment}'`;
      throw new StoredExperimentError(`${file}: the store ${what}`, comparisons.length ? `its comparisons: ${listed}` : 'run `flashpoints compare SCENARIO --store FILE` first');
    }
    const e = matches[0];
    const design = store.getDesign(e.id);
    if (!design) throw new StoredExperimentError(`${file}: comparison ${e.id.slice(0, 12)} was stored without its design (an earlier version)`, 'run the same `flashpoints compare` again: it stores the design and reuses every cell');
    const policies = e.options.policies as string[];
    const missing = design.futures.length * policies.length - policies.reduce((n, p) => n + design.futures.filter((f) => store.getOutcome(e.id, p, f.index) !== undefined).length, 0);
    if (missing > 0) throw new StoredExperimentError(`${file}: comparison ${e.id.slice(0, 12)} is incomplete: ${missing} of ${design.futures.length * policies.length} cells are missing`, 'run the same `flashpoints compare` again to finish it (stored cells are reused)');
    const weights = store.getWeights(e.id) as { perFuture: { weight: number }[] } | undefined;
    const table = experimentsTable(design, policies, (p, k) => store.getOutcome(e.id, p, k)!, weights ? weights.perFuture.map((f) => f.weight) : design.futures.map(() => 1), Number(e.options.horizonMonths));
    return { id: e.id, ...table };
  } finally {
    store.close();
  }
}
