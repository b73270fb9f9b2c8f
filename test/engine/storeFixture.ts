import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CellAggregate } from '../../src/experiment/cell.js';

/*
 * What the store tests share: store files in temporary folders that are removed after each test, a small cell
 * with a chosen number of war runs, and an experiment's metadata.
 */

/** A function giving a new store path in its own temporary folder (prefix `prefix`); call at a file's top level. */
export function tempStores(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return join(dir, 'x.sqlite');
  };
}

/** A cell of 10 runs over 2 actors with `war` war runs. */
export const sampleCell = (war: number): CellAggregate => ({ runs: 10, clashRuns: 5, warRuns: war, nuclearRuns: 0, clashYearsSum: 3, clashYearsSumSq: 5, scoreMeanSum: 1, scoreMeanSumSq: 1, scoreSum: [1, 2], hist: [[1, 0, 10]], dyadClashYears: [0, 2, 1, 0], sets: { ids: [], clashYearsSum: [], clashYearsSumSq: [], warRuns: [], nuclearRuns: [] } });

/** The metadata of experiment `id` on the Korea scenario. */
export const experimentMeta = (id = 'e1') => ({ id, scenarioId: 'korea-2024', scenarioHash: 'abc', seed: 1, options: { runs: 10 }, version: '0.1.0' });
