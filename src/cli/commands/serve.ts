import type { Command } from 'commander';
import { intOption, numberOption } from '../output.js';

interface ServeCliOptions {
  host: string;
  port: number;
  allowRemote?: boolean;
  store?: string;
  maxJobs: number;
  threads?: number;
  maxBodyMb: number;
}

/** Addresses that reach this machine only. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** `flashpoints serve`: the HTTP API and the browser app (docs/server.md). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (validate, show, simulate, analyze; run, compare and sensitivity as jobs; the bundled scenarios; the stored experiments) and the browser app. Stop with Ctrl-C: running jobs stop cleanly, stored cells stay.')
    .option('--port <n>', 'TCP port (0: any free one)', intOption('--port', 0, 65_535), 8080)
    .option('--host <addr>', 'address to bind; anything but 127.0.0.1, localhost or ::1 needs --allow-remote', '127.0.0.1')
    .option('--allow-remote', 'allow binding an address other machines can reach (the API has no authentication)')
    .option('--store <file>', 'SQLite store of compare and sensitivity jobs, fixed for the server (default: flashpoints-korea-2024.sqlite, the main scenario\'s compare default)')
    .option('--max-jobs <n>', 'jobs queued or running at once; one more is refused with 429', intOption('--max-jobs', 1, 64), 2)
    .option('--threads <t>', 'worker threads per job (default: up to 2; a request may ask for fewer; results do not depend on it)', intOption('--threads', 1, 256))
    .option('--max-body-mb <MiB>', 'largest request body; more is refused with 413', numberOption('--max-body-mb', 0.001, 500), 4)
    .action(async (opts: ServeCliOptions) => {
      const { InputError } = await import('../errors.js');
      if (!LOOPBACK.has(opts.host) && !opts.allowRemote) {
        throw new InputError([`--host ${opts.host} can be reached from other machines, and the API has no authentication`], 'add --allow-remote to bind it anyway, or leave --host at 127.0.0.1');
      }
      if (!LOOPBACK.has(opts.host)) process.stderr.write(`warning: serving on ${opts.host}: anyone who can reach it may run jobs on this machine (no authentication; docs/server.md#security)\n`);
      const { checkThreads } = await import('../io/limits.js');
      const { availableParallelism } = await import('node:os');
      const threads = opts.threads === undefined ? Math.max(1, Math.min(2, availableParallelism())) : checkThreads(opts.threads);
      const { defaultStore } = await import('./compare.js');
      const store = opts.store ?? defaultStore('korea-2024');
      const { checkStorePath } = await import('../io/writeOutput.js');
      checkStorePath(store, []);
      const { startServer } = await import('../../server/startServer.js');
      let server;
      try {
        server = await startServer({ host: opts.host, port: opts.port, store, maxJobs: opts.maxJobs, threads, maxThreads: threads, maxBodyBytes: Math.floor(opts.maxBodyMb * 1024 * 1024) });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new InputError([`cannot listen on ${opts.host}:${opts.port} (${code})`], code === 'EADDRINUSE' ? 'another program uses the port: give --port another one (0 picks a free one)' : 'give another --host or --port');
        throw err;
      }
      const stop = (signal: string) => {
        process.stderr.write(`${signal}: stopping: running jobs stop at their next batch or cell; stored cells stay\n`);
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      // Printed once the handlers are in place: whoever reads the address may signal at once.
      process.stdout.write(`flashpoints serving on ${server.url}/  (the app; API under ${server.url}/api/, OpenAPI at ${server.url}/openapi.json; store ${store})\n`);
    });
}
