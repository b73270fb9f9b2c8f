import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createPool } from '../pool.js';
import { admitJob, admitRecord, JobRefused, type CellJobData, type ExperimentRecord } from './admission.js';
import { connectQueue } from './connection.js';
import { cellKind } from './kinds.js';
import { CELL_QUEUE, experimentRecordKey, QUEUE_PREFIX, resultQueueName } from './jobIds.js';

/** Options of `startCellWorker` (the `flashpoints worker` command). */
export interface CellWorkerOptions {
  /** `redis://HOST:PORT/DB`. */
  url: string;
  /** Cells computed at once, each on its own worker thread. Default 1. */
  concurrency?: number;
  /**
   * How long a cell stays locked to this worker without a renewal, in ms (renewed every half of it while the cell
   * runs). A worker killed mid-cell loses its cell to another worker after at most lockDuration + 2 ×
   * stalledInterval. Default 30000 (BullMQ's default).
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled cells of dead workers, in ms. Default 30000 (BullMQ's default). */
  stalledIntervalMs?: number;
  /** One line per notable event (refused jobs, failures). */
  onLog?: (line: string) => void;
}

/** A running worker. */
export interface CellWorker {
  /** Cells computed and delivered so far. */
  delivered(): number;
  /** Stops taking cells, lets running ones finish, and closes the threads and the connection. */
  close(): Promise<void>;
}

/**
 * A test hook, read from the environment of the worker process: `FLASHPOINTS_POISON_CELL=dialogue|2` makes that
 * cell throw on every attempt; `FLASHPOINTS_CELL_DELAY_MS=300` holds every cell that long before computing it, so a
 * test can kill a worker mid-cell deterministically.
 */
function testHooks() {
  return { poison: process.env.FLASHPOINTS_POISON_CELL || null, delayMs: Number(process.env.FLASHPOINTS_CELL_DELAY_MS ?? 0) || 0 };
}

/**
 * Starts a worker on the cell queue at `url`: takes cell jobs of any experiment, refuses those of another
 * Flashpoints version or whose scenario does not hash to the hash they name (`admission.ts`; such jobs fail at
 * once, unretried), computes the others on a pool of `concurrency` worker threads — the event loop stays free to
 * renew the job locks — and delivers each result to the experiment's result queue before it marks the job done.
 * A crash between the two leaves a stalled job that another worker recomputes; the coordinator keeps the first
 * result of a cell and ignores the rest. Example: `const w = await startCellWorker({ url, concurrency: 2 })`.
 */
export async function startCellWorker(o: CellWorkerOptions): Promise<CellWorker> {
  const redis = await connectQueue(o.url);
  const concurrency = o.concurrency ?? 1;
  const pool = createPool(concurrency, 'queue/cellThread');
  const records = new Map<string, Promise<ExperimentRecord>>();
  const resultQueues = new Map<string, Queue>();
  const hooks = testHooks();
  let delivered = 0;

  const record = (job: CellJobData): Promise<ExperimentRecord> => {
    const id = `${job.experiment}/${job.scenarioHash}`;
    let r = records.get(id);
    if (!r) {
      r = (async () => {
        const text = await redis.get(experimentRecordKey(job.experiment));
        if (!text) throw new Error(`the record of experiment ${job.experiment} is missing from Redis (its coordinator writes it again when it reconnects)`);
        const rec = JSON.parse(text) as ExperimentRecord;
        admitRecord(job, rec);
        return rec;
      })();
      records.set(id, r);
      r.catch(() => records.delete(id));
      if (records.size > 8) records.delete(records.keys().next().value!);
    }
    return r;
  };
  const results = (experiment: string): Queue => {
    let q = resultQueues.get(experiment);
    if (!q) {
      q = new Queue(resultQueueName(experiment), { connection: redis, prefix: QUEUE_PREFIX });
      resultQueues.set(experiment, q);
      if (resultQueues.size > 8) {
        const [first, old] = resultQueues.entries().next().value!;
        resultQueues.delete(first);
        void old.close();
      }
    }
    return q;
  };

  const processCell = async (job: Job<CellJobData>) => {
    const data = job.data;
    try {
      admitJob(data);
      const rec = await record(data);
      if (hooks.poison === data.key) throw new Error(`poisoned cell ${data.key} (test hook FLASHPOINTS_POISON_CELL)`);
      if (hooks.delayMs) await sleep(hooks.delayMs);
      const kind = cellKind(data.kind)!;
      const result = await pool.run({ kind: data.kind, task: kind.join(rec.shared, data.own) });
      await results(data.experiment).add('result', { key: data.key, result }, { jobId: data.key, removeOnComplete: true, removeOnFail: true, attempts: 3, backoff: { type: 'fixed', delay: 2000 } });
      delivered++;
    } catch (err) {
      if (err instanceof JobRefused) {
        o.onLog?.(`cell ${data.key} of experiment ${data.experiment.slice(0, 12)}…: ${err.message}`);
        throw new UnrecoverableError(err.message);
      }
      o.onLog?.(`cell ${data.key} of experiment ${data.experiment.slice(0, 12)}… failed (attempt ${job.attemptsMade + 1}): ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  };

  const worker = new Worker<CellJobData>(CELL_QUEUE, processCell, {
    connection: redis,
    prefix: QUEUE_PREFIX,
    concurrency,
    lockDuration: o.lockDurationMs ?? 30_000,
    stalledInterval: o.stalledIntervalMs ?? 30_000,
    // A cell whose worker died twice mid-run is failed rather than retried for ever; with `attempts: 3` on the job
    // a cell gets at most three starts either way.
    maxStalledCount: 2,
  });
  worker.on('error', (err) => o.onLog?.(`queue: ${err.message}`));
  await worker.waitUntilReady();

  return {
    delivered: () => delivered,
    async close() {
      await worker.close();
      await Promise.all([...resultQueues.values()].map((q) => q.close()));
      await pool.destroy();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
