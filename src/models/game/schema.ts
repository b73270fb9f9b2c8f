import { z } from 'zod';

/**
 * Schemas of the game layer's options, for the edges that receive them as JSON (HTTP routes, worker messages,
 * scenario files): each field with meaning, unit and default. The core functions take the plain objects these
 * produce and do not re-validate them.
 */
const probability = (what: string) => z.number().min(0).max(1).describe(what);

export const payoffsSchema = z
  .object({
    R: z.number().describe('reward: payoff of mutual cooperation'),
    S: z.number().describe("sucker's payoff: cooperating against a defector"),
    T: z.number().describe('temptation: defecting against a cooperator'),
    P: z.number().describe('punishment: payoff of mutual defection'),
  })
  .describe('stage-game payoffs of the row player; default R=3, S=0, T=5, P=1');

export const matchOptionsSchema = z.object({
  turns: z.number().int().min(1).max(10_000_000).optional().describe('turns per match (default 200); with probEnd, a cap'),
  probEnd: z.number().gt(0).max(1).optional().describe('probability that a match ends after any turn (default: fixed length)'),
  noise: probability('execution error: probability that an action flips, seen by both players (default 0)').optional(),
  misperception: probability("probability that a player misreads the other's action (default 0)").optional(),
  payoffs: payoffsSchema.optional(),
});

export const tournamentOptionsSchema = matchOptionsSchema.extend({
  repetitions: z.number().int().min(1).optional().describe('times each pair meets (default 10)'),
  seed: z.number().int().min(0).optional().describe('seed of the random streams (default 1)'),
  selfPlay: z.boolean().optional().describe('count self-play in the mean scores (default false)'),
  reuseDeterministic: z.boolean().optional().describe('play deterministic pairs once for all repetitions (default true)'),
});

export const moranOptionsSchema = matchOptionsSchema.extend({
  initial: z.array(z.number().int().min(0)).optional().describe('initial count of each strategy (default: population split evenly)'),
  population: z.number().int().min(2).optional().describe('population size (default 10 per strategy)'),
  runs: z.number().int().min(1).optional().describe('independent runs to fixation (default 1)'),
  seed: z.number().int().min(0).optional().describe('seed of the random streams (default 1)'),
  maxSteps: z.number().int().min(1).optional().describe('steps after which an unfixed run stops (default 100000)'),
  recordSteps: z.number().int().min(0).optional().describe('steps of the first run kept in the trajectory (default 10000)'),
});

export const replicatorOptionsSchema = z.object({
  initial: z.array(z.number().min(0)).optional().describe('initial shares, normalised to sum 1 (default: equal)'),
  generations: z.number().int().min(1).optional().describe('generations to iterate (default 1000)'),
  stride: z.number().int().min(1).optional().describe('record every stride-th generation (default generations/100)'),
});
