import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExperimentStore, StoreError } from '../../src/engine/experimentStore.js';
import { experimentMeta, sampleCell, tempStores } from './storeFixture.js';

/* The store's digest of an experiment's cells: what the main job's answer cache checks before reusing an answer. */

const tempStore = tempStores('digest-');

const cell = sampleCell;
const meta = experimentMeta;

function storeWith(cells: [string, string, number, number][]): string {
  const file = tempStore();
  const s = ExperimentStore.open(file);
  for (const id of new Set(cells.map((c) => c[0]))) s.begin(meta(id));
  for (const [id, policy, future, war] of cells) s.putCell(id, policy, future, cell(war));
  s.close();
  return file;
}

describe('the store digest', () => {
  it('is the same for the same cells whatever the order they were written in, and for other experiments alongside', () => {
    const a = storeWith([['e1', 'status-quo', 0, 1], ['e1', 'dialogue', 0, 2], ['e1', 'status-quo', 1, 3]]);
    const b = storeWith([['e1', 'status-quo', 1, 3], ['e2', 'grit', 0, 4], ['e1', 'dialogue', 0, 2], ['e1', 'status-quo', 0, 1]]);
    expect(ExperimentStore.digestOf(a, ['e1'])).toBe(ExperimentStore.digestOf(b, ['e1']));
    expect(ExperimentStore.digestOf(b, ['e1', 'e2'])).not.toBe(ExperimentStore.digestOf(b, ['e1']));
    // The read-only digest equals the open store's.
    const s = ExperimentStore.open(b);
    expect(s.digest(['e2', 'e1'])).toBe(ExperimentStore.digestOf(b, ['e1', 'e2']));
    s.close();
  });

  it('changes with a rewritten, missing or extra cell and with the record weights', () => {
    const file = storeWith([['e1', 'status-quo', 0, 1], ['e1', 'dialogue', 0, 2]]);
    const before = ExperimentStore.digestOf(file, ['e1']);
    const s = ExperimentStore.open(file);
    s.putCell('e1', 'dialogue', 0, cell(3));
    const rewritten = s.digest(['e1']);
    s.putCell('e1', 'dialogue', 1, cell(3));
    const extra = s.digest(['e1']);
    s.putWeights('e1', { method: 'none' });
    const weighted = s.digest(['e1']);
    s.close();
    expect(new Set([before, rewritten, extra, weighted]).size).toBe(4);
    const db = new Database(file);
    db.prepare("DELETE FROM cells WHERE policy = 'dialogue' AND future = 1").run();
    db.close();
    expect(ExperimentStore.digestOf(file, ['e1'])).not.toBe(extra);
  });

  it('refuses a cell edited after it was written, and a missing file, as StoreErrors', () => {
    const file = storeWith([['e1', 'status-quo', 0, 1]]);
    const db = new Database(file);
    db.prepare("UPDATE cells SET data = replace(data, '\"warRuns\":1', '\"warRuns\":2')").run();
    db.close();
    expect(() => ExperimentStore.digestOf(file, ['e1'])).toThrow(/cell \(policy 'status-quo', future 0\) of experiment e1… is corrupt: its checksum does not match/);
    expect(() => ExperimentStore.digestOf(join(dirname(file), 'absent.sqlite'), ['e1'])).toThrow(StoreError);
  });
});
