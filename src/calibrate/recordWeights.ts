import type { CellAggregate } from '../experiment/cell.js';
import type { ScenarioRecord } from '../scenario/record.js';
import type { Scenario } from '../scenario/schema.js';
import { FutureContext, targetFit, type TargetFit } from './record/implausibility.js';

/** One future's standing against the record. */
export interface FutureWeight {
  index: number;
  /** 1: not ruled out; 0: ruled out (history matching gives no finer weights). */
  weight: number;
  /** The deciding implausibility (the kth largest over targets), and the target with the largest. */
  implausibility: number;
  worst: string;
  fits: TargetFit[];
  /** The implausibilities, largest first (the rule grid reads the kth of them). */
  ranked: number[];
}

/** The weights of an experiment's futures: method, cut-off, effective sample size and each future's fit. */
export interface RecordWeights {
  method: 'history-matching';
  cutoff: number;
  /** Which largest implausibility decides (1: every target must pass). */
  kth: number;
  futures: number;
  /** Futures not ruled out; for 0/1 weights this is also Kish's effective sample size (Σw)²/Σw². */
  ess: number;
  /** ess / futures. */
  share: number;
  /** Per target: how many futures it alone rules out, and the observed value. */
  targets: { id: string; title: string; observed: number; source: string; rulesOut: number }[];
  /** Futures kept under other rules: cut-offs 2.5, 3, 3.5 × the largest, second and third largest implausibility. */
  rules: { cutoff: number; kth: number; kept: number }[];
  /** Said when fewer than a fifth of the futures remain (or none: the weighted figures then fall back to all). */
  warning?: string;
  perFuture: FutureWeight[];
}

/**
 * History matching of an experiment's futures (Craig, Goldstein, Seheult & Smith 1997; Vernon, Goldstein & Bower
 * 2010; docs/calibration.md#record): each future's status quo — its sampled parameters, its structural
 * alternatives, its status-quo cell of crisis runs — is measured against every target of the scenario's record,
 * and a future whose largest implausibility exceeds the cut-off is ruled out (weight 0); the rest keep weight 1.
 * Computed once per experiment from the status-quo cells, reused for every policy. `futureScenario(k)` gives the
 * status-quo scenario of future k. Deterministic in (record, futures, cells): no random draws.
 */
export function recordWeights(
  record: ScenarioRecord,
  futures: readonly { index: number }[],
  futureScenario: (index: number) => Scenario,
  statusQuo: (index: number) => CellAggregate,
  horizonMonths: number,
): RecordWeights {
  const perFuture = futures.map((f): FutureWeight => {
    const ctx = new FutureContext(futureScenario(f.index), statusQuo(f.index));
    const fits = record.targets.map((t) => targetFit(t, ctx, undefined, horizonMonths));
    const ranked = [...fits].sort((a, b) => b.implausibility - a.implausibility);
    const decisive = ranked[Math.min(record.kth ?? 1, ranked.length) - 1];
    return { index: f.index, weight: decisive.implausibility <= record.cutoff ? 1 : 0, implausibility: decisive.implausibility, worst: ranked[0].id, fits, ranked: ranked.map((x) => x.implausibility) };
  });
  const ess = perFuture.reduce((a, f) => a + f.weight, 0);
  const share = futures.length ? ess / futures.length : 0;
  const targets = record.targets.map((t, k) => ({
    id: t.id,
    title: t.title,
    observed: t.kind === 'noWar' ? 0 : t.observed,
    source: t.source,
    rulesOut: perFuture.filter((f) => f.fits[k].implausibility > record.cutoff).length,
  }));
  let warning: string | undefined;
  if (ess === 0) warning = `the record rules out every one of the ${futures.length} futures; the "weighted" figures fall back to all futures — the model or its ranges cannot reproduce the record`;
  else if (share < 0.2) warning = `only ${ess} of ${futures.length} futures (${(100 * share).toFixed(0)}%) are consistent with the record: the weighted figures rest on few futures (raise --futures)`;
  // How the kept share moves with the rule: the futures kept at each cut-off for the largest, second and third
  // largest implausibility (what a reader needs to judge how much the weighting rests on one choice).
  const grid = [2.5, 3, 3.5].flatMap((cutoff) => [1, 2, 3].map((kth) => ({ cutoff, kth, kept: perFuture.filter((f) => f.ranked[Math.min(kth, f.ranked.length) - 1] <= cutoff).length })));
  return { method: 'history-matching', cutoff: record.cutoff, kth: record.kth ?? 1, futures: futures.length, ess, share, targets, rules: grid, ...(warning ? { warning } : {}), perFuture };
}

/** The weight vector in future order; all ones when nothing was retained (the documented fall-back). */
export function weightVector(w: Pick<RecordWeights, 'ess'> & { perFuture: readonly { weight: number }[] }): number[] {
  return w.ess > 0 ? w.perFuture.map((f) => f.weight) : w.perFuture.map(() => 1);
}
