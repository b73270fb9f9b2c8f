/**
 * The worker-thread entry of the crisis pool (piscina loads the built `dist/src/engine/worker.js`): runs one batch
 * of replications and returns its aggregate with the score histograms cut to their non-zero span.
 */
import { compactAggregate, type CrisisAggregate } from '../models/crisis/aggregate.js';
import { runCrisisBatch, type BatchOptions } from '../models/crisis/batch.js';
import type { PreparedCrisis } from '../models/crisis/prepare.js';

export interface BatchTask extends BatchOptions {
  prepared: PreparedCrisis;
}

export default function runTask(task: BatchTask): CrisisAggregate & { spans?: Int32Array } {
  return compactAggregate(runCrisisBatch(task.prepared, task));
}
