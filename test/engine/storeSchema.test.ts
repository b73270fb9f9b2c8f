import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExperimentStore, STORE_SCHEMA, StoreError } from '../../src/engine/experimentStore.js';
import { emptyCell, type CellAggregate } from '../../src/experiment/cell.js';
import { experimentMeta, tempStores } from './storeFixture.js';

const tempStore = tempStores('schema-');

const meta = experimentMeta();
const cell = (future: number): CellAggregate => ({
  ...emptyCell(3, 4, ['g']),
  runs: 10, clashRuns: 4, warRuns: future % 3, scoreSum: [10 * future, 2, 0.5],
  hist: [[1, future, 10], [2, -2, 4], [2, 60, 6], [3, 0, 10]], dyadClashYears: [0, 1, 1, 0],
});

describe('the store, schemas 2 and 3', () => {
  it('records its schema and keeps the monthly scores apart from the outcome', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    s.begin(meta);
    s.putCell('e1', 'status-quo', 0, cell(0));
    s.close();
    const db = new Database(file, { readonly: true });
    expect((db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string }).value).toBe(String(STORE_SCHEMA));
    const row = db.prepare('SELECT data, scores FROM cells').get() as { data: string; scores: Buffer };
    db.close();
    expect(JSON.parse(row.data)).not.toHaveProperty('hist');
    expect(row.scores.length).toBeGreaterThan(8 + 3 * 8);
  });

  it('counts progress once per cell, however often a cell is rewritten', () => {
    const s = ExperimentStore.open(tempStore());
    s.begin(meta);
    for (let f = 0; f < 5; f++) s.putCell('e1', 'status-quo', f, cell(f));
    s.putCell('e1', 'status-quo', 2, cell(2));
    s.putCell('e1', 'status-quo', 2, cell(2));
    expect(s.progress('e1')).toBe(5);
    expect(s.begin(meta)).toBe(5);
    s.close();
  });

  it('reads the outcome alone, and streams a policy’s cells in future order with their scores', () => {
    const s = ExperimentStore.open(tempStore());
    s.begin(meta);
    for (const f of [3, 0, 2, 1]) s.putCell('e1', 'dialogue', f, cell(f));
    s.putCell('e1', 'status-quo', 0, cell(9));
    const { scoreSum: _s, hist: _h, ...outcome } = cell(2);
    expect(s.getOutcome('e1', 'dialogue', 2)).toEqual(outcome);
    expect(s.getCell('e1', 'dialogue', 2)).toEqual(cell(2));
    const seen: number[] = [];
    s.forEachCell('e1', 'dialogue', (future, o, scores) => {
      seen.push(future);
      expect(o.warRuns).toBe(future % 3);
      expect(Array.from(scores.scoreSum)).toEqual(cell(future).scoreSum);
      expect(Array.from(scores.hist)).toEqual(cell(future).hist.flat());
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    s.close();
  });

  it('refuses a cell whose score blob was edited, on every read path, and `check` finds it', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    s.begin(meta);
    s.putCell('e1', 'dialogue', 0, cell(0));
    s.putCell('e1', 'dialogue', 1, cell(1));
    s.close();
    const db = new Database(file);
    const { scores } = db.prepare('SELECT scores FROM cells WHERE future = 1').get() as { scores: Buffer };
    scores[scores.length - 1] ^= 1;
    db.prepare('UPDATE cells SET scores = ? WHERE future = 1').run(scores);
    db.close();
    const t = ExperimentStore.open(file);
    expect(() => t.getCell('e1', 'dialogue', 1)).toThrow(/future 1\) of experiment e1… is corrupt: its checksum does not match/);
    expect(() => t.getOutcome('e1', 'dialogue', 1)).toThrow(StoreError);
    expect(() => t.forEachCell('e1', 'dialogue', () => {})).toThrow(/future 1\)/);
    expect(t.check()).toMatchObject({ cells: 2, bad: [{ future: 1 }] });
    t.close();
  });

  it('refuses a store of a later schema, naming both schemas, and writes nothing to it', () => {
    const file = tempStore();
    ExperimentStore.open(file).close();
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '4' WHERE key = 'schema'").run();
    db.close();
    expect(() => ExperimentStore.open(file)).toThrow(`${file}: cannot open the store: it was written by a later Flashpoints (store schema 4; this version reads schema 3 and earlier); nothing was written to it`);
    const after = new Database(file, { readonly: true });
    expect((after.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string }).value).toBe('4');
    after.close();
  });

  it('a schema-1 store (whole cells as JSON) gains the column, and its cells read as outcome and as scores', () => {
    const file = tempStore();
    const db = new Database(file);
    db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE experiments (id TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL, options TEXT NOT NULL, version TEXT NOT NULL, cells_done INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE cells (experiment TEXT NOT NULL, policy TEXT NOT NULL, future INTEGER NOT NULL, runs INTEGER NOT NULL, war_runs INTEGER NOT NULL, data TEXT NOT NULL, checksum TEXT, PRIMARY KEY (experiment, policy, future));`);
    const data = JSON.stringify(cell(1));
    const sha = createHash('sha256').update(data).digest('hex');
    db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?)').run('e1', 'status-quo', 1, 10, 1, data, sha);
    db.close();
    const s = ExperimentStore.open(file);
    expect(s.getCell('e1', 'status-quo', 1)).toEqual(cell(1));
    expect(s.getOutcome('e1', 'status-quo', 1)).not.toHaveProperty('hist');
    let hist: number[] = [];
    s.forEachCell('e1', 'status-quo', (_f, _o, scores) => (hist = Array.from(scores.hist)));
    expect(hist).toEqual(cell(1).hist.flat());
    s.close();
  });
});
