import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/server/startServer.js';
import { root } from '../cli/spawn.js';

/** The Korea scenario as the tests send it, YAML text. */
export const koreaYaml = readFileSync(join(root, 'scenarios/korea-2024.yaml'), 'utf8');

/**
 * Two actors whose arms grow past double precision within centuries: a valid scenario the arms model cannot
 * follow over `years: 1000` (a 422 numerical-failure), and can over 10 years.
 */
export const overflowingYaml = `id: x
title: t
actors:
  - id: A
    name: a
    capabilities:
      conventional: { value: 10, unit: bn, baseYear: 2024, growth: 1, elasticity: 10 }
  - id: B
    name: b
    capabilities:
      conventional: { value: 10, unit: bn, baseYear: 2024, growth: 1, elasticity: 10 }
relations:
  - { from: A, to: B, hostility: 1, mutual: true }
policies:
  - { id: status-quo, title: Status quo, description: as is }
`;

/** A fresh temporary folder. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'flashpoints-server-'));

/** A real server on an ephemeral loopback port, with a store in a fresh folder (build first: jobs run the built worker). */
export async function testServer(o: StartServerOptions = {}): Promise<RunningServer & { store: string }> {
  const store = o.store ?? join(tempDir(), 'store.sqlite');
  const s = await startServer({ port: 0, threads: 1, maxThreads: 2, ...o, store });
  return { ...s, store };
}

/** A request with a JSON body (or raw text), returning status, content type and parsed JSON (or text). */
export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  return { status: res.status, type, json: type.includes('json') ? JSON.parse(text) : undefined, text };
}

/** Polls a job until it has finished; fails after `ms`. */
export async function waitJob(base: string, id: string, ms = 120_000): Promise<Record<string, any>> {
  const end = Date.now() + ms;
  for (;;) {
    const r = await call(base, 'GET', `/api/jobs/${id}`);
    if (['done', 'failed', 'cancelled'].includes(r.json.status)) return r.json;
    if (Date.now() > end) throw new Error(`job ${id} still ${r.json.status} after ${ms} ms`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Polls a job until it has reported some progress. */
export async function waitProgress(base: string, id: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const r = await call(base, 'GET', `/api/jobs/${id}`);
    if (r.json.progress.done > 0 || r.json.status !== 'queued' && r.json.status !== 'running') return;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`job ${id} made no progress in ${ms} ms`);
}

/** A document without its timing fields (the only parts that differ run to run). */
export function withoutTiming(doc: Record<string, unknown>): Record<string, unknown> {
  const { timing: _t, ...rest } = doc;
  return rest;
}

/**
 * Runs the built CLI without blocking the event loop (a blocked loop would let the server close idle keep-alive
 * sockets that fetch then reuses): exit code, stdout, stderr.
 */
export function cliAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`${root}dist/src/cli/main.js`, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', FLASHPOINTS_DEBUG: '', ...env }, maxBuffer: 64 << 20 }, (err, out, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out, err: stderr });
    });
  });
}

/** The JSON document of a CLI command that must succeed. */
export async function cliDoc(args: string[]): Promise<Record<string, any>> {
  const r = await cliAsync(args);
  if (r.code !== 0) throw new Error(`flashpoints ${args.join(' ')} → exit ${r.code}: ${r.err}`);
  return JSON.parse(r.out);
}
