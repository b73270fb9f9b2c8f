import { CELL_MONTHS_LIMIT, crisisHistogram, HISTOGRAM_ENTRIES_LIMIT } from '../engine/allocation.js';
import { withStatusQuo, type SensitivityShown } from '../engine/commandDocuments.js';
import type { ScenarioRef } from '../engine/envelope.js';
import { sensitivitySpace } from '../experiment/sensitivityDesign.js';
import type { SensitivityOutcome } from '../experiment/sensitivityDesign.js';
import { crisisScenario, prepareCrisis } from '../models/crisis/prepare.js';
import { withZeroEffects } from '../scenario/apply.js';
import { scenarioHash } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { ApiError } from './apiError.js';
import { checkPolicy } from './commands.js';
import { parseOptions, scenarioFromBody, type ScenarioFromBody } from './scenarioBody.js';
import { compareOptions, runOptions, sensitivityOptions, type JobKind } from './schemas.js';

/**
 * A job as the worker thread receives it (plain data): the checked scenario, its provenance, and the engine's
 * options. Everything that can be refused is refused here, on the request, with a 400; a job that starts only
 * fails on what cannot be known before running.
 */
export type JobSpec =
  | { kind: 'run'; scenario: Scenario; ref: ScenarioRef; options: { runs: number; seed: number; horizonMonths: number; policy?: string; effects?: string; threads: number } }
  | { kind: 'compare'; scenario: Scenario; hash: string; ref: ScenarioRef; overridden: boolean; reproduceTail: string; options: { policies: string[]; futures: number; runs: number; seed: number; horizonMonths: number; threshold: number; threads: number; store: string | null; resume: boolean } }
  | { kind: 'sensitivity'; scenario: Scenario; hash: string; ref: ScenarioRef; reproduceTail: string; options: SensitivityShown & { store: string | null; resume: boolean } }
  | { kind: 'experiment'; scenario: Scenario; hash: string; options: { policies: string[]; futures: number; runs: number; seed: number; horizonMonths: number; threshold: number; store: string } };

/** What the server fixes for every job: its store and its thread limits. */
export interface JobContext {
  /** The store file (fixed at start, never from a request), or null for none. */
  store: string | null;
  /** Threads a job gets unless it asks for fewer. */
  threads: number;
  /** Threads a job may ask for, at most. */
  maxThreads: number;
}

/** Checks a `POST /api/jobs` body and turns it into the worker's spec. */
export function jobSpec(kind: JobKind, body: { scenario?: unknown; yaml?: string; options?: unknown }, ctx: JobContext): JobSpec {
  if (kind === 'run') {
    const o = parseOptions(runOptions, body.options);
    const input = withEffects(scenarioFromBody(body, o.set), o.effects);
    const threads = jobThreads(o.threads, ctx);
    checkPolicy(input.scenario, o.policy);
    checkCrisis(input.scenario, o.horizon, threads, [o.policy]);
    return { kind, scenario: input.scenario, ref: input.ref, options: { runs: o.runs, seed: o.seed, horizonMonths: o.horizon, policy: o.policy, effects: o.effects, threads } };
  }
  if (kind === 'compare') {
    const o = parseOptions(compareOptions, body.options);
    const input = withEffects(scenarioFromBody(body, o.set), o.effects);
    const threads = jobThreads(o.threads, ctx);
    const scenario = withStatusQuo(input.scenario);
    const known = scenario.policies.map((p) => p.id);
    const wanted = o.policies === 'all' ? known : o.policies;
    const unknown = wanted.filter((p) => !known.includes(p));
    if (unknown.length) throw new ApiError('bad-request', `options.policies: unknown policy ${unknown.map((u) => `'${u}'`).join(', ')}`, { hint: `known policies: ${known.join(', ')}` });
    checkCellMonths(new Set(['status-quo', ...wanted]).size, o.futures, o.horizon);
    checkCrisis(scenario, o.horizon, threads, wanted);
    return {
      kind,
      scenario,
      hash: input.hash,
      ref: input.ref,
      overridden: input.overrides.length > 0,
      reproduceTail: setArgs(input) + (o.effects ? ` --effects ${o.effects}` : ''),
      options: { policies: wanted, futures: o.futures, runs: o.runs, seed: o.seed, horizonMonths: o.horizon, threshold: o.threshold, threads, store: o.store ? ctx.store : null, resume: !o.fresh },
    };
  }
  const o = parseOptions(sensitivityOptions, body.options);
  const input = scenarioFromBody(body, o.set);
  const threads = jobThreads(o.threads, ctx);
  const s = input.scenario;
  if (o.policy !== undefined && o.difference !== undefined) throw new ApiError('bad-request', 'options.policy and options.difference exclude each other', { hint: 'give one policy, or the pair [a, b] whose difference is analysed' });
  const known = ['status-quo', ...s.policies.map((p) => p.id).filter((p) => p !== 'status-quo')];
  for (const p of [...(o.difference ?? []), ...(o.policy ? [o.policy] : [])]) {
    if (!known.includes(p)) throw new ApiError('bad-request', `options.${o.difference ? 'difference' : 'policy'}: scenario '${s.id}' has no policy '${p}'`, { hint: `known policies: ${known.join(', ')}` });
  }
  const inputs = sensitivitySpace(s).inputs.length;
  if (inputs === 0) throw new ApiError('bad-request', 'the scenario declares no uncertainty (no parameter with a range, no structural uncertainty)', { hint: 'give parameters a `range` (docs/scenario-format.md#parameters)' });
  checkCellMonths(o.difference ? 2 : 1, o.trajectories * (inputs + 2), o.horizon);
  checkCrisis(s, o.horizon, threads, []);
  const options: SensitivityShown & { store: string | null; resume: boolean } = {
    method: o.method,
    outcome: o.outcome as SensitivityOutcome,
    policy: o.policy,
    difference: o.difference,
    trajectories: o.trajectories,
    levels: o.levels,
    groupBy: o.groupBy,
    n: o.n,
    top: o.top,
    groups: o.groups,
    runs: o.runs,
    seed: o.seed,
    horizonMonths: o.horizon,
    threads,
    store: o.store ? ctx.store : null,
    resume: !o.fresh,
  };
  return { kind, scenario: s, hash: input.hash, ref: input.ref, reproduceTail: setArgs(input), options };
}

/** The `--set` options that reproduce the overrides, after the `<scenario>` placeholder of printed commands. */
function setArgs(input: ScenarioFromBody): string {
  return input.overrides.map((o) => ` --set ${o.path}=${o.value}`).join('');
}

/** The placebo of `effects: 'zero'` with its own hash, as `--effects zero` does. */
function withEffects(input: ScenarioFromBody, effects: string | undefined): ScenarioFromBody {
  if (effects === undefined) return input;
  const scenario = withZeroEffects(input.scenario);
  const hash = scenarioHash(scenario);
  return { ...input, scenario, hash, ref: { ...input.ref, hash } };
}

function jobThreads(asked: number | undefined, ctx: JobContext): number {
  if (asked !== undefined && asked > ctx.maxThreads) throw new ApiError('bad-request', `options.threads ${asked} is above this server's limit of ${ctx.maxThreads}`, { hint: 'results do not depend on the thread count' });
  return asked ?? ctx.threads;
}

function checkCellMonths(policies: number, futures: number, months: number): void {
  const total = policies * futures * months;
  if (total > CELL_MONTHS_LIMIT) throw new ApiError('bad-request', `the job would hold ${total} cell-months (${policies} policies × ${futures} design rows × ${months} months), above the limit of ${CELL_MONTHS_LIMIT}`, { hint: 'fewer futures (or trajectories), or a shorter horizon' });
}

/** The crisis model's memory bound, and its settings the schema cannot check alone (as the CLI checks them). */
function checkCrisis(s: Scenario, months: number, threads: number, policies: (string | undefined)[]): void {
  const h = crisisHistogram(s, months, threads);
  if (h.entries > HISTOGRAM_ENTRIES_LIMIT) throw new ApiError('bad-request', `the crisis model would hold ${h.entries} histogram entries, above the limit of ${HISTOGRAM_ENTRIES_LIMIT}`, { hint: 'a shorter horizon, fewer threads or fewer actors' });
  for (const p of policies.length ? policies : [undefined]) {
    try {
      prepareCrisis(crisisScenario(s, p), 1);
    } catch (err) {
      throw new ApiError('bad-scenario', `the crisis section cannot be run: ${err instanceof Error ? err.message : String(err)}`, { hint: 'the crisis section is described in docs/scenario-format.md#crisis' });
    }
  }
}
