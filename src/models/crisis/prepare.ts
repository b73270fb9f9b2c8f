import { applyPolicy, applyStructural } from '../../scenario/apply.js';
import { escalAItionCatalog, strategyIds } from '../../scenario/catalog.js';
import { paramValue } from '../../scenario/param.js';
import { getValue, PARAMETER_DEFAULTS, resolvePath } from '../../scenario/paths.js';
import type { PolicyScenario } from '../../scenario/apply.js';
import type { Relation, Scenario } from '../../scenario/schema.js';
import { expandTimeline, monthOf } from '../../scenario/timeline.js';
import { pairRelations } from '../arms/buildArms.js';
import { monthlyThreatRatios } from '../arms/threatPath.js';
import { buildCatalog, type ActionCatalog } from './actions.js';
import { logit } from './ladder.js';
import { channelShrink } from './perception.js';
import { CRISIS_STRATEGIES, GRIT_CODE } from './strategies.js';

/**
 * Everything a crisis run needs, read once per parameter set into typed arrays (per actor [i], per ordered dyad
 * [i·m + j], per month [t−1] or [(t−1)·m + i]). Plain data: it crosses to worker threads by structured clone.
 */
export interface PreparedCrisis extends Omit<ActionCatalog, 'ids'> {
  actorIds: string[];
  m: number;
  months: number;
  /** The catalog's category ids (ActionCatalog.ids). */
  catalogIds: string[];
  /** Ordered-logit cutpoints (N − 1 increasing values). */
  cutpoints: Float64Array;
  clashThreshold: number;
  memory: number;
  /** Each actor's status-quo strategy (its code in CRISIS_STRATEGIES); a policy's switches are mixed in per dyad below. */
  strategy: Int32Array;
  beta1: Float64Array;
  /** β2_i · ln(θ_i/θ⁰_i) per month and actor ([(t−1)·m + i]). */
  threatTerm: Float64Array;
  /** How much of the threat term dyad (i, j) reads: h_ij × the (adherence-mixed) strategy's threat reading, 1 or 0. */
  threatExposure: Float64Array;
  /** Static part of the propensity per dyad: β0 + drive + β1 h − β_d D − β_r r − β_c R + strategy offset. */
  u0: Float64Array;
  /** Per dyad, β1_i × the mixed strategy's responses to remembered escalation (H > 0) and conciliation (H < 0). */
  escalationWeight: Float64Array;
  conciliationWeight: Float64Array;
  /** Per dyad, the factor on the clash hazard: the mixed strategy's ability to clash (1 can, 0 cannot). */
  clashWeight: Float64Array;
  /** Per dyad, the probability that i takes a running GRIT step toward j: the GRIT share of its mixed strategy. */
  gritWeight: Float64Array;
  /** GRIT's patience (unreciprocated months before a pause) and pause (months before the next step). */
  gritPatience: number;
  gritPause: number;
  hostility: Float64Array;
  /** Mutual hostility h_ij·h_ji: the pair's clash friction (ladder.ts). */
  friction: Float64Array;
  deterrence: Float64Array;
  /** Effective misperception of i reading j (bias and spread shrunk by i's channel to j). */
  bias: Float64Array;
  spread: Float64Array;
  /** logit(warGivenClash) + deterrenceEffect·D_ij + channelEffect·c_ij per dyad. */
  warBase: Float64Array;
  tensionEffect: number;
  nuclearGivenWar: number;
  /** Exercise scale per month (0: no exercise), exercising actors (1/0 per actor), target actor (−1: none). */
  exerciseScale: Float64Array;
  exerciser: Uint8Array;
  exerciseTarget: number;
  /** Launch actor (−1: none), its mean launches per month, dispersion α. */
  launchActor: number;
  launchMean: Float64Array;
  launchDispersion: number;
  /** Calendar-year index of each month (0 for the year of month 1) and the number of calendar years touched. */
  yearOf: Int32Array;
  years: number;
  /** The arms path's stocks at whole years 0 … ⌊months/12⌋ (atYear[q][y], labels `ACTOR.kind`). */
  armsStocks: { labels: string[]; atYear: number[][] };
}

export type CrisisActorField = 'baseline' | 'hostilityWeight' | 'threatWeight' | 'drive' | 'bias' | 'spread' | 'credibility';
export type RelationField = 'hostility' | 'dialogue' | 'assurance' | 'alignment';

/**
 * What getValue reads for `crisis.actors.{a}.{f}` for every actor a of `ids` (the actor's own value, else the
 * field's default, else 0), without resolving a path per actor and field. A test holds it to getValue.
 */
export function crisisActorField(s: Scenario, ids: readonly string[], f: CrisisActorField): Float64Array {
  const fallback = PARAMETER_DEFAULTS[`crisis.actors.{actor}.${f}`] ?? 0;
  return Float64Array.from(ids.map((a) => paramValue(s.crisis?.actors?.[a]?.[f], fallback)));
}

/** What getValue reads for `relations.{i}.{j}.{f}` from pairRelations' table (0 on the diagonal). A test holds it to getValue. */
export function relationField(relations: readonly (Relation | undefined)[], m: number, i: number, j: number, f: RelationField): number {
  return i === j ? 0 : paramValue(relations[i * m + j]?.[f], PARAMETER_DEFAULTS[`relations.{actor}.{actor}.${f}`] ?? 0);
}

/** Cutpoints used when the scenario gives none: calibrated so the Korea status quo is plausible (docs/model.md). */
export const DEFAULT_CUTPOINTS = [-3, 1.5, 3.5];

/**
 * The scenario as the crisis model runs it: every structural uncertainty at its `default` alternative (changes
 * and strategies), then the policy if one is named. Throws on an unknown policy.
 */
export function crisisScenario(s: Scenario, policy?: string): Scenario {
  const out = applyStructural(s);
  return policy ? applyPolicy(out, policy) : out;
}

/**
 * Reads a scenario (already under its policy and alternatives: see `crisisScenario`) into a PreparedCrisis for a
 * horizon of `months` months. The threat ratios come from the arms model's monthly path, computed here once.
 * Example: `prepareCrisis(crisisScenario(korea, 'dialogue'), 120)`.
 */
export function prepareCrisis(s: Scenario, months: number, reference?: Scenario): PreparedCrisis {
  const ids = s.actors.map((a) => a.id);
  const m = ids.length;
  const val = (path: string): number => {
    const r = resolvePath(path, ids);
    if ('error' in r) throw new Error(r.error);
    return getValue(s, r);
  };
  const cat = buildCatalog(s.crisis?.catalog ?? escalAItionCatalog);
  const cutpoints = Float64Array.from(s.crisis?.cutpoints?.map((c) => paramValue(c)) ?? defaultCutpoints(cat.nonViolent));
  if (cutpoints.length !== cat.nonViolent - 1) throw new Error(`crisis.cutpoints needs ${cat.nonViolent - 1} values (one between each pair of non-violent categories), got ${cutpoints.length}`);
  for (let c = 1; c < cutpoints.length; c++) if (!(cutpoints[c] > cutpoints[c - 1])) throw new Error('crisis.cutpoints must increase');

  const strategy = new Int32Array(m);
  // What getValue reads for `crisis.actors.{a}.{f}` (the actor's own value, else the field's default, else 0),
  // without resolving a path per actor and field.
  const per = (f: CrisisActorField) => crisisActorField(s, ids, f);
  ids.forEach((a, i) => (strategy[i] = strategyIds.indexOf(s.crisis?.actors?.[a]?.strategy ?? 'reciprocator')));
  const beta0 = per('baseline'), beta1 = per('hostilityWeight'), beta2 = per('threatWeight'), drive = per('drive');
  const biasI = per('bias'), spreadI = per('spread'), cred = per('credibility');
  const wD = val('crisis.deterrenceWeight'), wR = val('crisis.assuranceWeight'), wC = val('crisis.restraintWeight');
  const shrink = val('crisis.dialogueShrink');

  // The pairs' relations looked up once (what getValue reads for `relations.{i}.{j}.{field}`: the relation's own
  // value, else the field's documented default, else 0), not by resolving four paths per ordered pair.
  const relations = pairRelations(s, ids);
  const rel = (i: number, j: number, f: RelationField) => relationField(relations, m, i, j, f);
  const hostility = new Float64Array(m * m), dialogue = new Float64Array(m * m), assurance = new Float64Array(m * m), alignment = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
    const d = i * m + j;
    hostility[d] = rel(i, j, 'hostility');
    dialogue[d] = rel(i, j, 'dialogue');
    assurance[d] = rel(i, j, 'assurance');
    alignment[d] = rel(i, j, 'alignment');
  }

  // Deterrence D_ij = B_j / (B_j + C_i): the credible capability backing j (its own and its allies', weighted by
  // j's alignment with them) against i's capability; capability as the arms model counts threat (theatre share ×
  // weighted stocks at their base values).
  const cw = { conventional: val('arms.capabilityWeights.conventional'), strategic: val('arms.capabilityWeights.strategic') };
  const capability = Float64Array.from(s.actors.map((a) => {
    let c = 0;
    for (const k of ['conventional', 'strategic'] as const) {
      const st = a.capabilities?.[k];
      if (st) c += cw[k] * val(`actors.${a.id}.capabilities.${k}.value`);
    }
    return val(`actors.${a.id}.theatreShare`) * c;
  }));
  const backing = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    backing[j] = cred[j] * capability[j];
    for (let k = 0; k < m; k++) if (k !== j) backing[j] += alignment[j * m + k] * cred[k] * capability[k];
  }
  const restraint = new Float64Array(m);
  for (const p of s.crisis?.patrons ?? []) {
    const c = ids.indexOf(p.client);
    if (c >= 0) restraint[c] = Math.min(1, restraint[c] + val(`crisis.patrons.${p.patron}.${p.client}.restraint`));
  }

  const warGivenClash = val('crisis.ladder.warGivenClash');
  const tensionEffect = val('crisis.ladder.tensionEffect'), deterrenceEffect = val('crisis.ladder.deterrenceEffect'), channelEffect = val('crisis.ladder.channelEffect');
  const mix = dyadStrategies(s, ids, strategy, strategyStrengths(val));
  const deterrence = new Float64Array(m * m), u0 = new Float64Array(m * m), bias = new Float64Array(m * m), spread = new Float64Array(m * m), warBase = new Float64Array(m * m);
  const threatExposure = new Float64Array(m * m), escalationWeight = new Float64Array(m * m), conciliationWeight = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
    if (i === j) continue;
    const d = i * m + j;
    const total = backing[j] + capability[i];
    deterrence[d] = total > 0 ? backing[j] / total : 0;
    u0[d] = beta0[i] + drive[i] + beta1[i] * hostility[d] - wD * deterrence[d] - wR * assurance[d] * mix.readsAssurance[d] - wC * restraint[i] + mix.offset[d];
    threatExposure[d] = hostility[d] * mix.readsThreat[d];
    escalationWeight[d] = beta1[i] * mix.escalation[d];
    conciliationWeight[d] = beta1[i] * mix.conciliation[d];
    const f = channelShrink(dialogue[d], shrink);
    bias[d] = biasI[i] * f;
    spread[d] = spreadI[i] * f;
    warBase[d] = logit(warGivenClash) + deterrenceEffect * deterrence[d] + channelEffect * 0.5 * (dialogue[d] + dialogue[j * m + i]);
  }

  const { ratio, stocks: armsStocks } = monthlyThreatRatios(s, months, reference);
  const threatTerm = new Float64Array(months * m);
  for (let t = 0; t < months; t++) for (let i = 0; i < m; i++) {
    threatTerm[t * m + i] = beta2[i] * Math.log(Math.max(ratio[t * m + i], 1e-9));
  }

  // Exercises: the months of scheduled or dated exercise events within the horizon, at their scale × the lever.
  const exerciseScale = new Float64Array(months);
  const exerciser = new Uint8Array(m);
  let exerciseTarget = -1;
  const asOf = s.asOf ?? s.start ?? '1970-01-01';
  const ex = s.crisis?.exercises;
  if (ex) {
    exerciseTarget = ids.indexOf(ex.target);
    for (const a of ex.by) if (ids.includes(a)) exerciser[ids.indexOf(a)] = 1;
    const lever = val('crisis.exercises.scale');
    // Each exercise event with its yearly repeats; the order does not matter (a maximum).
    for (const e of s.timeline) {
      if (e.kind !== 'exercise') continue;
      const scale = (e.scale === undefined ? 1 : typeof e.scale === 'number' ? e.scale : e.scale.value) * lever;
      for (const [first, last] of exerciseMonths(s, e, asOf)) {
        for (let t = Math.max(1, first); t <= Math.min(months, last); t++) exerciseScale[t - 1] = Math.max(exerciseScale[t - 1], scale);
      }
    }
  }

  // The launch campaign.
  const la = s.crisis?.launches;
  const launchActor = la ? ids.indexOf(la.actor) : -1;
  const launchMean = new Float64Array(months);
  let launchDispersion = 0;
  if (launchActor >= 0) {
    const L = launchActor;
    const regime = !CRISIS_STRATEGIES[strategy[L]].readsThreat;
    const base = val('crisis.launches.baseRate'), lift = regime ? 0 : val('crisis.launches.exerciseLift');
    const dEff = val('crisis.launches.dialogueEffect'), tEl = regime ? 0 : val('crisis.launches.threatElasticity');
    launchDispersion = val('crisis.launches.dispersion');
    let num = 0, den = 0;
    for (let j = 0; j < m; j++) if (j !== L) {
      num += hostility[L * m + j] * 0.5 * (dialogue[L * m + j] + dialogue[j * m + L]);
      den += hostility[L * m + j];
    }
    const open = den > 0 ? num / den : 0;
    for (let t = 0; t < months; t++) {
      launchMean[t] = base * Math.exp(lift * exerciseScale[t] + dEff * open + tEl * Math.log(Math.max(ratio[t * m + L], 1e-9)));
    }
  }

  const m0 = Number(asOf.slice(5, 7));
  const yearOf = new Int32Array(months);
  for (let t = 1; t <= months; t++) yearOf[t - 1] = Math.floor((m0 - 1 + t) / 12) - Math.floor(m0 / 12);
  const years = months > 0 ? yearOf[months - 1] + 1 : 0;

  return {
    actorIds: ids, m, months,
    catalogIds: cat.ids, weights: cat.weights, nonViolent: cat.nonViolent, statusQuo: cat.statusQuo, posturing: cat.posturing,
    violent: cat.violent, nuclear: cat.nuclear, scoreUnit: cat.scoreUnit,
    cutpoints, clashThreshold: val('crisis.clashThreshold'), memory: val('crisis.memory'),
    strategy, beta1, threatTerm, threatExposure, u0, escalationWeight, conciliationWeight, clashWeight: mix.canClash, gritWeight: mix.grit,
    gritPatience: val('crisis.grit.patience'), gritPause: val('crisis.grit.pause'), hostility, friction: hostility.map((h, d) => h * hostility[(d % m) * m + ((d / m) | 0)]), deterrence, bias, spread, warBase, tensionEffect,
    nuclearGivenWar: val('crisis.ladder.nuclearGivenWar'),
    exerciseScale, exerciser, exerciseTarget, launchActor, launchMean, launchDispersion, yearOf, years, armsStocks,
  };
}

/**
 * The first and last crisis months of each repetition of an exercise event (expandTimeline's months; the last
 * from its end date, if any, against `asOf`). Kept by the dates that decide them — the event's date, end date and
 * repeat limit and the scenario's start and asOf — since every cell of an experiment expands the same schedule.
 */
function exerciseMonths(s: Scenario, e: Scenario['timeline'][number], asOf: string): readonly (readonly [number, number])[] {
  const key = [s.start ?? '', s.asOf ?? '', asOf, e.date, e.endDate ?? '', e.repeatYearlyUntil ?? ''].join('|');
  let out = schedules.get(key);
  if (!out) {
    out = expandTimeline({ ...s, timeline: [e] }).map((x) => [x.month, x.endDate ? monthOf(x.endDate, asOf) : x.month] as const);
    if (schedules.size >= 256) schedules.clear();
    schedules.set(key, out);
  }
  return out;
}
const schedules = new Map<string, readonly (readonly [number, number])[]>();

/** Cutpoints for N non-violent categories: the defaults for EscalAItion's four, evenly spread otherwise. */
function defaultCutpoints(N: number): number[] {
  if (N === DEFAULT_CUTPOINTS.length + 1) return DEFAULT_CUTPOINTS;
  return Array.from({ length: N - 1 }, (_, c) => -3 + (6.5 * c) / Math.max(1, N - 2));
}

type StrategyStrengths = { offset: number; escalationResponse: number; conciliationResponse: number };

/** Each strategy's strengths as the scenario states them (`crisis.strategies.{id}.*`, defaults STRATEGY_STRENGTHS), by code. */
function strategyStrengths(val: (path: string) => number): StrategyStrengths[] {
  return strategyIds.map((id) => ({
    offset: val(`crisis.strategies.${id}.offset`),
    escalationResponse: val(`crisis.strategies.${id}.escalationResponse`),
    conciliationResponse: val(`crisis.strategies.${id}.conciliationResponse`),
  }));
}

/** Per-dyad strategy parameters after a policy's switches: each a mix (1 − a)·status quo + a·new rule. */
interface DyadStrategies {
  offset: Float64Array;
  escalation: Float64Array;
  conciliation: Float64Array;
  readsThreat: Float64Array;
  readsAssurance: Float64Array;
  canClash: Float64Array;
  grit: Float64Array;
}

/**
 * The strategy each ordered dyad plays (docs/model.md#adherence). Without a switch, dyad (i, j) takes i's status-quo
 * strategy's parameters as they are; a policy's switch for i toward the targets it names mixes them with the new
 * rule's at adherence a, so a = 0 gives the status-quo values exactly ((1 − 0)·x + 0·y = x in floating point).
 */
function dyadStrategies(s: Scenario, ids: string[], strategy: Int32Array, strengths: StrategyStrengths[]): DyadStrategies {
  const m = ids.length;
  const out: DyadStrategies = {
    offset: new Float64Array(m * m), escalation: new Float64Array(m * m), conciliation: new Float64Array(m * m),
    readsThreat: new Float64Array(m * m), readsAssurance: new Float64Array(m * m), canClash: new Float64Array(m * m), grit: new Float64Array(m * m),
  };
  // Weight w of the rule `code` in dyad d: w = 1 sets the parameters, 0 < w < 1 mixes them into what is there.
  const mixIn = (d: number, code: number, w: number) => {
    const st = CRISIS_STRATEGIES[code], k = strengths[code];
    const values = [k.offset, k.escalationResponse, k.conciliationResponse, st.readsThreat ? 1 : 0, st.readsAssurance ? 1 : 0, st.canClash ? 1 : 0, code === GRIT_CODE ? 1 : 0];
    [out.offset, out.escalation, out.conciliation, out.readsThreat, out.readsAssurance, out.canClash, out.grit].forEach((arr, k) => {
      arr[d] = (1 - w) * arr[d] + w * values[k];
    });
  };
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) mixIn(i * m + j, strategy[i], 1);
  for (const sw of (s as PolicyScenario).strategySwitches ?? []) {
    const i = ids.indexOf(sw.actor);
    if (i < 0) throw new Error(`a strategy switch names unknown actor '${sw.actor}'`);
    const code = strategyIds.indexOf(sw.strategy);
    const w = Math.min(1, Math.max(0, sw.adherence));
    for (let j = 0; j < m; j++) if (j !== i && (!sw.targets || sw.targets.includes(ids[j]))) mixIn(i * m + j, code, w);
  }
  return out;
}
