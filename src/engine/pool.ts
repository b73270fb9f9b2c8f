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
 * A pool of exactly `threads` worker threads, each given `workerData` once (what all its tasks share). Destroy it
 * with `await pool.destroy()`.
 */
export function createPool(threads: number, worker = 'worker', workerData?: unknown): Piscina {
  return new Piscina({ filename: workerFile(worker), minThreads: threads, maxThreads: threads, idleTimeout: 1000, ...(workerData === undefined ? {} : { workerData }) });
}
