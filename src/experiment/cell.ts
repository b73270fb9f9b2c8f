/**
 * What an experiment keeps of one (policy, future) cell: integer counts and sums over its replications, small
 * enough for one SQLite row, mergeable across cells in any order (DESIGN.md §3.5). `hist` is the sparse
 * histogram of the rounded monthly escalation score: [month (1-based), score, count] triples sorted by month then
 * score, so quantiles pooled over cells are exact.
 */
export interface CellAggregate {
  runs: number;
  clashRuns: number;
  warRuns: number;
  nuclearRuns: number;
  /** Σ and Σ² over runs of the number of calendar years with at least one clash within the horizon. */
  clashYearsSum: number;
  clashYearsSumSq: number;
  /** Σ and Σ² over runs of the run's mean monthly escalation score. */
  scoreMeanSum: number;
  scoreMeanSumSq: number;
  /** Σ over runs of the escalation score, per month. */
  scoreSum: number[];
  hist: [number, number, number][];
  /** Σ over runs of the clash-years of each ordered dyad [i·m + j] (actors in scenario order). */
  dyadClashYears: number[];
  /**
   * Per dyad set (dyadSets.ts, in the task's order): Σ and Σ² over runs of the set's clash-years (calendar years
   * with a clash in any of its dyads), and the runs whose (first) war — and nuclear use — began in one of its dyads.
   */
  sets: { ids: string[]; clashYearsSum: number[]; clashYearsSumSq: number[]; warRuns: number[]; nuclearRuns: number[] };
  /** Status-quo cells only: the future's arms stocks at whole years of the horizon (the record's trends read them). */
  arms?: { labels: string[]; atYear: number[][] };
}

/** An empty cell for `months` months, `dyads` ordered dyads and the given dyad sets. */
export function emptyCell(months: number, dyads: number, setIds: readonly string[]): CellAggregate {
  const zeros = () => new Array<number>(setIds.length).fill(0);
  return {
    runs: 0, clashRuns: 0, warRuns: 0, nuclearRuns: 0, clashYearsSum: 0, clashYearsSumSq: 0, scoreMeanSum: 0, scoreMeanSumSq: 0,
    scoreSum: new Array<number>(months).fill(0), hist: [], dyadClashYears: new Array<number>(dyads).fill(0),
    sets: { ids: [...setIds], clashYearsSum: zeros(), clashYearsSumSq: zeros(), warRuns: zeros(), nuclearRuns: zeros() },
  };
}

/** Pools cells (e.g. the futures of one policy) into one. */
export function poolCells(cells: readonly CellAggregate[], months: number): CellAggregate {
  const dyads = cells[0]?.dyadClashYears.length ?? 0;
  const out = emptyCell(months, dyads, cells[0]?.sets.ids ?? []);
  const hist = new Map<number, Map<number, number>>();
  for (const c of cells) {
    out.runs += c.runs;
    out.clashRuns += c.clashRuns;
    out.warRuns += c.warRuns;
    out.nuclearRuns += c.nuclearRuns;
    out.clashYearsSum += c.clashYearsSum;
    out.clashYearsSumSq += c.clashYearsSumSq;
    out.scoreMeanSum += c.scoreMeanSum;
    out.scoreMeanSumSq += c.scoreMeanSumSq;
    c.scoreSum.forEach((v, t) => (out.scoreSum[t] += v));
    c.dyadClashYears.forEach((v, d) => (out.dyadClashYears[d] += v));
    for (let k = 0; k < out.sets.ids.length; k++) {
      out.sets.clashYearsSum[k] += c.sets.clashYearsSum[k];
      out.sets.clashYearsSumSq[k] += c.sets.clashYearsSumSq[k];
      out.sets.warRuns[k] += c.sets.warRuns[k];
      out.sets.nuclearRuns[k] += c.sets.nuclearRuns[k];
    }
    for (const [month, score, count] of c.hist) {
      const row = hist.get(month) ?? hist.set(month, new Map()).get(month)!;
      row.set(score, (row.get(score) ?? 0) + count);
    }
  }
  for (const month of [...hist.keys()].sort((a, b) => a - b)) {
    const row = hist.get(month)!;
    for (const score of [...row.keys()].sort((a, b) => a - b)) out.hist.push([month, score, row.get(score)!]);
  }
  return out;
}

/**
 * Per-month quantiles of the pooled score histogram: the smallest score whose cumulative share reaches q
 * (docs/conventions.md), exact and independent of merge order.
 */
export function monthlyQuantiles(c: Pick<CellAggregate, 'hist'>, months: number, qs: readonly number[]): number[][] {
  const out = qs.map(() => new Array<number>(months).fill(0));
  let i = 0;
  for (let month = 1; month <= months; month++) {
    const start = i;
    while (i < c.hist.length && c.hist[i][0] === month) i++;
    let total = 0;
    for (let k = start; k < i; k++) total += c.hist[k][2];
    qs.forEach((q, qi) => {
      let acc = 0;
      for (let k = start; k < i; k++) {
        acc += c.hist[k][2];
        if (acc >= q * total - 1e-9 * total) {
          out[qi][month - 1] = c.hist[k][1];
          break;
        }
      }
    });
  }
  return out;
}

/**
 * The outcome part of a cell: its counts and sums without the per-month score (`scoreSum`, `hist`) — what the
 * analysis reads per (policy, future), a few hundred bytes. The monthly scores travel and are stored apart, in
 * typed arrays (`CellScores`), and are only ever pooled.
 */
export type CellOutcome = Omit<CellAggregate, 'scoreSum' | 'hist'>;

/**
 * A cell as it crosses threads and enters the store (docs/experiments.md#memory): its outcome, and its monthly
 * scores packed by `packScores` into one byte buffer (a single copy between threads, one SQLite blob).
 */
export interface PackedCell {
  outcome: CellOutcome;
  scores: Uint8Array;
}

/** A cell's monthly scores in typed arrays: Σ score per month, and the histogram as flat (month, score, count) triples. */
export interface CellScores {
  scoreSum: Float64Array;
  /** [month (1-based), score, count] × n, sorted by month then score, as in `CellAggregate.hist`. */
  hist: Int32Array;
}

// Layout of a packed score buffer (little-endian): Int32 months, Int32 triples, Float64 scoreSum[months], then each
// histogram triple as three unsigned LEB128 varints — the month's step from the previous triple's, the score's
// zigzag step from the previous score of the same month (from 0 at a new month), the count — about 3–4 bytes a
// triple instead of JSON's ~10 or Int32's 12.
const SCORE_HEADER = 8;

/** Packs monthly scores into one byte buffer (the layout `unpackScores` reads). */
export function packScores(s: CellScores): Uint8Array {
  const months = s.scoreSum.length, triples = s.hist.length / 3;
  const bytes: number[] = [];
  const varint = (v: number) => {
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  };
  let month = 0, score = 0;
  for (let k = 0; k < s.hist.length; k += 3) {
    if (s.hist[k] !== month) score = 0;
    varint(s.hist[k] - month);
    const step = s.hist[k + 1] - score;
    varint(step >= 0 ? 2 * step : -2 * step - 1);
    varint(s.hist[k + 2]);
    month = s.hist[k];
    score = s.hist[k + 1];
  }
  const at = SCORE_HEADER + 8 * months;
  const out = new Uint8Array(at + bytes.length);
  const view = new DataView(out.buffer);
  view.setInt32(0, months, true);
  view.setInt32(4, triples, true);
  for (let t = 0; t < months; t++) view.setFloat64(SCORE_HEADER + 8 * t, s.scoreSum[t], true);
  out.set(bytes, at);
  return out;
}

/**
 * Reads a buffer written by `packScores`; throws on a buffer that does not decode to exactly its header's
 * triples (a damaged blob). `bytes` may be a view into a larger buffer (a Node Buffer from SQLite).
 */
export function unpackScores(bytes: Uint8Array): CellScores {
  if (bytes.byteLength < SCORE_HEADER) throw new Error('the score buffer is shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const months = view.getInt32(0, true), triples = view.getInt32(4, true);
  if (months < 0 || triples < 0 || bytes.byteLength < SCORE_HEADER + 8 * months + 3 * triples) throw new Error('the score buffer is too short for its header');
  const scoreSum = new Float64Array(months), hist = new Int32Array(3 * triples);
  for (let t = 0; t < months; t++) scoreSum[t] = view.getFloat64(SCORE_HEADER + 8 * t, true);
  let at = SCORE_HEADER + 8 * months;
  const varint = () => {
    let v = 0, scale = 1, b;
    do {
      if (at >= bytes.byteLength) throw new Error('the score buffer ends inside a number');
      b = bytes[at++];
      v += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return v;
  };
  let month = 0, score = 0;
  for (let k = 0; k < hist.length; k += 3) {
    const dm = varint();
    if (dm > 0) score = 0;
    month += dm;
    const z = varint();
    score += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    hist[k] = month;
    hist[k + 1] = score;
    hist[k + 2] = varint();
  }
  if (at !== bytes.byteLength) throw new Error('the score buffer has bytes after its last triple');
  return { scoreSum, hist };
}

/** Splits a cell into its outcome and its packed scores (the inverse of `unpackCell`). */
export function packCell(c: CellAggregate): PackedCell {
  const { scoreSum, hist, ...outcome } = c;
  const flat = new Int32Array(3 * hist.length);
  hist.forEach((h, k) => flat.set(h, 3 * k));
  return { outcome, scores: packScores({ scoreSum: Float64Array.from(scoreSum), hist: flat }) };
}

/** The plain cell again, its keys in `emptyCell`'s order. */
export function unpackCell(p: { outcome: CellOutcome; scores: Uint8Array | CellScores }): CellAggregate {
  const s = p.scores instanceof Uint8Array ? unpackScores(p.scores) : p.scores;
  const hist: [number, number, number][] = [];
  for (let k = 0; k < s.hist.length; k += 3) hist.push([s.hist[k], s.hist[k + 1], s.hist[k + 2]]);
  const { runs, clashRuns, warRuns, nuclearRuns, clashYearsSum, clashYearsSumSq, scoreMeanSum, scoreMeanSumSq, dyadClashYears, sets, ...rest } = p.outcome;
  return { runs, clashRuns, warRuns, nuclearRuns, clashYearsSum, clashYearsSumSq, scoreMeanSum, scoreMeanSumSq, scoreSum: Array.from(s.scoreSum), hist, dyadClashYears, sets, ...rest };
}

/**
 * Pools the monthly scores of cells added one at a time, in the order they are added: the same sums, in the
 * same order, as `poolCells` over the same cells, holding one histogram per month whatever the number of cells.
 * Example: `const p = new ScorePool(120); p.add(runs, scores); p.result().hist`.
 */
export class ScorePool {
  runs = 0;
  private readonly scoreSum: number[];
  private readonly counts = new Map<number, Map<number, number>>();

  constructor(readonly months: number) {
    this.scoreSum = new Array<number>(months).fill(0);
  }

  /** Adds one cell's runs and monthly scores. */
  add(runs: number, s: CellScores): void {
    this.runs += runs;
    for (let t = 0; t < s.scoreSum.length; t++) this.scoreSum[t] += s.scoreSum[t];
    for (let k = 0; k < s.hist.length; k += 3) {
      const month = s.hist[k], score = s.hist[k + 1];
      const row = this.counts.get(month) ?? this.counts.set(month, new Map()).get(month)!;
      row.set(score, (row.get(score) ?? 0) + s.hist[k + 2]);
    }
  }

  /** The pooled runs, Σ score per month and sorted histogram triples (what `monthlyQuantiles` reads). */
  result(): Pick<CellAggregate, 'runs' | 'scoreSum' | 'hist'> {
    const hist: [number, number, number][] = [];
    for (const month of [...this.counts.keys()].sort((a, b) => a - b)) {
      const row = this.counts.get(month)!;
      for (const score of [...row.keys()].sort((a, b) => a - b)) hist.push([month, score, row.get(score)!]);
    }
    return { runs: this.runs, scoreSum: [...this.scoreSum], hist };
  }
}
