/**
 * Names in Redis of the distributed runner (docs/distributed.md). Every key lives under the BullMQ prefix
 * `flashpoints`; cell jobs of all experiments share one queue, so a worker serves any experiment; results go to
 * one queue per experiment, read only by that experiment's coordinator.
 */

/** The BullMQ key prefix of every queue. */
export const QUEUE_PREFIX = 'flashpoints';

/** The queue of cell jobs that `flashpoints worker` processes take from. */
export const CELL_QUEUE = 'cells';

/**
 * The job id of one cell: the experiment id (a hash of everything that determines the results) and the cell key.
 * The same cell of the same experiment always gets the same id, so enqueueing it again is a no-op in BullMQ.
 * Example: `cellJobId('3f…', 'dialogue|7')` → `'3f…/dialogue|7'`. BullMQ refuses ids with `:`; keys have none.
 */
export function cellJobId(experiment: string, key: string): string {
  return `${experiment}/${key}`;
}

/** The cell key of a cell job id of this experiment, or null when the job belongs to another experiment. */
export function keyOfJob(experiment: string, jobId: string | undefined): string | null {
  return jobId?.startsWith(`${experiment}/`) ? jobId.slice(experiment.length + 1) : null;
}

/** The queue that carries one experiment's results from the workers to its coordinator (job id = cell key). */
export function resultQueueName(experiment: string): string {
  return `results-${experiment}`;
}

/** The Redis key of an experiment's record: what all its cells share (the scenario, seed, runs …), stored once. */
export function experimentRecordKey(experiment: string): string {
  return `${QUEUE_PREFIX}:experiment:${experiment}`;
}
