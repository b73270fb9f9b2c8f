import { createHash } from 'node:crypto';
import { unpackScores } from '../experiment/cell.js';

/**
 * Integrity of the experiment store (docs/experiments.md#the-store): each cell row carries the SHA-256 of its JSON
 * text, verified whenever the cell is read; a cell whose checksum, shape or counts do not hold is corrupt. Every
 * SQLite failure is wrapped in a StoreError that names the file (and the cell), so no raw SQLite message
 * ("database disk image is malformed") reaches the user without its context.
 */

/** Where a store problem lies: the whole file, or one (experiment, policy, future) cell. */
export interface CellKey {
  experiment: string;
  policy: string;
  future: number;
}

/** A store that cannot be used as it is: a damaged or foreign file, or a corrupt cell. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly kind: 'file' | 'cell',
    readonly cell?: CellKey,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * SHA-256 (lowercase hex) of a cell's stored content: its JSON text, followed — in a cell of store schema 2 — by
 * the bytes of its packed monthly scores (cell.ts packScores).
 */
export function cellChecksum(data: string, scores?: Uint8Array | null): string {
  const h = createHash('sha256').update(data, 'utf8');
  if (scores) h.update(scores);
  return h.digest('hex');
}

/** `cell (policy 'dialogue', future 3) of experiment 1a2b3c4d…` */
export function cellText(k: CellKey): string {
  return `cell (policy '${k.policy}', future ${k.future}) of experiment ${k.experiment.slice(0, 12)}…`;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isFiniteArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * What is wrong with a stored cell's content, or undefined when it is a well-formed CellAggregate whose counts
 * agree with the row's `runs` and `war_runs` columns. Checks shape and consistency, not the simulation itself.
 */
export function cellProblem(data: string, columns: { runs: number; warRuns: number }, scores?: Uint8Array | null): string | undefined {
  let c: Record<string, unknown>;
  try {
    c = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return 'its content is not JSON';
  }
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return 'its content is not an object';
  for (const k of ['runs', 'clashRuns', 'warRuns', 'nuclearRuns']) if (!isCount(c[k])) return `its '${k}' is not a count`;
  for (const k of ['clashYearsSum', 'clashYearsSumSq', 'scoreMeanSum', 'scoreMeanSumSq']) if (typeof c[k] !== 'number' || !Number.isFinite(c[k])) return `its '${k}' is not a finite number`;
  if (scores) {
    // Schema 2: the monthly scores are the packed blob, not part of the JSON.
    const problem = scoresProblem(scores);
    if (problem) return problem;
    if (!isFiniteArray(c.dyadClashYears)) return "its 'dyadClashYears' is not a list of finite numbers";
  } else {
    for (const k of ['scoreSum', 'dyadClashYears']) if (!isFiniteArray(c[k])) return `its '${k}' is not a list of finite numbers`;
    if (!Array.isArray(c.hist) || !c.hist.every((h) => isFiniteArray(h) && h.length === 3)) return "its 'hist' is not a list of [month, score, count] triples";
  }
  const runs = c.runs as number;
  for (const k of ['clashRuns', 'warRuns', 'nuclearRuns']) if ((c[k] as number) > runs) return `its '${k}' exceeds its runs`;
  if ((c.nuclearRuns as number) > (c.warRuns as number)) return 'it counts more nuclear runs than war runs';
  if (runs !== columns.runs || c.warRuns !== columns.warRuns) return 'its counts disagree with the row\'s runs and war_runs columns';
  return undefined;
}

/** A SQLite error, wrapped with the file and a plain-language reason. */
export function wrapSqliteError(err: unknown, file: string, doing: string, cell?: CellKey): StoreError {
  const code = (err as { code?: string }).code ?? '';
  const raw = err instanceof Error ? err.message : String(err);
  const reason =
    code === 'SQLITE_NOTADB' ? 'it is not an SQLite database'
    : code === 'SQLITE_CORRUPT' ? 'the SQLite file is damaged (truncated or overwritten)'
    : code === 'SQLITE_CANTOPEN' ? 'it cannot be opened (a directory, or a folder without write permission?)'
    : code === 'SQLITE_READONLY' ? 'it is read-only'
    : code === 'SQLITE_FULL' ? 'the disk is full'
    : code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? 'another process holds it locked'
    : /no such (table|column)/.test(raw) ? 'it is an SQLite file of another program (its tables differ)'
    : `SQLite: ${raw}`;
  return new StoreError(`${file}: cannot ${doing}${cell ? ` ${cellText(cell)}` : ''}: ${reason}`, file, cell ? 'cell' : 'file', cell);
}

/** What is wrong with a packed score blob (cell.ts packScores), or undefined: its length, finite sums, months in range, counts ≥ 0. */
function scoresProblem(bytes: Uint8Array): string | undefined {
  let s;
  try {
    s = unpackScores(bytes);
  } catch (err) {
    return `its monthly scores are damaged (${(err as Error).message})`;
  }
  if (!s.scoreSum.every(Number.isFinite)) return 'its monthly score sums are not finite';
  for (let k = 0; k < s.hist.length; k += 3) {
    if (s.hist[k] < 1 || s.hist[k] > s.scoreSum.length || s.hist[k + 2] < 0) return 'its score histogram has a month out of range or a negative count';
  }
  return undefined;
}
