import { streamFor } from '../math/rng/index.js';
import { monthlyQuantiles, poolCells, type CellAggregate } from './cell.js';
import type { Future } from './futures.js';
import { clusterBootstrapDiff, meanFromSums, spread, wilsonInterval } from './statistics.js';
import type { StructuralUncertainty } from './uncertainties.js';

export interface ExperimentCells {
  policies: { id: string; title: string; description: string }[];
  futures: Future[];
  structural: StructuralUncertainty[];
  horizonMonths: number;
  /** cells[policy][future], every cell with the same number of runs. */
  cells: CellAggregate[][];
}

type Outcome = 'clash' | 'war' | 'nuclear' | 'clashYearsPerDecade' | 'escalationScore';
const outcomes: Outcome[] = ['clash', 'war', 'nuclear', 'clashYearsPerDecade', 'escalationScore'];

/** The value of an outcome in one cell: a probability, or a per-run mean. */
function cellValue(c: CellAggregate, o: Outcome, horizonMonths: number): number {
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
 * The analysis of DESIGN.md §3.5 from the stored cells: per policy the outcomes pooled over futures with their
 * Monte Carlo error (Wilson intervals, normal intervals of means), *separately* the 5–95% spread of the per-future
 * values across futures; paired differences against `status-quo` with a cluster bootstrap over futures; the split
 * by each structural alternative; and robustness — regret against the best policy in each future and the share of
 * futures where P(war) stays at or below `threshold`. `seed` seeds the bootstrap.
 */
export function analyzeExperiment(e: ExperimentCells, options: { seed: number; threshold: number; resamples?: number }) {
  const H = e.horizonMonths;
  const sq = e.policies.findIndex((p) => p.id === 'status-quo');
  const perFuture = (pi: number, o: Outcome) => e.cells[pi].map((c) => cellValue(c, o, H));
  const policies = e.policies.map((policy, pi) => {
    const pooled = poolCells(e.cells[pi], H);
    const n = pooled.runs;
    const [q05, q50, q95] = monthlyQuantiles(pooled, H, [0.05, 0.5, 0.95]);
    const result = {
      id: policy.id,
      title: policy.title,
      description: policy.description,
      outcomes: {
        clash: wilsonInterval(pooled.clashRuns, n),
        war: wilsonInterval(pooled.warRuns, n),
        nuclear: wilsonInterval(pooled.nuclearRuns, n),
        clashYearsPerDecade: meanFromSums(pooled.clashYearsSum, pooled.clashYearsSumSq, n, 120 / H),
        escalationScore: meanFromSums(pooled.scoreMeanSum, pooled.scoreMeanSumSq, n),
      },
      acrossFutures: Object.fromEntries(outcomes.map((o) => [o, spread(perFuture(pi, o))])) as Record<Outcome, ReturnType<typeof spread>>,
      versusStatusQuo: undefined as Record<Outcome, { diff: number; lo: number; hi: number }> | undefined,
      monthlyScore: { mean: pooled.scoreSum.map((v) => (n ? v / n : 0)), q05, q50, q95 },
    };
    if (sq >= 0 && pi !== sq) {
      result.versusStatusQuo = Object.fromEntries(
        outcomes.map((o, oi) => [o, clusterBootstrapDiff(perFuture(pi, o), perFuture(sq, o), streamFor(options.seed, 2 ** 41, pi, oi), options.resamples)]),
      ) as Record<Outcome, { diff: number; lo: number; hi: number }>;
    }
    return result;
  });

  const byType = e.structural.map((u) => ({
    uncertainty: u.id,
    title: u.title,
    alternatives: u.alternatives.map((alt) => {
      const idx = e.futures.filter((f) => f.alternatives[u.id] === alt.id).map((f) => f.index);
      const rows = e.policies.map((p, pi) => {
        const pooled = poolCells(idx.map((k) => e.cells[pi][k]), H);
        return {
          id: p.id,
          war: wilsonInterval(pooled.warRuns, pooled.runs),
          nuclear: wilsonInterval(pooled.nuclearRuns, pooled.runs),
          clashYearsPerDecade: meanFromSums(pooled.clashYearsSum, pooled.clashYearsSumSq, pooled.runs, 120 / H),
        };
      });
      const best = rows.reduce((a, b) => (b.war.p < a.war.p ? b : a), rows[0]);
      return { id: alt.id, title: alt.title, futures: idx.length, policies: rows, best: best?.id ?? '' };
    }),
  }));

  const war = e.policies.map((_, pi) => perFuture(pi, 'war'));
  const bestIn = e.futures.map((_, f) => Math.min(...war.map((w) => w[f])));
  const robust = e.policies.map((p, pi) => {
    const regrets = war[pi].map((v, f) => v - bestIn[f]);
    return {
      id: p.id,
      meanRegret: regrets.reduce((a, b) => a + b, 0) / Math.max(1, regrets.length),
      maxRegret: Math.max(0, ...regrets),
      satisficing: war[pi].filter((v) => v <= options.threshold).length / Math.max(1, war[pi].length),
    };
  });
  const argBest = (key: (r: (typeof robust)[number]) => number) => robust.reduce((a, b) => (key(b) < key(a) ? b : a), robust[0])?.id ?? '';
  const robustness = {
    criterion: 'war' as const,
    threshold: options.threshold,
    policies: robust,
    minimaxRegret: argBest((r) => r.maxRegret),
    mostSatisficing: argBest((r) => -r.satisficing),
  };
  return { policies, byType, robustness };
}
