import { applyPolicy, applyStructural, changedValue, withValue } from '../../scenario/apply.js';
import { pathText } from '../../scenario/load.js';
import { getValue, resolvePath, type ResolvedPath } from '../../scenario/paths.js';
import type { Lever, Scenario } from '../../scenario/schema.js';
import { listUncertainties } from '../uncertainties.js';
import { modelInputs, sameInputs, type ModelInputs } from './modelInputs.js';
import type { ScenarioWarning } from './types.js';

/**
 * Where each kind of lever acts (src/models/crisis/prepare.ts, src/models/arms/buildArms.ts): the parameters that
 * must be non-zero somewhere for the lever to matter. Only for the hint; detection itself compares model inputs.
 */
const MECHANISMS: Record<string, (a: string[]) => string> = {
  'relations.{actor}.{actor}.dialogue': ([i, j]) =>
    `misperception (crisis.actors.${i}.bias and crisis.actors.${i}.spread, shrunk by crisis.dialogueShrink), the war ladder (crisis.ladder.channelEffect) and, when crisis.launches.actor is ${i} or ${j}, the launch rate (crisis.launches.dialogueEffect)`,
  'relations.{actor}.{actor}.assurance': ([i, j]) =>
    `the threat ${i} reads from ${j} (needs relations.${i}.${j}.hostility > 0, or fear through arms.cohesion, and ${j}'s capabilities; it moves ${i}'s arms through their elasticity and the crisis through crisis.actors.${i}.threatWeight) and, for strategies that read assurance, crisis.assuranceWeight`,
  'relations.{actor}.{actor}.hostility': ([i]) =>
    `${i}'s fear in the arms model (through the elasticities of ${i}'s stocks) and ${i}'s crisis propensity (crisis.actors.${i}.hostilityWeight; a clash needs hostility both ways)`,
  'relations.{actor}.{actor}.alignment': ([i, j]) =>
    `protection (the reliance of ${i}'s stocks), the fear others feel of the bloc (arms.cohesion), transfers from ${j}, and deterrence in the crisis model (the credibility and capabilities of ${j} and crisis.deterrenceWeight, crisis.ladder.deterrenceEffect)`,
  'crisis.exercises.scale': () => 'the months of timeline events of kind `exercise` (with crisis.exercises naming who holds them and their target) and the launch rate (crisis.launches.exerciseLift)',
  'crisis.patrons.{actor}.{actor}.restraint': () => 'crisis.restraintWeight',
  'crisis.actors.{actor}.credibility': ([i]) => `deterrence: ${i}'s capabilities (and its allies'), crisis.deterrenceWeight and crisis.ladder.deterrenceEffect`,
  'relations.{actor}.{actor}.treatyFloor': () => 'endogenous alignment (arms.endogenousAlignment.enabled: true)',
  'relations.{actor}.{actor}.alignmentRate': () => 'endogenous alignment (arms.endogenousAlignment.enabled: true)',
};

/** A small move of the parameter inside its domain (half the unit interval, else one unit or half the value). */
function nudge(v0: number, r: ResolvedPath): number {
  if (r.domain.max !== undefined && r.domain.min !== undefined) {
    const half = (r.domain.max - r.domain.min) / 2;
    return v0 + half <= r.domain.max ? v0 + half : v0 - half;
  }
  return v0 + Math.max(1, Math.abs(v0) / 2);
}

/** The scenario with every ranged parameter at the end of its range farthest from zero: multipliers are non-zero there if anywhere. */
function farCorner(s: Scenario): Scenario {
  const out = structuredClone(s);
  for (const u of listUncertainties(s)) {
    let obj = out as unknown as Record<string | number, unknown>;
    for (const key of u.location) obj = obj[key] as Record<string | number, unknown>;
    const [lo, hi] = u.range;
    obj.value = Math.abs(lo) > Math.abs(hi) ? lo : hi;
  }
  return out;
}

/**
 * The worlds a lever must do nothing in to be inert: the scenario at its central values and at the far corner of
 * its ranges, each under the default structural alternatives and under every other alternative in turn.
 * Built lazily; each world's model inputs are computed once.
 */
function worlds(s: Scenario, months: number): (() => { statusQuo: Scenario; inputs: ModelInputs })[] {
  const bases = [s, farCorner(s)];
  const choices: Record<string, string>[] = [{}];
  for (const u of s.uncertainties?.structural ?? []) for (const a of u.alternatives) if (a.id !== u.default) choices.push({ [u.id]: a.id });
  return bases.flatMap((b) =>
    choices.map((c) => {
      let cached: { statusQuo: Scenario; inputs: ModelInputs } | undefined;
      return () => {
        if (!cached) {
          const statusQuo = applyStructural(b, c);
          cached = { statusQuo, inputs: modelInputs(statusQuo, statusQuo, months) };
        }
        return cached;
      };
    }),
  );
}

const effectOf = (l: Lever) => (l.effect === undefined ? 1 : typeof l.effect === 'number' ? l.effect : l.effect.value);

/**
 * Levers whose mechanism is zero everywhere, and policies that change nothing: a lever is inert when moving its
 * parameter (scaled by the lever's effect size) leaves every model input unchanged in every world above; a policy
 * is inert when applying it does. Comparing the inputs the models read — not a list of rules — keeps this true
 * as the models change. Example: `inertLevers(scenario)` → `[{ code: 'inert-lever', path: 'levers[0].path', … }]`.
 */
export function inertLevers(s: Scenario, options: { months?: number } = {}): ScenarioWarning[] {
  const months = options.months ?? 120;
  const ids = s.actors.map((a) => a.id);
  const ws = worlds(s, months);
  // A crisis section that cannot be prepared (bad cutpoints, a short catalog) is `run`'s error to report; without
  // the crisis inputs nothing can be called inert.
  if (ws[0]().inputs.crisis === null) return [];
  const inertIn = (variant: (sq: Scenario) => Scenario | null): boolean =>
    ws.every((w) => {
      const { statusQuo, inputs } = w();
      let v: Scenario | null;
      try {
        v = variant(statusQuo);
      } catch {
        return false; // a change that cannot be applied is reported by the commands that apply it
      }
      return v === null || sameInputs(inputs, modelInputs(v, statusQuo, months));
    });
  const out: ScenarioWarning[] = [];
  const inertLeverIds = new Set<string>();
  s.levers.forEach((lever, index) => {
    const r = resolvePath(lever.path, ids);
    if ('error' in r) return;
    const users = s.policies.filter((p) => p.changes.some((c) => c.lever === lever.id)).map((p) => p.id);
    let zeroEffect = true;
    const inert = inertIn((sq) => {
      const e = effectOf(sq.levers.find((l) => l.id === lever.id) ?? lever);
      if (e !== 0) zeroEffect = false;
      const v0 = getValue(sq, r);
      const v1 = changedValue(v0, { set: v0 + e * (nudge(v0, r) - v0) }, r);
      return v1 === v0 ? null : withValue(sq, r, v1);
    });
    if (!inert) return;
    inertLeverIds.add(lever.id);
    const usedBy = users.length ? ` (used by ${users.map((u) => `'${u}'`).join(', ')})` : '';
    if (zeroEffect) {
      out.push({ code: 'inert-lever', path: pathText(['levers', index, 'effect']), message: `lever '${lever.id}'${usedBy} has effect size 0 in every future: moving ${lever.path} does nothing`, hint: 'give `effect` a value above 0, or a range, if the lever should matter' });
      return;
    }
    const mechanism = MECHANISMS[r.pattern]?.(r.actors);
    out.push({
      code: 'inert-lever',
      path: pathText(['levers', index, 'path']),
      message: `lever '${lever.id}'${usedBy} is inert: moving ${lever.path} changes nothing the arms or crisis models read, at the central values, across every range and under every structural alternative`,
      hint: mechanism
        ? `${lever.path} acts through ${mechanism}; here these are all 0, absent or switched off — give one a value (or a range) if the lever should matter (docs/model.md)`
        : `the models do not read ${lever.path} in this scenario (docs/model.md says where each parameter acts)`,
    });
  });
  s.policies.forEach((p, index) => {
    if (p.id === 'status-quo' || !inertIn((sq) => applyPolicy(sq, p.id))) return;
    const levers = p.changes.map((c) => c.lever);
    const allInert = levers.length > 0 && levers.every((l) => inertLeverIds.has(l)) && !Object.keys(p.strategies).length;
    out.push({
      code: 'inert-policy',
      path: pathText(['policies', index]),
      message: `policy '${p.id}' changes nothing the models read: its results will equal the status quo's (ΔP = 0 exactly)`,
      hint: allInert
        ? `its lever${levers.length > 1 ? 's' : ''} ${levers.map((l) => `'${l}'`).join(', ')} ${levers.length > 1 ? 'are' : 'is'} inert (see the warning above)`
        : 'its changes set the levers to their status-quo values (or strategies they already have); check `changes` and the levers\' effect sizes',
    });
  });
  return out;
}
