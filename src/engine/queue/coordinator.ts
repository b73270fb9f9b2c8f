import { Queue, Worker, type Job } from 'bullmq';
import { VERSION } from '../../version.js';
import type { CellExecutor } from '../executeCells.js';
import type { CellJobData, ExperimentRecord } from './admission.js';
import { connectQueue } from './connection.js';
import { cellKind, type CellKindName } from './kinds.js';
import { CELL_QUEUE, cellJobId, experimentRecordKey, keyOfJob, QUEUE_PREFIX, resultQueueName } from './jobIds.js';

/** The queue options a command passes on (`--queue`, `--queue-timeout`). */
export interface QueueRunOptions {
  /** `redis://HOST:PORT/DB`. */
  url: string;
  /** Redis unreachable this long mid-run → stop with `QueueLostError` (what is stored stays), in ms. Default 60000. */
  lostTimeoutMs?: number;
  /** How often the coordinator looks for failed and lost cells, in ms. Default 1000. */
  checkIntervalMs?: number;
  /** Cells queued or running at most; bounds Redis memory (a compare job is ~3 KB). Default 2048. */
  window?: number;
  /** One line per notable event: reconnected, cells re-queued, a cell failed. */
  onEvent?: (line: string) => void;
}

/** Options of `queueExecutor`. */
export interface QueueExecutorOptions<Task> extends QueueRunOptions {
  /** The experiment id: a hash of everything that determines its results (compare.ts). */
  experiment: string;
  /** sha256 of the scenario's canonical JSON, which every worker checks. */
  scenarioHash: string;
  kind: CellKindName;
  /** The cell key, unique within the experiment (e.g. `dialogue|7`). */
  key: (task: Task) => string;
}

/** Cells that failed three times; every other cell was delivered (and stored). */
export class CellsFailedError extends Error {
  constructor(readonly failures: { key: string; error: string }[]) {
    super(
      `${failures.length} cell${failures.length === 1 ? '' : 's'} failed three times and ${failures.length === 1 ? 'is' : 'are'} in the queue's failed set:\n` +
        failures.map((f) => `  ${f.key}: ${f.error}`).join('\n') +
        '\nevery other cell is stored; fix the cause and rerun with --resume to compute only the missing ones',
    );
  }
}

/** Redis stayed unreachable longer than `lostTimeoutMs` mid-run. */
export class QueueLostError extends Error {}

/**
 * The queue executor (docs/distributed.md): the coordinator side of the distributed runner. It writes the
 * experiment's record (what all cells share) once, enqueues one BullMQ job per cell with the idempotent id
 * `experiment/key` — at most `window` at a time — and consumes the experiment's result queue, calling `finish` once
 * per cell key (duplicates from retried jobs are ignored). Once a second it looks at the cell queue: cells in the
 * failed set are given up (reported together at the end with `CellsFailedError`, after every other cell); when
 * the queue is idle but cells are outstanding — Redis restarted empty — it writes the record again and re-queues
 * them. A rerun of the same experiment re-adds its failed cells and picks up the jobs and results still in Redis.
 * Example: `queueExecutor({ url, experiment, scenarioHash, kind: 'compare-cell', key: (t) => ... })`.
 */
export function queueExecutor<Task, Result>(o: QueueExecutorOptions<Task>): CellExecutor<Task, Result> {
  return { run: (tasks, finish) => coordinate(tasks, finish as (t: Task, r: unknown) => void, o) };
}

async function coordinate<Task>(tasks: Task[], finish: (t: Task, r: unknown) => void, o: QueueExecutorOptions<Task>): Promise<void> {
  const redis = await connectQueue(o.url);
  const kind = cellKind(o.kind)!;
  const window = o.window ?? 2048;
  const lostTimeoutMs = o.lostTimeoutMs ?? 60_000;
  const byKey = new Map(tasks.map((t) => [o.key(t), t]));
  const order = [...byKey.keys()];
  const record: ExperimentRecord = { kind: o.kind, version: VERSION, scenarioHash: o.scenarioHash, shared: kind.split(tasks[0]).shared };
  const recordText = JSON.stringify(record);
  const recordKey = experimentRecordKey(o.experiment);
  const connection = { connection: redis, prefix: QUEUE_PREFIX };
  const cells = new Queue<CellJobData>(CELL_QUEUE, connection);
  const results = new Queue(resultQueueName(o.experiment), connection);

  const done = new Set<string>();
  const inFlight = new Set<string>();
  const failures = new Map<string, string>();
  let cursor = 0;
  let fatal: unknown;
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const stop = (err?: unknown) => {
    if (err !== undefined && fatal === undefined) fatal = err;
    settle();
  };
  const complete = () => cursor >= order.length && inFlight.size === 0;

  const jobOf = (key: string) => ({
    name: o.kind,
    data: { kind: o.kind, experiment: o.experiment, version: VERSION, scenarioHash: o.scenarioHash, key, own: kind.split(byKey.get(key)!).own },
    opts: { jobId: cellJobId(o.experiment, key), attempts: 3, backoff: { type: 'fixed', delay: 500 }, removeOnComplete: true, removeOnFail: false },
  });
  let refilling = false;
  const refill = async () => {
    if (refilling) return;
    refilling = true;
    try {
      while (cursor < order.length && inFlight.size < window) {
        const batch: string[] = [];
        while (cursor < order.length && batch.length < 500 && inFlight.size + batch.length < window) {
          const key = order[cursor++];
          if (!done.has(key)) batch.push(key);
        }
        for (const k of batch) inFlight.add(k);
        if (batch.length) await cells.addBulk(batch.map(jobOf));
      }
    } finally {
      refilling = false;
    }
  };

  const onResult = async (job: Job<{ key: string; result: unknown }>) => {
    const { key, result } = job.data;
    const task = byKey.get(key);
    if (!task || done.has(key) || failures.has(key)) return; // not this run's, or a duplicate
    // Stopping: throwing leaves the result in Redis (its job is retried) for the next run of the experiment.
    if (fatal !== undefined) throw new Error('the coordinator is stopping');
    try {
      finish(task, result);
    } catch (err) {
      stop(err);
      throw err;
    }
    done.add(key);
    inFlight.delete(key);
    if (complete()) stop();
    else if (inFlight.size < window / 2) refill().catch(stop);
  };

  let failedSeen = 0;
  const lookForFailedAndLost = async () => {
    if (!(await redis.exists(recordKey))) await redis.set(recordKey, recordText);
    const counts = await cells.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
    if (counts.failed !== failedSeen) {
      // The failed set is shared by all experiments: read it only when it changed.
      failedSeen = counts.failed;
      for (const job of await cells.getFailed()) {
        const key = keyOfJob(o.experiment, job.id);
        if (key === null || !inFlight.has(key)) continue;
        inFlight.delete(key);
        failures.set(key, job.failedReason || 'failed');
        o.onEvent?.(`cell ${key} failed: ${job.failedReason}`);
      }
    }
    const busy = counts.waiting + counts.active + counts.delayed + counts.prioritized;
    if (busy === 0 && inFlight.size > 0 && !refilling) {
      const r = await results.getJobCounts('waiting', 'active', 'delayed');
      if (r.waiting + r.active + r.delayed === 0) {
        const lost: string[] = [];
        for (const key of [...inFlight]) {
          if (inFlight.has(key) && (await cells.getJobState(cellJobId(o.experiment, key))) === 'unknown' && !(await results.getJob(key))) lost.push(key);
        }
        const still = lost.filter((k) => inFlight.has(k));
        if (still.length) {
          o.onEvent?.(`re-queued ${still.length} cell${still.length === 1 ? '' : 's'} that the queue no longer held`);
          await cells.addBulk(still.map(jobOf));
        }
      }
    }
    if (complete()) stop();
  };

  let resultWorker: Worker | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await redis.set(recordKey, recordText);
    for (const job of await cells.getFailed()) {
      const key = keyOfJob(o.experiment, job.id);
      if (key !== null && byKey.has(key)) await job.remove(); // a rerun retries what failed before
    }
    // The coordinator's own lock is short: storing a result takes milliseconds, and a coordinator killed mid-store
    // should hand its result job to the resumed coordinator within seconds.
    resultWorker = new Worker(resultQueueName(o.experiment), onResult, { ...connection, concurrency: 16, lockDuration: 4000, stalledInterval: 2000, maxStalledCount: 10 });
    resultWorker.on('error', () => {}); // connection errors: the timer below decides when to give up
    await refill();
    let downSince: number | null = null;
    let checking = false;
    timer = setInterval(() => {
      if (redis.status !== 'ready') {
        downSince ??= Date.now();
        if (Date.now() - downSince > lostTimeoutMs) stop(new QueueLostError(`lost the queue at ${o.url} for more than ${Math.round(lostTimeoutMs / 1000)} s; ${done.size} of ${order.length} cells were delivered`));
        return;
      }
      if (downSince !== null) o.onEvent?.(`reconnected to ${o.url}`);
      downSince = null;
      if (checking) return;
      checking = true;
      lookForFailedAndLost()
        .catch(() => {}) // a connection error mid-check: the next tick tries again
        .finally(() => (checking = false));
    }, o.checkIntervalMs ?? 1000);
    await settled;
  } finally {
    clearInterval(timer);
    if (fatal instanceof QueueLostError) {
      void resultWorker?.close(true).catch(() => {});
      redis.disconnect();
    } else {
      await resultWorker?.close();
      if (fatal === undefined && failures.size === 0) {
        await results.obliterate({ force: true }).catch(() => {});
        await redis.del(recordKey);
      }
      await Promise.all([cells.close(), results.close()]);
      await redis.quit().catch(() => redis.disconnect());
    }
  }
  if (fatal !== undefined) throw fatal;
  if (failures.size) throw new CellsFailedError([...failures].map(([key, error]) => ({ key, error })));
}
