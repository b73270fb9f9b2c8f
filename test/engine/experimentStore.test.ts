import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentStore } from '../../src/engine/experimentStore.js';
import type { CellAggregate } from '../../src/experiment/cell.js';

const dirs: string[] = [];
const tempStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  dirs.push(dir);
  return join(dir, 'x.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const cell = (war: number): CellAggregate => ({ runs: 10, clashRuns: 5, warRuns: war, nuclearRuns: 0, clashYearsSum: 3, clashYearsSumSq: 5, scoreMeanSum: 1, scoreMeanSumSq: 1, scoreSum: [1, 2], hist: [[1, 0, 10]], dyadClashYears: [0, 2, 1, 0], sets: { ids: [], clashYearsSum: [], clashYearsSumSq: [], warRuns: [], nuclearRuns: [] } });
const meta = { id: 'e1', scenarioId: 'korea-2024', scenarioHash: 'abc', seed: 1, options: { runs: 10 }, version: '0.1.0' };

describe('ExperimentStore', () => {
  it('records the scenario, writes cells and reads them back after reopening', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    expect(s.scenario()).toBeNull();
    expect(s.begin(meta)).toBe(0);
    s.putCell('e1', 'status-quo', 0, cell(1));
    s.putCell('e1', 'dialogue', 0, cell(2));
    s.close();
    const t = ExperimentStore.open(file);
    expect(t.scenario()).toEqual({ id: 'korea-2024', hash: 'abc' });
    expect(t.begin(meta)).toBe(2);
    expect(t.storedKeys('e1')).toEqual(new Set(['status-quo|0', 'dialogue|0']));
    expect(t.getCell('e1', 'dialogue', 0)).toEqual(cell(2));
    expect(t.progress('e1')).toBe(2);
    t.close();
  });

  it('survives a crash mid-transaction: no partial cell, progress unchanged, earlier cells kept', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    s.begin(meta);
    s.putCell('e1', 'status-quo', 0, cell(1));
    expect(() =>
      s.putCell('e1', 'status-quo', 1, cell(3), () => {
        throw new Error('simulated crash between the cell row and the progress update');
      }),
    ).toThrow(/simulated crash/);
    expect(s.getCell('e1', 'status-quo', 1)).toBeUndefined();
    expect(s.progress('e1')).toBe(1);
    s.close();
    const t = ExperimentStore.open(file);
    expect(t.storedKeys('e1')).toEqual(new Set(['status-quo|0']));
    t.close();
  });

  it('lists the policies with stored cells of one experiment, each once and sorted', () => {
    const s = ExperimentStore.open(tempStore());
    s.begin(meta);
    s.begin({ ...meta, id: 'e2' });
    expect(s.storedPolicies('e1')).toEqual([]);
    s.putCell('e1', 'status-quo', 0, cell(1));
    s.putCell('e1', 'dialogue', 0, cell(1));
    s.putCell('e1', 'status-quo', 1, cell(2));
    s.putCell('e2', 'asian-nato', 0, cell(1));
    expect(s.storedPolicies('e1')).toEqual(['dialogue', 'status-quo']);
    expect(s.storedPolicies('e2')).toEqual(['asian-nato']);
    s.close();
  });
});
