import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { packCell, unpackCell, unpackScores, type CellAggregate, type CellOutcome, type CellScores, type PackedCell } from '../experiment/cell.js';
import type { StoredDesign } from '../experiment/experimentsTable.js';
import { decodeDesign, encodeDesign, type DesignRow } from './designCodec.js';
import { cellChecksum, cellProblem, cellText, StoreError, wrapSqliteError, type CellKey } from './storeIntegrity.js';
import { migrateSchema, refuseLaterSchema } from './storeSchema.js';

export { StoreError } from './storeIntegrity.js';
export { STORE_SCHEMA } from './storeSchema.js';

/**
 * The SQLite store of policy-comparison experiments (better-sqlite3, one file). A store belongs to one scenario
 * (its id and hash are recorded on first use); an experiment is identified by everything that determines its
 * results (scenario hash, seed, options, version), and holds one row per (policy, future) cell, written in its own
 * transaction together with the experiment's progress count — so a crash leaves either the whole cell or none.
 * Each cell row carries the SHA-256 of its JSON, verified on every read (storeIntegrity.ts); a cell that fails is
 * a StoreError naming the file and the cell, and `check` / `quarantine` find and set aside such cells.
 *
 * Schema 3 (storeSchema.ts, docs/experiments.md#memory): a cell's counts and sums are its JSON `data`, its monthly
 * scores a packed blob `scores` (cell.ts packScores), so that the outcomes can be read without the histograms; a
 * design's sampled values are chunks of doubles in `design_values` (designCodec.ts). Rows of schemas 1 and 2 (the
 * whole cell as JSON, `scores` NULL; the whole design as JSON, no chunks) stay readable as they are. A file of a later
 * schema is refused with a clear error.
 */

export interface ExperimentMeta {
  id: string;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  options: Record<string, unknown>;
  version: string;
}

/** One cell that failed its check. */
export interface BadCell extends CellKey {
  reason: string;
}

/** What `check` found: SQLite's own integrity check, the cells examined, the bad ones, the quarantined ones. */
export interface StoreCheck {
  file: string;
  integrity: string[];
  cells: number;
  bad: BadCell[];
  quarantined: number;
}

type CellRow = { experiment: string; policy: string; future: number; runs: number; war_runs: number; data: string; checksum: string | null; scores: Uint8Array | null };

export class ExperimentStore {
  // The statements a comparison runs for every cell (three to write one, one to read one), prepared once per
  // connection instead of on every call: 4 × 10⁵ preparations at 10⁵ cells, each a parse and plan in SQLite and a
  // native object that lives until V8 finalizes it.
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  /** The connection's prepared statement of `sql` (not for `iterate`: a statement runs one iteration at a time). */
  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /**
   * Opens (creating when absent, unless `mustExist`) a store file, adding the checksum column and the quarantine
   * table to a store written by an earlier version: its cells are checksummed as they are, once their shape checks.
   */
  static open(file: string, options: { mustExist?: boolean } = {}): ExperimentStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { fileMustExist: options.mustExist ?? false });
      // Another program's database is never written into: it holds tables, none of them ours.
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      if (tables.length && !tables.includes('cells')) {
        throw new StoreError(`${file}: cannot open the store: it is an SQLite file of another program (tables ${tables.slice(0, 5).join(', ')}); nothing was written to it`, file, 'file');
      }
      if (tables.includes('meta')) refuseLaterSchema(db, file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS experiments (
          id TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL,
          options TEXT NOT NULL, version TEXT NOT NULL, cells_done INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS cells (
          experiment TEXT NOT NULL, policy TEXT NOT NULL, future INTEGER NOT NULL,
          runs INTEGER NOT NULL, war_runs INTEGER NOT NULL, data TEXT NOT NULL, checksum TEXT, scores BLOB,
          PRIMARY KEY (experiment, policy, future));
        CREATE TABLE IF NOT EXISTS quarantine (
          experiment TEXT NOT NULL, policy TEXT NOT NULL, future INTEGER NOT NULL,
          runs INTEGER, war_runs INTEGER, data TEXT, checksum TEXT, reason TEXT NOT NULL, scores BLOB);
        CREATE TABLE IF NOT EXISTS weights (experiment TEXT PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS designs (experiment TEXT PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS design_values (experiment TEXT NOT NULL, chunk INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (experiment, chunk));`);
      migrateSchema(db);
      return new ExperimentStore(db, file);
    } catch (err) {
      db?.close();
      throw err instanceof StoreError ? err : wrapSqliteError(err, file, 'open the store');
    }
  }

  /**
   * `digest` of an existing store opened read-only: no migration, no write, nothing to checkpoint on closing.
   * A store of schema 1, another program's file or a missing one is a StoreError (the caller then reads it in full).
   */
  static digestOf(file: string, experiments: readonly string[]): string {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      if (!tables.includes('cells') || !tables.includes('meta')) throw new StoreError(`${file}: not a store of this version`, file, 'file');
      refuseLaterSchema(db, file);
      return new ExperimentStore(db, file).digest(experiments);
    } catch (err) {
      throw err instanceof StoreError ? err : wrapSqliteError(err, file, 'read');
    } finally {
      db?.close();
    }
  }

  /** Runs a statement, wrapping SQLite failures with the file (and the cell) they concern. */
  private guard<T>(doing: string, fn: () => T, cell?: CellKey): T {
    try {
      return fn();
    } catch (err) {
      throw err instanceof StoreError ? err : wrapSqliteError(err, this.file, doing, cell);
    }
  }

  /** The scenario the store belongs to, or null for a new store. */
  scenario(): { id: string; hash: string } | null {
    return this.guard('read', () => {
      const row = (k: string) => (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)?.value;
      const id = row('scenario_id'), hash = row('scenario_hash');
      return id && hash ? { id, hash } : null;
    });
  }

  /** Records the experiment (and, for a new store, its scenario); returns the number of cells already stored. */
  begin(meta: ExperimentMeta): number {
    return this.guard('write', () => {
      this.db.transaction(() => {
        if (!this.scenario()) {
          const put = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
          put.run('scenario_id', meta.scenarioId);
          put.run('scenario_hash', meta.scenarioHash);
        }
        this.db
          .prepare('INSERT OR IGNORE INTO experiments (id, scenario_id, scenario_hash, seed, options, version) VALUES (?, ?, ?, ?, ?, ?)')
          .run(meta.id, meta.scenarioId, meta.scenarioHash, meta.seed, JSON.stringify(meta.options), meta.version);
      })();
      return (this.db.prepare('SELECT COUNT(*) AS n FROM cells WHERE experiment = ?').get(meta.id) as { n: number }).n;
    });
  }

  /** Keys `policy|future` of the cells already stored for an experiment. */
  storedKeys(experiment: string): Set<string> {
    return this.guard('read', () => {
      const rows = this.db.prepare('SELECT policy, future FROM cells WHERE experiment = ?').all(experiment) as { policy: string; future: number }[];
      return new Set(rows.map((r) => `${r.policy}|${r.future}`));
    });
  }

  /** The policies with stored cells in an experiment, sorted (one query: the listing reads no cell keys). */
  storedPolicies(experiment: string): string[] {
    return this.guard('read', () => (this.db.prepare('SELECT DISTINCT policy FROM cells WHERE experiment = ? ORDER BY policy').all(experiment) as { policy: string }[]).map((r) => r.policy));
  }

  /**
   * Writes one cell with its checksum and bumps the experiment's progress, in one transaction. `beforeCommit` runs
   * between the two writes (a test hook: throwing there must leave no trace of the cell).
   */
  putCell(experiment: string, policy: string, future: number, cell: CellAggregate, beforeCommit?: () => void): void {
    this.putPackedCell(experiment, policy, future, packCell(cell), beforeCommit);
  }

  /**
   * `putCell` for a cell already packed (what compare's worker threads return): its outcome as JSON, its monthly
   * scores as a blob. The progress count grows by one for a new cell and stays for a rewritten one — an indexed
   * look-up, not a count of the experiment's rows, so writing n cells costs O(n log n), not O(n²).
   */
  putPackedCell(experiment: string, policy: string, future: number, cell: PackedCell, beforeCommit?: () => void): void {
    const data = JSON.stringify(cell.outcome);
    this.guard(
      'write',
      () =>
        this.db.transaction(() => {
          const existed = this.statement('SELECT 1 FROM cells WHERE experiment = ? AND policy = ? AND future = ?').get(experiment, policy, future) !== undefined;
          this.statement('INSERT OR REPLACE INTO cells (experiment, policy, future, runs, war_runs, data, checksum, scores) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(experiment, policy, future, cell.outcome.runs, cell.outcome.warRuns, data, cellChecksum(data, cell.scores), cell.scores);
          beforeCommit?.();
          if (!existed) this.statement('UPDATE experiments SET cells_done = cells_done + 1 WHERE id = ?').run(experiment);
        })(),
      { experiment, policy, future },
    );
  }

  /** One stored cell, or undefined; a cell that fails its checksum or shape check is a StoreError naming it. */
  getCell(experiment: string, policy: string, future: number): CellAggregate | undefined {
    const row = this.verifiedRow(experiment, policy, future);
    if (!row) return undefined;
    return row.scores ? unpackCell({ outcome: JSON.parse(row.data) as CellOutcome, scores: row.scores }) : (JSON.parse(row.data) as CellAggregate);
  }

  /**
   * One stored cell's outcome — its counts and sums without the monthly scores — or undefined; verified as
   * `getCell` verifies. What resuming and exporting read: memory for the outcome table, not for the histograms.
   */
  getOutcome(experiment: string, policy: string, future: number): CellOutcome | undefined {
    const row = this.verifiedRow(experiment, policy, future);
    return row ? outcomeOf(row) : undefined;
  }

  /**
   * Calls `visit(future, outcome, scores)` for each stored cell of one policy of an experiment, in future order,
   * one row in memory at a time (each verified as `getCell` verifies): how the analysis pools the monthly scores
   * of 10⁵ cells without holding them.
   */
  forEachCell(experiment: string, policy: string, visit: (future: number, outcome: CellOutcome, scores: CellScores) => void): void {
    const rows = this.guard('read', () => this.db.prepare('SELECT * FROM cells WHERE experiment = ? AND policy = ? ORDER BY future').iterate(experiment, policy) as IterableIterator<CellRow>);
    // The statement must be closed whatever happens (a corrupt cell, an error in `visit`): an open one keeps the
    // connection busy for every later query.
    try {
      for (;;) {
        const next = this.guard('read', () => rows.next());
        if (next.done) break;
        this.visitRow(next.value, visit);
      }
    } finally {
      rows.return?.();
    }
  }

  /** Checks one row and hands its outcome and monthly scores (packed, or from a schema-1 row's JSON) to `visit`. */
  private visitRow(row: CellRow, visit: (future: number, outcome: CellOutcome, scores: CellScores) => void): void {
    this.refuseCorrupt(row);
    if (row.scores) {
      visit(row.future, JSON.parse(row.data) as CellOutcome, unpackScores(row.scores));
      return;
    }
    const c = JSON.parse(row.data) as CellAggregate;
    const hist = new Int32Array(3 * c.hist.length);
    c.hist.forEach((h, k) => hist.set(h, 3 * k));
    visit(row.future, outcomeOf(row), { scoreSum: Float64Array.from(c.scoreSum), hist });
  }


  /** The row of a cell, checked (checksum, shape, counts); undefined when absent. */
  private verifiedRow(experiment: string, policy: string, future: number): CellRow | undefined {
    const key = { experiment, policy, future };
    const row = this.guard('read', () => this.statement('SELECT * FROM cells WHERE experiment = ? AND policy = ? AND future = ?').get(experiment, policy, future) as CellRow | undefined, key);
    if (row) this.refuseCorrupt(row);
    return row;
  }

  private refuseCorrupt(row: CellRow): void {
    const problem = rowProblem(row);
    const key = { experiment: row.experiment, policy: row.policy, future: row.future };
    if (problem) throw new StoreError(`${this.file}: ${cellText(key)} is corrupt: ${problem}`, this.file, 'cell', key);
  }

  /** Stores the record weights of an experiment's futures (computed once from its status-quo cells). */
  putWeights(experiment: string, weights: unknown): void {
    this.db.prepare('INSERT OR REPLACE INTO weights (experiment, data) VALUES (?, ?)').run(experiment, JSON.stringify(weights));
  }

  /** The stored record weights of an experiment, or undefined. */
  getWeights(experiment: string): unknown {
    const row = this.db.prepare('SELECT data FROM weights WHERE experiment = ?').get(experiment) as { data: string } | undefined;
    return row ? JSON.parse(row.data) : undefined;
  }

  /**
   * Stores an experiment's design — every future's sampled values and alternatives — once (the experiments table
   * reads it), its values as chunks of doubles (designCodec.ts), all in one transaction.
   */
  putDesign(experiment: string, design: StoredDesign): void {
    // A design is written once and never replaced; a resumed or reused experiment finds it stored, and is spared
    // encoding it again (22 MiB of values at 10⁵ Korea cells, and SQLite's copies).
    const stored = this.guard('read', () => this.db.prepare('SELECT 1 FROM designs WHERE experiment = ?').get(experiment));
    if (stored) return;
    const { data, chunks } = encodeDesign(design);
    this.guard('write', () =>
      this.db.transaction(() => {
        // Another process may have stored it meanwhile: its design stands, with its own chunks.
        if (this.db.prepare('INSERT OR IGNORE INTO designs (experiment, data) VALUES (?, ?)').run(experiment, data).changes === 0) return;
        const put = this.db.prepare('INSERT INTO design_values (experiment, chunk, bytes) VALUES (?, ?, ?)');
        let k = 0;
        for (const c of chunks()) put.run(experiment, k++, Buffer.from(c.buffer, c.byteOffset, c.byteLength));
      })(),
    );
  }

  /**
   * The stored design of an experiment, or undefined (an experiment of an earlier version stored none); a row whose
   * parts disagree is a StoreError naming the file and the experiment.
   */
  getDesign(experiment: string): StoredDesign | undefined {
    const row = this.designRow(experiment);
    if (!row) return undefined;
    try {
      return decodeDesign(row);
    } catch (err) {
      throw new StoreError(`${this.file}: the design of experiment ${experiment.slice(0, 12)}… is corrupt: ${(err as Error).message}`, this.file, 'file');
    }
  }

  /** A design's text and value chunks as stored, or undefined. */
  private designRow(experiment: string): DesignRow | undefined {
    return this.guard('read', () => {
      const head = this.db.prepare('SELECT data FROM designs WHERE experiment = ?').get(experiment) as { data: string } | undefined;
      if (!head) return undefined;
      const chunks = (this.db.prepare('SELECT bytes FROM design_values WHERE experiment = ? ORDER BY chunk').all(experiment) as { bytes: Buffer }[]).map((r) => r.bytes);
      return { data: head.data, chunks };
    });
  }

  /** The experiments of the store in the order they were begun, with their options and progress. */
  experiments(): (ExperimentMeta & { cellsDone: number })[] {
    type Row = { id: string; scenario_id: string; scenario_hash: string; seed: number; options: string; version: string; cells_done: number };
    const rows = this.guard('read', () => this.db.prepare('SELECT * FROM experiments ORDER BY rowid').all() as Row[]);
    return rows.map((r) => ({ id: r.id, scenarioId: r.scenario_id, scenarioHash: r.scenario_hash, seed: r.seed, options: JSON.parse(r.options) as Record<string, unknown>, version: r.version, cellsDone: r.cells_done }));
  }

  /** The experiment's recorded progress (cells written). */
  progress(experiment: string): number {
    return this.guard('read', () => (this.db.prepare('SELECT cells_done AS n FROM experiments WHERE id = ?').get(experiment) as { n: number } | undefined)?.n ?? 0);
  }

  /**
   * A digest of what a result derived from these experiments rests on: each stored cell's key and checksum, and
   * the experiments' record weights and designs. Each row's checksum is recomputed from its content (a cell changed
   * after it was written is the same StoreError a read gives); its shape is not checked again, because a digest is
   * only compared with one taken after a run that read and checked those very bytes. Equal digests mean the same
   * stored cells, so a derived result cached with its digest (the main job's answer, src/cli/commands/mainAnswer.ts)
   * is reused only while the store still holds what it came from.
   */
  digest(experiments: readonly string[]): string {
    const h = createHash('sha256');
    this.guard('read', () => {
      for (const id of [...new Set(experiments)].sort()) {
        h.update(`experiment ${id}\n`);
        const rows = this.db.prepare('SELECT experiment, policy, future, data, checksum, scores FROM cells WHERE experiment = ? ORDER BY policy, future').iterate(id) as IterableIterator<Pick<CellRow, 'experiment' | 'policy' | 'future' | 'data' | 'checksum' | 'scores'>>;
        for (const row of rows) {
          if (row.checksum === null || cellChecksum(row.data, row.scores) !== row.checksum) {
            const key = { experiment: row.experiment, policy: row.policy, future: row.future };
            throw new StoreError(`${this.file}: ${cellText(key)} is corrupt: ${row.checksum === null ? 'it has no checksum' : 'its checksum does not match its content (it was changed after it was written)'}`, this.file, 'cell', key);
          }
          h.update(`${row.policy}|${row.future}|${row.checksum}\n`);
        }
        const weights = this.db.prepare('SELECT data FROM weights WHERE experiment = ?').get(id) as { data: string } | undefined;
        h.update(`weights ${weights ? createHash('sha256').update(weights.data, 'utf8').digest('hex') : '-'}\n`);
        // A design's value chunks are hashed after its text; a design of schema 2 (no chunks) hashes as it did.
        const design = this.designRow(id);
        const designHash = design && createHash('sha256').update(design.data, 'utf8');
        for (const c of design?.chunks ?? []) designHash!.update(c);
        h.update(`designs ${designHash ? designHash.digest('hex') : '-'}\n`);
      }
    });
    return h.digest('hex');
  }

  /**
   * Checks the whole store: SQLite's `quick_check`, then every cell's checksum, shape and counts. With
   * `quarantine`, moves each bad cell into the `quarantine` table (with the reason) in one transaction and
   * updates the progress counts; nothing is deleted, and the next `--resume` recomputes those cells.
   */
  check(options: { quarantine?: boolean } = {}): StoreCheck {
    const integrity = this.guard('check', () => (this.db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok'));
    const bad: BadCell[] = [];
    let cells = 0;
    this.guard('read', () => {
      for (const row of this.db.prepare('SELECT * FROM cells ORDER BY experiment, policy, future').iterate() as IterableIterator<CellRow>) {
        cells++;
        const reason = rowProblem(row);
        if (reason) bad.push({ experiment: row.experiment, policy: row.policy, future: row.future, reason });
      }
    });
    if (options.quarantine && bad.length) {
      this.guard('quarantine cells of', () =>
        this.db.transaction(() => {
          const move = this.db.prepare('INSERT INTO quarantine (experiment, policy, future, runs, war_runs, data, checksum, scores, reason) SELECT experiment, policy, future, runs, war_runs, data, checksum, scores, ? FROM cells WHERE experiment = ? AND policy = ? AND future = ?');
          const drop = this.db.prepare('DELETE FROM cells WHERE experiment = ? AND policy = ? AND future = ?');
          for (const b of bad) {
            move.run(b.reason, b.experiment, b.policy, b.future);
            drop.run(b.experiment, b.policy, b.future);
          }
          this.db.exec('UPDATE experiments SET cells_done = (SELECT COUNT(*) FROM cells WHERE cells.experiment = experiments.id)');
        })(),
      );
    }
    return { file: this.file, integrity, cells, bad, quarantined: options.quarantine ? bad.length : 0 };
  }

  /** Cells set aside by `check({ quarantine: true })`, with their reasons. */
  quarantined(): BadCell[] {
    return this.guard('read', () => this.db.prepare('SELECT experiment, policy, future, reason FROM quarantine ORDER BY rowid').all() as BadCell[]);
  }

  close(): void {
    try {
      this.db.close();
    } catch {
      /* closing a damaged file may fail; nothing is left to flush */
    }
  }
}

/** The checksum first (any edit), then shape and counts (a cell of an earlier version, or a bug). */
function rowProblem(row: CellRow): string | undefined {
  if (row.checksum === null) return 'it has no checksum';
  if (cellChecksum(row.data, row.scores) !== row.checksum) return 'its checksum does not match its content (it was changed after it was written)';
  return cellProblem(row.data, { runs: row.runs, warRuns: row.war_runs }, row.scores);
}

/** A checked row's outcome: its JSON, less the monthly scores a row of schema 1 carries in it. */
function outcomeOf(row: CellRow): CellOutcome {
  const c = JSON.parse(row.data) as CellAggregate;
  if (row.scores) return c;
  const { scoreSum: _s, hist: _h, ...outcome } = c;
  return outcome;
}
