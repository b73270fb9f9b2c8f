/**
 * The app's test server until `flashpoints serve` lands: serves web/dist and answers the two experiment routes of
 * the API contract (GET /api/experiments, GET /api/experiments/:id) from comparison results the test computed
 * with the real CLI. Without `experiments` every /api route answers 404 (the app's "no API" case).
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ComparisonResult } from '../../src/report/types.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** The running server: its base URL and how to stop it. */
export interface AppServer { url: string; close: () => Promise<void> }

/** The id the listing gives a stored comparison (any string works: the app only passes it back). */
export const experimentId = (r: ComparisonResult): string => `${r.scenario.id}-${r.scenario.hash.slice(0, 12)}-${r.seed}`;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the server on 127.0.0.1 at a free port. Example: `const s = await serveApp('web/dist', [result])`. */
export async function serveApp(root: string, experiments?: ComparisonResult[]): Promise<AppServer> {
  const byId = new Map((experiments ?? []).map((r) => [experimentId(r), r]));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/')) {
      if (!experiments) return json(res, 404, { error: 'no API in this server' });
      if (path === '/api/experiments') {
        return json(res, 200, {
          experiments: [...byId].map(([id, r]) => ({ id, scenario: r.scenario, seed: r.seed, futures: r.options.futures, runs: r.options.runs, policies: r.options.policies, cells: r.options.futures * r.options.policies.length })),
        });
      }
      const r = byId.get(path.slice('/api/experiments/'.length));
      return r ? json(res, 200, r) : json(res, 404, { error: `no experiment ${path}` });
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root)) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
