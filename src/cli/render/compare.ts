import type { ComparisonResult, Diff, Interval, PolicyResult } from '../../report/types.js';
import { cellsLine } from './cellsLine.js';
import { fitTable, wrapText } from './table.js';

export { cellsLine } from './cellsLine.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pt = (x: number) => (100 * x).toFixed(1);
const iv = (o: Interval) => `${pct(o.p)} [${pt(o.lo)}, ${pt(o.hi)}]`;
const num = (x: number) => x.toFixed(2);
/** A signed difference; one that prints as zero carries no sign (never "±0.0%"). */
export const signed = (x: number, f: (v: number) => string) => {
  const text = f(Math.abs(x));
  return (/[1-9]/.test(text) ? (x > 0 ? '+' : x < 0 ? '−' : '') : '') + text;
};
const diff = (d: Diff | undefined) => (d ? `${signed(d.diff, pct)} [${signed(d.lo, pt)}, ${signed(d.hi, pt)}]${d.lo > 0 || d.hi < 0 ? ' *' : ''}` : '(reference)');

/** The readable form of `flashpoints compare` (and of the main job's comparison). */
export function renderComparison(r: ComparisonResult, info: { computed: number; reused: number; threads: number; queue?: string }): string {
  const o = r.options;
  const w = r.weights;
  const weighted = w.method !== 'none';
  const out: string[] = [];
  out.push(r.question);
  out.push(`${r.scenarioInfo.title}: ${o.policies.length} policies × ${o.futures} futures (Latin hypercube) × ${o.runs} runs, ${o.horizonMonths} months, seed ${r.seed}`);
  if (weighted) {
    out.push(`Futures weighted by the record: history matching keeps ${w.ess} of ${w.futures} futures (${pct(w.share)}; implausibility ≤ ${w.cutoff} on ${(w.kth ?? 1) === 1 ? 'every target' : `all but ${(w.kth ?? 1) - 1} target${(w.kth ?? 1) > 2 ? 's' : ''}`}).`);
    const ruling = w.targets.filter((t) => t.rulesOut > 0).map((t) => `${t.id} ${t.rulesOut}`);
    out.push(`  ruled out by: ${ruling.length ? ruling.join(', ') : 'no target'} (a future can fail several)`);
    if (w.rules?.length) out.push(`  kept under other rules (cut-off × kth largest implausibility): ${w.rules.map((x) => `${x.cutoff}×${x.kth}: ${x.kept}`).join(', ')}`);
    if (w.warning) out.push(`  warning: ${w.warning}`);
  } else {
    out.push('The scenario has no record (`record:` section): every future counts alike, and "weighted" equals "unweighted".');
  }
  out.push(`95% intervals in brackets count the sampling of futures and the runs within them (t interval from the spread between the design's ${o.futures >= 10 ? 'independent replicates' : 'replicates'}).`);
  const rows = r.policies.map((p) => {
    const [a, b] = [p.weighted, p.unweighted];
    return [
      p.id,
      iv(a.outcomes.war),
      iv(b.outcomes.war),
      `${pct(a.outcomes.nuclear.p)} | ${pct(b.outcomes.nuclear.p)}`,
      `${num(a.outcomes.clashYearsPerDecade.mean)} | ${num(b.outcomes.clashYearsPerDecade.mean)}`,
      diff(a.versusStatusQuo?.war),
      diff(b.versusStatusQuo?.war),
    ];
  });
  out.push(fitTable(['policy', 'P(war) weighted', 'P(war) unweighted', 'P(nuclear) w | unw', 'clash-yrs/dec w | unw', 'ΔP(war) weighted', 'ΔP(war) unweighted'], rows));
  out.push("* the paired difference's 95% interval (same futures and random streams for every policy) excludes zero.");
  out.push(`P(war) across futures (5–95%, record-weighted): ${r.policies.map((p) => `${p.id} ${pct(p.weighted.acrossFutures.war.q05)}–${pct(p.weighted.acrossFutures.war.q95)}`).join('; ')}`);

  const groups = r.policies[0]?.weighted.groups ?? [];
  if (groups.length) {
    out.push('\nWhere the risk comes from: P(war) by the dyads the first war begins in (record-weighted):');
    out.push(fitTable(['policy', ...groups.map((x) => x.title)], r.policies.map((p) => [p.id, ...p.weighted.groups.map((x) => iv(x.war))])));
  }

  const byType = r.byType.weighted;
  for (const u of byType) {
    out.push(`\nBy ${u.title.toLowerCase()} (${u.uncertainty}), record-weighted:`);
    for (const a of u.alternatives) {
      const cells = a.policies.map((p) => `${p.id} ${pct(p.war.p)}`).join(', ');
      const sep = a.separated ? `, ahead of ${a.runnerUp} by ${pct(-a.margin.diff)} [${pt(-a.margin.hi)}, ${pt(-a.margin.lo)}]` : `, not separated from ${a.runnerUp} (${signed(a.margin.diff, pct)} [${signed(a.margin.lo, pt)}, ${signed(a.margin.hi, pt)}])`;
      out.push(`  ${a.title} (${a.futures} futures, ${a.weight} kept): lowest P(war) under ${a.best}${sep} — ${cells}`);
    }
    const plainType = r.byType.unweighted.find((x) => x.uncertainty === u.uncertainty);
    if (plainType) out.push(`  unweighted: ${plainType.alternatives.map((a) => `${a.title.toLowerCase()} → ${a.best}${a.separated ? '' : ' (not separated)'}`).join('; ')}`);
    const winners = new Set(u.alternatives.map((a) => a.best));
    const flip = winners.size > 1 && u.alternatives.every((a) => a.separated);
    out.push(
      flip
        ? '  → the best policy depends on this assumption (each winner separated from its runner-up).'
        : winners.size > 1
          ? '  → the winners differ, but not by more than the Monte Carlo error: no flip is claimed.'
          : '  → the same policy is best under every alternative.',
    );
  }
  const rb = r.robustness.weighted;
  out.push(`\nRobustness on P(war), record-weighted: minimax regret → ${rb.minimaxRegret}; most often P(war) ≤ ${pct(rb.threshold)} → ${rb.mostSatisficing} (unweighted: ${r.robustness.unweighted.minimaxRegret}; ${r.robustness.unweighted.mostSatisficing})`);
  out.push('  ' + rb.policies.map((p) => `${p.id}: max regret ${pct(p.maxRegret)}, satisficing in ${pct(p.satisficing)} of futures`).join('; '));
  out.push(`\nP(nuclear | war) is an elicited assumption (crisis.ladder.nuclearGivenWar); these are model results under stated assumptions, not forecasts.`);
  out.push(cellsLine(r, info));
  // The reproduce line is never wrapped, so it can be copied.
  return wrapText(out.join('\n')) + `\nreproduce: ${r.reproduce.command}  (flashpoints ${r.flashpoints}, scenario sha256 ${r.scenario.hash})\n`;
}

export type { PolicyResult };
