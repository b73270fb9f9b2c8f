import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';

/** Options of {@link startServer}. */
export interface StartServerOptions extends AppOptions {
  /** Address to bind. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
}

/** A running server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080` */
  url: string;
  port: number;
  /** Stops cleanly: refuses new jobs (503), cancels the running ones and waits for their threads, then closes. */
  close: () => Promise<void>;
}

/** How long the server keeps an idle connection open, in ms (Node's default is 5 s). */
const KEEP_ALIVE_MS = 30_000;

/**
 * Starts the API (and the app's files) on `host:port` with @hono/node-server. Loopback by default; the CLI asks
 * for an explicit flag before binding anything else (src/cli/commands/serve.ts).
 * Example: `const s = await startServer({ port: 0, store: 'x.sqlite' }); …; await s.close()`.
 */
export async function startServer(o: StartServerOptions = {}): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  const { app, jobs } = createApp({ loopbackOnly: ['127.0.0.1', 'localhost', '::1'].includes(host), ...o });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: o.port ?? 8080 }, () => resolve(s));
    s.once('error', reject);
  });
  // An idle keep-alive connection is closed by the client (fetch: after 4 s, or the server's hint less 1 s) before
  // the server closes it, never at the same moment: with Node's 5 s a request sent on a connection the server was
  // closing met ECONNRESET whenever the event loop ran a few hundred ms late (a busy machine, a long synchronous job).
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = KEEP_ALIVE_MS;
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await jobs.shutdown();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open event streams and idle keep-alive connections would hold the server open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    })());
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close };
}
