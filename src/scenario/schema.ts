import { z } from 'zod';
import { nonNegative, param, unitInterval } from './param.js';
import { escalAItionCatalog, strategyIds } from './catalog.js';

/**
 * The scenario format: one zod schema, the single source of truth for the TypeScript types, the validator and the
 * published JSON Schema (`flashpoints schema`). Cross-references (actor ids, lever ids, parameter paths, dates) are
 * checked after parsing by `checkScenario` (check.ts). docs/scenario-format.md explains every field.
 */

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'ids start with a letter and use letters, digits, _ . -');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');
const p01 = (d: string) => param(unitInterval, d).optional();
const pPos = (d: string) => param(nonNegative, d).optional();
const pAny = (d: string) => param({}, d).optional();

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
  value: param(nonNegative, 'Base-year value x⁰ of the stock, in `unit`.'),
  unit: z.string().describe('Unit of `value`, e.g. "constant 2023 US$ bn" or "warheads".'),
  baseYear: z.number().int().describe('Year `value` refers to; growth rates are relative to it.'),
  source: z.string().optional().describe('Source id for the value (or annotate `value` itself).'),
  growth: pAny('g: autonomous growth rate per year, as a fraction (0.03 = 3%/yr). Default 0.'),
  elasticity: pPos('ε: reaction elasticity — a 10% rise in threat adds ε·10% to the yearly growth rate. Default 0.'),
  reliance: pPos('φ: reliance on allies — a 10% rise in protection lowers the growth rate by φ·10%. Default 0.'),
  fatigue: pPos('a: economic pull-back toward x⁰, per year. Default 0.'),
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
  alignmentRate: pPos('η_ij: speed of endogenous alignment, per year. Default: arms.endogenousAlignment.rate.'),
  basis: z.string().optional().describe('The treaty or statement behind the values, with its date.'),
  source: z.string().optional(),
});

const linear = z.strictObject({
  A: z.array(z.array(z.number())).describe('Reaction matrix (per year), rows and columns in the order of `actors`.'),
  g: z.array(z.number()).describe('Constant term b (grievances), one per actor.'),
  x0: z.array(z.number()).describe('Initial values, one per actor.'),
});

const arms = z.strictObject({
  linear: linear.optional().describe('Direct linear form dx/dt = A x + g for textbook models; replaces the structural form.'),
  cohesion: p01('κ: how much a rival\'s alignment with others amplifies the fear it inspires. Default 0.5.'),
  capabilityWeights: z
    .strictObject({
      conventional: pPos('c_conventional: threat per unit of conventional capability. Default 1.'),
      strategic: pPos('c_strategic: threat per unit of strategic capability (e.g. per warhead). Default 0.'),
    })
    .optional(),
  endogenousAlignment: z
    .strictObject({
      enabled: z.boolean().default(false),
      psi: p01('ψ: alignment that full threat overlap would produce, in [0, 1]. Default 1.'),
      rate: pPos('η: default speed of alignment change, per year. Default 0.2.'),
    })
    .optional(),
  transfers: z
    .array(
      z.strictObject({
        from: id,
        to: id,
        kind: z.enum(['conventional', 'strategic']),
        rate: pPos('τ: growth of the recipient\'s stock per year per unit of alignment w_to,from, as a fraction.'),
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
    set: z.number().optional(),
    add: z.number().optional(),
    scale: z.number().optional(),
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
  scale: pPos('Size of an exercise relative to the reference cycle (1). Default 1.'),
  changes: z.array(change).optional().describe('Parameter changes taking effect on `date`; only for events on or after `start`.'),
});

const crisisActor = z.strictObject({
  strategy: z.enum(strategyIds).default('reciprocator').describe('Reaction rule (docs/model.md#strategies).'),
  baseline: pAny('β0: baseline escalation propensity (logit scale). Default 0.'),
  hostilityWeight: pPos('β1: weight of remembered perceived hostility. Default 1.'),
  threatWeight: pPos('β2: weight of ln(θ/θ⁰), the threat ratio from the arms model. Default 1.'),
  drive: pAny('Domestic drive: escalation no external threat explains (logit scale). Default 0.'),
  bias: pAny('Misperception bias: mean over-reading of others\' escalation, in score units. Default 0.'),
  spread: pPos('Misperception spread: s.d. of reading errors, in score units. Default 0.'),
  credibility: p01('Credibility of the actor\'s deterrent threats and commitments to allies, in [0, 1]. Default 0.5.'),
});

const crisis = z.strictObject({
  catalog: z
    .array(z.strictObject({ id, label: z.string(), weight: z.number(), examples: z.array(z.string()).default([]) }))
    .default(escalAItionCatalog.map((c) => ({ ...c, examples: [...c.examples] })))
    .describe('Ordered action categories with escalation weights. Default: EscalAItion (docs/model.md).'),
  actors: z.record(z.string(), crisisActor).default({}).describe('Per-actor strategy and parameters; actors not listed use defaults.'),
  memory: p01('λ: weight of the newest month in the memory of perceived hostility. Default 0.3.'),
  cutpoints: z.array(z.number()).optional().describe('Ordered-logit cutpoints between the non-violent categories (increasing).'),
  clashThreshold: pAny('κ_v: propensity at which a hostile dyad\'s monthly clash hazard reaches half the pair\'s mutual hostility (logit scale). Default 5.4.'),
  deterrenceWeight: pPos('β_d: weight of deterrence. Default 1.'),
  assuranceWeight: pPos('β_r: weight of assurance. Default 1.'),
  restraintWeight: pPos('β_c: weight of a patron\'s restraint. Default 1.'),
  dialogueShrink: p01('How much a fully open channel shrinks misperception bias and spread, in [0, 1]. Default 0.5.'),
  launches: z
    .strictObject({
      actor: id.describe('The actor whose missile launches are modelled as a count process.'),
      baseRate: pPos('Mean launches per month with no exercise, dialogue or threat change.'),
      dispersion: pPos('Negative-binomial dispersion α (variance = μ + αμ²).'),
      exerciseLift: pAny('Log rate ratio in exercise months.'),
      dialogueEffect: pAny('Log rate ratio while a dialogue channel is open (negative: fewer launches).'),
      threatElasticity: pAny('Elasticity of the launch rate to the threat ratio θ/θ⁰.'),
    })
    .optional(),
  exercises: z
    .strictObject({
      by: z.array(id).describe('Actors that hold the combined exercises.'),
      target: id.describe('The actor the exercises are read as aimed at.'),
      scale: pPos('Scale of the exercise cycle relative to 2024 (1). A lever.'),
    })
    .optional(),
  ladder: z
    .strictObject({
      warGivenClash: p01('Base probability that a clash becomes war.'),
      tensionEffect: pAny('Log-odds change of war per unit of tension.'),
      deterrenceEffect: pAny('Log-odds change of war per unit of deterrence.'),
      channelEffect: pAny('Log-odds change of war per unit of open dialogue channel.'),
      nuclearGivenWar: p01('P(nuclear use | war): an explicit, labelled, elicited assumption with a range.'),
    })
    .optional(),
  patrons: z
    .array(z.strictObject({ patron: id, client: id, restraint: p01('Restraint the patron puts on its client, in [0, 1].') }))
    .optional(),
});

const lever = z.strictObject({
  id,
  title: z.string().optional(),
  description: z.string(),
  path: z.string().describe('The parameter the lever moves.'),
  effect: pPos('Effect size e: a policy moves the parameter by e × (policy value − status-quo value); zero means the lever does nothing. Default 1.'),
});

const policy = z.strictObject({
  id,
  title: z.string(),
  description: z.string().describe('What the policy stands for, in the article\'s terms.'),
  changes: z
    .array(
      z
        .strictObject({ lever: id, set: z.number().optional(), add: z.number().optional(), scale: z.number().optional() })
        .superRefine((c, ctx) => {
          const n = [c.set, c.add, c.scale].filter((v) => v !== undefined).length;
          if (n !== 1) ctx.addIssue({ code: 'custom', message: 'a lever change says exactly one of `set`, `add` or `scale`', path: [] });
        }),
    )
    .default([]),
  strategies: z.record(z.string(), z.enum(strategyIds)).default({}).describe('Strategy choices by actor id.'),
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
        weight: z.number().positive().default(1).describe('Relative weight when sampled. Default 1.'),
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
    actors: z.array(actor).min(1),
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
export type CapabilityKind = 'conventional' | 'strategic';
