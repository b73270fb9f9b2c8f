import { createPool } from './pool.js';

/**
 * Where the cells of an experiment run: a local worker-thread pool (`localPool`) or a Redis queue served by any
 * number of `flashpoints worker` processes (`queueExecutor` in `queue/coordinator.ts`). An executor runs every task
 * once and calls `finish(task, result)` on the calling thread as each result arrives, in any order; when `finish`
 * throws, the executor stops and rejects with that error. Results never depend on the executor.
 */
export interface CellExecutor<Task, Result> {
  run(tasks: Task[], finish: (task: Task, result: Result) => void): Promise<void>;
}

/** Options of the local executor. */
export interface LocalPoolOptions<Task, Result> {
  /** Worker threads; 1 runs the cells on the calling thread. */
  threads: number;
  /** The built worker-thread file under `dist/src/engine/` whose default export runs one task (e.g. `compareWorker`). */
  thread: string;
  /** The same computation on the calling thread (used for 1 thread or a single task). */
  run: (task: Task) => Result;
  /**
   * What every task shares (e.g. the scenario), sent once to each worker thread as its `workerData` instead of
   * with every task; `own(task)` is then what travels per task, and the thread joins the two (compareCellWorker).
   */
  shared?: { data: unknown; own: (task: Task) => unknown };
}

/**
 * The local executor: on one thread (or for a single task) a plain loop; otherwise a piscina pool of `threads`
 * workers fed by 2 × threads lanes, so a thread never idles while its next task crosses over.
 * Example: `localPool({ threads: 2, thread: 'compareWorker', run: runCell })`.
 */
export function localPool<Task, Result>(o: LocalPoolOptions<Task, Result>): CellExecutor<Task, Result> {
  return {
    async run(tasks, finish) {
      if (o.threads <= 1 || tasks.length <= 1) {
        for (const t of tasks) finish(t, o.run(t));
        return;
      }
      const pool = createPool(o.threads, o.thread, o.shared?.data);
      try {
        let next = 0;
        let failure: unknown;
        const lane = async () => {
          while (next < tasks.length && failure === undefined) {
            const t = tasks[next++];
            const result = (await pool.run(o.shared ? o.shared.own(t) : t)) as Result;
            if (failure !== undefined) return;
            try {
              finish(t, result);
            } catch (err) {
              failure = err;
            }
          }
        };
        await Promise.all(Array.from({ length: 2 * o.threads }, lane));
        if (failure !== undefined) throw failure;
      } finally {
        await pool.destroy();
      }
    },
  };
}

/**
 * Runs the cell tasks on the executor, calling `finish(task, result)` for each as it completes.
 * Example: `await executeCells(tasks, (t, cell) => store.put(t, cell), localPool({ ... }))`.
 */
export async function executeCells<Task, Result>(tasks: Task[], finish: (task: Task, result: Result) => void, executor: CellExecutor<Task, Result>): Promise<void> {
  if (tasks.length === 0) return;
  await executor.run(tasks, finish);
}
