import type Database from 'better-sqlite3';
import { cellChecksum, cellProblem, StoreError } from './storeIntegrity.js';

/**
 * The store's schema and how a file of an earlier one is brought up to it (experimentStore.ts). Each step adds
 * columns and leaves the rows as they are; each kind of row stays readable in the form it was written in:
 *   1  whole cells as JSON
 *   2  a cell's monthly scores as a packed blob `cells.scores` beside its outcome's JSON
 *   3  a design's sampled values as chunks of doubles in the table `design_values` beside its JSON (designCodec.ts;
 *      the table is created with the others, so the step records the schema only)
 */
export const STORE_SCHEMA = 3;

/** Refuses a store written by a later version (a schema this one cannot read), before anything is written to it. */
export function refuseLaterSchema(db: Database.Database, file: string): void {
  const schema = Number((db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value ?? 1);
  if (schema > STORE_SCHEMA) {
    throw new StoreError(`${file}: cannot open the store: it was written by a later Flashpoints (store schema ${schema}; this version reads schema ${STORE_SCHEMA} and earlier); nothing was written to it`, file, 'file');
  }
}

/**
 * Brings a store of schema 1 or 2 to schema 3: adds the `scores` blob column to `cells` and `quarantine` where it is
 * missing, and records the schema.
 */
export function migrateSchema(db: Database.Database): void {
  migrateChecksums(db);
  db.transaction(() => {
    for (const table of ['cells', 'quarantine']) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      if (!columns.includes('scores')) db.exec(`ALTER TABLE ${table} ADD COLUMN scores BLOB`);
    }
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(String(STORE_SCHEMA));
  })();
}

/** Adds `cells.checksum` to a store of an earlier version and checksums its well-formed cells as they are. */
function migrateChecksums(db: Database.Database): void {
  const columns = (db.prepare('PRAGMA table_info(cells)').all() as { name: string }[]).map((c) => c.name);
  if (columns.includes('checksum')) return;
  db.transaction(() => {
    db.exec('ALTER TABLE cells ADD COLUMN checksum TEXT');
    const set = db.prepare('UPDATE cells SET checksum = ? WHERE rowid = ?');
    const rows = db.prepare('SELECT rowid AS id, runs, war_runs, data FROM cells').all() as { id: number; runs: number; war_runs: number; data: string }[];
    for (const r of rows) if (!cellProblem(r.data, { runs: r.runs, warRuns: r.war_runs })) set.run(cellChecksum(r.data), r.id);
  })();
}
