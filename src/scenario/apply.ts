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
 */
export function withValue(s: Scenario, r: ResolvedPath, value: number): Scenario {
  const out = structuredClone(s);
  const parts = r.path.split('.');
  const [a, b] = r.actors;
  const put = (obj: Record<string, unknown>, key: string) => {
    const old = obj[key] as Param | undefined;
    obj[key] = old !== undefined && typeof old === 'object' ? { ...old, value } : value;
  };
  switch (parts[0]) {
    case 'actors': {
      const actor = out.actors.find((x) => x.id === a)!;
      if (parts[2] === 'theatreShare') put(actor as Record<string, unknown>, 'theatreShare');
      else {
        const kind = parts[3] as 'conventional' | 'strategic';
        const stock = actor.capabilities?.[kind];
        if (!stock) throw new Error(`actor ${a} has no ${kind} capability to change (${r.path})`);
        put(stock as Record<string, unknown>, parts[4]);
      }
      break;
    }
    case 'relations': {
      // A mutual entry is split first, so that the change touches only the direction i → j.
      let rel = out.relations.find((x) => x.from === a && x.to === b);
      if (rel?.mutual) {
        rel.mutual = false;
        out.relations.push({ ...structuredClone(rel), from: b, to: a });
      } else if (!rel) {
        const mutual = out.relations.find((x) => x.mutual && x.from === b && x.to === a);
        rel = mutual ? { ...structuredClone(mutual), from: a, to: b, mutual: false } : { from: a, to: b, mutual: false };
        if (mutual) mutual.mutual = false;
        out.relations.push(rel);
      }
      put(rel as Record<string, unknown>, parts[3]);
      break;
    }
    case 'arms': {
      out.arms ??= { nonNegative: true };
      if (parts[1] === 'transfers') {
        const t = out.arms.transfers?.find((x) => x.from === a && x.to === b);
        if (!t) throw new Error(`no transfer ${a} → ${b} to change (${r.path})`);
        put(t as Record<string, unknown>, 'rate');
      } else putDeep(out.arms as Record<string, unknown>, parts.slice(1), put);
      break;
    }
    case 'crisis': {
      out.crisis ??= defaultCrisisShell();
      if (parts[1] === 'actors') {
        out.crisis.actors[a] ??= { strategy: 'reciprocator' };
        put(out.crisis.actors[a] as Record<string, unknown>, parts[3]);
      } else if (parts[1] === 'patrons') {
        const p = out.crisis.patrons?.find((x) => x.patron === a && x.client === b);
        if (p) put(p as Record<string, unknown>, 'restraint');
        else (out.crisis.patrons ??= []).push({ patron: a, client: b, restraint: value });
      } else putDeep(out.crisis as Record<string, unknown>, parts.slice(1), put);
      break;
    }
  }
  return out;
}

function putDeep(obj: Record<string, unknown>, keys: string[], put: (o: Record<string, unknown>, k: string) => void) {
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
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
  return switches.length ? { ...structuredClone(out), strategySwitches: switches } : out;
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
      out = structuredClone(out);
      out.crisis ??= defaultCrisisShell();
      for (const [actor, strategy] of Object.entries(alt.strategies)) out.crisis.actors[actor] = { ...(out.crisis.actors[actor] ?? {}), strategy };
    }
  }
  return out;
}
