import { z } from 'zod';
import { nonNegative } from './param.js';
import { param } from './paramSchema.js';
import { id, isoMonth } from './primitives.js';

// The historical record a scenario's futures are weighted on (docs/calibration.md#record). Each target says what
// was observed (recomputed from the data by `flashpoints calibrate record`, never typed in), which source it comes
// from, and how far the model may miss it for reasons the model does not represent (the discrepancy, an
// assumption with a reason and a range). History matching rules a future out when any target's implausibility
// exceeds `cutoff`.

const discrepancy = param(nonNegative, 'Model discrepancy: s.d. of how far a correct-in-every-other-way model may miss this target, in the target\'s own unit (an assumption with a reason).');
const common = {
  id,
  title: z.string().describe('What the target is, in words.'),
  source: id.describe('Id of the entry in `sources` the observation comes from.'),
  discrepancy,
  note: z.string().optional(),
};
const year = z.number().int().min(1800).max(2200);
const count = z.number().int().min(0);

const launches = z.strictObject({
  ...common,
  kind: z.literal('launches'),
  statistic: z.enum(['mean', 'variance', 'zeroShare']).describe('Mean missiles per month, their variance across months, or the share of months with none.'),
  from: isoMonth,
  to: isoMonth,
  months: z
    .strictObject({ plain: count, exercise: count, dialogue: count, exerciseDialogue: count })
    .describe('Months of the window by covariate class (exercise month, dialogue month); the launch process depends on nothing else in a hindcast.'),
  observed: z.number().min(0),
});

const clashYears = z.strictObject({
  ...common,
  kind: z.literal('clashYears'),
  group: id.optional().describe('A `crisis.groups` id: a year counts when any of its dyads clashed.'),
  pair: z.tuple([id, id]).optional().describe('Or one unordered pair of actors.'),
  from: year,
  to: year,
  observed: count.describe('Years of the window with a use-of-force dispute onset.'),
});

const noWar = z.strictObject({
  ...common,
  kind: z.literal('noWar'),
  group: id.describe('The `crisis.groups` id whose dyads had no war in the window.'),
  from: year,
  to: year,
});

const armsGrowth = z.strictObject({
  ...common,
  kind: z.literal('armsGrowth'),
  stock: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*\.(conventional|strategic)$/, 'a stock is ACTOR.conventional or ACTOR.strategic'),
  from: year,
  to: year,
  observed: z.number().describe('Mean yearly log growth over the window (log-linear trend slope).'),
  observationSd: z.number().min(0).describe('Standard error of that slope from the year-to-year variation.'),
});

export const recordTarget = z.discriminatedUnion('kind', [launches, clashYears, noWar, armsGrowth]);
export type RecordTarget = z.output<typeof recordTarget>;

export const record = z.strictObject({
  method: z.literal('history-matching').default('history-matching').describe('How futures are weighted: history matching (docs/calibration.md#record).'),
  cutoff: z.number().positive().default(3).describe('Implausibility above which a future is ruled out. Default 3 (Pukelsheim\'s three-sigma rule).'),
  kth: z
    .number()
    .int()
    .min(1)
    .max(5)
    .default(1)
    .describe('Which largest implausibility decides: 1 (the largest: every target must pass) or 2–3 (one or two targets may fail, as Vernon et al. 2010 allow with many outputs). Default 1.'),
  targets: z.array(recordTarget).min(1),
});
export type ScenarioRecord = z.output<typeof record>;
