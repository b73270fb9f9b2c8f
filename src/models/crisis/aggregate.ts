import type { PreparedCrisis } from './prepare.js';
import type { RunRecord } from './runCrisis.js';

/**
 * The across-run summary of crisis replications in constant memory (DESIGN.md §3.2, §3.6): integer counts only,
 * so merging aggregates in any order gives the same numbers, and quantiles come exactly from per-month histograms
 * of the (integer-rounded) escalation score.
 */
export interface CrisisAggregate {
  runs: number;
  months: number;
  m: number;
  K: number;
  /** Histogram of the rounded monthly score: [(t−1)·bins + (score − scoreMin)]. */
  scoreMin: number;
  bins: number;
  hist: Uint32Array;
  /** Sum of exact monthly scores per month (integers with integer weights). */
  scoreSum: Float64Array;
  clashRuns: number;
  warRuns: number;
  nuclearRuns: number;
  /** Runs with k calendar years holding a clash, k = 0 … years. */
  clashYearsHist: Float64Array;
  /** Totals over runs: actions per dyad and category, clash-years per dyad, launches. */
  actions: Float64Array;
  dyadClashYears: Float64Array;
  launches: number;
  /** Runs whose first war / nuclear use fell in month t ([t − 1]). */
  warMonthHist: Float64Array;
  nuclearMonthHist: Float64Array;
}

/** An empty aggregate for a prepared parameter set. */
export function createAggregate(p: PreparedCrisis): CrisisAggregate {
  const mm = p.m * p.m, K = p.weights.length, pairs = p.m * (p.m - 1);
  let wMin = Infinity, wMax = -Infinity;
  for (const w of p.weights) [wMin, wMax] = [Math.min(wMin, w), Math.max(wMax, w)];
  const scoreMin = Math.floor(pairs * wMin), bins = Math.ceil(pairs * wMax) - scoreMin + 1;
  return {
    runs: 0, months: p.months, m: p.m, K, scoreMin, bins,
    hist: new Uint32Array(p.months * bins), scoreSum: new Float64Array(p.months),
    clashRuns: 0, warRuns: 0, nuclearRuns: 0, clashYearsHist: new Float64Array(p.years + 1),
    actions: new Float64Array(mm * K), dyadClashYears: new Float64Array(mm), launches: 0,
    warMonthHist: new Float64Array(p.months), nuclearMonthHist: new Float64Array(p.months),
  };
}

/** Adds one run's record. */
export function addRun(agg: CrisisAggregate, r: RunRecord): void {
  agg.runs++;
  const { bins, scoreMin, hist, scoreSum } = agg;
  for (let t = 0; t < agg.months; t++) {
    const s = r.score[t];
    scoreSum[t] += s;
    hist[t * bins + (Math.round(s) - scoreMin)]++;
  }
  if (r.clashes > 0) agg.clashRuns++;
  if (r.warMonth > 0) {
    agg.warRuns++;
    agg.warMonthHist[r.warMonth - 1]++;
  }
  if (r.nuclearMonth > 0) {
    agg.nuclearRuns++;
    agg.nuclearMonthHist[r.nuclearMonth - 1]++;
  }
  agg.clashYearsHist[r.clashYears]++;
  for (let k = 0; k < agg.actions.length; k++) agg.actions[k] += r.actions[k];
  for (let d = 0; d < agg.dyadClashYears.length; d++) agg.dyadClashYears[d] += r.dyadClashYears[d];
  agg.launches += r.launches;
}

/** Adds `b` into `a` (same prepared shape). Integer counts: the result does not depend on merge order. */
export function mergeAggregate(a: CrisisAggregate, b: CrisisAggregate): void {
  if (a.months !== b.months || a.bins !== b.bins || a.m !== b.m || a.K !== b.K) throw new Error('cannot merge aggregates of different shapes');
  a.runs += b.runs;
  a.clashRuns += b.clashRuns;
  a.warRuns += b.warRuns;
  a.nuclearRuns += b.nuclearRuns;
  a.launches += b.launches;
  for (let k = 0; k < a.hist.length; k++) a.hist[k] += b.hist[k];
  const pairs: [Float64Array, Float64Array][] = [
    [a.scoreSum, b.scoreSum], [a.clashYearsHist, b.clashYearsHist], [a.actions, b.actions],
    [a.dyadClashYears, b.dyadClashYears], [a.warMonthHist, b.warMonthHist], [a.nuclearMonthHist, b.nuclearMonthHist],
  ];
  for (const [x, y] of pairs) for (let k = 0; k < x.length; k++) x[k] += y[k];
}

/** Exact quantile from one month's histogram: the smallest score whose cumulative share reaches q = percent/100. */
export function histogramQuantile(agg: CrisisAggregate, month: number, percent: number): number {
  const base = (month - 1) * agg.bins;
  let cum = 0;
  for (let b = 0; b < agg.bins; b++) {
    cum += agg.hist[base + b];
    if (cum * 100 >= percent * agg.runs) return agg.scoreMin + b;
  }
  return agg.scoreMin + agg.bins - 1;
}

/**
 * The aggregate with each month's histogram cut to its non-zero span, for sending between threads: the dense
 * histogram is mostly zeros. `expandAggregate` restores it.
 */
export function compactAggregate(agg: CrisisAggregate): CrisisAggregate & { spans?: Int32Array } {
  const spans = new Int32Array(2 * agg.months);
  let total = 0;
  for (let t = 0; t < agg.months; t++) {
    let lo = 0, hi = -1;
    for (let b = 0; b < agg.bins; b++) if (agg.hist[t * agg.bins + b] > 0) { if (hi < 0) lo = b; hi = b; }
    spans[2 * t] = lo;
    spans[2 * t + 1] = hi;
    total += hi - lo + 1;
  }
  const data = new Uint32Array(total);
  let at = 0;
  for (let t = 0; t < agg.months; t++) {
    const lo = spans[2 * t], n = spans[2 * t + 1] - lo + 1;
    data.set(agg.hist.subarray(t * agg.bins + lo, t * agg.bins + lo + n), at);
    at += n;
  }
  return { ...agg, hist: data, spans };
}

/** Inverse of `compactAggregate`. */
export function expandAggregate(c: CrisisAggregate & { spans?: Int32Array }): CrisisAggregate {
  if (!c.spans) return c;
  const hist = new Uint32Array(c.months * c.bins);
  let at = 0;
  for (let t = 0; t < c.months; t++) {
    const lo = c.spans[2 * t], n = c.spans[2 * t + 1] - lo + 1;
    hist.set(c.hist.subarray(at, at + n), t * c.bins + lo);
    at += n;
  }
  const { spans: _s, ...rest } = c;
  return { ...rest, hist };
}
