import { performance } from 'node:perf_hooks';
import type { Scenario } from '../scenario/schema.js';
import { createAggregate, expandAggregate, mergeAggregate, type CrisisAggregate } from '../models/crisis/aggregate.js';
import { runCrisisBatch } from '../models/crisis/batch.js';
import { crisisScenario, prepareCrisis, type PreparedCrisis } from '../models/crisis/prepare.js';
import { summarizeRisk, type RiskSummary } from '../models/crisis/summarize.js';
import { createPool } from './pool.js';
import type { BatchTask } from './worker.js';

/** How a set of replications is run: which keys, how many threads, how batches are cut. */
export interface RunBatchesOptions {
  seed: number;
  /** The future's index: replications draw from streamFor(seed, future, replication, stream). Default 0. */
  future?: number;
  runs: number;
  /** Worker threads; 1 runs in this thread. Results do not depend on it. Default 1. */
  threads?: number;
  /** Replications per task; fixed independently of `threads`, so batches (and results) are the same. Default 250. */
  batchSize?: number;
  /** Called after each finished batch with the replications done so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs replications 0 … runs − 1 of one prepared parameter set and returns their merged aggregate, in constant
 * memory (at most 2 batches per thread in flight). Identical for any `threads` (integer counts; DESIGN.md §3.6).
 * Example: `await runBatches(prepared, { seed: 1, runs: 10_000, threads: 2 })`.
 */
export async function runBatches(p: PreparedCrisis, o: RunBatchesOptions): Promise<CrisisAggregate> {
  const threads = o.threads ?? 1, size = o.batchSize ?? 250, future = o.future ?? 0;
  const tasks: BatchTask[] = [];
  for (let first = 0; first < o.runs; first += size) tasks.push({ prepared: p, seed: o.seed, future, firstReplication: first, count: Math.min(size, o.runs - first) });
  const total = createAggregate(p);
  let done = 0;
  const finish = (agg: CrisisAggregate, count: number) => {
    mergeAggregate(total, agg);
    done += count;
    o.onProgress?.(done, o.runs);
  };
  if (threads <= 1) {
    for (const task of tasks) finish(runCrisisBatch(p, task), task.count);
    return total;
  }
  const pool = createPool(threads);
  try {
    let next = 0;
    const lane = async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        finish(expandAggregate(await pool.run(task)), task.count);
      }
    };
    await Promise.all(Array.from({ length: 2 * threads }, lane));
  } finally {
    await pool.destroy();
  }
  return total;
}

/** Options of `simulateRisk`. */
export interface SimulateRiskOptions extends Omit<RunBatchesOptions, 'future'> {
  /** Months simulated; month 1 is the first month after `asOf`. Default 120. */
  horizonMonths?: number;
  /** A policy id of the scenario; default none (the scenario as written: the status quo). */
  policy?: string;
}

/**
 * The risk figures of a scenario under a policy (issue 6, `flashpoints run`): prepares the parameters once
 * (structural uncertainties at their default alternatives, then the policy), runs the replications on `threads`
 * threads and summarises them. Timing is returned apart, the only non-deterministic part.
 * Example: `await simulateRisk(korea, { runs: 10_000, seed: 1, policy: 'dialogue', threads: 2 })`.
 */
export async function simulateRisk(s: Scenario, o: SimulateRiskOptions): Promise<{ summary: RiskSummary; timing: { seconds: number; runsPerSecond: number; dyadMonthsPerSecond: number } }> {
  const months = o.horizonMonths ?? 120;
  const t0 = performance.now();
  // Under a policy, threat ratios are measured against the status quo's base year (docs/model.md).
  const prepared = prepareCrisis(crisisScenario(s, o.policy), months, o.policy ? crisisScenario(s) : undefined);
  const agg = await runBatches(prepared, { ...o, future: 0 });
  const seconds = (performance.now() - t0) / 1000;
  const dyadMonths = o.runs * months * prepared.m * (prepared.m - 1);
  return {
    summary: summarizeRisk(prepared, agg),
    timing: { seconds, runsPerSecond: o.runs / seconds, dyadMonthsPerSecond: dyadMonths / seconds },
  };
}
