import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExperimentStore, StoreError } from '../../src/engine/experimentStore.js';
import { cellChecksum, cellProblem } from '../../src/engine/storeIntegrity.js';
import { experimentMeta, sampleCell, tempStores } from './storeFixture.js';

const tempStore = tempStores('integrity-');

const cell = sampleCell;
const meta = experimentMeta();

describe('store integrity', () => {
  it('the checksum is the SHA-256 of the cell JSON (FIPS 180-2 test vector "abc")', () => {
    expect(cellChecksum('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('a cell whose content was edited is refused on read, named by policy and future', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    s.begin(meta);
    s.putCell('e1', 'dialogue', 3, cell(1));
    s.close();
    const db = new Database(file);
    db.prepare("UPDATE cells SET data = replace(data, '\"warRuns\":1', '\"warRuns\":2')").run();
    db.close();
    const t = ExperimentStore.open(file);
    expect(() => t.getCell('e1', 'dialogue', 3)).toThrow(StoreError);
    expect(() => t.getCell('e1', 'dialogue', 3)).toThrow(`${file}: cell (policy 'dialogue', future 3) of experiment e1… is corrupt: its checksum does not match its content`);
    t.close();
  });

  it('shape and counts are checked as well: {} and counts that disagree with the row are problems', () => {
    expect(cellProblem('{}', { runs: 0, warRuns: 0 })).toBe("its 'runs' is not a count");
    expect(cellProblem(JSON.stringify(cell(1)), { runs: 10, warRuns: 1 })).toBeUndefined();
    expect(cellProblem(JSON.stringify(cell(1)), { runs: 10, warRuns: 2 })).toMatch(/disagree/);
    expect(cellProblem(JSON.stringify({ ...cell(1), nuclearRuns: 2 }), { runs: 10, warRuns: 1 })).toBe('it counts more nuclear runs than war runs');
    expect(cellProblem('not json', { runs: 0, warRuns: 0 })).toBe('its content is not JSON');
  });

  it('a store of the earlier layout gains the checksum column; its sound cells stay readable, a broken one is flagged', () => {
    const file = tempStore();
    const db = new Database(file);
    db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE experiments (id TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL, options TEXT NOT NULL, version TEXT NOT NULL, cells_done INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE cells (experiment TEXT NOT NULL, policy TEXT NOT NULL, future INTEGER NOT NULL, runs INTEGER NOT NULL, war_runs INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (experiment, policy, future));`);
    db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?)').run('e1', 'status-quo', 0, 10, 1, JSON.stringify(cell(1)));
    db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?)').run('e1', 'status-quo', 1, 10, 1, '{}');
    db.close();
    const s = ExperimentStore.open(file);
    expect(s.getCell('e1', 'status-quo', 0)).toEqual(cell(1));
    expect(() => s.getCell('e1', 'status-quo', 1)).toThrow(/is corrupt: it has no checksum/);
    const report = s.check({ quarantine: true });
    expect(report).toMatchObject({ integrity: [], cells: 2, quarantined: 1, bad: [{ experiment: 'e1', policy: 'status-quo', future: 1, reason: 'it has no checksum' }] });
    expect(s.storedKeys('e1')).toEqual(new Set(['status-quo|0']));
    expect(s.quarantined()).toEqual([{ experiment: 'e1', policy: 'status-quo', future: 1, reason: 'it has no checksum' }]);
    s.close();
  });

  it("another program's SQLite file is refused and left untouched", () => {
    const file = tempStore();
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expect(() => ExperimentStore.open(file)).toThrow(`${file}: cannot open the store: it is an SQLite file of another program (tables contacts); nothing was written to it`);
    const after = new Database(file);
    expect((after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)).toEqual(['contacts']);
    after.close();
  });

  it('a file that is not SQLite is a StoreError naming it, never a raw SQLite message', () => {
    const file = tempStore();
    const db = new Database(file);
    db.close();
    writeFileSync(file, 'garbage'.repeat(1000));
    expect(() => ExperimentStore.open(file)).toThrow(`${file}: cannot open the store: it is not an SQLite database`);
  });
});
