import { z } from '@hono/zod-openapi';
import { SENSITIVITY_OUTCOMES } from '../experiment/sensitivityDesign.js';

/**
 * The request and response shapes of the HTTP API as zod schemas: requests are checked with them and
 * `/openapi.json` is generated from them (with the scenario format's own schema, src/scenario/schema.ts). Option
 * names, defaults and bounds are the CLI's (docs/cli.md); where the API is stricter (runs, futures) the bound is the
 * server's work limit (docs/server.md#limits).
 */

const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1).describe('Seed of the random streams (and of the design and bootstrap). Default 1.');
const policy = z.string().min(1).max(200).optional().describe("A policy id of the scenario. Default: none (the scenario as written, the status quo).");
const sets = z.array(z.string().max(1000)).max(200).default([]).describe('Parameter overrides PATH=VALUE, applied in order, checked like `--set` (docs/scenario-format.md#paths).');
const effects = z.literal('zero').optional().describe("'zero': the placebo, every lever effect and strategy adherence set to 0 (docs/experiments.md#placebo).");
const horizon = (max: number) => z.number().int().min(1).max(max).default(120).describe(`Months simulated; month 1 is the month after asOf. Default 120, at most ${max}.`);
const threads = z.number().int().min(1).max(256).optional().describe("Worker threads for the job (at most the server's --threads); results do not depend on it.");
const keepInStore = z.boolean().default(true).describe("Keep the cells in the server's store (fixed at start with --store). Default true.");
const fresh = z.boolean().default(false).describe('Recompute every cell even when it is stored (the new cells replace the old). Default false.');

/** Options of `POST /api/validate` and `POST /api/show` (none: the scenario says everything). */
export const noOptions = z.object({}).strict();

/** Options of `POST /api/simulate`: the options of `flashpoints simulate`. */
export const simulateOptions = z
  .object({
    years: z.number().min(0).max(1000).default(10).describe('Horizon in years; outputs every `step` years. Default 10.'),
    step: z.number().min(1e-6).max(1000).default(1).describe('Output spacing in years with `years`. Default 1.'),
    times: z.array(z.number().min(0).max(1000)).min(1).max(100_000).optional().describe('Explicit output times in years, non-decreasing (instead of years/step).'),
    mode: z.enum(['auto', 'exact', 'nonlinear']).default('auto').describe('auto: nonlinear when endogenous alignment is on. Default auto.'),
    policy,
    set: sets,
  })
  .strict();

/** Options of `POST /api/analyze`: the options of `flashpoints analyze`. */
export const analyzeOptions = z
  .object({
    years: z.number().min(0).max(1000).default(10).describe('Horizon for the alignment drift, years. Default 10.'),
    policy,
    set: sets,
  })
  .strict();

/** Options of a `run` job: the options of `flashpoints run`. */
export const runOptions = z
  .object({
    runs: z.number().int().min(1).max(1_000_000).default(1000).describe('Replications. Default 1000, at most 1,000,000 through the API.'),
    seed,
    policy,
    horizon: horizon(1200),
    threads,
    set: sets,
    effects,
  })
  .strict();

/** Options of a `compare` job: the options of `flashpoints compare` (the store is the server's). */
export const compareOptions = z
  .object({
    policies: z.union([z.literal('all'), z.array(z.string().min(1)).min(1).max(100)]).default('all').describe("'all' or the policy ids to compare; status-quo is always included. Default 'all'."),
    futures: z.number().int().min(1).max(10_000).default(50).describe('Futures sampled by Latin hypercube. Default 50, at most 10,000 through the API.'),
    runs: z.number().int().min(1).max(100_000).default(40).describe('Replications per (policy, future) cell. Default 40.'),
    seed,
    horizon: horizon(12_000),
    threshold: z.number().min(0).max(1).default(0.05).describe('Satisficing threshold on P(war) over the horizon. Default 0.05.'),
    threads,
    store: keepInStore,
    fresh,
    set: sets,
    effects,
  })
  .strict();

/** Options of a `sensitivity` job: the options of `flashpoints sensitivity`. */
export const sensitivityOptions = z
  .object({
    method: z.enum(['morris', 'sobol']).default('morris').describe("morris (screen all inputs) or sobol (Morris, then Sobol' on the top inputs). Default morris."),
    outcome: z.enum(SENSITIVITY_OUTCOMES as [string, ...string[]]).default('war').describe('war, nuclear, clashYears (per decade) or escalation. Default war.'),
    policy,
    difference: z.tuple([z.string().min(1), z.string().min(1)]).optional().describe('[a, b]: analyse outcome(a) − outcome(b), paired.'),
    trajectories: z.number().int().min(2).max(10_000).default(10).describe('Morris trajectories. Default 10.'),
    levels: z.number().int().min(2).max(100).refine((p) => p % 2 === 0, 'must be even').default(4).describe('Morris grid levels (even). Default 4.'),
    groupBy: z.enum(['input', 'family']).default('input').describe('Morris factors: each input alone, or each parameter family as one group. Default input.'),
    n: z.number().int().min(2).max(1 << 16).refine((n) => (n & (n - 1)) === 0, 'must be a power of 2').default(64).describe("Sobol' base points, a power of 2. Default 64."),
    top: z.number().int().min(1).max(10_000).default(10).describe("Sobol' on the k inputs with the largest Morris μ*. Default 10."),
    groups: z.array(z.string().min(1)).min(1).max(100).optional().describe("Sobol' on groups instead: name prefixes; the rest is (other)."),
    runs: z.number().int().min(1).max(100_000).default(40).describe('Replications per (policy, design row) cell. Default 40.'),
    seed,
    horizon: horizon(12_000),
    threads,
    store: keepInStore,
    fresh,
    set: sets,
  })
  .strict();

/**
 * A request body as the handlers first read it: the scenario (checked by the loader, scenarioBody.ts), the YAML
 * text, and options (checked by the command's schema above). Unknown keys are refused.
 */
export const bodyShape = z
  .object({ kind: z.string().optional(), scenario: z.unknown().optional(), yaml: z.string().max(64 << 20).optional(), options: z.unknown().optional() })
  .strict();

/** The documented body of a model command: a scenario (object or YAML) and the command's options. */
export const commandBodyDoc = <T extends z.ZodType>(scenario: z.ZodType, options: T) =>
  z.object({
    scenario: scenario.optional().describe('The scenario as a JSON object (docs/scenario-format.md). Exactly one of scenario and yaml.'),
    yaml: z.string().optional().describe('The scenario as YAML (or JSON) text; issues then carry line and column.'),
    options: options.optional(),
  });

/** The documented body of `POST /api/jobs`. */
export const jobBodyDoc = (scenario: z.ZodType) =>
  z.discriminatedUnion('kind', [
    commandBodyDoc(scenario, runOptions).extend({ kind: z.literal('run') }),
    commandBodyDoc(scenario, compareOptions).extend({ kind: z.literal('compare') }),
    commandBodyDoc(scenario, sensitivityOptions).extend({ kind: z.literal('sensitivity') }),
  ]);

/** The kinds of job. */
export const JOB_KINDS = ['run', 'compare', 'sensitivity'] as const;
/** A job's kind. */
export type JobKind = (typeof JOB_KINDS)[number];
