import Table from 'cli-table3';
import type { ComparisonResult } from '../../report/types.js';

const plain = { style: { head: [], border: [] } };
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const iv = (o: { p: number; lo: number; hi: number }) => `${pct(o.p)} [${pct(o.lo)}, ${pct(o.hi)}]`;
const num = (x: number) => x.toFixed(2);
const signed = (x: number, f: (v: number) => string) => (x > 0 ? '+' : x < 0 ? '−' : '±') + f(Math.abs(x));

/** The readable form of `flashpoints compare` (and of the main job's comparison). */
export function renderComparison(r: ComparisonResult, info: { computed: number; reused: number; threads: number; queue?: string }): string {
  const o = r.options;
  const out: string[] = [];
  out.push(r.question);
  out.push(`${r.scenarioInfo.title}: ${o.policies.length} policies × ${o.futures} futures (Latin hypercube) × ${o.runs} runs, ${o.horizonMonths} months, seed ${r.seed}`);
  out.push('Monte Carlo 95% intervals in brackets; "across futures" is the 5–95% range of the per-future values (the deep uncertainty).');
  const t = new Table({ head: ['policy', 'P(clash)', 'P(war) [MC 95%]', 'P(war) across futures', 'P(nuclear)', 'clash-years/decade', 'ΔP(war) vs status quo'], ...plain });
  for (const p of r.policies) {
    const d = p.versusStatusQuo?.war;
    t.push([
      p.id,
      pct(p.outcomes.clash.p),
      iv(p.outcomes.war),
      `${pct(p.acrossFutures.war.q05)} – ${pct(p.acrossFutures.war.q95)}`,
      iv(p.outcomes.nuclear),
      `${num(p.outcomes.clashYearsPerDecade.mean)} [${num(p.outcomes.clashYearsPerDecade.lo)}, ${num(p.outcomes.clashYearsPerDecade.hi)}]`,
      d ? `${signed(d.diff, pct)} [${signed(d.lo, pct)}, ${signed(d.hi, pct)}]${d.lo > 0 || d.hi < 0 ? ' *' : ''}` : '(reference)',
    ]);
  }
  out.push(t.toString());
  out.push('* the paired difference\'s 95% interval (cluster bootstrap over futures) excludes zero.');
  for (const u of r.byType) {
    out.push(`\nBy ${u.title.toLowerCase()} (${u.uncertainty}):`);
    for (const a of u.alternatives) {
      const cells = a.policies.map((p) => `${p.id} ${pct(p.war.p)}`).join(', ');
      out.push(`  ${a.title} (${a.futures} futures): lowest P(war) under ${a.best} — ${cells}`);
    }
    const winners = new Set(u.alternatives.map((a) => a.best));
    out.push(winners.size > 1 ? '  → the best policy depends on this assumption.' : '  → the same policy is best under every alternative.');
  }
  const rb = r.robustness;
  out.push(`\nRobustness on P(war): minimax regret → ${rb.minimaxRegret}; most often P(war) ≤ ${pct(rb.threshold)} → ${rb.mostSatisficing}`);
  out.push(
    '  ' + rb.policies.map((p) => `${p.id}: max regret ${pct(p.maxRegret)}, satisficing in ${pct(p.satisficing)} of futures`).join('; '),
  );
  out.push(`\nP(nuclear | war) is an elicited assumption (crisis.ladder.nuclearGivenWar); these are model results under stated assumptions, not forecasts.`);
  out.push(`cells computed ${info.computed}, reused from the store ${info.reused}; ${r.timing ? `${r.timing.seconds.toFixed(1)} s ${info.queue ? `on the queue ${info.queue}` : `on ${info.threads} thread${info.threads === 1 ? '' : 's'}`}` : ''}`);
  out.push(`reproduce: ${r.reproduce.command}  (flashpoints ${r.flashpoints}, scenario sha256 ${r.scenario.hash})`);
  return out.join('\n') + '\n';
}
