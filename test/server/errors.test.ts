import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cliAsync, koreaYaml, overflowingYaml, tempDir, testServer, waitJob, waitProgress } from './fixture.js';

// Every error status the OpenAPI document lists for a route is produced here by a real request, and each answer
// is the documented error body (no stack trace).
type Response = Awaited<ReturnType<typeof call>>;
let server: Awaited<ReturnType<typeof testServer>>;
let incomplete = '', unknownScenario = '', complete = '';
const limit = 3 * koreaYaml.length;

beforeAll(async () => {
  const store = join(tempDir(), 'store.sqlite');
  const small = ['--policies', 'status-quo', '--futures', '2', '--runs', '2', '--horizon', '12', '--store', store];
  // An experiment stopped after its first cell (the CLI's deterministic test hook), and one of a scenario the server
  // has never seen (the bundled one with an override).
  const stopped = await cliAsync(['compare', 'scenarios/korea-2024.yaml', ...small], { FLASHPOINTS_ABORT_AFTER_CELLS: '1' });
  expect(stopped.code).toBe(1);
  const other = await cliAsync(['compare', 'scenarios/korea-2024.yaml', ...small, '--seed', '9', '--set', 'arms.cohesion=0.8', '--force']);
  expect(other.code).toBe(0);
  expect((await cliAsync(['compare', 'scenarios/korea-2024.yaml', ...small, '--seed', '3'])).code).toBe(0);
  server = await testServer({ store, maxJobs: 1, maxBodyBytes: limit });
  const list = (await call(server.url, 'GET', '/api/experiments')).json.experiments;
  incomplete = list.find((e: { cells: number }) => e.cells === 1).id;
  unknownScenario = list.find((e: { seed: number }) => e.seed === 9).id;
  complete = list.find((e: { seed: number }) => e.seed === 3).id;
});
afterAll(async () => {
  await server?.close();
});

const tooLarge = () => ({ yaml: koreaYaml + `\n# ${'x'.repeat(limit)}\n` });

describe('every documented error code is produced by a real request', () => {
  it('400, 404, 409, 413, 415 and 429 on every route that documents them', async () => {
    const u = () => server.url;
    let longJob = '';
    const finished = await call(u(), 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: 20, horizon: 12 } });
    await waitJob(u(), finished.json.id);
    const producers: Record<string, () => Promise<Response>> = {};
    for (const command of ['validate', 'show', 'simulate', 'analyze']) {
      producers[`post /api/${command} 400`] = () => call(u(), 'POST', `/api/${command}`, '{"yaml": ');
      producers[`post /api/${command} 413`] = () => call(u(), 'POST', `/api/${command}`, tooLarge());
      // A plain-text body is what another site's page may send without a CORS preflight.
      producers[`post /api/${command} 415`] = () => call(u(), 'POST', `/api/${command}`, { yaml: koreaYaml }, { 'content-type': 'text/plain' });
    }
    // Valid input whose arms leave double precision within the asked-for horizon.
    producers['post /api/simulate 422'] = () => call(u(), 'POST', '/api/simulate', { yaml: overflowingYaml, options: { years: 1000, step: 100 } });
    producers['post /api/analyze 422'] = () => call(u(), 'POST', '/api/analyze', { yaml: overflowingYaml, options: { years: 1000 } });
    Object.assign(producers, {
      'get /api/scenarios/{id} 404': () => call(u(), 'GET', '/api/scenarios/atlantis'),
      'post /api/jobs 400': () => call(u(), 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: -1 } }),
      'post /api/jobs 413': () => call(u(), 'POST', '/api/jobs', { kind: 'run', ...tooLarge() }),
      'post /api/jobs 415': () => call(u(), 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml }, { 'content-type': 'application/x-www-form-urlencoded' }),
      'get /api/jobs/{id} 404': () => call(u(), 'GET', '/api/jobs/no-such-job'),
      'get /api/jobs/{id}/events 404': () => call(u(), 'GET', '/api/jobs/no-such-job/events'),
      'delete /api/jobs/{id} 404': () => call(u(), 'DELETE', '/api/jobs/no-such-job'),
      'delete /api/jobs/{id} 409': () => call(u(), 'DELETE', `/api/jobs/${finished.json.id}`),
      'get /api/experiments/{id} 404': () => call(u(), 'GET', '/api/experiments/0123456789abcdef'),
      'get /api/experiments/{id} 409': async () => {
        const r = await call(u(), 'GET', `/api/experiments/${incomplete}`);
        expect(r.json.message).toMatch(/incomplete: 1 of 2 cells/);
        const other = await call(u(), 'GET', `/api/experiments/${unknownScenario}`);
        expect(other.status).toBe(409);
        expect(other.json.message).toMatch(/does not hold/);
        return r;
      },
      // The server takes one job at a time: while a long one runs, another job or a read-back is refused.
      'post /api/jobs 429': async () => {
        longJob = (await call(u(), 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: 1_000_000 } })).json.id;
        await waitProgress(u(), longJob);
        return call(u(), 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml });
      },
      'get /api/experiments/{id} 429': () => call(u(), 'GET', `/api/experiments/${complete}`),
    });
    const doc = (await call(u(), 'GET', '/openapi.json')).json;
    const documented = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => Object.keys(op.responses).filter((s) => Number(s) >= 400 && Number(s) !== 503).map((s) => `${method} ${path} ${s}`)),
    );
    expect(Object.keys(producers).sort()).toEqual(documented.sort());
    for (const [key, produce] of Object.entries(producers)) {
      const r = await produce();
      expect(r.status, key).toBe(Number(key.split(' ')[2]));
      expect(r.type, key).toMatch(/^application\/json/);
      expect(r.json.error, key).toMatch(/^[a-z-]+$/);
      expect(r.json.message, key).toBeTypeOf('string');
      expect(r.text, key).not.toMatch(/\n\s+at /);
    }
    expect((await call(u(), 'DELETE', `/api/jobs/${longJob}`)).json.status).toBe('cancelled');
    // Once the job has stopped, the same read-back succeeds.
    expect((await call(u(), 'GET', `/api/experiments/${complete}`)).status).toBe(200);
  });

  it('403 for a Host that is not this machine (a rebound domain name), on every route', async () => {
    for (const path of ['/api/health', '/', '/openapi.json']) {
      const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}${path}`, { headers: { host: `evil.example:${server.port}` } }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(r.status, path).toBe(403);
      expect(JSON.parse(r.body).error).toBe('forbidden-host');
    }
    expect((await call(server.url.replace('127.0.0.1', 'localhost'), 'GET', '/api/health')).status).toBe(200);
  });

  it('503 while the server shuts down: a job that cannot stop at a cell boundary is ended after the grace time', async () => {
    const s = await testServer({ graceMs: 1500 });
    // One cell of many runs: the cancel flag is read only after it, so the grace time ends the thread.
    const id = (await call(s.url, 'POST', '/api/jobs', { kind: 'compare', yaml: koreaYaml, options: { policies: ['status-quo'], futures: 1, runs: 50_000, store: false } })).json.id;
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const closing = s.close();
    const refused = await call(s.url, 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml });
    expect(refused.status).toBe(503);
    expect(refused.json.error).toBe('shutting-down');
    await closing;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(id).toBeTypeOf('string');
  });
});
