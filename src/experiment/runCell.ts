import { createWorkspace, runReplication, seedReplication } from '../models/crisis/runCrisis.js';
import { prepareCrisis } from '../models/crisis/prepare.js';
import { applyPolicy } from '../scenario/apply.js';
import type { Scenario } from '../scenario/schema.js';
import type { CellAggregate } from './cell.js';
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
}

/**
 * Runs the replications of one cell with common random numbers: the future's status-quo scenario (sampled values,
 * structural alternatives), the policy applied on top, threat ratios measured against that future's status quo;
 * replication r draws from the streams keyed (seed, future, r) — the same for every policy — so paired differences
 * between policies carry no Monte Carlo noise from unrelated draws.
 */
export function runCell(t: CellTask): CellAggregate {
  const statusQuo = scenarioForFuture(t.scenario, { uncertainties: t.uncertainties as Uncertainty[] }, t.future);
  const prepared = prepareCrisis(t.policy === 'status-quo' ? statusQuo : applyPolicy(statusQuo, t.policy), t.horizonMonths, statusQuo);
  const ws = createWorkspace(prepared);
  const months = t.horizonMonths;
  const cell: CellAggregate = {
    runs: 0, clashRuns: 0, warRuns: 0, nuclearRuns: 0, clashYearsSum: 0, clashYearsSumSq: 0,
    scoreMeanSum: 0, scoreMeanSumSq: 0, scoreSum: new Array<number>(months).fill(0), hist: [],
    dyadClashYears: new Array<number>(prepared.m * prepared.m).fill(0),
  };
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
  hist.forEach((h, m) => {
    for (const score of [...h.keys()].sort((a, b) => a - b)) cell.hist.push([m + 1, score, h.get(score)!]);
  });
  return cell;
}
