import { describe, expect, it } from 'vitest';
import { ExperimentStore } from '../../src/engine/experimentStore.js';
import { experimentMeta, sampleCell, tempStores } from './storeFixture.js';

const tempStore = tempStores('store-');

const cell = sampleCell;
const meta = experimentMeta();

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
