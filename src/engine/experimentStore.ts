import Database from 'better-sqlite3';
import type { CellAggregate } from '../experiment/cell.js';

/**
 * The SQLite store of policy-comparison experiments (better-sqlite3, one file). A store belongs to one scenario
 * (its id and hash are recorded on first use); an experiment is identified by everything that determines its
 * results (scenario hash, seed, options, version), and holds one row per (policy, future) cell, written in its own
 * transaction together with the experiment's progress count — so a crash leaves either the whole cell or none.
 */
export interface ExperimentMeta {
  id: string;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  options: Record<string, unknown>;
  version: string;
}

export class ExperimentStore {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  /** Opens (creating when absent) a store file. */
  static open(file: string): ExperimentStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS experiments (
        id TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL,
        options TEXT NOT NULL, version TEXT NOT NULL, cells_done INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS cells (
        experiment TEXT NOT NULL, policy TEXT NOT NULL, future INTEGER NOT NULL,
        runs INTEGER NOT NULL, war_runs INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (experiment, policy, future));
      CREATE TABLE IF NOT EXISTS weights (experiment TEXT PRIMARY KEY, data TEXT NOT NULL);`);
    return new ExperimentStore(db, file);
  }

  /** The scenario the store belongs to, or null for a new store. */
  scenario(): { id: string; hash: string } | null {
    const row = (k: string) => (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)?.value;
    const id = row('scenario_id'), hash = row('scenario_hash');
    return id && hash ? { id, hash } : null;
  }

  /** Records the experiment (and, for a new store, its scenario); returns the number of cells already stored. */
  begin(meta: ExperimentMeta): number {
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
  }

  /** Keys `policy|future` of the cells already stored for an experiment. */
  storedKeys(experiment: string): Set<string> {
    const rows = this.db.prepare('SELECT policy, future FROM cells WHERE experiment = ?').all(experiment) as { policy: string; future: number }[];
    return new Set(rows.map((r) => `${r.policy}|${r.future}`));
  }

  /**
   * Writes one cell and bumps the experiment's progress, in one transaction. `beforeCommit` runs between the two
   * writes (a test hook: throwing there must leave no trace of the cell).
   */
  putCell(experiment: string, policy: string, future: number, cell: CellAggregate, beforeCommit?: () => void): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR REPLACE INTO cells (experiment, policy, future, runs, war_runs, data) VALUES (?, ?, ?, ?, ?, ?)')
        .run(experiment, policy, future, cell.runs, cell.warRuns, JSON.stringify(cell));
      beforeCommit?.();
      this.db.prepare('UPDATE experiments SET cells_done = (SELECT COUNT(*) FROM cells WHERE experiment = ?) WHERE id = ?').run(experiment, experiment);
    })();
  }

  /** One stored cell, or undefined. */
  getCell(experiment: string, policy: string, future: number): CellAggregate | undefined {
    const row = this.db.prepare('SELECT data FROM cells WHERE experiment = ? AND policy = ? AND future = ?').get(experiment, policy, future) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as CellAggregate) : undefined;
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

  /** The experiment's recorded progress (cells written). */
  progress(experiment: string): number {
    return (this.db.prepare('SELECT cells_done AS n FROM experiments WHERE id = ?').get(experiment) as { n: number } | undefined)?.n ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
