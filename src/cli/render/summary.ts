import Table from 'cli-table3';
import type { ScenarioSummary } from '../../scenario/summary.js';

const plain = { style: { head: [], border: [] } };
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
  const actors = new Table({ head: ['actor', 'name', 'theatre share', 'capabilities'], ...plain });
  for (const a of s.actors) {
    actors.push([a.id, a.name, fmt(a.theatreShare), Object.entries(a.capabilities).map(([k, v]) => `${k} ${fmt(v.value)} ${v.unit} (${v.baseYear})`).join('\n') || '—']);
  }
  out.push('', actors.toString());
  if (s.relations.length) {
    const rel = new Table({ head: ['from → to', 'hostility', 'alignment', 'floor', 'assurance', 'dialogue'], ...plain });
    for (const r of s.relations) rel.push([`${r.from} ${r.mutual ? '↔' : '→'} ${r.to}`, ...[r.hostility, r.alignment, r.treatyFloor, r.assurance, r.dialogue].map(fmt)]);
    out.push('', 'relations (pairs not listed are 0)', rel.toString());
  }
  if (s.policies.length) {
    const pol = new Table({ head: ['policy', 'title', 'levers', 'strategies'], ...plain });
    for (const p of s.policies) pol.push([p.id, p.title, p.levers.join(', ') || '—', Object.entries(p.strategies).map(([a, st]) => `${a}: ${st}`).join(', ') || '—']);
    out.push('', pol.toString());
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
  return out.join('\n') + '\n';
}
