// What the core's worker computes for the page, on the project's own core (the public entry, unchanged): the
// scenario's view, the scenario under a lever setting, its crisis runs and its ten years of arms dynamics.
import {
  analyzeArms,
  applyPolicy,
  applyStructural,
  getParam,
  getValue,
  listParameters,
  prepareCrisis,
  resolvePath,
  scenarioHash,
  simulateArms,
  VERSION,
  withValue,
  type PreparedCrisis,
  type Scenario,
} from '../../../src/index.js';
import type { ArmsView, LeverView, PolicyView, Provenance, ScenarioView, Settings } from '../protocol.js';

/** The path of P(nuclear | war), the ladder's elicited assumption the app exposes as a lever. */
export const NUCLEAR_PATH = 'crisis.ladder.nuclearGivenWar';
/** Alignment at or above which two actors count as one bloc on the map and in the network. */
export const BLOC_ALIGNMENT = 0.3;
/** The months of the crisis horizon (ten years) and the arms model's output step (monthly). */
export const HORIZON_MONTHS = 120;

type AnyParam = number | { value: number; source?: string; assumption?: string; range?: [number, number]; dist?: string; note?: string } | undefined;

function provenance(s: Scenario, label: string, p: AnyParam, path?: string, fallback = 0): Provenance {
  if (p === undefined) return { label, path, value: fallback, kind: 'bare', note: 'Not written in the scenario: the documented default applies.' };
  if (typeof p === 'number') return { label, path, value: p, kind: 'bare' };
  const src = p.source ? s.sources.find((x) => x.id === p.source) : undefined;
  return {
    label,
    path,
    value: p.value,
    kind: p.source ? 'sourced' : 'assumed',
    ...(p.source ? { source: src ? { ...src } : { id: p.source, title: p.source } } : {}),
    ...(p.assumption ? { assumption: p.assumption } : {}),
    ...(p.note ? { note: p.note } : {}),
    ...(p.range ? { range: [p.range[0], p.range[1]] as [number, number] } : {}),
    ...(p.dist ? { dist: p.dist } : {}),
  };
}

function resolved(s: Scenario, path: string) {
  const r = resolvePath(path, s.actors.map((a) => a.id));
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** Blocs: actors joined by alignment ≥ BLOC_ALIGNMENT (either direction), named after their largest member. */
function blocsOf(s: Scenario, alignment: (a: string, b: string) => number) {
  const ids = s.actors.map((a) => a.id);
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    if (Math.max(alignment(ids[i], ids[j]), alignment(ids[j], ids[i])) >= BLOC_ALIGNMENT) parent[find(i)] = find(j);
  }
  const size = (id: string) => {
    const a = s.actors.find((x) => x.id === id)!;
    return (a.capabilities?.conventional ? getValue(s, resolved(s, `actors.${id}.capabilities.conventional.value`)) : 0);
  };
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), id]));
  // Blocs of several actors first (largest member's spending first), then the unaligned.
  const ordered = [...groups.values()].sort((a, b) => (b.length > 1 ? 1 : 0) - (a.length > 1 ? 1 : 0) || Math.max(...b.map(size)) - Math.max(...a.map(size)));
  const names = ordered.map((g) => {
    if (g.length === 1) return 'Unaligned';
    const lead = [...g].sort((a, b) => size(b) - size(a))[0];
    return `${s.actors.find((x) => x.id === lead)!.name} and partners`;
  });
  const blocOf = new Map<string, number>();
  ordered.forEach((g, k) => g.forEach((id) => blocOf.set(id, names[k] === 'Unaligned' ? -1 : k)));
  const blocs = names.filter((n) => n !== 'Unaligned');
  return { blocOf, blocs };
}

/** The scenario as the page shows it (actors, blocs, levers, policies, annotations). */
export function scenarioView(s: Scenario): ScenarioView {
  const base = applyStructural(s);
  const rel = (a: string, b: string, f: string) => getValue(base, resolved(base, `relations.${a}.${b}.${f}`));
  const { blocOf, blocs } = blocsOf(base, (a, b) => rel(a, b, 'alignment'));
  const ids = s.actors.map((a) => a.id);
  const pairs: ScenarioView['pairs'] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const [a, b] = [ids[i], ids[j]];
    pairs.push({ a, b, alignment: Math.max(rel(a, b, 'alignment'), rel(b, a, 'alignment')), hostility: Math.max(rel(a, b, 'hostility'), rel(b, a, 'hostility')) });
  }
  const levers: LeverView[] = s.levers.map((l) => ({
    id: l.id,
    description: l.description ?? l.id,
    path: l.path,
    effect: provenance(s, `Effect size of “${l.description ?? l.id}”`, l.effect as AnyParam, `levers.${l.id}.effect`, 1),
    parameter: provenance(s, l.description ?? l.id, getParam(base, resolved(base, l.path)) as AnyParam, l.path, getValue(base, resolved(base, l.path))),
  }));
  const policies: PolicyView[] = s.policies.map((p) => ({
    id: p.id,
    title: p.title ?? p.id,
    description: p.description ?? '',
    ...(p.costs ? { costs: p.costs } : {}),
    changes: p.changes.map((c) => {
      const [verb, amount] = c.set !== undefined ? ['set to', c.set] : c.add !== undefined ? [c.add >= 0 ? 'adds' : 'subtracts', Math.abs(c.add)] : ['scales by', c.scale ?? 1];
      const note = `What “${p.title ?? p.id}” does to this lever in the scenario's policies (${verb} ${amount}); the lever's effect size e scales it: the parameter moves from its status-quo value v₀ to v₀ + e·(target − v₀).`;
      return { lever: c.lever, verb, amount: { label: `${p.title ?? p.id}: change of ${c.lever}`, path: `policies.${p.id}.changes.${c.lever}`, value: amount, kind: 'bare' as const, note } };
    }),
    switches: Object.entries(p.strategies).map(([actor, v]) => {
      const sw = typeof v === 'string' ? { strategy: v } : v;
      const adherence = typeof v === 'string' ? 1 : (v.adherence as AnyParam) ?? 1;
      return { actor, strategy: sw.strategy, ...('targets' in sw && sw.targets ? { targets: [...sw.targets] } : {}), adherence: provenance(s, `How far ${actor} follows ${sw.strategy}`, adherence, `policies.${p.id}.strategies.${actor}.adherence`, 1) };
    }),
  }));
  const parameters: Record<string, Provenance> = {};
  for (const e of listParameters(s)) {
    parameters[e.path] = { label: e.path, path: e.path, value: e.value, kind: e.provenance, ...(e.source ? { source: s.sources.find((x) => x.id === e.source) ?? { id: e.source, title: e.source } } : {}), ...(e.assumption ? { assumption: e.assumption } : {}), ...(e.range ? { range: e.range } : {}), ...(e.dist ? { dist: e.dist } : {}) };
  }
  return {
    id: s.id,
    title: s.title ?? s.id,
    description: s.description,
    asOf: s.asOf,
    hash: scenarioHash(s),
    version: VERSION,
    actors: s.actors.map((a) => ({ id: a.id, name: a.name ?? a.id, bloc: blocOf.get(a.id) ?? -1, blocName: blocOf.get(a.id)! >= 0 ? blocs[blocOf.get(a.id)!] : 'Unaligned' })),
    blocs,
    pairs,
    levers,
    policies,
    structural: (s.uncertainties?.structural ?? []).map((u) => ({ id: u.id, title: u.title ?? u.id, default: u.default, alternatives: u.alternatives.map((a) => ({ id: a.id, title: a.title ?? a.id, ...(a.description ? { description: a.description } : {}) })) })),
    nuclearGivenWar: provenance(s, 'P(nuclear use | war)', getParam(s, resolved(s, NUCLEAR_PATH)) as AnyParam, NUCLEAR_PATH, getValue(s, resolved(s, NUCLEAR_PATH))),
    parameters,
  };
}

/**
 * The scenario under a setting: P(nuclear | war) set, the lever effect sizes and switch adherences replaced, the
 * structural alternatives chosen, then the policy applied. `reference` is the status quo under the same
 * alternatives: threat ratios and elasticities stay measured against it (as `flashpoints run --policy` does).
 */
export function scenarioUnder(s: Scenario, o: Settings): { scenario: Scenario; reference: Scenario } {
  let out = withValue(s, resolved(s, NUCLEAR_PATH), o.nuclearGivenWar);
  out = structuredClone(out);
  for (const l of out.levers) {
    const e = o.effects[l.id];
    if (e !== undefined) l.effect = typeof l.effect === 'object' ? { ...l.effect, value: e } : e;
  }
  const policy = out.policies.find((p) => p.id === o.policy);
  if (!policy) throw new Error(`unknown policy '${o.policy}'`);
  for (const [actor, v] of Object.entries(policy.strategies)) {
    const a = o.adherence[actor];
    if (a === undefined) continue;
    policy.strategies[actor] = typeof v === 'string' ? { strategy: v, adherence: a } : { ...v, adherence: typeof v.adherence === 'object' ? { ...v.adherence, value: a } : a };
  }
  const reference = applyStructural(out, o.structural);
  return { scenario: applyPolicy(reference, o.policy), reference };
}

/** The crisis model's parameter set for a setting (the expensive, once-per-setting step). */
export function preparedFor(s: Scenario, o: Settings): PreparedCrisis {
  const { scenario, reference } = scenarioUnder(s, o);
  return prepareCrisis(scenario, HORIZON_MONTHS, reference);
}

/** Ten years of arms dynamics under a setting: monthly stocks and alignment, the stability verdict, couplings. */
export function armsFor(s: Scenario, o: Settings): ArmsView {
  const { scenario, reference } = scenarioUnder(s, o);
  const times = Array.from({ length: HORIZON_MONTHS / 12 + 1 }, (_, k) => k);
  const run = simulateArms(scenario, { times, reference, analysis: false });
  const analysis = analyzeArms(scenario, { horizonYears: HORIZON_MONTHS / 12, reference });
  const unit = (label: string) => {
    const [id, kind] = label.split('.');
    return s.actors.find((a) => a.id === id)?.capabilities?.[kind as 'conventional' | 'strategic']?.unit ?? '';
  };
  return {
    years: times,
    labels: run.labels,
    units: run.labels.map(unit),
    series: run.series,
    ...(run.alignment ? { alignment: run.alignment } : {}),
    actors: run.actors,
    verdict: analysis.verdict,
    stable: analysis.stability.verdict !== 'unstable',
    leadingRate: analysis.stability.maxRealPart,
    couplings: analysis.couplings.slice(0, 5).map((c) => ({ responds: c.responds, to: c.to, weight: c.weight })),
  };
}
