import type { ScenarioSummary } from '../../scenario/summary.js';
import { fitTable, wrapText } from './table.js';

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/** The readable form of `flashpoints show`. */
export function renderSummary(s: ScenarioSummary, hash: string): string {
  const c = s.counts;
  const out: string[] = [];
  out.push(`${s.title} (${s.id})`);
  out.push(`as of ${s.asOf ?? '—'}, simulation starts ${s.start ?? '—'}; sha256 ${hash}`);
  out.push(
    `${c.actors} actors, ${c.relations} relations, ${c.timeline} timeline events (${c.scheduled} scheduled), ${c.levers} levers, ${c.policies} policies, ${c.sources} sources`,
  );
  out.push(
    `parameters: ${c.parameters.sourced} sourced, ${c.parameters.assumed} assumed, ${c.parameters.bare} bare; uncertainties: ${c.uncertainties.ranges} ranges, ${c.uncertainties.structural} structural`,
  );
  const actors = s.actors.map((a) => [a.id, a.name, fmt(a.theatreShare), Object.entries(a.capabilities).map(([k, v]) => `${k} ${fmt(v.value)} ${v.unit} (${v.baseYear})`).join('\n') || '—']);
  out.push('', fitTable(['actor', 'name', 'theatre share', 'capabilities'], actors));
  if (s.relations.length) {
    const rel = s.relations.map((r) => [`${r.from} ${r.mutual ? '↔' : '→'} ${r.to}`, ...[r.hostility, r.alignment, r.treatyFloor, r.assurance, r.dialogue].map(fmt)]);
    out.push('', 'relations (pairs not listed are 0)', fitTable(['from → to', 'hostility', 'alignment', 'floor', 'assurance', 'dialogue'], rel));
  }
  if (s.policies.length) {
    const pol = s.policies.map((p) => [p.id, p.title, p.levers.join(', ') || '—', p.strategies.map((w) => `${w.actor}: ${w.strategy} toward ${w.targets === 'all' ? 'all' : w.targets.join(', ')}, adherence ${fmt(w.adherence)}${w.range ? ` in [${w.range.map(fmt).join(', ')}]` : ''}`).join('\n') || '—']);
    out.push('', fitTable(['policy', 'title', 'levers', 'strategies'], pol));
  }
  for (const u of s.structural) out.push(`structural uncertainty ${u.id}: ${u.alternatives.join(' | ')} (default ${u.default})`);
  if (s.timeline.length) {
    out.push('', 'timeline');
    for (const e of s.timeline) out.push(`  ${e.date}  ${e.scheduled ? '[scheduled] ' : ''}${e.title}${e.changes ? ` (${e.changes} change${e.changes > 1 ? 's' : ''})` : ''}`);
  }
  const assumed = s.parameters.filter((p) => p.provenance !== 'sourced');
  if (assumed.length) {
    out.push('', 'values not pinned by a source');
    for (const p of assumed) out.push(`  ${p.path} = ${fmt(p.value)}${p.range ? ` in [${p.range.map(fmt).join(', ')}]` : ''}${p.provenance === 'bare' ? ' (bare number)' : ''}`);
  }
  return wrapText(out.join('\n')) + '\n';
}
