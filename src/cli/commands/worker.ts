import type { Command } from 'commander';
import { intOption } from '../output.js';

interface WorkerCliOptions {
  queue: string;
  concurrency?: number;
  lockDuration: number;
  stalledInterval: number;
}

/** `flashpoints worker`: computes cells from a Redis queue for `compare --queue` coordinators (docs/distributed.md). */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Compute experiment cells from a Redis queue (for `compare --queue`), on any number of machines, until stopped with Ctrl-C or SIGTERM.')
    .requiredOption('--queue <url>', 'the Redis of the coordinators, redis://HOST:PORT/DB')
    .option('--concurrency <n>', 'cells computed at once, one worker thread each (default: the cores of this machine)', intOption('--concurrency', 1, 256))
    .option('--lock-duration <ms>', 'how long a cell stays locked to this worker without renewal; a killed worker\'s cell moves on after about this plus twice --stalled-interval', intOption('--lock-duration', 100, 3_600_000), 30_000)
    .option('--stalled-interval <ms>', 'how often to look for cells of dead workers', intOption('--stalled-interval', 100, 3_600_000), 30_000)
    .action(async (opts: WorkerCliOptions) => {
      const { availableParallelism } = await import('node:os');
      const { startCellWorker } = await import('../../engine/queue/worker.js');
      const { VERSION } = await import('../../version.js');
      const concurrency = opts.concurrency ?? availableParallelism();
      const worker = await queueErrors(() =>
        startCellWorker({ url: opts.queue, concurrency, lockDurationMs: opts.lockDuration, stalledIntervalMs: opts.stalledInterval, onLog: (line) => process.stderr.write(`worker: ${line}\n`) }),
      );
      process.stderr.write(`worker: flashpoints ${VERSION}, taking cells from ${opts.queue} on ${concurrency} thread${concurrency === 1 ? '' : 's'} (stop with Ctrl-C)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await worker.close();
      process.stderr.write(`worker: stopped after ${worker.delivered()} cells\n`);
    });
}

/** Runs `f`, turning a bad or unreachable queue into exit 2 with the URL and a hint. Shared with `compare --queue`. */
export async function queueErrors<T>(f: () => Promise<T>): Promise<T> {
  const { QueueUnreachableError, QueueUrlError } = await import('../../engine/queue/connection.js');
  const { InputError } = await import('../errors.js');
  try {
    return await f();
  } catch (err) {
    if (err instanceof QueueUnreachableError) throw new InputError([err.message], 'start Redis there (e.g. `redis-server --port 6379`) or give the right --queue redis://HOST:PORT/DB; docs/distributed.md');
    if (err instanceof QueueUrlError) throw new InputError([err.message], 'for example --queue redis://127.0.0.1:6379/0');
    throw err;
  }
}
