import { z } from '@hono/zod-openapi';
import { ERROR_STATUS } from './apiError.js';

/**
 * The response shapes the API documents (the CLI's JSON contracts, docs/conventions.md): the provenance envelope,
 * then each command's own fields. Objects are open (`looseObject`): the documented fields are always present,
 * and a later version may add more.
 */

const scenarioRef = z.object({ id: z.string(), hash: z.string().describe('SHA-256 of the scenario as run.'), overrides: z.array(z.object({ path: z.string(), value: z.number() })).optional() });

/** The provenance envelope of every document. */
export const envelopeShape = {
  flashpoints: z.string().describe('Version of flashpoints that produced the document.'),
  command: z.string(),
  scenario: scenarioRef.optional(),
  seed: z.number().int().optional(),
  options: z.record(z.string(), z.unknown()),
};

/** One `path: message` issue, as `validate --json` lists them. */
export const issueSchema = z
  .object({ file: z.string(), line: z.number().int().nullable(), col: z.number().int().nullable(), path: z.string(), message: z.string(), hint: z.string().nullable() })
  .openapi('Issue');

const warning = z.looseObject({ path: z.string(), message: z.string(), hint: z.string() });
const interval = z.object({ p: z.number(), lo: z.number(), hi: z.number() });
const complex = z.object({ re: z.number(), im: z.number() });

/** Every error: `{ error, message, hint?, issues? }`. */
export const errorSchema = z
  .looseObject({ error: z.enum(Object.keys(ERROR_STATUS) as [string, ...string[]]), message: z.string(), hint: z.string().optional(), issues: z.array(issueSchema).optional() })
  .openapi('Error');

/** `POST /api/validate` and `validate --json`: valid, the issues, the warnings. */
export const validateDocumentSchema = z.looseObject({ ...envelopeShape, valid: z.boolean(), issues: z.array(issueSchema), warnings: z.array(warning) }).openapi('ValidateDocument');
/** `POST /api/show` and `show --json`: the scenario summary (open: its fields are src/scenario/summary.ts's). */
export const showDocumentSchema = z.looseObject({ ...envelopeShape, warnings: z.array(warning) }).openapi('ShowDocument');
/** `POST /api/simulate` and `simulate --json`: the trajectories (years), equilibrium, eigenvalues, stability. */
export const simulateDocumentSchema = z
  .looseObject({ ...envelopeShape, times: z.array(z.number()), actors: z.array(z.string()), series: z.record(z.string(), z.array(z.number())), equilibrium: z.unknown(), eigenvalues: z.array(complex), stable: z.boolean(), stability: z.string() })
  .openapi('SimulateDocument');
/** `POST /api/analyze` and `analyze --json`: stability, verdict, couplings, alignment drift. */
export const analyzeDocumentSchema = z
  .looseObject({ ...envelopeShape, actors: z.array(z.string()), eigenvalues: z.array(complex), stable: z.boolean(), stability: z.string(), maxRealPart: z.number(), verdict: z.unknown(), couplings: z.unknown(), alignment: z.unknown() })
  .openapi('AnalyzeDocument');
/** A `run` job's result and `run --json`: probabilities with Wilson 95% intervals, monthly escalation scores. */
export const runDocumentSchema = z
  .looseObject({
    ...envelopeShape,
    runs: z.number().int(),
    horizonMonths: z.number().int(),
    policy: z.string().nullable(),
    outcomes: z.object({ clash: interval, war: interval, nuclear: interval, clashYearsPerDecade: z.object({ mean: z.number(), lo: z.number(), hi: z.number() }) }),
    escalationScore: z.object({ mean: z.array(z.number()), q05: z.array(z.number()), q50: z.array(z.number()), q95: z.array(z.number()) }),
    byActor: z.array(z.looseObject({ id: z.string(), actions: z.record(z.string(), z.number()) })),
    byDyad: z.array(z.looseObject({ from: z.string(), to: z.string(), clashYears: z.number() })),
    warnings: z.array(warning),
    timing: z.looseObject({ seconds: z.number(), threads: z.number().int() }),
  })
  .openapi('RunDocument');
/** A `compare` job's result, `GET /api/experiments/{id}` and `compare --json` (src/report/types.ts ComparisonResult). */
export const comparisonSchema = z
  .looseObject({ ...envelopeShape, question: z.string(), weights: z.unknown(), policies: z.array(z.looseObject({ id: z.string(), title: z.string() })), byType: z.unknown(), robustness: z.unknown(), assumptions: z.array(z.unknown()), reproduce: z.object({ command: z.string() }) })
  .openapi('ComparisonResult');
/** A `sensitivity` job's result and `sensitivity --json`. */
export const sensitivityDocumentSchema = z
  .looseObject({ ...envelopeShape, method: z.enum(['morris', 'sobol']), outcome: z.string(), target: z.string(), inputs: z.array(z.unknown()), morris: z.unknown(), reproduce: z.object({ command: z.string() }) })
  .openapi('SensitivityDocument');

const progress = z.object({ done: z.number().int(), total: z.number().int(), stage: z.string().optional().describe('sensitivity: morris or sobol') });
/** A job as `GET /api/jobs/:id` reports it. */
export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['run', 'compare', 'sensitivity']),
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    progress,
    result: z.union([runDocumentSchema, comparisonSchema, sensitivityDocumentSchema]).optional().describe('The document the CLI prints with --json, once done.'),
    error: z.object({ message: z.string() }).optional(),
    createdAt: z.string().describe('ISO 8601'),
  })
  .openapi('Job');
/** `GET /api/jobs`: every job the server keeps, oldest first, without results. */
export const jobListSchema = z.object({ jobs: z.array(jobSchema.omit({ result: true })) });
/** The 202 answer of `POST /api/jobs`. */
export const jobAcceptedSchema = z.object({ id: z.string(), status: z.enum(['queued', 'running']) });

/** `GET /api/health`. */
export const healthSchema = z.object({ ok: z.literal(true), version: z.string() });
/** `GET /api/scenarios`: the package's bundled scenarios. */
export const scenarioListSchema = z.object({ scenarios: z.array(z.object({ id: z.string(), name: z.string(), file: z.string(), hash: z.string() })) });
/** `GET /api/experiments`: the comparisons in the server's store, and the sensitivity designs apart. */
export const experimentListSchema = z.object({
  experiments: z.array(
    z.object({
      id: z.string(),
      scenario: z.object({ id: z.string(), hash: z.string() }),
      seed: z.number().int(),
      futures: z.number().int(),
      runs: z.number().int(),
      horizonMonths: z.number().int(),
      policies: z.array(z.string()),
      cells: z.number().int().describe('Cells stored.'),
      cellsTotal: z.number().int().describe('Cells of the complete experiment: policies × futures.'),
      createdAt: z.string().optional(),
    }),
  ),
  sensitivity: z
    .array(
      z.object({
        id: z.string(),
        scenario: z.object({ id: z.string(), hash: z.string() }),
        seed: z.number().int(),
        method: z.enum(['morris', 'sobol']),
        runs: z.number().int(),
        horizonMonths: z.number().int(),
        inputs: z.array(z.string()).describe('The inputs the design varies.'),
        rows: z.number().int().nullable().describe('Design rows: the cells each policy of the design needs; null when the stored settings cannot give them (a damaged design row).'),
        policies: z.array(z.string()).describe('The policies with stored cells (the design itself does not record them).'),
        cells: z.number().int().describe('Cells stored.'),
      }),
    )
    .describe('The sensitivity designs in the same store (read back by running the same sensitivity job, which reuses their cells).'),
});
