import { monthlyQuantiles, ScorePool, type CellAggregate } from './cell.js';
import type { DyadSet } from './dyadSets.js';
import type { Future } from './futures.js';
import { OutcomeTable, type CellValueOutcome } from './outcomeTable.js';
import { replicateInterval, weightedMean, weightedSpread } from './statistics.js';
import type { StructuralUncertainty } from './uncertainties.js';

/** What an analysis is about, apart from its cells. */
interface ExperimentFrame {
  policies: { id: string; title: string; description: string }[];
  futures: Future[];
  structural: StructuralUncertainty[];
  horizonMonths: number;
  /** The dyad sets the cells keep (their `group` ones are reported as the split by dyad group). */
  sets?: Pick<DyadSet, 'id' | 'title' | 'group'>[];
}

/** An experiment with every cell in memory (tests, small experiments). */
export interface ExperimentCells extends ExperimentFrame {
  /** cells[policy][future], every cell with the same number of runs. */
  cells: CellAggregate[][];
}

/** Pooled monthly scores of one policy: runs, Σ score per month, the sorted histogram triples (ScorePool.result). */
export type PooledScores = Pick<CellAggregate, 'runs' | 'scoreSum' | 'hist'>;

/**
 * An experiment as `compare` holds it (docs/experiments.md#memory): the outcome table of every cell, and each
 * policy's monthly scores pooled once over all futures and once over the futures with record weight > 0 — so
 * the analysis never needs the cells' histograms, which stay in the store.
 */
export interface ExperimentOutcomes extends ExperimentFrame {
  table: OutcomeTable;
  /** pooled.all[policy], pooled.retained[policy] (the latter: futures whose record weight is > 0; = all without weights). */
  pooled: { all: PooledScores[]; retained: PooledScores[] };
}

const outcomes: CellValueOutcome[] = ['clash', 'war', 'nuclear', 'clashYearsPerDecade', 'escalationScore'];
type Outcome = CellValueOutcome;

/** The in-memory form turned into the streamed one: an outcome table and pooled scores, pooled in future order. */
export function outcomesOfCells(e: ExperimentCells, weights?: readonly number[]): ExperimentOutcomes {
  const { cells, ...frame } = e;
  const setIds = cells[0]?.[0]?.sets.ids ?? [];
  const table = new OutcomeTable(e.policies.length, e.futures.length, setIds);
  const pool = (pi: number, keep: (f: number) => boolean) => {
    const p = new ScorePool(e.horizonMonths);
    cells[pi].forEach((c, f) => {
      if (!keep(f)) return;
      const hist = new Int32Array(3 * c.hist.length);
      c.hist.forEach((h, k) => hist.set(h, 3 * k));
      p.add(c.runs, { scoreSum: Float64Array.from(c.scoreSum), hist });
    });
    return p.result();
  };
  cells.forEach((row, pi) => row.forEach((c, f) => table.set(pi, f, c)));
  const all = e.policies.map((_, pi) => pool(pi, () => true));
  const retained = weights ? e.policies.map((_, pi) => pool(pi, (f) => weights[f] > 0)) : all;
  return { ...frame, table, pooled: { all, retained } };
}

export interface AnalysisOptions {
  seed: number;
  threshold: number;
  /** Record weights of the futures (future order); absent: only the unweighted block is meaningful (all ones). */
  weights?: readonly number[];
}

// Probabilities stay in [0, 1]: the t interval is clamped there (the estimate always is).
const clamp01 = (r: { est: number; lo: number; hi: number }) => ({ p: r.est, lo: Math.max(0, r.lo), hi: Math.min(1, r.hi) });

/**
 * The analysis of a stored comparison (docs/experiments.md), once with the futures' record weights and once with
 * every future counted alike. Per policy: each outcome's (weighted) mean over futures with a 95% interval from the
 * spread between the design's independent replicates (statistics.ts replicateInterval: it counts the sampling of
 * futures as well as the runs within them); the
 * 5–95% spread of the per-future values (the deep uncertainty); paired differences against `status-quo` from the
 * same resamples; the split by dyad group; the split by each structural alternative, saying whether the best
 * policy under it is separated from the runner-up by more than the Monte Carlo error; and robustness — regret
 * against the best policy in each future and the share of futures where P(war) stays at or below `threshold`.
 */
export function analyzeExperiment(input: ExperimentCells | ExperimentOutcomes, options: AnalysisOptions) {
  const e = 'cells' in input ? outcomesOfCells(input, options.weights) : input;
  const H = e.horizonMonths;
  const sq = e.policies.findIndex((p) => p.id === 'status-quo');
  const groups = (e.sets ?? []).map((s, k) => ({ ...s, k })).filter((s) => s.group);
  // Each policy's per-future values, read off the table's columns once: the outcomes, and each dyad-set group's war,
  // nuclear and clash-year values (read as one object a cell, again for every weighting and measure, they made ~20 KiB
  // of garbage a future, which at 10⁵ cells was most of compare's peak memory).
  const perPolicy = e.policies.map((_, pi) => ({
    outcomes: Object.fromEntries(outcomes.map((o) => [o, e.table.outcomeValues(pi, o, H)])) as Record<Outcome, number[]>,
    groups: groups.map((g) => ({
      war: e.table.setPerRun(pi, 'warRuns', g.k),
      nuclear: e.table.setPerRun(pi, 'nuclearRuns', g.k),
      clashYearsPerDecade: e.table.setPerRun(pi, 'clashYearsSum', g.k).map((v) => v * (120 / H)),
    })),
  }));
  const perFuture = perPolicy.map((p) => p.outcomes);
  // Each future's replicate of the design; futures without one (independent draws) are their own.
  const replicateOf = e.futures.map((f, k) => f.replicate ?? k);
  const at = (v: readonly number[], w: readonly number[], subset?: readonly number[]) => replicateInterval(v, w, replicateOf, subset);
  const ones = e.futures.map(() => 1);
  const recordWeights = options.weights ? [...options.weights] : ones;

  const block = (pi: number, w: readonly number[], pooled: PooledScores) => {
    const [q05, q50, q95] = monthlyQuantiles(pooled, H, [0.05, 0.5, 0.95]);
    const versus =
      sq >= 0 && pi !== sq
        ? Object.fromEntries(
            outcomes.map((o) => {
              const d = perFuture[pi][o].map((v, f) => v - perFuture[sq][o][f]);
              const r = at(d, w);
              return [o, { diff: r.est, lo: r.lo, hi: r.hi }];
            }),
          )
        : undefined;
    return {
      outcomes: (() => {
        const mean = (o: Outcome) => {
          const r = at(perFuture[pi][o], w);
          return { mean: r.est, lo: r.lo, hi: r.hi };
        };
        const prob = (o: Outcome) => clamp01(at(perFuture[pi][o], w));
        return { clash: prob('clash'), war: prob('war'), nuclear: prob('nuclear'), clashYearsPerDecade: mean('clashYearsPerDecade'), escalationScore: mean('escalationScore') };
      })(),
      acrossFutures: Object.fromEntries(outcomes.map((o) => [o, weightedSpread(perFuture[pi][o], w)])),
      ...(versus ? { versusStatusQuo: versus } : {}),
      groups: groups.map((g, gi) => {
        const v = perPolicy[pi].groups[gi];
        const cy = at(v.clashYearsPerDecade, w);
        return { id: g.id, title: g.title, war: clamp01(at(v.war, w)), nuclear: clamp01(at(v.nuclear, w)), clashYearsPerDecade: { mean: cy.est, lo: cy.lo, hi: cy.hi } };
      }),
      monthlyScore: { mean: pooled.scoreSum.map((v) => (pooled.runs ? v / pooled.runs : 0)), q05, q50, q95 },
    };
  };

  const byType = (w: readonly number[]) =>
    e.structural.map((u) => ({
      uncertainty: u.id,
      title: u.title,
      alternatives: u.alternatives.map((alt) => {
        const idx = e.futures.filter((f) => f.alternatives[u.id] === alt.id).map((f) => f.index);
        const rows = e.policies.map((p, pi) => {
          const cy = at(perFuture[pi].clashYearsPerDecade, w, idx);
          return { id: p.id, war: clamp01(at(perFuture[pi].war, w, idx)), nuclear: clamp01(at(perFuture[pi].nuclear, w, idx)), clashYearsPerDecade: { mean: cy.est, lo: cy.lo, hi: cy.hi } };
        });
        const order = rows.map((_, k) => k).sort((a, b) => rows[a].war.p - rows[b].war.p);
        const best = order[0], runnerUp = order[1];
        // Separated: the paired difference best − runner-up (same futures, common random numbers) excludes zero.
        const margin = runnerUp === undefined ? { diff: 0, lo: 0, hi: 0 } : (() => {
          const d = perFuture[best].war.map((v, f) => v - perFuture[runnerUp].war[f]);
          const r = at(d, w, idx);
          return { diff: r.est, lo: r.lo, hi: r.hi };
        })();
        const weight = idx.reduce((s, f) => s + w[f], 0);
        return { id: alt.id, title: alt.title, futures: idx.length, weight, policies: rows, best: rows[best]?.id ?? '', runnerUp: rows[runnerUp]?.id ?? '', margin, separated: margin.hi < 0 };
      }),
    }));

  const robustness = (w: readonly number[]) => {
    const war = e.policies.map((_, pi) => perFuture[pi].war);
    const bestIn = e.futures.map((_, f) => Math.min(...war.map((x) => x[f])));
    const robust = e.policies.map((p, pi) => {
      const regrets = war[pi].map((v, f) => v - bestIn[f]);
      return {
        id: p.id,
        meanRegret: weightedMean(regrets, w),
        maxRegret: Math.max(0, ...regrets.filter((_, f) => w[f] > 0)),
        satisficing: weightedMean(war[pi].map((v) => (v <= options.threshold ? 1 : 0)), w),
      };
    });
    const argBest = (key: (r: (typeof robust)[number]) => number) => robust.reduce((a, b) => (key(b) < key(a) ? b : a), robust[0])?.id ?? '';
    return { criterion: 'war' as const, threshold: options.threshold, policies: robust, minimaxRegret: argBest((r) => r.maxRegret), mostSatisficing: argBest((r) => -r.satisficing) };
  };

  const policies = e.policies.map((policy, pi) => ({ id: policy.id, title: policy.title, description: policy.description, weighted: block(pi, recordWeights, e.pooled.retained[pi]), unweighted: block(pi, ones, e.pooled.all[pi]) }));
  return {
    policies,
    byType: { weighted: byType(recordWeights), unweighted: byType(ones) },
    robustness: { weighted: robustness(recordWeights), unweighted: robustness(ones) },
  };
}
