/**
 * What every importer returns: typed rows, the rows it skipped (line and reason, never silently), and notes on
 * units and conversions. Rows are flat objects whose keys are `columns`, so one writer serves every format.
 */
import { formatCsv } from './csvRows.js';

/** A cell of an imported row; `null` is a missing value (written as an empty CSV field). */
export type Cell = string | number | null;
export type FlatRow = Record<string, Cell>;

/** A row the importer did not use: 1-based `line` in the input (0 when no line applies) and why. */
export interface Skipped {
  line: number;
  reason: string;
}

export interface ImportResult<T extends FlatRow> {
  /** Importer name: `sipri`, `cow-nmc`, `cow-mid`, `atop`, `cns`, `events`. */
  kind: string;
  /** Output columns, in order; every row has exactly these keys. */
  columns: string[];
  rows: T[];
  skipped: Skipped[];
  /** Units after import, conversions applied, markers counted — what a user must know to read the rows. */
  notes: string[];
}

/** A fault that makes a whole file unreadable (bad syntax, a required column missing). */
export interface FormatIssue {
  line: number;
  col: number;
  message: string;
}

/** Thrown by importers when the file as a whole cannot be read; the CLI prints `file:line:col: message`, exit 2. */
export class DataFormatError extends Error {
  constructor(readonly issues: FormatIssue[]) {
    super(issues.map((i) => `${i.line}:${i.col}: ${i.message}`).join('\n'));
    this.name = 'DataFormatError';
  }
}

/** Longest skipped-row reason kept, in characters; longer ones (a reason quoting a huge field) are cut. */
export const REASON_MAX_CHARS = 200;

/**
 * A reason cut to REASON_MAX_CHARS, saying how long it was. Example: `shortReason('bad date: \'' + 'x'.repeat(1e7) + "'")`
 * → `bad date: 'xxx…` followed by `… (10000011 characters)`.
 */
export function shortReason(reason: string): string {
  return reason.length <= REASON_MAX_CHARS ? reason : `${reason.slice(0, REASON_MAX_CHARS - 30)}… (${reason.length} characters)`;
}

/** Throws a DataFormatError with one issue. */
export function formatError(line: number, col: number, message: string): never {
  throw new DataFormatError([{ line, col, message }]);
}

/** Writes an import result as CSV: a header of `columns`, then one line per row; `null` becomes an empty field. */
export function resultToCsv<T extends FlatRow>(result: Pick<ImportResult<T>, 'columns' | 'rows'>): string {
  const cells = result.rows.map((r) => result.columns.map((c) => cellText(r[c] ?? null)));
  return formatCsv([result.columns, ...cells]);
}

function cellText(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`internal error: non-finite value ${v} in an imported row`);
    return String(v);
  }
  return v;
}

/** Counts skipped rows by reason, dropping the per-row detail after the first `:`, for short summaries. */
export function skippedByReason(skipped: readonly Skipped[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skipped) {
    const key = s.reason.split(':')[0];
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
