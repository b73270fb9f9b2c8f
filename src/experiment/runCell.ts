import { createWorkspace, runReplication, seedReplication } from '../models/crisis/runCrisis.js';
import { prepareCrisis } from '../models/crisis/prepare.js';
import { applyPolicy } from '../scenario/apply.js';
import type { Scenario } from '../scenario/schema.js';
import { emptyCell, packScores, unpackCell, type CellAggregate, type PackedCell } from './cell.js';
import type { DyadSet } from './dyadSets.js';
import { scenarioForFuture, type Future } from './futures.js';
import type { Uncertainty } from './uncertainties.js';

/** One (policy, future) cell of a comparison: plain data, so it crosses to a worker thread. */
export interface CellTask {
  scenario: Scenario;
  uncertainties: Pick<Uncertainty, 'location'>[];
  future: Future;
  policy: string;
  seed: number;
  runs: number;
  horizonMonths: number;
  /** Dyad sets whose clash-years and wars the cell keeps apart (dyadSets.ts); none when absent. */
  sets?: Pick<DyadSet, 'id' | 'dyads'>[];
}

/**
 * Runs the replications of one cell with common random numbers: the future's status-quo scenario (sampled values,
 * structural alternatives), the policy applied on top, threat ratios measured against that future's status quo;
 * replication r draws from the streams keyed (seed, future, r) — the same for every policy — so paired differences
 * between policies carry no Monte Carlo noise from unrelated draws.
 */
export function runCell(t: CellTask): CellAggregate {
  return unpackCell(runCellPacked(t));
}

/**
 * The future's status-quo scenario, kept for the next cell: a thread of `compare` runs a future's policies in turn
 * on the same shared scenario, and each would otherwise write the same values into it again. Reused only when the
 * base scenario and the uncertainties are the same objects and the future's values and alternatives are equal;
 * scenarios are never changed in place (withValuesAt copies on write), so the kept one is the one recomputed.
 */
function statusQuoOf(t: CellTask): Scenario {
  const k = lastStatusQuo;
  if (k && k.base === t.scenario && k.uncertainties === t.uncertainties && sameFuture(k.future, t.future)) return k.scenario;
  const scenario = scenarioForFuture(t.scenario, { uncertainties: t.uncertainties as Uncertainty[] }, t.future);
  lastStatusQuo = { base: t.scenario, uncertainties: t.uncertainties, future: { values: [...t.future.values], alternatives: { ...t.future.alternatives } }, scenario };
  return scenario;
}
let lastStatusQuo: { base: Scenario; uncertainties: CellTask['uncertainties']; future: Pick<Future, 'values' | 'alternatives'>; scenario: Scenario } | undefined;

function sameFuture(a: Pick<Future, 'values' | 'alternatives'>, b: Pick<Future, 'values' | 'alternatives'>): boolean {
  if (a.values.length !== b.values.length || !a.values.every((v, k) => Object.is(v, b.values[k]))) return false;
  const ka = Object.keys(a.alternatives), kb = Object.keys(b.alternatives);
  return ka.length === kb.length && ka.every((u) => a.alternatives[u] === b.alternatives[u]);
}

/**
 * `runCell` with its result packed for the store (cell.ts PackedCell): the same numbers, the monthly scores in
 * one byte buffer instead of thousands of small arrays — what `compare`'s worker threads return.
 */
export function runCellPacked(t: CellTask): PackedCell {
  const statusQuo = statusQuoOf(t);
  const prepared = prepareCrisis(t.policy === 'status-quo' ? statusQuo : applyPolicy(statusQuo, t.policy), t.horizonMonths, statusQuo);
  const ws = createWorkspace(prepared);
  const months = t.horizonMonths;
  const sets = t.sets ?? [];
  const cell = emptyCell(months, prepared.m * prepared.m, sets.map((x) => x.id));
  const mm = prepared.m * prepared.m, years = prepared.years;
  const member = sets.map((x) => {
    const in_ = new Uint8Array(mm);
    for (const d of x.dyads) in_[d] = 1;
    return in_;
  });
  const hist: Map<number, number>[] = Array.from({ length: months }, () => new Map());
  for (let r = 0; r < t.runs; r++) {
    seedReplication(ws, t.seed, t.future.index, r);
    const rec = runReplication(prepared, ws);
    cell.runs++;
    if (rec.clashes > 0) cell.clashRuns++;
    if (rec.warMonth > 0) cell.warRuns++;
    if (rec.nuclearMonth > 0) cell.nuclearRuns++;
    cell.clashYearsSum += rec.clashYears;
    cell.clashYearsSumSq += rec.clashYears * rec.clashYears;
    for (let d = 0; d < rec.dyadClashYears.length; d++) cell.dyadClashYears[d] += rec.dyadClashYears[d];
    for (let k = 0; k < sets.length; k++) {
      let n = 0;
      for (let y = 0; y < years; y++) {
        for (const d of sets[k].dyads) if (rec.clashYearFlags[d * years + y] === 1) { n++; break; }
      }
      cell.sets.clashYearsSum[k] += n;
      cell.sets.clashYearsSumSq[k] += n * n;
      if (rec.warDyad >= 0 && member[k][rec.warDyad] === 1) {
        cell.sets.warRuns[k]++;
        if (rec.nuclearMonth > 0) cell.sets.nuclearRuns[k]++;
      }
    }
    let total = 0;
    for (let m = 0; m < months; m++) {
      const s = rec.score[m];
      total += s;
      cell.scoreSum[m] += s;
      const key = Math.round(s);
      hist[m].set(key, (hist[m].get(key) ?? 0) + 1);
    }
    const mean = total / months;
    cell.scoreMeanSum += mean;
    cell.scoreMeanSumSq += mean * mean;
  }
  if (t.policy === 'status-quo') cell.arms = prepared.armsStocks;
  let triples = 0;
  for (const h of hist) triples += h.size;
  const flat = new Int32Array(3 * triples);
  let at = 0;
  hist.forEach((h, m) => {
    for (const score of [...h.keys()].sort((a, b) => a - b)) {
      flat[at++] = m + 1;
      flat[at++] = score;
      flat[at++] = h.get(score)!;
    }
  });
  const { scoreSum, hist: _h, ...outcome } = cell;
  return { outcome, scores: packScores({ scoreSum: Float64Array.from(scoreSum), hist: flat }) };
}
