import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitJob, admitRecord, JobRefused, type CellJobData, type ExperimentRecord } from '../../../src/engine/queue/admission.js';
import { CELL_QUEUE, cellJobId, experimentRecordKey, keyOfJob, QUEUE_PREFIX } from '../../../src/engine/queue/jobIds.js';
import { compareCell } from '../../../src/engine/queue/kinds.js';
import { sampleFutures } from '../../../src/experiment/futures.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { VERSION } from '../../../src/version.js';
import { root } from '../../cli/spawn.js';
import { redisServerBin, sharedRedis, skipNotice } from './redisServer.js';

const parsed = parseScenario(readFileSync(new URL('../../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
if (!parsed.ok) throw new Error('korea invalid');
const { scenario, hash } = parsed;
const design = sampleFutures(scenario, 2, 1);
const task = { scenario, uncertainties: design.uncertainties.map((u) => ({ location: u.location })), future: design.futures[1], policy: 'dialogue', seed: 1, runs: 3, horizonMonths: 12 };
const { shared, own } = compareCell.split(task);
const experiment = 'e'.repeat(32);
const job = (over: Partial<CellJobData> = {}): CellJobData => ({ kind: 'compare-cell', experiment, version: VERSION, scenarioHash: hash, key: 'dialogue|1', own, ...over });
const record = (over: Partial<ExperimentRecord> = {}): ExperimentRecord => ({ kind: 'compare-cell', version: VERSION, scenarioHash: hash, shared, ...over });
const tampered = () => {
  const s = structuredClone(shared);
  s.scenario.title += ' (edited)';
  return s;
};

describe('admission: what a worker accepts', () => {
  it('splits a compare task into a shared part and a per-cell part that join back to the same task', () => {
    expect(compareCell.join(shared, own)).toEqual(task);
    expect(Object.keys(own).sort()).toEqual(['future', 'policy']);
  });

  it('accepts a job of its own version whose record carries the scenario it names', () => {
    expect(() => admitJob(job())).not.toThrow();
    expect(() => admitRecord(job(), record())).not.toThrow();
  });

  it('refuses a job of another version, an unknown kind, and a scenario that does not hash to the named hash', () => {
    expect(() => admitJob(job({ version: '0.0.9' }))).toThrow(new JobRefused(`refused: the job was enqueued by flashpoints 0.0.9, this worker runs ${VERSION}`));
    expect(() => admitJob(job({ kind: 'sensitivity-cell' }))).toThrow(/unknown cell kind 'sensitivity-cell'/);
    expect(() => admitRecord(job(), record({ shared: tampered() }))).toThrow(new RegExp(`names scenario sha256 ${hash.slice(0, 12)}…, the scenario it carries hashes to [0-9a-f]{12}…`));
    expect(() => admitRecord(job({ version: '0.0.9' }), record())).toThrow(/record is compare-cell of 0.1.0, the job compare-cell of 0.0.9/);
  });

  it('job ids: the key comes back from the id of its own experiment only, and no id holds the ":" BullMQ refuses', () => {
    const key = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.nat(1_000_000)).map(([p, f]) => `${p}|${f}`);
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[0-9a-f]{32}$/), key, (a, b, k) => {
        const id = cellJobId(a, k);
        expect(id).not.toContain(':');
        expect(keyOfJob(a, id)).toBe(k);
        if (a !== b) expect(keyOfJob(b, id)).toBeNull();
      }),
    );
  });
});

skipNotice();
describe.skipIf(!redisServerBin)('admission: a real worker refuses, unretried', () => {
  let redis: Awaited<ReturnType<typeof sharedRedis>>;
  let connection: Redis;
  let queue: Queue;
  const url = () => redis.url(12);
  beforeAll(async () => {
    redis = await sharedRedis();
    connection = new Redis(url(), { maxRetriesPerRequest: null });
    await connection.flushdb();
    queue = new Queue(CELL_QUEUE, { connection, prefix: QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue?.close();
    await connection?.quit();
    await redis?.stop();
  });

  it('fails jobs of another version or scenario hash at the first attempt, with the reason, and runs the good one', async () => {
    await connection.set(experimentRecordKey(experiment), JSON.stringify(record()));
    await connection.set(experimentRecordKey('f'.repeat(32)), JSON.stringify(record({ shared: tampered() })));
    const opts = (key: string, exp = experiment) => ({ jobId: cellJobId(exp, key), attempts: 3, removeOnComplete: true, removeOnFail: false });
    await queue.add('compare-cell', job({ version: '0.0.9', key: 'old|1' }), opts('old|1'));
    await queue.add('compare-cell', job({ experiment: 'f'.repeat(32), key: 'edited|1' }), opts('edited|1', 'f'.repeat(32)));
    await queue.add('compare-cell', job(), opts('dialogue|1'));
    const worker = spawn(process.execPath, [`${root}dist/src/cli/main.js`, 'worker', '--queue', url(), '--concurrency', '1'], { cwd: root });
    let err = '';
    worker.stderr.on('data', (d) => (err += d));
    try {
      const busy = async () => {
        const c = await queue.getJobCounts('waiting', 'active', 'failed');
        return c.failed < 2 || c.waiting + c.active > 0;
      };
      for (let i = 0; i < 300 && (await busy()); i++) await sleep(50);
      const failed = Object.fromEntries((await queue.getFailed()).map((j) => [j.id!.split('/')[1], [j.attemptsMade, j.failedReason]]));
      expect(failed['old|1']).toEqual([1, `refused: the job was enqueued by flashpoints 0.0.9, this worker runs ${VERSION}`]);
      expect(failed['edited|1'][0]).toBe(1);
      expect(failed['edited|1'][1]).toMatch(/^refused: the job names scenario sha256 .*, the scenario it carries hashes to/);
      expect(failed['dialogue|1']).toBeUndefined();
      // the accepted job's result reached the experiment's result queue
      const results = new Queue(`results-${experiment}`, { connection, prefix: QUEUE_PREFIX });
      const delivered = await results.getJob('dialogue|1');
      expect(delivered?.data.result.runs).toBe(3);
      await results.close();
      expect(err).toMatch(/cell old\|1 of experiment e{12}…: refused/);
    } finally {
      worker.kill('SIGKILL');
    }
  }, 60_000);
});
