import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { executeCells, localPool } from '../../src/engine/executeCells.js';
import { createPool, WORKER_OLD_SPACE_MIB, WORKER_YOUNG_SPACE_MIB, workerHeapLimitMib, WorkerMemoryError } from '../../src/engine/pool.js';
import type { CellAggregate } from '../../src/experiment/cell.js';
import { sampleFutures } from '../../src/experiment/futures.js';
import { runCell, type CellTask } from '../../src/experiment/runCell.js';
import { parseScenario } from '../../src/scenario/load.js';

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
if (!parsed.ok) throw new Error('korea invalid');
const scenario = parsed.scenario;
const design = sampleFutures(scenario, 3, 2);
const tasks: CellTask[] = design.futures.flatMap((future) =>
  ['status-quo', 'dialogue'].map((policy) => ({ scenario, uncertainties: design.uncertainties.map((u) => ({ location: u.location })), future, policy, seed: 2, runs: 4, horizonMonths: 12 })),
);
const key = (t: CellTask) => `${t.policy}|${t.future.index}`;
const pool = (threads: number) => localPool<CellTask, CellAggregate>({ threads, thread: 'compareWorker', run: runCell });

describe('executeCells on the local pool', () => {
  it.each([1, 2])('calls finish once per task with runCell\'s own result, on %i thread(s)', async (threads) => {
    const got = new Map<string, CellAggregate>();
    await executeCells(tasks, (t, cell) => {
      expect(got.has(key(t))).toBe(false);
      got.set(key(t), cell);
    }, pool(threads));
    expect([...got.keys()].sort()).toEqual(tasks.map(key).sort());
    for (const t of tasks) expect(got.get(key(t))).toEqual(runCell(t));
  });

  it.each([1, 2])('stops and rejects with the error finish throws, on %i thread(s)', async (threads) => {
    let calls = 0;
    const stop = new Error('stop after two');
    await expect(executeCells(tasks, () => {
      if (++calls === 2) throw stop;
    }, pool(threads))).rejects.toBe(stop);
    expect(calls).toBeLessThan(tasks.length);
  });

  it('does not touch the executor for no tasks', async () => {
    await executeCells([], () => {}, { run: () => Promise.reject(new Error('called')) });
  });
});

describe('the worker pool', () => {
  it('ends a task whose thread runs out of heap with a WorkerMemoryError naming the limit, not with a crash', async () => {
    // 4 MiB of old generation is less than loading the modules takes: the thread dies on its first task.
    const small = createPool(1, 'compareWorker', undefined, 4);
    try {
      const run = small.run(tasks[0]);
      await expect(run).rejects.toBeInstanceOf(WorkerMemoryError);
      await expect(run).rejects.toThrow(/ran out of memory: its JavaScript heap is limited to 4 MiB .*FLASHPOINTS_WORKER_HEAP_MIB.*--threads 1/);
    } finally {
      await small.destroy();
    }
  });

  it('takes its limit from FLASHPOINTS_WORKER_HEAP_MIB when that is a whole number of at least 16 MiB', () => {
    expect(workerHeapLimitMib({})).toBe(WORKER_OLD_SPACE_MIB);
    expect(workerHeapLimitMib({ FLASHPOINTS_WORKER_HEAP_MIB: '256' })).toBe(256);
    for (const bad of ['8', '64.5', 'lots', '']) expect(workerHeapLimitMib({ FLASHPOINTS_WORKER_HEAP_MIB: bad })).toBe(WORKER_OLD_SPACE_MIB);
  });

  it('runs Korea cells within the default limits (old and young generation), with runCell\'s results', async () => {
    const p = createPool(1, 'compareWorker');
    try {
      expect(p.options.resourceLimits).toMatchObject({ maxOldGenerationSizeMb: workerHeapLimitMib(), maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MIB });
      for (const t of tasks.slice(0, 2)) expect(await p.run(t)).toEqual(runCell(t));
    } finally {
      await p.destroy();
    }
  });
});
