import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentStore } from '../../src/engine/experimentStore.js';
import { call, cliDoc, koreaYaml, tempDir, testServer, waitJob, waitProgress, withoutTiming } from './fixture.js';

// Jobs run in worker threads to the very document the CLI prints; they report progress, stop when cancelled, and
// what they stored stays.
let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer({ maxJobs: 3 });
});
afterAll(async () => {
  await server?.close();
});

/** Reads a job's event stream to its end: the events in order. */
async function events(id: string): Promise<{ event: string; data: any }[]> {
  const res = await fetch(`${server.url}/api/jobs/${id}/events`);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((b) => b.trim())
    .map((b) => {
      const lines = b.split('\n');
      return { event: lines.find((l) => l.startsWith('event: '))!.slice(7), data: JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) };
    });
}

describe('jobs', () => {
  it('a run job gives the CLI run document (same seed, same JSON apart from timing), with progress events up to the total', async () => {
    const cli = cliDoc(['run', 'scenarios/korea-2024.yaml', '--runs', '600', '--seed', '7', '--policy', 'dialogue', '--horizon', '60', '--json']);
    const posted = await call(server.url, 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: 600, seed: 7, policy: 'dialogue', horizon: 60 } });
    expect(posted.status).toBe(202);
    expect(['queued', 'running']).toContain(posted.json.status);
    const stream = await events(posted.json.id);
    const end = stream.at(-1)!;
    expect(end.event).toBe('end');
    expect(end.data.status).toBe('done');
    const dones = stream.filter((e) => e.event === 'progress').map((e) => e.data.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(end.data.progress).toEqual({ done: 600, total: 600 });
    const job = await call(server.url, 'GET', `/api/jobs/${posted.json.id}`);
    expect(job.json.result).toEqual(end.data.result);
    expect(withoutTiming(job.json.result)).toEqual(withoutTiming(await cli));
    expect(job.json.result.timing.threads).toBe(1);
  });

  it('a compare job gives the CLI comparison; the stored experiment is listed and reads back to the same result', async () => {
    const cliStore = join(tempDir(), 'cli.sqlite');
    const args = ['--futures', '2', '--runs', '4', '--horizon', '24', '--seed', '5'];
    const cli = cliDoc(['compare', 'scenarios/korea-2024.yaml', ...args, '--store', cliStore, '--json']);
    const posted = await call(server.url, 'POST', '/api/jobs', { kind: 'compare', yaml: koreaYaml, options: { futures: 2, runs: 4, horizon: 24, seed: 5 } });
    const job = await waitJob(server.url, posted.json.id);
    expect(job.status).toBe('done');
    const expected = await cli;
    // Apart from timing, the store the cells went to and the scenario file named in the printed command.
    const comparable = (d: Record<string, any>) => ({ ...withoutTiming(d), options: { ...d.options, store: null }, reproduce: null });
    expect(comparable(job.result)).toEqual(comparable(expected));
    expect(job.result.reproduce.command).toBe(expected.reproduce.command.replace('scenarios/korea-2024.yaml', '<scenario>'));
    const list = await call(server.url, 'GET', '/api/experiments');
    const entry = list.json.experiments.find((e: { seed: number }) => e.seed === 5);
    expect(entry).toMatchObject({ scenario: expected.scenario, futures: 2, runs: 4, horizonMonths: 24, policies: expected.options.policies, cells: 12, cellsTotal: 12 });
    const back = await call(server.url, 'GET', `/api/experiments/${entry.id}`);
    expect(back.status).toBe(200);
    expect(withoutTiming(back.json)).toEqual(withoutTiming(job.result));
  });

  it('a sensitivity job gives the CLI document', async () => {
    const opts = { trajectories: 2, runs: 3, horizon: 12, seed: 2, groupBy: 'family' };
    const cli = cliDoc(['sensitivity', 'scenarios/korea-2024.yaml', '--trajectories', '2', '--runs', '3', '--horizon', '12', '--seed', '2', '--group-by', 'family', '--no-store', '--json']);
    const posted = await call(server.url, 'POST', '/api/jobs', { kind: 'sensitivity', yaml: koreaYaml, options: { ...opts, store: false } });
    const job = await waitJob(server.url, posted.json.id);
    expect(job.status).toBe('done');
    const expected = await cli;
    const comparable = (d: Record<string, any>) => ({ ...d, seconds: null, reproduce: null });
    expect(comparable(job.result)).toEqual(comparable(expected));
    expect(job.result.reproduce.command).toBe(expected.reproduce.command.replace('scenarios/korea-2024.yaml', '<scenario>'));
  });

  it('a cancelled compare job stops with its finished cells stored; and its incomplete experiment is a 409', async () => {
    const options = { futures: 30, runs: 30, horizon: 60, seed: 11 };
    const posted = await call(server.url, 'POST', '/api/jobs', { kind: 'compare', yaml: koreaYaml, options });
    await waitProgress(server.url, posted.json.id);
    const t0 = Date.now();
    const cancelled = await call(server.url, 'DELETE', `/api/jobs/${posted.json.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(5000);
    const again = await call(server.url, 'DELETE', `/api/jobs/${posted.json.id}`);
    expect(again.status).toBe(409);
    expect(existsSync(server.store)).toBe(true);
    const store = ExperimentStore.open(server.store, { mustExist: true });
    const exp = store.experiments().find((e) => e.seed === 11)!;
    const check = store.check();
    store.close();
    expect(exp.cellsDone).toBeGreaterThan(0);
    expect(exp.cellsDone).toBeLessThan(180);
    expect(check.bad).toEqual([]);
    expect(check.integrity).toEqual([]);
    const incomplete = await call(server.url, 'GET', `/api/experiments/${exp.id}`);
    expect(incomplete.status).toBe(409);
    expect(incomplete.json.message).toContain(`${exp.cellsDone} of 180 cells`);
  });
});
