import { escalAItionCatalog } from './catalog.js';
import type { Param } from './param.js';
import { getValue, resolvePath, type ResolvedPath } from './paths.js';
import type { StrategyId } from './catalog.js';
import type { Change, Policy, Scenario } from './schema.js';

/** The new value a change gives, clamped to the parameter's domain (a `scale` of a hostility cannot exceed 1). */
export function changedValue(old: number, c: { set?: number; add?: number; scale?: number }, r: ResolvedPath): number {
  const v = c.set !== undefined ? c.set : c.add !== undefined ? old + c.add : old * (c.scale ?? 1);
  return Math.min(r.domain.max ?? Infinity, Math.max(r.domain.min ?? -Infinity, v));
}

/**
 * A copy of the scenario with the parameter at `r` set to `value`, keeping any annotation (source, assumption,
 * range) and creating the relation, transfer, patron or crisis-actor entry when the scenario leaves it out.
 * Copy on write: only the objects on the path to the parameter are copied (a few small objects, not the whole
 * scenario), everything else is shared with `s`, which is never modified — callers treat scenarios as values.
 */
export function withValue(s: Scenario, r: ResolvedPath, value: number): Scenario {
  const out = { ...s };
  const parts = r.path.split('.');
  const [a, b] = r.actors;
  const put = (obj: Record<string, unknown>, key: string) => {
    const old = obj[key] as Param | undefined;
    obj[key] = old !== undefined && typeof old === 'object' ? { ...old, value } : value;
  };
  switch (parts[0]) {
    case 'actors': {
      const at = s.actors.findIndex((x) => x.id === a);
      const actor = { ...s.actors[at] };
      out.actors = s.actors.map((x, k) => (k === at ? actor : x));
      if (parts[2] === 'theatreShare') put(actor as Record<string, unknown>, 'theatreShare');
      else {
        const kind = parts[3] as 'conventional' | 'strategic';
        if (!actor.capabilities?.[kind]) throw new Error(`actor ${a} has no ${kind} capability to change (${r.path})`);
        const stock = { ...actor.capabilities[kind] };
        actor.capabilities = { ...actor.capabilities, [kind]: stock };
        put(stock as Record<string, unknown>, parts[4]);
      }
      break;
    }
    case 'relations': {
      // A mutual entry is split first, so that the change touches only the direction i → j.
      const relations = [...s.relations];
      out.relations = relations;
      const at = relations.findIndex((x) => x.from === a && x.to === b);
      let rel = at >= 0 ? { ...relations[at] } : undefined;
      if (rel) relations[at] = rel;
      if (rel?.mutual) {
        rel.mutual = false;
        relations.push({ ...structuredClone(rel), from: b, to: a });
      } else if (!rel) {
        const mi = relations.findIndex((x) => x.mutual && x.from === b && x.to === a);
        const mutual = mi >= 0 ? relations[mi] : undefined;
        rel = mutual ? { ...structuredClone(mutual), from: a, to: b, mutual: false } : { from: a, to: b, mutual: false };
        if (mutual) relations[mi] = { ...mutual, mutual: false };
        relations.push(rel);
      }
      put(rel as Record<string, unknown>, parts[3]);
      break;
    }
    case 'arms': {
      const arms = (out.arms = { ...(s.arms ?? { nonNegative: true }) });
      if (parts[1] === 'transfers') {
        const at = arms.transfers?.findIndex((x) => x.from === a && x.to === b) ?? -1;
        if (at < 0) throw new Error(`no transfer ${a} → ${b} to change (${r.path})`);
        const t = { ...arms.transfers![at] };
        arms.transfers = arms.transfers!.map((x, k) => (k === at ? t : x));
        put(t as Record<string, unknown>, 'rate');
      } else putDeep(arms as Record<string, unknown>, parts.slice(1), put);
      break;
    }
    case 'crisis': {
      const crisis = (out.crisis = { ...(s.crisis ?? defaultCrisisShell()) });
      if (parts[1] === 'actors') {
        crisis.actors = { ...crisis.actors };
        const actor = (crisis.actors[a] = { ...(crisis.actors[a] ?? { strategy: 'reciprocator' }) });
        put(actor as Record<string, unknown>, parts[3]);
      } else if (parts[1] === 'patrons') {
        const at = crisis.patrons?.findIndex((x) => x.patron === a && x.client === b) ?? -1;
        if (at >= 0) {
          const p = { ...crisis.patrons![at] };
          crisis.patrons = crisis.patrons!.map((x, k) => (k === at ? p : x));
          put(p as Record<string, unknown>, 'restraint');
        } else crisis.patrons = [...(crisis.patrons ?? []), { patron: a, client: b, restraint: value }];
      } else putDeep(crisis as Record<string, unknown>, parts.slice(1), put);
      break;
    }
  }
  return out;
}

/** Sets a nested key of `obj` (itself a fresh copy), copying each object on the way instead of writing into it. */
function putDeep(obj: Record<string, unknown>, keys: string[], put: (o: Record<string, unknown>, k: string) => void) {
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = cur[k] = { ...((cur[k] as Record<string, unknown> | undefined) ?? {}) };
  put(cur, keys[keys.length - 1]);
}

/** The crisis section a scenario without one gets when a change or strategy needs it: defaults only. */
function defaultCrisisShell(): NonNullable<Scenario['crisis']> {
  return { catalog: escalAItionCatalog.map((c) => ({ ...c, examples: [...c.examples] })), actors: {} } as unknown as NonNullable<Scenario['crisis']>;
}

/** Applies path changes in order (a timeline event's or a structural alternative's). Paths must be valid. */
export function applyChanges(s: Scenario, changes: readonly Change[]): Scenario {
  const ids = s.actors.map((a) => a.id);
  let out = s;
  for (const c of changes) {
    const r = resolvePath(c.path, ids);
    if ('error' in r) throw new Error(r.error);
    out = withValue(out, r, changedValue(getValue(out, r), c, r));
  }
  return out;
}

/**
 * A policy's strategy switch as the crisis model reads it (docs/model.md#adherence): toward each actor in
 * `targets` (every other actor when undefined), `actor` follows `strategy` with adherence `adherence` in [0, 1]
 * and its status-quo rule with weight 1 − adherence.
 */
export interface AppliedSwitch {
  actor: string;
  strategy: StrategyId;
  targets?: string[];
  adherence: number;
}

/** A scenario under a policy: the status-quo strategies stay in `crisis.actors`, the policy's switches ride beside them. */
export type PolicyScenario = Scenario & { strategySwitches?: AppliedSwitch[] };

/** The switches a policy entry declares, with their adherence at its current (possibly sampled) value. */
export function policySwitches(policy: Policy): AppliedSwitch[] {
  return Object.entries(policy.strategies).map(([actor, v]) => {
    if (typeof v === 'string') return { actor, strategy: v, adherence: 1 };
    const a = v.adherence === undefined ? 1 : typeof v.adherence === 'number' ? v.adherence : v.adherence.value;
    return { actor, strategy: v.strategy, ...(v.targets ? { targets: [...v.targets] } : {}), adherence: a };
  });
}

/**
 * The scenario under a policy: each lever change moves the lever's parameter from its status-quo value v₀ to
 * v₀ + e·(v_policy − v₀), with e the lever's effect size (1 by default; an uncertainty with zero in range says
 * the lever may do nothing); the policy's strategy switches are attached as `strategySwitches` (each with its
 * targets and adherence), leaving the status-quo strategies in place for the crisis model to mix with.
 */
export function applyPolicy(s: Scenario, policyId: string): PolicyScenario {
  const policy = s.policies.find((p) => p.id === policyId);
  if (!policy) throw new Error(`unknown policy '${policyId}'`);
  const ids = s.actors.map((a) => a.id);
  let out = s;
  for (const c of policy.changes) {
    const lever = s.levers.find((l) => l.id === c.lever);
    if (!lever) throw new Error(`policy '${policyId}' names unknown lever '${c.lever}'`);
    const r = resolvePath(lever.path, ids);
    if ('error' in r) throw new Error(r.error);
    const v0 = getValue(out, r);
    const e = lever.effect === undefined ? 1 : typeof lever.effect === 'number' ? lever.effect : lever.effect.value;
    const target = changedValue(v0, c, r);
    out = withValue(out, r, changedValue(v0, { set: v0 + e * (target - v0) }, r));
  }
  const switches = policySwitches(policy);
  return switches.length ? { ...out, strategySwitches: switches } : out;
}

/**
 * The placebo scenario (docs/experiments.md#placebo): every policy effect size — each lever's `effect` and each
 * strategy switch's `adherence` — set to 0 and no longer sampled, so every policy is the status quo.
 */
export function withZeroEffects(s: Scenario): Scenario {
  const out = structuredClone(s);
  for (const l of out.levers) l.effect = 0;
  for (const p of out.policies) {
    for (const [actor, v] of Object.entries(p.strategies)) {
      p.strategies[actor] = typeof v === 'string' ? { strategy: v, adherence: 0 } : { ...v, adherence: 0 };
    }
  }
  return out;
}

/**
 * Applies structural alternatives (DESIGN.md §3.5): for each structural uncertainty, the alternative named in
 * `chosen` (its `default` when not named) — its path changes, then its strategy choices.
 */
export function applyStructural(s: Scenario, chosen: Record<string, string> = {}): Scenario {
  let out = s;
  for (const u of s.uncertainties?.structural ?? []) {
    const alt = u.alternatives.find((a) => a.id === (chosen[u.id] ?? u.default));
    if (!alt) throw new Error(`structural uncertainty ${u.id} has no alternative '${chosen[u.id] ?? u.default}'`);
    out = applyChanges(out, alt.changes);
    if (Object.keys(alt.strategies).length) {
      // Copy on write, as withValue: the crisis section and its actor table are fresh, the rest is shared.
      const crisis = { ...(out.crisis ?? defaultCrisisShell()) };
      crisis.actors = { ...crisis.actors };
      for (const [actor, strategy] of Object.entries(alt.strategies)) crisis.actors[actor] = { ...(crisis.actors[actor] ?? {}), strategy };
      out = { ...out, crisis };
    }
  }
  return out;
}
