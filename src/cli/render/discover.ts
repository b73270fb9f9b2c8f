import type { DiscoverResult } from '../../engine/discover.js';
import { limitWords } from '../../report/discoverWords.js';
import { fitTable } from './table.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The readable form of `flashpoints discover`: the case, the peeling trade-off, the chosen box in words with its quasi-p-values. */
export function renderDiscover(r: DiscoverResult): string {
  const p = r.prim;
  const out: string[] = [];
  out.push(`Case of interest: ${r.caseText} — ${r.cases} of ${r.futures} futures${r.futures < r.allFutures ? ` (those of the ${r.allFutures} the record does not rule out)` : ''}, ${pct(p.totals.density)}${r.weighted ? ' record-weighted' : ''}; comparison ${r.experiment.slice(0, 12)}, ${r.inputs.length} inputs.`);
  out.push('Peeling trajectory (coverage: share of the cases inside the box; density: share of the box that is a case; mass: share of all futures):');
  out.push(
    fitTable(
      ['step', 'phase', 'coverage', 'density', 'mass', 'restricted inputs'],
      p.trajectory.map((s) => [s.index === p.chosen ? `${s.index} ←` : s.index, s.phase, pct(s.coverage), pct(s.density), pct(s.mass), s.restricted.length ? s.restricted.map((n) => limitWords(n, s.limits[n], p.initial[n])).join('; ') : '(all futures)']),
    ),
  );
  out.push(`Chosen box (step ${p.chosen}${p.thresholdMet ? `, density ≥ ${p.options.threshold}` : `, the densest: no box reaches density ${p.options.threshold}`}):`);
  out.push(`  ${r.box}`);
  const q = Object.entries(p.quasiP);
  if (q.length) out.push(`  quasi-p-values (a restriction above 0.05 adds little): ${q.map(([n, v]) => `${n} ${[v.lower, v.upper, v.categories].filter((x) => x !== undefined).map((x) => x!.toExponential(1)).join('/')}`).join('; ')}`);
  return out.join('\n') + '\n';
}
