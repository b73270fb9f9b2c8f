import type { CellOutcome } from './cell.js';

/** The scalar fields of a cell the analysis and the experiments table read, one typed array each. */
const FIELDS = ['runs', 'clashRuns', 'warRuns', 'nuclearRuns', 'clashYearsSum', 'clashYearsSumSq', 'scoreMeanSum', 'scoreMeanSumSq'] as const;
type Field = (typeof FIELDS)[number];
const SET_FIELDS = ['clashYearsSum', 'clashYearsSumSq', 'warRuns', 'nuclearRuns'] as const;
type SetField = (typeof SET_FIELDS)[number];

/** One cell's scalars as the table gives them back: the outcome fields the analysis reads, the sets by index. */
export type CellScalars = Pick<CellOutcome, Field> & { sets: Pick<CellOutcome['sets'], 'ids' | SetField> };

/** The outcomes the analysis reads off one cell (the comparison's names; sensitivity maps its own onto them). */
export type CellValueOutcome = 'clash' | 'war' | 'nuclear' | 'clashYearsPerDecade' | 'escalationScore';

/**
 * The value of an outcome in one cell: a probability over the horizon, clash-years per decade (scaled by
 * 120 / horizon so horizons compare), or the mean monthly escalation score. An empty cell is 0.
 * Example: `cellValue({ runs: 8, clashRuns: 4, warRuns: 2, nuclearRuns: 1, clashYearsSum: 6, scoreMeanSum: 20 }, 'clashYearsPerDecade', 24)` → 3.75.
 */
export function cellValue(c: Pick<CellScalars, 'runs' | 'clashRuns' | 'warRuns' | 'nuclearRuns' | 'clashYearsSum' | 'scoreMeanSum'>, o: CellValueOutcome, horizonMonths: number): number {
  if (c.runs === 0) return 0;
  switch (o) {
    case 'clash':
      return c.clashRuns / c.runs;
    case 'war':
      return c.warRuns / c.runs;
    case 'nuclear':
      return c.nuclearRuns / c.runs;
    case 'clashYearsPerDecade':
      return (c.clashYearsSum / c.runs) * (120 / horizonMonths);
    case 'escalationScore':
      return c.scoreMeanSum / c.runs;
  }
}

/**
 * The outcome table of an experiment (docs/experiments.md#memory): every (policy, future) cell's counts and sums —
 * runs, clash/war/nuclear runs, Σ and Σ² of clash-years and of the mean score, and per dyad set its clash-years
 * and war/nuclear runs — in Float64Arrays indexed [policy · futures + future]. About (8 + 4 × sets) × 8 bytes a
 * cell (≈ 0.3 KiB for Korea's sets), whatever the horizon or the number of runs: the histograms never enter it.
 * Example: `const t = new OutcomeTable(6, 1000, ['peninsula']); t.set(0, 3, cell); t.get(0, 3).warRuns`.
 */
export class OutcomeTable {
  private readonly columns: Record<Field, Float64Array>;
  private readonly setColumns: Record<SetField, Float64Array>;
  private readonly filled: Uint8Array;

  constructor(
    readonly policies: number,
    readonly futures: number,
    readonly setIds: readonly string[],
  ) {
    const n = policies * futures;
    this.columns = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(n)])) as Record<Field, Float64Array>;
    this.setColumns = Object.fromEntries(SET_FIELDS.map((f) => [f, new Float64Array(n * setIds.length)])) as Record<SetField, Float64Array>;
    this.filled = new Uint8Array(n);
  }

  /** Records cell (policy index, future index); its dyad sets must be the table's, in order. */
  set(policy: number, future: number, c: CellScalars): void {
    const at = policy * this.futures + future, k = this.setIds.length;
    if (c.sets.ids.length !== k || c.sets.ids.some((id, i) => id !== this.setIds[i])) throw new Error(`the cell's dyad sets (${c.sets.ids.join(', ')}) are not the experiment's (${this.setIds.join(', ')})`);
    for (const f of FIELDS) this.columns[f][at] = c[f];
    for (const f of SET_FIELDS) for (let s = 0; s < k; s++) this.setColumns[f][at * k + s] = c.sets[f][s];
    this.filled[at] = 1;
  }

  /** Whether cell (policy, future) has been recorded. */
  has(policy: number, future: number): boolean {
    return this.filled[policy * this.futures + future] === 1;
  }

  /** Cell (policy, future)'s scalars (a fresh small object). */
  get(policy: number, future: number): CellScalars {
    const at = policy * this.futures + future, k = this.setIds.length;
    const one = (f: Field) => this.columns[f][at];
    const many = (f: SetField) => Array.from(this.setColumns[f].subarray(at * k, at * k + k));
    return {
      runs: one('runs'), clashRuns: one('clashRuns'), warRuns: one('warRuns'), nuclearRuns: one('nuclearRuns'),
      clashYearsSum: one('clashYearsSum'), clashYearsSumSq: one('clashYearsSumSq'), scoreMeanSum: one('scoreMeanSum'), scoreMeanSumSq: one('scoreMeanSumSq'),
      sets: { ids: [...this.setIds], clashYearsSum: many('clashYearsSum'), clashYearsSumSq: many('clashYearsSumSq'), warRuns: many('warRuns'), nuclearRuns: many('nuclearRuns') },
    };
  }

  /**
   * One outcome of a policy in every future, in future order: `cellValue` of each cell, read off the columns
   * through one scratch cell instead of a fresh object a cell (at 10⁵ cells those objects were ~60 MiB of the
   * analysis's peak).
   */
  outcomeValues(policy: number, o: CellValueOutcome, horizonMonths: number): number[] {
    const c = this.columns, base = policy * this.futures, out = new Array<number>(this.futures);
    const cell = { runs: 0, clashRuns: 0, warRuns: 0, nuclearRuns: 0, clashYearsSum: 0, scoreMeanSum: 0 };
    for (let f = 0; f < this.futures; f++) {
      const at = base + f;
      cell.runs = c.runs[at];
      cell.clashRuns = c.clashRuns[at];
      cell.warRuns = c.warRuns[at];
      cell.nuclearRuns = c.nuclearRuns[at];
      cell.clashYearsSum = c.clashYearsSum[at];
      cell.scoreMeanSum = c.scoreMeanSum[at];
      out[f] = cellValue(cell, o, horizonMonths);
    }
    return out;
  }

  /** A dyad set's field (by the set's index) per run, for a policy in every future: `sets[field][set] / runs`. */
  setPerRun(policy: number, field: Exclude<SetField, 'clashYearsSumSq'>, set: number): number[] {
    const k = this.setIds.length, base = policy * this.futures, out = new Array<number>(this.futures);
    for (let f = 0; f < this.futures; f++) out[f] = this.setColumns[field][(base + f) * k + set] / this.columns.runs[base + f];
    return out;
  }

  /** The bytes the table holds. */
  get byteLength(): number {
    return Object.values(this.columns).reduce((n, a) => n + a.byteLength, 0) + Object.values(this.setColumns).reduce((n, a) => n + a.byteLength, 0) + this.filled.byteLength;
  }
}
