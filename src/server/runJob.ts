import { runDocument, sensitivityDocument } from '../engine/commandDocuments.js';
import { comparePolicies } from '../engine/compare.js';
import { runSensitivity } from '../engine/sensitivity.js';
import { simulateRisk } from '../engine/simulateRisk.js';
import { scenarioWarnings } from '../experiment/scenarioWarnings.js';
import type { JobSpec } from './jobSpecs.js';

/** Progress of a job: units done of the current total (runs, or cells); a sensitivity job has two stages. */
export interface JobProgress {
  done: number;
  total: number;
  stage?: string;
}

/** Thrown from the progress hook once the job is cancelled: the engine stops at its next batch or cell. */
export class JobCancelled extends Error {
  constructor() {
    super('the job was cancelled');
  }
}

/** What a running job reports to, and asks of, the one that started it. */
export interface JobHooks {
  progress: (p: JobProgress) => void;
  /** True once the job is cancelled; checked after every batch (run) or cell (compare, sensitivity). */
  cancelled: () => boolean;
}

/**
 * Runs a job to the document the CLI prints with `--json` for the same scenario and options (the same engine
 * calls as src/cli/commands/run.ts, compare.ts and sensitivity.ts). Cancellation rides on the progress callback,
 * which every engine entry calls after each unit of work: throwing there stops the work the way the engine's own
 * abort hooks do, with every cell stored so far committed (each in its own transaction).
 * Example: `await runJob(spec, { progress: console.log, cancelled: () => false })`.
 */
export async function runJob(spec: JobSpec, hooks: JobHooks): Promise<Record<string, unknown>> {
  const tick = (done: number, total: number, stage?: string) => {
    if (hooks.cancelled()) throw new JobCancelled();
    hooks.progress(stage === undefined ? { done, total } : { done, total, stage });
  };
  if (hooks.cancelled()) throw new JobCancelled();
  if (spec.kind === 'run') {
    const o = spec.options;
    const warnings = scenarioWarnings(spec.scenario, { crisis: true, months: o.horizonMonths });
    hooks.progress({ done: 0, total: o.runs });
    const r = await simulateRisk(spec.scenario, { runs: o.runs, seed: o.seed, horizonMonths: o.horizonMonths, policy: o.policy, threads: o.threads, onProgress: (d, t) => tick(d, t) });
    return runDocument(spec.ref, r, o, warnings);
  }
  if (spec.kind === 'compare' || spec.kind === 'experiment') {
    const o = spec.options;
    const warnings = scenarioWarnings(spec.scenario, { crisis: true, months: o.horizonMonths });
    const stored = spec.kind === 'experiment';
    const out = await comparePolicies(spec.scenario, spec.hash, {
      policies: o.policies,
      futures: o.futures,
      runs: o.runs,
      seed: o.seed,
      horizonMonths: o.horizonMonths,
      threshold: o.threshold,
      threads: stored ? 1 : spec.options.threads,
      store: o.store,
      // An experiment read back is analysed from its stored cells only (the server checked they are all there).
      resume: stored ? true : spec.options.resume,
      force: true,
      onProgress: (d, t) => tick(d, t),
    });
    const { result } = out;
    if (spec.kind === 'compare') {
      result.reproduce.command += spec.reproduceTail;
      if (spec.overridden) result.scenario = spec.ref;
    }
    return { ...result, warnings };
  }
  const { store, resume, ...shown } = spec.options;
  const result = await runSensitivity(spec.scenario, spec.hash, { ...shown, store, resume, force: true, onProgress: (d, t, stage) => tick(d, t, stage) });
  return sensitivityDocument(spec.ref, shown, store, result, `<scenario>${spec.reproduceTail}`);
}
