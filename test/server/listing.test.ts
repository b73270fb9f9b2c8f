import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUMERICAL_HINT } from '../../src/math/numericalError.js';
import { experimentListSchema, jobListSchema } from '../../src/server/responses.js';
import { call, cliAsync, koreaYaml, overflowingYaml, tempDir, testServer, waitJob, waitProgress } from './fixture.js';

// The job list, the sensitivity designs among the stored experiments, and a numerical failure as its own code.
let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer({ maxJobs: 3 });
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/jobs', () => {
  it('lists every job the server keeps, oldest first, with status and progress and without results', async () => {
    expect((await call(server.url, 'GET', '/api/jobs')).json).toEqual({ jobs: [] });
    const small = await call(server.url, 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: 20, horizon: 12 } });
    const long = await call(server.url, 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: 1_000_000 } });
    await waitJob(server.url, small.json.id);
    await waitProgress(server.url, long.json.id);
    const running = (await call(server.url, 'GET', '/api/jobs')).json;
    expect(jobListSchema.safeParse(running).success).toBe(true);
    expect(running.jobs.map((j: { id: string }) => j.id)).toEqual([small.json.id, long.json.id]);
    expect(running.jobs[0]).toMatchObject({ kind: 'run', status: 'done', progress: { done: 20, total: 20 } });
    expect(running.jobs[0].result).toBeUndefined();
    expect(running.jobs[1]).toMatchObject({ kind: 'run', status: 'running' });
    expect(running.jobs[1].progress.done).toBeGreaterThan(0);
    expect(Date.parse(running.jobs[0].createdAt)).toBeLessThanOrEqual(Date.parse(running.jobs[1].createdAt));
    await call(server.url, 'DELETE', `/api/jobs/${long.json.id}`);
    const after = (await call(server.url, 'GET', '/api/jobs')).json.jobs;
    expect(after[1]).toMatchObject({ id: long.json.id, status: 'cancelled', error: { message: 'the job was cancelled' } });
    // The list carries what GET /api/jobs/{id} shows, apart from the result.
    const { result: _r, ...one } = (await call(server.url, 'GET', `/api/jobs/${small.json.id}`)).json;
    expect(after[0]).toEqual(one);
  });
});

describe('GET /api/experiments', () => {
  it('lists stored sensitivity designs apart from the comparisons, with their rows and stored cells; reading one back as a comparison is a 409', async () => {
    const options = { trajectories: 2, runs: 2, horizon: 12, seed: 4, groupBy: 'family', difference: ['asian-nato', 'status-quo'] };
    const job = await waitJob(server.url, (await call(server.url, 'POST', '/api/jobs', { kind: 'sensitivity', yaml: koreaYaml, options })).json.id);
    expect(job.status).toBe('done');
    const compare = await waitJob(server.url, (await call(server.url, 'POST', '/api/jobs', { kind: 'compare', yaml: koreaYaml, options: { policies: ['status-quo'], futures: 2, runs: 2, horizon: 12, seed: 4 } })).json.id);
    expect(compare.status).toBe('done');
    const list = (await call(server.url, 'GET', '/api/experiments')).json;
    expect(experimentListSchema.safeParse(list).success).toBe(true);
    expect(list.experiments.map((e: { seed: number }) => e.seed)).toEqual([4]);
    expect(list.sensitivity).toHaveLength(1);
    const [design] = list.sensitivity;
    const rows = job.result.morris.evaluations;
    expect(design).toMatchObject({ id: job.result.morris.experiment, scenario: job.result.scenario, seed: 4, method: 'morris', runs: 2, horizonMonths: 12, rows, policies: ['asian-nato', 'status-quo'], cells: 2 * rows });
    expect(design.inputs).toEqual(job.result.inputs.map((i: { name: string }) => i.name));
    const back = await call(server.url, 'GET', `/api/experiments/${design.id}`);
    expect(back.status).toBe(409);
    expect(back.json).toMatchObject({ error: 'conflict', message: expect.stringMatching(/is a sensitivity design, not a comparison/) });
  });

  it("lists a Sobol' design on groups the CLI stored, its rows as the sampler draws them", async () => {
    const dir = tempDir();
    const store = join(dir, 'cli.sqlite');
    const r = await cliAsync(['sensitivity', 'scenarios/korea-2024.yaml', '--method', 'sobol', '--groups', 'crisis,levers', '--n', '4', '--runs', '2', '--horizon', '12', '--outcome', 'escalation', '--store', store, '--json']);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    const s = await testServer({ store });
    try {
      const list = (await call(s.url, 'GET', '/api/experiments')).json;
      expect(list.experiments).toEqual([]);
      expect(list.sensitivity).toEqual([expect.objectContaining({ id: doc.sobol.experiment, method: 'sobol', rows: doc.sobol.evaluations, policies: ['status-quo'], cells: doc.sobol.evaluations })]);
    } finally {
      await s.close();
    }
  });
});

describe('GET /api/experiments with a damaged sensitivity design row', () => {
  it('is a 200 that still lists the comparisons, and the damaged designs with rows null', async () => {
    const s = await testServer();
    try {
      const compare = await waitJob(s.url, (await call(s.url, 'POST', '/api/jobs', { kind: 'compare', yaml: koreaYaml, options: { policies: ['status-quo'], futures: 2, runs: 2, horizon: 12, seed: 5 } })).json.id);
      expect(compare.status).toBe('done');
      // Rows as an older version or a hand edit could leave them: a Morris design without its trajectories, a
      // Sobol' one whose n is not a number, and one the sampler refuses (groups that do not match the inputs).
      const db = new Database(s.store);
      const put = db.prepare('INSERT INTO experiments (id, scenario_id, scenario_hash, seed, options, version, cells_done) VALUES (?, ?, ?, ?, ?, ?, 0)');
      const base = { kind: 'sensitivity', inputs: ['a', 'b'], runs: 2, horizonMonths: 12 };
      put.run('damaged-morris', 'korea-2024', 'h', 1, JSON.stringify({ ...base, method: 'morris' }), '0');
      put.run('damaged-sobol', 'korea-2024', 'h', 1, JSON.stringify({ ...base, method: 'sobol', n: 'four' }), '0');
      put.run('refused-sobol', 'korea-2024', 'h', 1, JSON.stringify({ ...base, method: 'sobol', n: 4, groups: ['g'] }), '0');
      db.close();
      const r = await call(s.url, 'GET', '/api/experiments');
      expect(r.status).toBe(200);
      expect(experimentListSchema.safeParse(r.json).success).toBe(true);
      expect(r.json.experiments).toEqual([expect.objectContaining({ seed: 5, policies: ['status-quo'], cells: 2, cellsTotal: 2 })]);
      expect(r.json.sensitivity.map((d: { id: string; rows: number | null }) => [d.id, d.rows])).toEqual([
        ['damaged-morris', null],
        ['damaged-sobol', null],
        ['refused-sobol', null],
      ]);
    } finally {
      await s.close();
    }
  });
});

describe('a numerical failure on valid input', () => {
  it('is a 422 numerical-failure in simulate and analyze, with the CLI message, its hint, the stock and the time', async () => {
    const file = join(tempDir(), 'max.yaml');
    writeFileSync(file, overflowingYaml);
    const cli = await cliAsync(['simulate', file, '--years', '1000', '--step', '100']);
    expect(cli.code).toBe(1);
    const line = cli.err.slice(cli.err.indexOf('flashpoints: ') + 'flashpoints: '.length).split('\n')[0];
    for (const [command, options] of [['simulate', { years: 1000, step: 100 }], ['analyze', { years: 1000 }]] as const) {
      const r = await call(server.url, 'POST', `/api/${command}`, { yaml: overflowingYaml, options });
      expect(r.status, command).toBe(422);
      expect(r.json, command).toEqual({ error: 'numerical-failure', message: line, hint: NUMERICAL_HINT, quantity: 'A.conventional', time: expect.any(Number) });
      expect(r.json.message).toContain(`t ≈ ${Number(r.json.time.toPrecision(3))} years`);
    }
    // The same scenario over a short horizon is fine: the failure belongs to the request, not to the scenario.
    expect((await call(server.url, 'POST', '/api/simulate', { yaml: overflowingYaml, options: { years: 10 } })).status).toBe(200);
  });
});
