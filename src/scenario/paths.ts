import type { Param, ParamDomain } from './param.js';
import { STRATEGY_STRENGTHS, strategyIds } from './catalog.js';
import { DOMAINS, unitInterval } from './domains.js';
import type { Scenario } from './schema.js';

/**
 * Parameter paths: how timeline events, policy levers and structural alternatives name the parameter they change
 * (docs/scenario-format.md#paths). A path is dot-separated; `{actor}` stands for an actor id. Relations, transfers
 * and patrons are addressed by their pair of actor ids, and exist with value 0 (or the documented default) when
 * the scenario does not list them.
 */
interface PathPattern {
  pattern: string;
  domain: ParamDomain;
}

const stockFields = ['value', 'growth', 'elasticity', 'reliance', 'fatigue'];
const relationFields = ['hostility', 'alignment', 'treatyFloor', 'assurance', 'dialogue', 'alignmentRate'];
const crisisActorFields = ['baseline', 'hostilityWeight', 'threatWeight', 'drive', 'bias', 'spread', 'credibility'];
/** The schema's domains (domains.ts), so that a change applied by a policy stays where validation would allow it. */
const stockDomain: Record<string, ParamDomain> = { value: DOMAINS.stock, growth: DOMAINS.growth, elasticity: DOMAINS.elasticity, reliance: DOMAINS.elasticity, fatigue: DOMAINS.fatigue };
const crisisActorDomain: Record<string, ParamDomain> = {
  baseline: DOMAINS.logit, drive: DOMAINS.logit, bias: DOMAINS.scoreBias, spread: DOMAINS.scoreSpread,
  hostilityWeight: DOMAINS.weight, threatWeight: DOMAINS.weight, credibility: unitInterval,
};

export const pathPatterns: PathPattern[] = [
  { pattern: 'actors.{actor}.theatreShare', domain: unitInterval },
  ...['conventional', 'strategic'].flatMap((k) =>
    stockFields.map((f) => ({ pattern: `actors.{actor}.capabilities.${k}.${f}`, domain: stockDomain[f] })),
  ),
  ...relationFields.map((f) => ({ pattern: `relations.{actor}.{actor}.${f}`, domain: f === 'alignmentRate' ? DOMAINS.rate : unitInterval })),
  { pattern: 'arms.cohesion', domain: unitInterval },
  { pattern: 'arms.capabilityWeights.conventional', domain: DOMAINS.capabilityWeight },
  { pattern: 'arms.capabilityWeights.strategic', domain: DOMAINS.capabilityWeight },
  { pattern: 'arms.endogenousAlignment.psi', domain: unitInterval },
  { pattern: 'arms.endogenousAlignment.rate', domain: DOMAINS.rate },
  { pattern: 'arms.transfers.{actor}.{actor}.rate', domain: DOMAINS.rate },
  ...crisisActorFields.map((f) => ({ pattern: `crisis.actors.{actor}.${f}`, domain: crisisActorDomain[f] })),
  ...['memory', 'dialogueShrink'].map((f) => ({ pattern: `crisis.${f}`, domain: unitInterval })),
  ...['deterrenceWeight', 'assuranceWeight', 'restraintWeight'].map((f) => ({ pattern: `crisis.${f}`, domain: DOMAINS.weight })),
  { pattern: 'crisis.clashThreshold', domain: DOMAINS.logit },
  ...strategyIds.flatMap((id) => [
    { pattern: `crisis.strategies.${id}.offset`, domain: DOMAINS.logit },
    { pattern: `crisis.strategies.${id}.escalationResponse`, domain: DOMAINS.weight },
    { pattern: `crisis.strategies.${id}.conciliationResponse`, domain: DOMAINS.weight },
  ]),
  { pattern: 'crisis.grit.patience', domain: DOMAINS.months },
  { pattern: 'crisis.grit.pause', domain: DOMAINS.months },
  { pattern: 'crisis.launches.baseRate', domain: DOMAINS.launchRate },
  { pattern: 'crisis.launches.dispersion', domain: DOMAINS.dispersion },
  ...['exerciseLift', 'dialogueEffect', 'threatElasticity'].map((f) => ({ pattern: `crisis.launches.${f}`, domain: DOMAINS.logRate })),
  { pattern: 'crisis.exercises.scale', domain: DOMAINS.scale },
  { pattern: 'crisis.ladder.warGivenClash', domain: unitInterval },
  { pattern: 'crisis.ladder.nuclearGivenWar', domain: unitInterval },
  ...['tensionEffect', 'deterrenceEffect', 'channelEffect'].map((f) => ({ pattern: `crisis.ladder.${f}`, domain: DOMAINS.logit })),
  { pattern: 'crisis.patrons.{actor}.{actor}.restraint', domain: unitInterval },
];

export interface ResolvedPath {
  path: string;
  pattern: string;
  actors: string[];
  domain: ParamDomain;
}

/**
 * Matches a path against the grammar and the scenario's actors. Returns the match, or a message and a hint
 * (the closest known pattern) for an unknown path or actor.
 */
export function resolvePath(path: string, actorIds: readonly string[]): ResolvedPath | { error: string; hint: string } {
  // Memoised: the crisis model's preparation resolves the same few hundred paths for every cell of an experiment.
  // The answer depends on the path and the actor ids alone (compared element by element: cheaper than a joined
  // key); callers never modify it (it is frozen).
  let bucket = resolved.get(path);
  if (!bucket) {
    if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
    resolved.set(path, (bucket = []));
  }
  for (const e of bucket) if (sameIds(e.actorIds, actorIds)) return e.result;
  const result = Object.freeze(matchPath(path, actorIds));
  if (bucket.length < 8) bucket.push({ actorIds: [...actorIds], result });
  return result;
}

const resolved = new Map<string, { actorIds: readonly string[]; result: ResolvedPath | { error: string; hint: string } }[]>();
const RESOLVED_LIMIT = 10_000;
const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

function matchPath(path: string, actorIds: readonly string[]): ResolvedPath | { error: string; hint: string } {
  const parts = path.split('.');
  let actorError: string | undefined;
  for (const { pattern, domain } of pathPatterns) {
    const pp = pattern.split('.');
    if (pp.length !== parts.length) continue;
    const actors: string[] = [];
    let ok = true;
    for (let i = 0; i < pp.length && ok; i++) {
      if (pp[i] === '{actor}') {
        if (!actorIds.includes(parts[i])) {
          actorError ??= `unknown actor '${parts[i]}' in path '${path}'`;
          ok = false;
        } else actors.push(parts[i]);
      } else ok = pp[i] === parts[i];
    }
    if (ok) return { path, pattern, actors, domain };
  }
  if (actorError) return { error: actorError, hint: `known actors: ${actorIds.join(', ')}` };
  return { error: `unknown parameter path '${path}'`, hint: `did you mean '${closestPattern(path, actorIds)}'? (docs/scenario-format.md#paths)` };
}

function closestPattern(path: string, actorIds: readonly string[]): string {
  let best = pathPatterns[0].pattern, bestD = Infinity;
  const generic = path.split('.').map((s) => (actorIds.includes(s) ? '{actor}' : s)).join('.');
  for (const { pattern } of pathPatterns) {
    const d = editDistance(generic, pattern);
    if (d < bestD) [best, bestD] = [pattern, d];
  }
  return best;
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/**
 * Defaults of parameters a scenario may leave out, by path pattern (docs/scenario-format.md#defaults); a pattern
 * not listed defaults to 0. Example: `PARAMETER_DEFAULTS['crisis.clashThreshold']` → 5.4.
 */
export const PARAMETER_DEFAULTS: Readonly<Record<string, number>> = {
  'actors.{actor}.theatreShare': 1,
  'arms.cohesion': 0.5,
  'arms.capabilityWeights.conventional': 1,
  'arms.endogenousAlignment.psi': 1,
  'arms.endogenousAlignment.rate': 0.2,
  'crisis.actors.{actor}.hostilityWeight': 1,
  'crisis.actors.{actor}.threatWeight': 1,
  'crisis.actors.{actor}.credibility': 0.5,
  'crisis.memory': 0.3,
  'crisis.deterrenceWeight': 1,
  'crisis.assuranceWeight': 1,
  'crisis.restraintWeight': 1,
  'crisis.dialogueShrink': 0.5,
  'crisis.clashThreshold': 5.4,
  'crisis.exercises.scale': 1,
  'crisis.grit.patience': 3,
  'crisis.grit.pause': 6,
  ...Object.fromEntries(
    Object.entries(STRATEGY_STRENGTHS).flatMap(([id, st]) => Object.entries(st).map(([f, v]) => [`crisis.strategies.${id}.${f}`, v])),
  ),
};

/** The parameter at a resolved path as the scenario writes it, or undefined when it is left to its default. */
export function getParam(s: Scenario, r: ResolvedPath): Param | undefined {
  const parts = r.path.split('.');
  const [a, b] = r.actors;
  switch (parts[0]) {
    case 'actors': {
      const actor = s.actors.find((x) => x.id === a);
      if (parts[2] === 'theatreShare') return actor?.theatreShare;
      const stock = actor?.capabilities?.[parts[3] as 'conventional' | 'strategic'];
      return stock?.[parts[4] as 'value'] as Param | undefined;
    }
    case 'relations': {
      const rel = findRelation(s, a, b);
      return rel?.[parts[3] as 'hostility'];
    }
    case 'arms': {
      if (parts[1] === 'transfers') return s.arms?.transfers?.find((t) => t.from === a && t.to === b)?.rate;
      return dig(s.arms, parts.slice(1));
    }
    case 'crisis': {
      if (parts[1] === 'actors') return s.crisis?.actors?.[a]?.[parts[3] as 'drive'];
      if (parts[1] === 'patrons') return s.crisis?.patrons?.find((p) => p.patron === a && p.client === b)?.restraint;
      return dig(s.crisis, parts.slice(1));
    }
  }
  return undefined;
}

/** The value at a path: the scenario's own, else its documented default, else 0. */
export function getValue(s: Scenario, r: ResolvedPath): number {
  const p = getParam(s, r);
  if (p !== undefined) return typeof p === 'number' ? p : p.value;
  return PARAMETER_DEFAULTS[r.pattern] ?? 0;
}

/** The relation i → j, looking at `mutual` entries both ways. */
export function findRelation(s: Scenario, from: string, to: string) {
  return s.relations.find((r) => (r.from === from && r.to === to) || (r.mutual && r.from === to && r.to === from));
}

function dig(obj: unknown, keys: string[]): Param | undefined {
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur as Param | undefined;
}

/**
 * A copy of the scenario with `.value` set on the annotated parameter at each object-key location (an
 * uncertainty's `location`, uncertainties.ts), copying only the objects and arrays on those locations — the rest
 * is shared with `s`, which is not modified. The parameter at a location must be an annotated object
 * (`{ value, range, … }`), as every sampled uncertainty is.
 * Example: `withValuesAt(s, [['crisis', 'memory']], [0.4]).crisis.memory.value` → 0.4.
 */
export function withValuesAt(s: Scenario, locations: readonly (readonly (string | number)[])[], values: readonly number[]): Scenario {
  type Node = Record<string | number, unknown>;
  const copied = new Set<unknown>();
  const fresh = (x: unknown): Node => {
    const c = (Array.isArray(x) ? [...x] : { ...(x as Node) }) as Node;
    copied.add(c);
    return c;
  };
  const root = fresh(s);
  locations.forEach((location, k) => {
    let obj = root;
    for (const key of location) {
      const child = obj[key];
      obj = (copied.has(child) ? child : (obj[key] = fresh(child))) as Node;
    }
    obj.value = values[k];
  });
  return root as unknown as Scenario;
}
