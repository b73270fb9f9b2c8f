import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CELL_QUEUE, QUEUE_PREFIX } from '../../../src/engine/queue/jobIds.js';
import { cli, root, stackTrace } from '../../cli/spawn.js';
import { freePort, redisServerBin, sharedRedis, skipNotice, startRedisServer, type RedisServer } from './redisServer.js';

// The distributed runner end to end (issue 16): a real redis-server, real `flashpoints worker` processes of the
// built CLI, real kills. Every experiment is tiny (24 cells of 6 runs × 36 months) so each test takes seconds; the
// workers run with a 1 s lock and a 0.5 s stalled check so that recovering a killed worker's cell takes ~2 s.
skipNotice();
const korea = 'scenarios/korea-2024.yaml';
const small = ['--futures', '4', '--runs', '6', '--horizon', '36'];
const fastLocks = ['--lock-duration', '1000', '--stalled-interval', '500'];
const cells = 24;
const dir = mkdtempSync(join(tmpdir(), 'distributed-'));
const children = new Set<ChildProcess>();
let redis: Awaited<ReturnType<typeof sharedRedis>>;
let db = 0;
let local: { text: string; json: Record<string, unknown> };

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Starts the built CLI without waiting for it. */
function launch(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [`${root}dist/src/cli/main.js`, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', FLASHPOINTS_DEBUG: '', ...env } });
  children.add(child);
  const io = { out: '', err: '' };
  child.stdout.on('data', (d) => (io.out += d));
  child.stderr.on('data', (d) => (io.err += d));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => (children.delete(child), resolve({ code, signal, ...io }))));
  return { child, io, done };
}

/** Starts a `flashpoints worker` and waits for its banner (it is then taking jobs). */
async function worker(url: string, env: Record<string, string> = {}, extra: string[] = []) {
  const w = launch(['worker', '--queue', url, '--concurrency', '1', ...fastLocks, ...extra], env);
  await until(() => w.io.err.includes('taking cells from') || w.child.exitCode !== null, 'worker banner');
  if (w.child.exitCode !== null) throw new Error(`worker exited: ${w.io.err}`);
  return w;
}

async function until(ok: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const t0 = performance.now();
  while (!(await ok())) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const storedCells = (file: string) => {
  if (!existsSync(file)) return 0;
  const d = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (d.prepare('SELECT COUNT(*) AS n FROM cells').get() as { n: number }).n;
  } catch {
    return 0; // tables not created yet
  } finally {
    d.close();
  }
};

/** The next database of the shared Redis, emptied. */
async function freshDb() {
  const url = redis.url(++db);
  const c = new Redis(url);
  await c.flushdb();
  await c.quit();
  return url;
}

/** The printed result without its timing (the seconds and where they were spent). */
const untimed = (text: string) => text.replace(/; [\d.]+ s on .*$/m, '; <timing>');
const withoutTiming = (o: Record<string, unknown>) => ({ ...o, timing: undefined, options: { ...(o.options as object), store: undefined } });

afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  for (const c of children) c.kill('SIGKILL');
});
// The reference: the same experiment on the local pool.
beforeAll(() => {
  if (!redisServerBin) return;
  const text = cli(['compare', korea, ...small, '--no-store']);
  const json = cli(['compare', korea, ...small, '--no-store', '--json']);
  expect(text.code, text.err).toBe(0);
  local = { text: text.out, json: JSON.parse(json.out) };
});

describe.skipIf(!redisServerBin)('compare --queue with flashpoints worker processes', () => {
  beforeAll(async () => void (redis = await sharedRedis()));
  afterAll(async () => redis?.stop());

  it('two workers complete an experiment that prints exactly what the local run prints, streamed into the store', async () => {
    const url = await freshDb();
    // BullMQ's default locks here: no false stall under load, so each cell is computed exactly once
    const slowLocks = ['--lock-duration', '30000', '--stalled-interval', '30000'];
    const a = await worker(url, {}, slowLocks), b = await worker(url, {}, slowLocks);
    const store = join(dir, 'two.sqlite');
    const r = cli(['compare', korea, ...small, '--queue', url, '--store', store]);
    expect(r.code, r.err).toBe(0);
    expect(untimed(r.out)).toBe(untimed(local.text));
    expect(r.out).toMatch(`cells computed ${cells}, reused from the store 0; `);
    expect(storedCells(store)).toBe(cells);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    const [da, dbb] = await Promise.all([a.done, b.done]);
    const delivered = [da, dbb].map((d) => Number(/stopped after (\d+) cells/.exec(d.err)?.[1]));
    expect(delivered[0] + delivered[1]).toBe(cells); // each cell computed once, by one of the two
    expect(Math.min(...delivered)).toBeGreaterThan(0); // and both took part
  }, 90_000);

  it('gives the same JSON document as the local run', async () => {
    const url = await freshDb();
    await worker(url);
    await worker(url);
    const r = cli(['compare', korea, ...small, '--queue', url, '--no-store', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(withoutTiming(JSON.parse(r.out))).toEqual(withoutTiming(local.json));
  }, 90_000);

  it('recovers the cell of a worker killed with SIGKILL mid-cell: the same result, every cell stored once', async () => {
    const url = await freshDb();
    const store = join(dir, 'killed-worker.sqlite');
    const victim = await worker(url, { FLASHPOINTS_CELL_DELAY_MS: '400' });
    const coordinator = launch(['compare', korea, ...small, '--queue', url, '--store', store]);
    const queue = new Queue(CELL_QUEUE, { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
    let active: string[] = [];
    await until(async () => (active = (await queue.getActive()).map((j) => j.id!)).length > 0 && storedCells(store) >= 2, 'the victim mid-cell');
    victim.child.kill('SIGKILL');
    expect((await victim.done).signal).toBe('SIGKILL');
    await worker(url);
    await worker(url);
    const r = await coordinator.done;
    expect(r.code, r.err).toBe(0);
    expect(untimed(r.out)).toBe(untimed(local.text));
    expect(r.out).toMatch(`cells computed ${cells}, reused from the store 0; `);
    expect(storedCells(store)).toBe(cells);
    // the cell the victim held when it died was computed by another worker and is stored
    const key = active[0].split('/')[1];
    const [policy, future] = key.split('|');
    const d = new Database(store, { readonly: true });
    expect(d.prepare('SELECT COUNT(*) AS n FROM cells WHERE policy = ? AND future = ?').get(policy, Number(future))).toEqual({ n: 1 });
    d.close();
    await queue.close();
    await (queue.opts.connection as Redis).quit();
  }, 90_000);

  it('resumes after the coordinator is killed: stored cells reused, queued jobs and their results picked up', async () => {
    const url = await freshDb();
    const store = join(dir, 'killed-coordinator.sqlite');
    await worker(url, { FLASHPOINTS_CELL_DELAY_MS: '150' });
    const first = launch(['compare', korea, ...small, '--queue', url, '--store', store]);
    await until(() => storedCells(store) >= 4, 'four stored cells');
    first.child.kill('SIGKILL');
    await first.done;
    const before = storedCells(store);
    expect(before).toBeLessThan(cells);
    await sleep(500); // the worker goes on delivering results that nobody reads yet
    const r = cli(['compare', korea, ...small, '--queue', url, '--store', store, '--resume']);
    expect(r.code, r.err).toBe(0);
    expect(untimed(r.out).replace(/cells computed \d+, reused from the store \d+/, '')).toBe(untimed(local.text).replace(/cells computed \d+, reused from the store \d+/, ''));
    const [, computed, reused] = /cells computed (\d+), reused from the store (\d+)/.exec(r.out)!.map(Number);
    expect(reused).toBeGreaterThanOrEqual(before);
    expect(computed + reused).toBe(cells);
    expect(storedCells(store)).toBe(cells);
  }, 90_000);

  it('puts a cell that fails three times in the failed set and exits 1 naming it, keeping every other cell', async () => {
    const url = await freshDb();
    const store = join(dir, 'poisoned.sqlite');
    await worker(url, { FLASHPOINTS_POISON_CELL: 'dialogue|2' });
    await worker(url, { FLASHPOINTS_POISON_CELL: 'dialogue|2' });
    const r = cli(['compare', korea, ...small, '--queue', url, '--store', store]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 cell failed three times/);
    expect(r.err).toMatch(/dialogue\|2: poisoned cell dialogue\|2/);
    expect(r.err).not.toMatch(stackTrace);
    expect(storedCells(store)).toBe(cells - 1);
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const failed = await new Queue(CELL_QUEUE, { connection, prefix: QUEUE_PREFIX }).getFailed();
    expect(failed.map((j) => [j.id!.split('/')[1], j.attemptsMade, j.failedReason])).toEqual([['dialogue|2', 3, 'poisoned cell dialogue|2 (test hook FLASHPOINTS_POISON_CELL)']]);
    await connection.quit();
  }, 90_000);

  it('exits 2 with the URL and a hint when Redis is unreachable at start, for the coordinator and the worker', async () => {
    const url = `redis://127.0.0.1:${await freePort()}/0`;
    for (const args of [['compare', korea, ...small, '--queue', url, '--no-store'], ['worker', '--queue', url]]) {
      const r = cli(args);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`--queue ${url}: cannot reach Redis (ECONNREFUSED)`);
      expect(r.err).toMatch(/^hint: start Redis there/m);
      expect(r.err).not.toMatch(stackTrace);
    }
    const bad = cli(['compare', korea, ...small, '--queue', 'http://localhost:6379', '--no-store']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/expected redis:\/\/HOST:PORT\/DB/);
  }, 60_000);
});

describe.skipIf(!redisServerBin)('compare --queue when Redis itself goes away', () => {
  let own: RedisServer;
  beforeAll(async () => void (own = await startRedisServer()));
  afterAll(async () => own?.stop());

  it('reconnects after Redis is killed and restarted empty mid-run, re-queues the lost cells and completes identically', async () => {
    const url = own.url(1);
    const store = join(dir, 'redis-restart.sqlite');
    await worker(url, { FLASHPOINTS_CELL_DELAY_MS: '100' });
    await worker(url, { FLASHPOINTS_CELL_DELAY_MS: '100' });
    const coordinator = launch(['compare', korea, ...small, '--queue', url, '--store', store]);
    await until(() => storedCells(store) >= 4, 'four stored cells');
    await own.kill();
    await sleep(1000);
    await own.start();
    const r = await coordinator.done;
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/queue: re-queued \d+ cells? that the queue no longer held/);
    expect(untimed(r.out)).toBe(untimed(local.text));
    expect(storedCells(store)).toBe(cells);
  }, 90_000);

  it('exits 1 keeping what is stored when Redis stays away longer than --queue-timeout', async () => {
    const url = own.url(2);
    const store = join(dir, 'redis-gone.sqlite');
    await worker(url, { FLASHPOINTS_CELL_DELAY_MS: '150' });
    const coordinator = launch(['compare', korea, ...small, '--queue', url, '--store', store, '--queue-timeout', '2']);
    await until(() => storedCells(store) >= 3, 'three stored cells');
    await own.kill();
    const r = await coordinator.done;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`lost the queue at ${url.replace(/[/.]/g, '\\$&')} for more than 2 s`));
    const kept = storedCells(store);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(cells);
    await own.start();
  }, 90_000);
});
