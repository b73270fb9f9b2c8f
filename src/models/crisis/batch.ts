import { addRun, createAggregate, type CrisisAggregate } from './aggregate.js';
import type { PreparedCrisis } from './prepare.js';
import { createWorkspace, runReplication, seedReplication } from './runCrisis.js';

/** Which replications a batch runs: replications firstReplication … firstReplication + count − 1 of one future. */
export interface BatchOptions {
  seed: number;
  /** Index of the future (parameter set) in an experiment; 0 for a single run. */
  future: number;
  firstReplication: number;
  count: number;
}

/**
 * Runs a batch of replications and returns their mergeable aggregate. Replication r draws from
 * streamFor(seed, future, r, stream) alone, so results depend only on the keys, never on how replications are
 * split into batches or threads; the same keys under another policy give common random numbers.
 * Example: `runCrisisBatch(prepared, { seed: 1, future: 0, firstReplication: 0, count: 500 })`.
 */
export function runCrisisBatch(p: PreparedCrisis, o: BatchOptions): CrisisAggregate {
  const agg = createAggregate(p);
  const ws = createWorkspace(p);
  for (let r = o.firstReplication; r < o.firstReplication + o.count; r++) {
    seedReplication(ws, o.seed, o.future, r);
    addRun(agg, runReplication(p, ws));
  }
  return agg;
}
