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
export function monthlyQuantiles(c: CellAggregate, months: number, qs: readonly number[]): number[][] {
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
