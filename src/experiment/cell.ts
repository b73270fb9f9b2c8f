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
}

/** Pools cells (e.g. the futures of one policy) into one. */
export function poolCells(cells: readonly CellAggregate[], months: number): CellAggregate {
  const dyads = cells[0]?.dyadClashYears.length ?? 0;
  const out: CellAggregate = { runs: 0, clashRuns: 0, warRuns: 0, nuclearRuns: 0, clashYearsSum: 0, clashYearsSumSq: 0, scoreMeanSum: 0, scoreMeanSumSq: 0, scoreSum: new Array(months).fill(0), hist: [], dyadClashYears: new Array(dyads).fill(0) };
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
