import { z } from 'zod';
import { unitInterval, type ParamDomain } from './param.js';
import { param } from './paramSchema.js';
import { escalAItionCatalog, strategyIds } from './catalog.js';
import { id, isoDate } from './primitives.js';
import { record } from './record.js';
import { ACTOR_COUNT, DOMAINS } from './domains.js';

/**
 * The scenario format: one zod schema, the single source of truth for the TypeScript types, the validator and the
 * published JSON Schema (`flashpoints schema`). Cross-references (actor ids, lever ids, parameter paths, dates) are
 * checked after parsing by `checkScenario` (check.ts). docs/scenario-format.md explains every field.
 */

const p01 = (d: string) => param(unitInterval, d).optional();
/** A parameter bounded to one of the documented DOMAINS; the description states the domain. */
const pIn = (domain: ParamDomain, d: string) => param(domain, `${d} Domain [${domain.min}, ${domain.max}].`).optional();
/** A plain number bounded to a domain (matrix entries, weights, change values). */
const numIn = (domain: ParamDomain) => z.number().min(domain.min!).max(domain.max!);

const source = z.strictObject({
  id: id.describe('Short id that values cite with `source:`.'),
  title: z.string().describe('Title of the work or data set.'),
  publisher: z.string().optional(),
  year: z.number().int().optional().describe('Year of publication or release.'),
  url: z.string().optional(),
  accessed: isoDate.optional(),
  note: z.string().optional(),
});

const stock = z.strictObject({
  value: param(DOMAINS.stock, `Base-year value x⁰ of the stock, in \`unit\`. Domain [${DOMAINS.stock.min}, ${DOMAINS.stock.max}].`),
  unit: z.string().describe('Unit of `value`, e.g. "constant 2023 US$ bn" or "warheads".'),
  baseYear: z.number().int().describe('Year `value` refers to; growth rates are relative to it.'),
  source: z.string().optional().describe('Source id for the value (or annotate `value` itself).'),
  growth: pIn(DOMAINS.growth, 'g: autonomous growth rate per year, as a fraction (0.03 = 3%/yr). Default 0.'),
  elasticity: pIn(DOMAINS.elasticity, 'ε: reaction elasticity — a 10% rise in threat adds ε·10% to the yearly growth rate. Default 0.'),
  reliance: pIn(DOMAINS.elasticity, 'φ: reliance on allies — a 10% rise in protection lowers the growth rate by φ·10%. Default 0.'),
  fatigue: pIn(DOMAINS.fatigue, 'a: economic pull-back toward x⁰, per year. Default 0.'),
});

const actor = z.strictObject({
  id: id.describe('Actor id: ISO 3166 alpha-3 code for states (PRK, KOR, USA …).'),
  name: z.string(),
  theatreShare: p01('s: share of the actor\'s capability that bears on the theatre, in (0, 1]. Default 1.'),
  capabilities: z
    .strictObject({ conventional: stock.optional(), strategic: stock.optional() })
    .optional()
    .describe('Typed capability stocks; each becomes one entry of the state vector.'),
  note: z.string().optional(),
});

const relation = z.strictObject({
  from: id.describe('Actor i (the one who fears, aligns or is assured).'),
  to: id.describe('Actor j.'),
  mutual: z.boolean().default(false).describe('When true the same values also hold for to → from. Default false.'),
  hostility: p01('h_ij: how hostile i is toward j (fears j directly), in [0, 1]. Default 0.'),
  alignment: p01('w_ij: alignment of i with j, in [0, 1]. Default 0.'),
  treatyFloor: p01('Lowest value endogenous alignment may reach (a treaty), in [0, 1]. Default 0.'),
  assurance: p01('r_ij: assurance j gives i that its core interests are safe, in [0, 1]; discounts the threat i reads from j. Default 0.'),
  dialogue: p01('Openness of i\'s dialogue channel with j, in [0, 1]; shrinks misperception. Default 0.'),
  alignmentRate: pIn(DOMAINS.rate, 'η_ij: speed of endogenous alignment, per year. Default: arms.endogenousAlignment.rate.'),
  basis: z.string().optional().describe('The treaty or statement behind the values, with its date.'),
  source: z.string().optional(),
});

const linear = z.strictObject({
  A: z.array(z.array(numIn(DOMAINS.linearRate))).describe(`Reaction matrix (per year), rows and columns in the order of \`actors\`. Entries in [${DOMAINS.linearRate.min}, ${DOMAINS.linearRate.max}].`),
  g: z.array(numIn(DOMAINS.linearLevel)).describe(`Constant term b (grievances), one per actor, in [${DOMAINS.linearLevel.min}, ${DOMAINS.linearLevel.max}].`),
  x0: z.array(numIn(DOMAINS.linearLevel)).describe(`Initial values, one per actor, in [${DOMAINS.linearLevel.min}, ${DOMAINS.linearLevel.max}].`),
});

const arms = z.strictObject({
  linear: linear.optional().describe('Direct linear form dx/dt = A x + g for textbook models; replaces the structural form.'),
  cohesion: p01('κ: how much a rival\'s alignment with others amplifies the fear it inspires. Default 0.5.'),
  capabilityWeights: z
    .strictObject({
      conventional: pIn(DOMAINS.capabilityWeight, 'c_conventional: threat per unit of conventional capability. Default 1.'),
      strategic: pIn(DOMAINS.capabilityWeight, 'c_strategic: threat per unit of strategic capability (e.g. per warhead). Default 0.'),
    })
    .optional(),
  endogenousAlignment: z
    .strictObject({
      enabled: z.boolean().default(false),
      psi: p01('ψ: alignment that full threat overlap would produce, in [0, 1]. Default 1.'),
      rate: pIn(DOMAINS.rate, 'η: default speed of alignment change, per year. Default 0.2.'),
    })
    .optional(),
  transfers: z
    .array(
      z.strictObject({
        from: id,
        to: id,
        kind: z.enum(['conventional', 'strategic']),
        rate: pIn(DOMAINS.rate, 'τ: growth of the recipient\'s stock per year per unit of alignment w_to,from, as a fraction.'),
        note: z.string().optional(),
      }),
    )
    .optional()
    .describe('Technology transfer between aligned actors (docs/model.md).'),
  nonNegative: z.boolean().default(true).describe('Enforce x ≥ 0 in the non-linear integration. Default true.'),
});

const change = z
  .strictObject({
    path: z.string().describe('Parameter path, e.g. `relations.USA.PRK.assurance` (docs/scenario-format.md#paths).'),
    set: numIn(DOMAINS.change).optional(),
    add: numIn(DOMAINS.change).optional(),
    scale: numIn(DOMAINS.change).optional(),
    source: id.optional().describe('Source id (in `sources`) of a calibrated change, e.g. a structural alternative\'s offset written by `flashpoints calibrate crisis`.'),
    note: z.string().optional().describe('What the change rests on, in words.'),
  })
  .superRefine((c, ctx) => {
    const n = [c.set, c.add, c.scale].filter((v) => v !== undefined).length;
    if (n !== 1) ctx.addIssue({ code: 'custom', message: 'a change says exactly one of `set`, `add` or `scale`', path: [] });
  });

const event = z.strictObject({
  id: id.optional(),
  date: isoDate.describe('Day the event happens (YYYY-MM-DD).'),
  endDate: isoDate.optional().describe('Last day, for events that last (exercises).'),
  title: z.string(),
  kind: z.enum(['event', 'exercise', 'summit', 'test', 'treaty', 'statement', 'deployment']).default('event'),
  source: z.string().optional().describe('Source id; required unless `assumption` explains a scheduled event.'),
  assumption: z.string().optional(),
  scheduled: z.boolean().default(false).describe('A planned future event (e.g. an exercise); must lie after `start`.'),
  repeatYearlyUntil: isoDate.optional().describe('Repeat the event every year on the same day until this date.'),
  scale: pIn(DOMAINS.scale, 'Size of an exercise relative to the reference cycle (1). Default 1.'),
  changes: z.array(change).optional().describe('Parameter changes taking effect on `date`; only for events on or after `start`.'),
});

const crisisActor = z.strictObject({
  strategy: z.enum(strategyIds).default('reciprocator').describe('Reaction rule (docs/model.md#strategies).'),
  baseline: pIn(DOMAINS.logit, 'β0: baseline escalation propensity (logit scale). Default 0.'),
  hostilityWeight: pIn(DOMAINS.weight, 'β1: weight of remembered perceived hostility. Default 1.'),
  threatWeight: pIn(DOMAINS.weight, 'β2: weight of ln(θ/θ⁰), the threat ratio from the arms model. Default 1.'),
  drive: pIn(DOMAINS.logit, 'Domestic drive: escalation no external threat explains (logit scale). Default 0.'),
  bias: pIn(DOMAINS.scoreBias, 'Misperception bias: mean over-reading of others\' escalation, in score units. Default 0.'),
  spread: pIn(DOMAINS.scoreSpread, 'Misperception spread: s.d. of reading errors, in score units. Default 0.'),
  credibility: p01('Credibility of the actor\'s deterrent threats and commitments to allies, in [0, 1]. Default 0.5.'),
});

/** A reaction rule's strengths (docs/model.md#strategies): offset o and responses ρ⁺, ρ⁻ as multiples of β1. */
const strategyStrengths = z.strictObject({
  offset: pIn(DOMAINS.logit, 'o: added to the propensity (logit scale).'),
  escalationResponse: pIn(DOMAINS.weight, 'ρ⁺: weight of remembered escalation (H > 0), as a multiple of β1.'),
  conciliationResponse: pIn(DOMAINS.weight, 'ρ⁻: weight of remembered conciliation (H < 0), as a multiple of β1.'),
});

const crisis = z.strictObject({
  catalog: z
    .array(z.strictObject({ id, label: z.string(), weight: numIn(DOMAINS.catalogWeight), examples: z.array(z.string()).default([]) }))
    .default(escalAItionCatalog.map((c) => ({ ...c, examples: [...c.examples] })))
    .describe('Ordered action categories with escalation weights. Default: EscalAItion (docs/model.md).'),
  actors: z.record(z.string(), crisisActor).default({}).describe('Per-actor strategy and parameters; actors not listed use defaults.'),
  memory: p01('λ: weight of the newest month in the memory of perceived hostility. Default 0.3.'),
  cutpoints: z
    .array(param(DOMAINS.logit, 'κ_c: an ordered-logit cutpoint (logit scale).'))
    .optional()
    .describe('Ordered-logit cutpoints between the non-violent categories (increasing; sampled ranges disjoint and increasing). Default −3, 1.5, 3.5 for the EscalAItion catalog.'),
  strategies: z
    .partialRecord(z.enum(strategyIds), strategyStrengths)
    .optional()
    .describe('The strengths of the reaction rules (docs/model.md#constants): per strategy id, its offset and responses. Defaults as in docs/model.md#strategies.'),
  grit: z
    .strictObject({
      patience: pIn(DOMAINS.months, 'Months of non-reciprocation before GRIT pauses its step (a fraction counts as the next whole month). Default 3.'),
      pause: pIn(DOMAINS.months, 'Months GRIT acts as a reciprocator before announcing a new step (a fraction counts as the next whole month). Default 6.'),
    })
    .optional()
    .describe("GRIT's timing (docs/model.md#strategies)."),
  clashThreshold: pIn(DOMAINS.logit, 'κ_v: propensity at which a hostile dyad\'s monthly clash hazard reaches half the pair\'s mutual hostility (logit scale). Default 5.4.'),
  deterrenceWeight: pIn(DOMAINS.weight, 'β_d: weight of deterrence. Default 1.'),
  assuranceWeight: pIn(DOMAINS.weight, 'β_r: weight of assurance. Default 1.'),
  restraintWeight: pIn(DOMAINS.weight, 'β_c: weight of a patron\'s restraint. Default 1.'),
  dialogueShrink: p01('How much a fully open channel shrinks misperception bias and spread, in [0, 1]. Default 0.5.'),
  launches: z
    .strictObject({
      actor: id.describe('The actor whose missile launches are modelled as a count process.'),
      baseRate: pIn(DOMAINS.launchRate, 'Mean launches per month with no exercise, dialogue or threat change.'),
      dispersion: pIn(DOMAINS.dispersion, 'Negative-binomial dispersion α (variance = μ + αμ²).'),
      exerciseLift: pIn(DOMAINS.logRate, 'Log rate ratio in exercise months.'),
      dialogueEffect: pIn(DOMAINS.logRate, 'Log rate ratio while a dialogue channel is open (negative: fewer launches).'),
      threatElasticity: pIn(DOMAINS.logRate, 'Elasticity of the launch rate to the threat ratio θ/θ⁰.'),
    })
    .optional(),
  exercises: z
    .strictObject({
      by: z.array(id).describe('Actors that hold the combined exercises.'),
      target: id.describe('The actor the exercises are read as aimed at.'),
      scale: pIn(DOMAINS.scale, 'Scale of the exercise cycle relative to 2024 (1). A lever.'),
    })
    .optional(),
  ladder: z
    .strictObject({
      warGivenClash: p01('Base probability that a clash becomes war.'),
      tensionEffect: pIn(DOMAINS.logit, 'Log-odds change of war per unit of tension.'),
      deterrenceEffect: pIn(DOMAINS.logit, 'Log-odds change of war per unit of deterrence.'),
      channelEffect: pIn(DOMAINS.logit, 'Log-odds change of war per unit of open dialogue channel.'),
      nuclearGivenWar: p01('P(nuclear use | war): an explicit, labelled, elicited assumption with a range.'),
    })
    .optional(),
  patrons: z
    .array(z.strictObject({ patron: id, client: id, restraint: p01('Restraint the patron puts on its client, in [0, 1].') }))
    .optional(),
  groups: z
    .array(
      z.strictObject({
        id,
        title: z.string(),
        pairs: z.array(z.tuple([id, id])).min(1).describe('Unordered pairs of actor ids; a war or clash in either direction counts.'),
      }),
    )
    .optional()
    .describe('Disjoint groups of dyads whose outcomes are reported apart (e.g. the peninsula, great-power dyads); dyads in no group are reported as "other".'),
});

const lever = z.strictObject({
  id,
  title: z.string().optional(),
  description: z.string(),
  path: z.string().describe('The parameter the lever moves.'),
  effect: pIn(DOMAINS.effect, 'Effect size e: a policy moves the parameter by e × (policy value − status-quo value); zero means the lever does nothing. Default 1.'),
});

/**
 * A policy's strategy switch for one actor: the new rule, the actors it is applied toward (all when omitted) and the
 * adherence a in [0, 1] with which the actor follows it (0: it keeps its status-quo rule; docs/model.md#adherence).
 */
const strategySwitch = z.strictObject({
  strategy: z.enum(strategyIds).describe('The rule the policy asks of the actor (docs/model.md#strategies).'),
  targets: z.array(id).min(1).optional().describe('Actors toward which the new rule applies; toward the others the actor keeps its status-quo rule. Default: every other actor.'),
  adherence: p01('a: how closely the actor follows the new rule, in [0, 1]; the propensity, responses and clash hazard are (1 − a)·status quo + a·new rule, and a running GRIT step is taken with probability a. Default 1.'),
});

const policy = z.strictObject({
  id,
  title: z.string(),
  description: z.string().describe('What the policy stands for, in the article\'s terms.'),
  changes: z
    .array(
      z
        .strictObject({ lever: id, set: numIn(DOMAINS.change).optional(), add: numIn(DOMAINS.change).optional(), scale: numIn(DOMAINS.change).optional() })
        .superRefine((c, ctx) => {
          const n = [c.set, c.add, c.scale].filter((v) => v !== undefined).length;
          if (n !== 1) ctx.addIssue({ code: 'custom', message: 'a lever change says exactly one of `set`, `add` or `scale`', path: [] });
        }),
    )
    .default([]),
  strategies: z
    .record(z.string(), z.union([z.enum(strategyIds), strategySwitch]))
    .default({})
    .describe('Strategy switches by actor id: a strategy id (toward every actor, adherence 1) or `{ strategy, targets, adherence }`.'),
  costs: z.string().optional().describe('The costs the policy carries in the world, and how they are modelled.'),
});

const structural = z.strictObject({
  id,
  title: z.string(),
  description: z.string().optional(),
  default: id.describe('The alternative used when nothing is sampled.'),
  alternatives: z
    .array(
      z.strictObject({
        id,
        title: z.string(),
        description: z.string().optional(),
        weight: z.number().positive().max(1e6).default(1).describe('Relative weight when sampled. Default 1.'),
        changes: z.array(change).default([]),
        strategies: z.record(z.string(), z.enum(strategyIds)).default({}),
      }),
    )
    .min(2),
});

export const scenarioSchema = z
  .strictObject({
    id: id.describe('Scenario id.'),
    title: z.string(),
    description: z.string().optional(),
    asOf: isoDate.optional().describe('The date the scenario describes. Month 1 is the first month after it.'),
    start: isoDate.optional().describe('When simulation begins. Default: asOf.'),
    sources: z.array(source).default([]),
    actors: z.array(actor).min(ACTOR_COUNT.min).max(ACTOR_COUNT.max).describe(`The actors, ${ACTOR_COUNT.min} to ${ACTOR_COUNT.max} (one is allowed; dyad arrays grow as actors²).`),
    relations: z.array(relation).default([]).describe('Directed pairs; pairs not listed have every value 0.'),
    arms: arms.optional(),
    timeline: z.array(event).default([]),
    crisis: crisis.optional(),
    levers: z.array(lever).default([]),
    policies: z.array(policy).default([]),
    uncertainties: z
      .strictObject({ structural: z.array(structural).default([]) })
      .optional()
      .describe('Structural uncertainties: named alternatives. Parameter ranges are written inline.'),
    record: record.optional().describe('The historical record futures are weighted on (docs/calibration.md#record); written by `flashpoints calibrate record`.'),
  })
  .describe('A Flashpoints scenario (docs/scenario-format.md).');

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Actor = Scenario['actors'][number];
export type Relation = Scenario['relations'][number];
export type TimelineEvent = Scenario['timeline'][number];
export type Policy = Scenario['policies'][number];
export type Lever = Scenario['levers'][number];
export type Change = z.output<typeof change>;
export type StrategySwitch = z.output<typeof strategySwitch>;
export type CapabilityKind = 'conventional' | 'strategic';
