import { parentPort, workerData } from 'node:worker_threads';
import type { JobSpec } from './jobSpecs.js';
import { JobCancelled, runJob, type JobProgress } from './runJob.js';

/**
 * The worker thread of one job (jobs.ts starts it from the built file): runs the job off the server's event loop,
 * so requests, progress streams and cancellation stay responsive while the engine computes. The cancel flag is a
 * shared Int32Array the server sets with Atomics, readable even while this thread computes without yielding.
 */

/** A message from a job's worker thread to the server. */
export type JobMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; result: Record<string, unknown> }
  | { type: 'failed'; message: string }
  | { type: 'cancelled' };

const { spec, cancel } = workerData as { spec: JobSpec; cancel: Int32Array };
const post = (m: JobMessage) => parentPort!.postMessage(m);

try {
  const result = await runJob(spec, { progress: (progress) => post({ type: 'progress', progress }), cancelled: () => Atomics.load(cancel, 0) === 1 });
  post({ type: 'done', result });
} catch (err) {
  if (err instanceof JobCancelled || Atomics.load(cancel, 0) === 1) post({ type: 'cancelled' });
  else post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
}
