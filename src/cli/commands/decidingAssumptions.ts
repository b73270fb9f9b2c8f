import type { ComparisonResult, SensitivitySummary } from '../../report/types.js';
import type { ExperimentsTable } from './compare.js';
import type { MorrisRow, SensitivityResult } from '../../engine/sensitivity.js';

/** The main job's screening settings: few trajectories and runs, parameter families as factors (docs/sensitivity.md#in-the-answer). */
export const MAIN_SCREENING = { trajectories: 6, runs: 8, levels: 4, groupBy: 'family' } as const;

const g3 = (x: number) => x.toFixed(3);

/** The five factors of largest μ* in one line each, and the dummy's level. */
export function topFactorLines(r: SensitivityResult, count = 5): string[] {
  const m = r.morris;
  const line = (f: MorrisRow) => `  ${f.name.padEnd(46)} μ* ${g3(f.muStar)} [${g3(f.muStarConf[0])}, ${g3(f.muStarConf[1])}]${m.dummy && f.muStarConf[0] > m.dummy.muStar ? '' : '  (within run noise)'}`;
  return [`${r.target}:`, ...m.factors.slice(0, count).map(line), ...(m.dummy ? [`  ${'dummy (run-to-run noise)'.padEnd(46)} μ* ${g3(m.dummy.muStar)} [${g3(m.dummy.muStarConf[0])}, ${g3(m.dummy.muStarConf[1])}]`] : [])];
}

/**
 * The main job's answer to "which assumptions decide it": a Morris screening of the status quo's P(war) and of
 * the paired difference between the policy of lowest record-weighted P(war) and the status quo, over every
 * uncertainty grouped into parameter families, with the cells kept in the main job's store (the status quo's
 * cells serve both screenings); prints the five families that matter most with their intervals and the dummy.
 * Then PRIM on the comparison's futures: for each policy, the box where it beats the status quo (P(war) lower),
 * record-weighted. Returns what the report's section shows; the ids of the store's experiments it read are pushed
 * onto `experiments`.
 */
export async function decidingAssumptions(file: string, comparison: ComparisonResult, table: ExperimentsTable, store: string | null | undefined, experiments: string[] = []): Promise<SensitivitySummary> {
  const { runSensitivityCli } = await import('./sensitivity.js');
  const others = comparison.policies.filter((p) => p.id !== 'status-quo');
  const best = others.length ? others.reduce((a, b) => (b.weighted.outcomes.war.p < a.weighted.outcomes.war.p ? b : a)) : undefined;
  const common = { method: 'morris', outcome: 'war', ...MAIN_SCREENING, n: 64, top: 10, seed: comparison.seed, horizon: comparison.options.horizonMonths, threads: 2, store, force: true, quiet: true };
  const out = process.stdout;
  out.write(`\n== Which assumptions decide it\n\nMorris screening of every uncertainty, grouped by parameter family: ${MAIN_SCREENING.trajectories} trajectories × ${MAIN_SCREENING.runs} runs (a quick screen; \`flashpoints sensitivity ${file}\` runs a finer one). μ* is the change of the outcome over a family's whole range.\n`);
  const screenings: SensitivitySummary['screenings'] = [];
  for (const extra of [{ policy: 'status-quo' }, ...(best ? [{ difference: `${best.id},status-quo` }] : [])]) {
    const r = (await runSensitivityCli(file, { ...common, ...extra })) as unknown as SensitivityResult;
    experiments.push(r.morris.experiment);
    screenings.push({ target: r.target, factors: r.morris.factors, dummy: r.morris.dummy, trajectories: r.morris.trajectories, runs: MAIN_SCREENING.runs, groupBy: MAIN_SCREENING.groupBy });
    out.write(`${topFactorLines(r).join('\n')}\n`);
  }
  const { discoverInTable } = await import('../../engine/discover.js');
  const boxes = others.map((p) => ({ policy: p.id, text: discoverInTable(table, { where: `${p.id}<status-quo`, outcome: 'war', margin: 0, policy: 'status-quo', weights: 'record' }).box }));
  out.write(`\nWhere each policy beats the status quo (PRIM on the ${comparison.options.futures} futures${comparison.weights.method === 'none' ? '' : `, record-weighted: ${comparison.weights.ess} kept`}):\n${boxes.map((b) => `  ${b.text}`).join('\n')}\n`);
  return { screenings, boxes };
}
