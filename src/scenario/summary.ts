import { pathText } from './load.js';
import type { Scenario } from './schema.js';

/** Where a parameter's value comes from, for `flashpoints show` and the report's assumption table. */
export interface ParamEntry {
  path: string;
  value: number;
  provenance: 'sourced' | 'assumed' | 'bare';
  source?: string;
  assumption?: string;
  range?: [number, number];
  dist?: string;
}

// Numbers that are not model parameters: years, catalog weights, change amounts, alternative weights.
const notParams = new Set(['baseYear', 'year', 'weight', 'set', 'add', 'scale', 'range']);

/**
 * Every parameter the scenario writes, with its provenance: annotated values with a `source` are sourced, with an
 * `assumption` assumed, bare numbers bare. Direct linear matrices count as bare. Example: `listParameters(s)`.
 */
export function listParameters(s: Scenario): ParamEntry[] {
  const out: ParamEntry[] = [];
  const visit = (x: unknown, path: (string | number)[], ownerSource?: string) => {
    if (typeof x === 'number') {
      const key = path[path.length - 1];
      if (typeof key === 'string' && notParams.has(key)) return;
      if (path.includes('timeline') && key !== 'scale') return;
      out.push({ path: pathText(path), value: x, provenance: ownerSource ? 'sourced' : 'bare', source: ownerSource });
      return;
    }
    if (Array.isArray(x)) {
      if (path[path.length - 1] === 'changes' || path[0] === 'catalog') return;
      x.forEach((v, i) => visit(v, [...path, labelOf(v) ?? i], ownerSource));
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.value === 'number' && ('source' in o || 'assumption' in o)) {
      // A range [v, v] varies nothing: the value is fixed, as experiments treat it (listUncertainties).
      const range = Array.isArray(o.range) && o.range[1] > o.range[0] ? (o.range as [number, number]) : undefined;
      out.push({
        path: pathText(path),
        value: o.value,
        provenance: typeof o.source === 'string' ? 'sourced' : 'assumed',
        source: o.source as string | undefined,
        assumption: o.assumption as string | undefined,
        range,
        dist: range ? ((o.dist as string | undefined) ?? 'uniform') : undefined,
      });
      return;
    }
    // A capability stock's own `source` documents its bare `value`.
    const stockSource = typeof o.source === 'string' && 'unit' in o ? o.source : undefined;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'catalog' || k === 'sources' || k === 'changes') continue;
      visit(v, [...path, k], k === 'value' ? stockSource : undefined);
    }
  };
  visit({ actors: s.actors, relations: s.relations, arms: s.arms, crisis: s.crisis, levers: s.levers, timeline: s.timeline }, []);
  return out;
}

/** How list entries are named in parameter paths: by id, by `FROM>TO` pair, or by `PATRON>CLIENT`. */
export function labelOf(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.id === 'string') return o.id;
  if (typeof o.from === 'string' && typeof o.to === 'string') return `${o.from}>${o.to}`;
  if (typeof o.patron === 'string') return `${o.patron}>${String(o.client)}`;
  return undefined;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  asOf?: string;
  start?: string;
  counts: {
    actors: number;
    relations: number;
    timeline: number;
    scheduled: number;
    levers: number;
    policies: number;
    sources: number;
    parameters: { sourced: number; assumed: number; bare: number };
    uncertainties: { ranges: number; structural: number };
  };
  actors: { id: string; name: string; theatreShare: number; capabilities: Record<string, { value: number; unit: string; baseYear: number }> }[];
  relations: { from: string; to: string; mutual: boolean; hostility: number; alignment: number; treatyFloor: number; assurance: number; dialogue: number }[];
  /** Each strategy switch: actor, new rule, the actors it applies toward ('all' when the policy names none), adherence and its range. */
  policies: { id: string; title: string; levers: string[]; strategies: { actor: string; strategy: string; targets: string[] | 'all'; adherence: number; range?: [number, number] }[] }[];
  structural: { id: string; default: string; alternatives: string[] }[];
  timeline: { date: string; title: string; kind: string; scheduled: boolean; changes: number }[];
  parameters: ParamEntry[];
}

const val = (p: unknown, d = 0) => (p === undefined ? d : typeof p === 'number' ? p : (p as { value: number }).value);

/** The content of `flashpoints show`: what the scenario holds, and which values are sourced vs assumed. */
export function summarizeScenario(s: Scenario): ScenarioSummary {
  const parameters = listParameters(s);
  const count = (k: ParamEntry['provenance']) => parameters.filter((p) => p.provenance === k).length;
  const structural = s.uncertainties?.structural ?? [];
  return {
    id: s.id,
    title: s.title,
    asOf: s.asOf,
    start: s.start ?? s.asOf,
    counts: {
      actors: s.actors.length,
      relations: s.relations.length,
      timeline: s.timeline.length,
      scheduled: s.timeline.filter((e) => e.scheduled).length,
      levers: s.levers.length,
      policies: s.policies.length,
      sources: s.sources.length,
      parameters: { sourced: count('sourced'), assumed: count('assumed'), bare: count('bare') },
      uncertainties: { ranges: parameters.filter((p) => p.range).length, structural: structural.length },
    },
    actors: s.actors.map((a) => ({
      id: a.id,
      name: a.name,
      theatreShare: val(a.theatreShare, 1),
      capabilities: Object.fromEntries(
        Object.entries(a.capabilities ?? {})
          .filter(([, st]) => st)
          .map(([k, st]) => [k, { value: val(st!.value), unit: st!.unit, baseYear: st!.baseYear }]),
      ),
    })),
    relations: s.relations.map((r) => ({
      from: r.from,
      to: r.to,
      mutual: r.mutual,
      hostility: val(r.hostility),
      alignment: val(r.alignment),
      treatyFloor: val(r.treatyFloor),
      assurance: val(r.assurance),
      dialogue: val(r.dialogue),
    })),
    policies: s.policies.map((p) => ({
      id: p.id,
      title: p.title,
      levers: p.changes.map((c) => c.lever),
      strategies: Object.entries(p.strategies).map(([actor, v]) => {
        if (typeof v === 'string') return { actor, strategy: v, targets: 'all' as const, adherence: 1 };
        const a = v.adherence;
        const range = a !== undefined && typeof a === 'object' ? a.range : undefined;
        return { actor, strategy: v.strategy, targets: v.targets ?? ('all' as const), adherence: val(a, 1), ...(range ? { range } : {}) };
      }),
    })),
    structural: structural.map((u) => ({ id: u.id, default: u.default, alternatives: u.alternatives.map((a) => a.id) })),
    timeline: s.timeline.map((e) => ({ date: e.date, title: e.title, kind: e.kind, scheduled: e.scheduled, changes: e.changes?.length ?? 0 })),
    parameters,
  };
}
