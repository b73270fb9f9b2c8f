import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/**
 * The worker pool (piscina) for Monte Carlo batches. Workers always load the built JavaScript: from the compiled
 * package `./worker.js` beside this file; from the TypeScript sources (tests, tsx) the matching file under `dist/`,
 * so `npm run build` must have run.
 */
export function workerFile(name = 'worker'): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL(`../../dist/src/engine/${name}.js`, here) : new URL(`./${name}.js`, here);
  const file = fileURLToPath(url);
  if (!existsSync(file)) throw new Error(`the worker ${file} is missing: run \`npm run build\` first`);
  return file;
}

/**
 * The old-generation limit of each worker thread's V8 heap, in MiB. Left to itself V8 lets a busy thread's heap grow
 * to about four times what is live before it collects the old generation: Korea cells keep ~25–30 MiB live per
 * thread, and the threads' heaps reached ~100 MiB each, which put `compare`'s peak RSS at 400 MiB by 12,000 cells
 * and still climbing. At 64 MiB the collections come sooner, at no measured cost in time (bench/RESULTS.md,
 * "Worker heaps"); a cell's own data is well under a MiB even for much larger scenarios, so the limit leaves
 * twice the live set free. $FLASHPOINTS_WORKER_HEAP_MIB (a whole number ≥ 16) replaces it, for a scenario that
 * needs more. A thread that exceeds its limit ends the run with WorkerMemoryError, not a crash.
 */
export const WORKER_OLD_SPACE_MIB = 64;

/**
 * The young-generation limit of each worker thread's V8 heap, in MiB. V8's default for a thread of this size lets
 * each one touch ~30–40 MiB of young space, which a cell's short-lived arrays fill before each scavenge, and RSS
 * keeps what was touched. At 6,000 Korea cells on two threads (bench/RESULTS.md, "Worker young generation"): the
 * default peaks at 279–293 MiB, 16 MiB at 252–253 for the same CPU time within the noise (+2%), 8 MiB at 228–232
 * but ~9% more CPU time (more scavenges).
 */
export const WORKER_YOUNG_SPACE_MIB = 16;

/** The limit the pools use: $FLASHPOINTS_WORKER_HEAP_MIB when it is a whole number ≥ 16, else WORKER_OLD_SPACE_MIB. */
export function workerHeapLimitMib(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.FLASHPOINTS_WORKER_HEAP_MIB);
  return Number.isInteger(asked) && asked >= 16 ? asked : WORKER_OLD_SPACE_MIB;
}

/** A worker thread exceeded its heap limit; the run stops with this message (exit code 1). */
export class WorkerMemoryError extends Error {
  constructor(limitMib: number) {
    super(
      `a worker thread ran out of memory: its JavaScript heap is limited to ${limitMib} MiB of old generation; ` +
        'raise the limit with FLASHPOINTS_WORKER_HEAP_MIB=<MiB>, or compute on the main thread with --threads 1 where the command has it',
    );
    this.name = 'WorkerMemoryError';
  }
}

/** The pool `createPool` gives: piscina's, with a worker's death by its heap limit turned into a WorkerMemoryError. */
class CellPool extends Piscina {
  constructor(
    options: ConstructorParameters<typeof Piscina>[0],
    private readonly limitMib: number,
  ) {
    super(options);
    // piscina rejects the task of a worker that dies while running it (that rejection reaches the caller), and
    // emits 'error' on the pool only for a worker that dies with no task — one that cannot start, say, or an
    // uncaught exception between tasks — and replaces it. Without a listener that event would end the process
    // from an event handler with a stack trace; the replacement thread serves the next task instead.
    this.on('error', () => {});
  }

  override run(task: unknown, options?: Parameters<Piscina['run']>[1]): Promise<unknown> {
    return super.run(task, options).catch((err: unknown) => {
      throw (err as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerMemoryError(this.limitMib) : err;
    });
  }
}

/**
 * A pool of exactly `threads` worker threads, each given `workerData` once (what all its tasks share) and a heap
 * limited to `oldSpaceMib` of old generation (default workerHeapLimitMib()) and WORKER_YOUNG_SPACE_MIB of young. Destroy it with `await pool.destroy()`.
 */
export function createPool(threads: number, worker = 'worker', workerData?: unknown, oldSpaceMib = workerHeapLimitMib()): Piscina {
  return new CellPool(
    {
      filename: workerFile(worker),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: oldSpaceMib, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MIB },
      ...(workerData === undefined ? {} : { workerData }),
    },
    oldSpaceMib,
  );
}
