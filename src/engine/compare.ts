import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeExperiment, type ExperimentOutcomes, type PooledScores } from '../experiment/analyze.js';
import { packCell, ScorePool, type CellAggregate, type PackedCell } from '../experiment/cell.js';
import { OutcomeTable } from '../experiment/outcomeTable.js';
import { dyadSets } from '../experiment/dyadSets.js';
import { experimentsTable, type StoredDesign } from '../experiment/experimentsTable.js';
import { sampleFutures, scenarioForFuture } from '../experiment/futures.js';
import { recordWeights, weightVector } from '../calibrate/recordWeights.js';
import { runCellPacked, type CellTask } from '../experiment/runCell.js';
import type { ComparisonResult, WeightsResult } from '../report/types.js';
import { canonicalJson } from '../scenario/canonical.js';
import type { Scenario } from '../scenario/schema.js';
import { sha256Hex } from '../scenario/sha256.js';
import { listParameters } from '../scenario/summary.js';
import { VERSION } from '../version.js';
import { ExperimentStore } from './experimentStore.js';
import { executeCells, localPool, type CellExecutor } from './executeCells.js';
import type { QueueRunOptions } from './queue/coordinator.js';

/** How cells are run and kept: what a comparison and a sensitivity analysis share. */
export interface CellRunOptions {
  runs: number;
  seed: number;
  horizonMonths: number;
  /** Worker threads; results do not depend on it. */
  threads: number;
  /** SQLite store file, or null to keep cells in memory only. */
  store: string | null;
  /** Reuse the cells already stored for this experiment instead of recomputing them. */
  resume: boolean;
  /** Allow a store that belongs to another scenario (its experiments are kept). */
  force: boolean;
}

export interface CompareOptions extends CellRunOptions {
  /** Policy ids in scenario order; `status-quo` is always included (the reference of every difference). */
  policies: string[];
  futures: number;
  /** Satisficing threshold on P(war) over the horizon. */
  threshold: number;
  /** Run the cells on a Redis queue served by `flashpoints worker` processes instead of local threads (docs/distributed.md). */
  queue?: QueueRunOptions;
  onProgress?: (done: number, total: number) => void;
  /** Called as each stage begins (bench/compareMemory.ts reads the peak memory of each). */
  onPhase?: (phase: ComparePhase) => void;
  /** Test hook: stop (throw CompareAborted) after this many cells have been stored — deterministic, not a timer. */
  abortAfterCells?: number;
}

/** The stages of a comparison, in order: sampling and storing the design, the cells, the record weights, pooling the monthly scores, the analysis. */
export const COMPARE_PHASES = ['design', 'cells', 'weights', 'pooling', 'analysis'] as const;
export type ComparePhase = (typeof COMPARE_PHASES)[number];

/** The store belongs to another scenario and --force was not given. */
export class StoreMismatchError extends Error {}
/** The deterministic abort of the test hook. */
export class CompareAborted extends Error {}

/**
 * The policy comparison of DESIGN.md §3.5 (issues 8, 12): futures by a seeded replicated Latin hypercube, policies × futures ×
 * replications with common random numbers, one stored cell per (policy, future) written in its own transaction,
 * resumable, then the analysis assembled into the `ComparisonResult` the CLI prints and the report renders.
 */
export async function comparePolicies(s: Scenario, hash: string, o: CompareOptions): Promise<{ result: ComparisonResult; computed: number; reused: number; experiments: () => ReturnType<typeof experimentsTable> & { id: string } }> {
  const t0 = performance.now();
  o.onPhase?.('design');
  const policies = s.policies.filter((p) => p.id === 'status-quo' || o.policies.includes(p.id));
  const design = sampleFutures(s, o.futures, o.seed);
  const sets = dyadSets(s);
  const options = { policies: policies.map((p) => p.id), futures: o.futures, runs: o.runs, horizonMonths: o.horizonMonths, design: 'lhs' as const, threshold: o.threshold };
  const experimentId = sha256Hex(canonicalJson({ scenario: hash, seed: o.seed, options, version: VERSION })).slice(0, 32);

  // The cells go to the store as they arrive and the analysis streams them back from it (docs/experiments.md#memory):
  // without --store, to a scratch store in the temporary directory, removed at the end.
  const scratch = o.store ? null : mkdtempSync(join(tmpdir(), 'flashpoints-compare-'));
  const store = ExperimentStore.open(o.store ?? join(scratch!, 'cells.sqlite'));
  const policyAt = new Map(policies.map((p, k) => [p.id, k]));
  const table = new OutcomeTable(policies.length, design.futures.length, sets.map((x) => x.id));
  let computed = 0, reused = 0;
  let weights: WeightsResult | undefined;
  let pooled: ExperimentOutcomes['pooled'];
  try {
    const owner = store.scenario();
    if (o.store && owner && owner.hash !== hash && !o.force) {
      throw new StoreMismatchError(`the store ${o.store} belongs to scenario '${owner.id}' (sha256 ${owner.hash.slice(0, 12)}…), not '${s.id}' (${hash.slice(0, 12)}…)`);
    }
    store.begin({ id: experimentId, scenarioId: s.id, scenarioHash: hash, seed: o.seed, options, version: VERSION });
    store.putDesign(experimentId, storedDesign(design));
    const stored = o.resume && o.store ? store.storedKeys(experimentId) : new Set<string>();
    // What every cell shares, built once (a task holds references to it, not copies).
    const shared = { scenario: s, uncertainties: design.uncertainties.map((u) => ({ location: u.location })), seed: o.seed, runs: o.runs, horizonMonths: o.horizonMonths, sets: sets.map((x) => ({ id: x.id, dyads: x.dyads })) };
    const tasks: CellTask[] = [];
    for (const future of design.futures) {
      for (const p of policies) {
        if (stored.has(`${p.id}|${future.index}`)) {
          // Only the outcome is read back: the monthly scores stay in the store until the analysis pools them.
          table.set(policyAt.get(p.id)!, future.index, store.getOutcome(experimentId, p.id, future.index)!);
          reused++;
          continue;
        }
        tasks.push({ ...shared, future, policy: p.id });
      }
    }
    const total = tasks.length;
    const finish = (t: CellTask, cell: PackedCell | CellAggregate) => {
      const packed = 'outcome' in cell ? cell : packCell(cell);
      store.putPackedCell(experimentId, t.policy, t.future.index, packed);
      table.set(policyAt.get(t.policy)!, t.future.index, packed.outcome);
      computed++;
      o.onProgress?.(computed, total);
      if (o.abortAfterCells !== undefined && computed >= o.abortAfterCells) throw new CompareAborted(`aborted after ${computed} cells (test hook)`);
    };
    const executor = o.queue
      ? (await import('./queue/coordinator.js')).queueExecutor<CellTask, CellAggregate>({ ...o.queue, experiment: experimentId, scenarioHash: hash, kind: 'compare-cell', key: (t) => `${t.policy}|${t.future.index}` })
      : localPool<CellTask, PackedCell>({ threads: o.threads, thread: 'compareCellWorker', run: runCellPacked, shared: { data: shared, own: ({ future, policy }) => ({ future, policy }) } });
    o.onPhase?.('cells');
    await executeCells(tasks, finish, executor as CellExecutor<CellTask, PackedCell | CellAggregate>);
    o.onPhase?.('weights');
    // The record weights, computed once from the status-quo cells and stored with the experiment.
    weights = store.getWeights(experimentId) as WeightsResult | undefined;
    if (!weights) {
      weights = weighFutures(s, design, (k) => store.getCell(experimentId, 'status-quo', k)!, o);
      store.putWeights(experimentId, weights);
    }
    o.onPhase?.('pooling');
    pooled = poolScores(store, experimentId, policies.map((p) => p.id), o.horizonMonths, weights.method === 'none' ? undefined : weightVector(weights));
  } finally {
    store.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }

  o.onPhase?.('analysis');
  const analysis = analyzeExperiment(
    {
      policies: policies.map((p) => ({ id: p.id, title: p.title, description: p.description })),
      futures: design.futures,
      structural: design.structural,
      horizonMonths: o.horizonMonths,
      table,
      pooled,
      sets,
    },
    { seed: o.seed, threshold: o.threshold, weights: weights!.method === 'none' ? undefined : weightVector(weights!) },
  );
  const years = o.horizonMonths / 12;
  const result: ComparisonResult = {
    flashpoints: VERSION,
    command: 'compare',
    scenario: { id: s.id, hash },
    seed: o.seed,
    options: { ...options, store: o.store },
    question: `Under each policy, how likely is an armed clash, a war, nuclear use within ${years % 1 ? years.toFixed(1) : years} years of ${s.asOf ?? s.start ?? 'the start'} — how sure are we, and which assumptions decide it?`,
    scenarioInfo: { title: s.title, description: s.description, asOf: s.asOf, sources: s.sources, actors: s.actors.map((a) => ({ id: a.id, name: a.name })) },
    weights: weights!,
    policies: analysis.policies as ComparisonResult['policies'],
    byType: analysis.byType,
    robustness: analysis.robustness,
    assumptions: listParameters(s),
    reproduce: {
      command: `flashpoints compare ${'<scenario>'} --policies ${policies.map((p) => p.id).join(',')} --futures ${o.futures} --runs ${o.runs} --horizon ${o.horizonMonths} --seed ${o.seed} --threshold ${o.threshold}`,
    },
    timing: { seconds: (performance.now() - t0) / 1000 },
  };
  const experiments = () => ({ id: experimentId, ...experimentsTable(storedDesign(design), policies.map((p) => p.id), (p, k) => table.get(policyAt.get(p)!, k), weights!.perFuture.map((f) => f.weight), o.horizonMonths) });
  return { result, computed, reused, experiments };
}

/**
 * Each policy's monthly scores pooled over all futures and over the futures with record weight > 0 (`weights`
 * absent: the same pool), streamed from the store one cell at a time in future order — the order, and so the
 * floating-point sums, of pooling the cells in memory.
 */
function poolScores(store: ExperimentStore, experiment: string, policies: readonly string[], months: number, weights?: readonly number[]): ExperimentOutcomes['pooled'] {
  const all: PooledScores[] = [], retained: PooledScores[] = [];
  for (const p of policies) {
    const every = new ScorePool(months), kept = weights ? new ScorePool(months) : every;
    store.forEachCell(experiment, p, (future, outcome, scores) => {
      every.add(outcome.runs, scores);
      if (weights && weights[future] > 0) kept.add(outcome.runs, scores);
    });
    all.push(every.result());
    retained.push(weights ? kept.result() : all[all.length - 1]);
  }
  return { all, retained };
}

/** What the store keeps of a comparison's design: the column names and every future's sampled values. */
export function storedDesign(design: ReturnType<typeof sampleFutures>): StoredDesign {
  return { uncertainties: design.uncertainties.map((u) => u.name), structural: design.structural.map((u) => u.id), futures: design.futures };
}

/**
 * Weighs the futures by the scenario's record (history matching, src/calibrate/recordWeights.ts), or — for a
 * scenario without a record — weight 1 each with method `none`. The per-target fits are dropped from what is
 * stored and printed; each future keeps its weight, largest implausibility and the target that gave it.
 */
function weighFutures(s: Scenario, design: ReturnType<typeof sampleFutures>, statusQuo: (k: number) => CellAggregate, o: CompareOptions): WeightsResult {
  if (!s.record) {
    return { method: 'none', cutoff: 0, futures: design.futures.length, ess: design.futures.length, share: 1, targets: [], perFuture: design.futures.map((f) => ({ index: f.index, weight: 1, implausibility: 0, worst: '', implausibilities: [] })) };
  }
  const w = recordWeights(s.record, design.futures, (k) => scenarioForFuture(s, design, design.futures[k]), statusQuo, o.horizonMonths);
  return { ...w, perFuture: w.perFuture.map(({ fits, ranked: _r, ...rest }) => ({ ...rest, implausibilities: fits.map((f) => round4(f.implausibility)) })) };
}

const round4 = (x: number) => Number(x.toPrecision(4));
