import type { CellAggregate } from './cell.js';
import type { Future } from './futures.js';

/** What a comparison stores of its design: the columns' names and every future's sampled values. */
export interface StoredDesign {
  /** Uncertainty names (paths, `relations[PRK>USA].hostility`), aligned with each future's `values`. */
  uncertainties: string[];
  /** Structural uncertainty ids, the keys of each future's `alternatives`. */
  structural: string[];
  futures: Future[];
}

/** The outcome columns of the experiments table, after the inputs and the weight. */
export const EXPERIMENT_OUTCOME_COLUMNS = ['p_war', 'p_nuclear', 'p_clash', 'clash_years_per_decade', 'escalation_score'] as const;

/** One value of the table: a number, or a structural alternative's id. */
export type ExperimentValue = string | number;

/**
 * The experiments table of a comparison (the EMA Workbench's experiments and outcomes in one tidy table): one row
 * per (future, policy), futures in index order and policies in the given order, with columns `future`,
 * `replicate`, `policy`, every sampled uncertainty by its path, every structural uncertainty by its id (the
 * alternative drawn), the future's record `weight`, and the cell's outcomes — P(war), P(nuclear use), P(clash)
 * over the horizon, clash-years per decade and the mean monthly escalation score (the comparison's definitions).
 * Example: `experimentsTable(design, ['status-quo'], cellOf, [1, 1], 120).header[0]` → 'future'.
 */
export function experimentsTable(
  design: StoredDesign,
  policies: readonly string[],
  cellOf: (policy: string, future: number) => Pick<CellAggregate, 'runs' | 'warRuns' | 'nuclearRuns' | 'clashRuns' | 'clashYearsSum' | 'scoreMeanSum'>,
  weights: readonly number[],
  horizonMonths: number,
): { header: string[]; rows: ExperimentValue[][] } {
  const header = ['future', 'replicate', 'policy', ...design.uncertainties, ...design.structural, 'weight', ...EXPERIMENT_OUTCOME_COLUMNS];
  const rows: ExperimentValue[][] = [];
  design.futures.forEach((f, k) => {
    for (const p of policies) {
      const c = cellOf(p, f.index);
      const per = (n: number) => (c.runs ? n / c.runs : 0);
      rows.push([
        f.index,
        f.replicate ?? 0,
        p,
        ...f.values,
        ...design.structural.map((id) => f.alternatives[id] ?? ''),
        weights[k],
        per(c.warRuns),
        per(c.nuclearRuns),
        per(c.clashRuns),
        per(c.clashYearsSum) * (120 / horizonMonths),
        per(c.scoreMeanSum),
      ]);
    }
  });
  return { header, rows };
}
