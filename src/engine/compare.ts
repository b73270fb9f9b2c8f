import { performance } from 'node:perf_hooks';
import { analyzeExperiment } from '../experiment/analyze.js';
import type { CellAggregate } from '../experiment/cell.js';
import { dyadSets } from '../experiment/dyadSets.js';
import { experimentsTable, type StoredDesign } from '../experiment/experimentsTable.js';
import { sampleFutures, scenarioForFuture } from '../experiment/futures.js';
import { recordWeights, weightVector } from '../calibrate/recordWeights.js';
import { runCell, type CellTask } from '../experiment/runCell.js';
import type { ComparisonResult, WeightsResult } from '../report/types.js';
import { canonicalJson } from '../scenario/canonical.js';
import type { Scenario } from '../scenario/schema.js';
import { sha256Hex } from '../scenario/sha256.js';
import { listParameters } from '../scenario/summary.js';
import { VERSION } from '../version.js';
import { ExperimentStore } from './experimentStore.js';
import { executeCells, localPool } from './executeCells.js';
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
  /** Test hook: stop (throw CompareAborted) after this many cells have been stored — deterministic, not a timer. */
  abortAfterCells?: number;
}

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
  const policies = s.policies.filter((p) => p.id === 'status-quo' || o.policies.includes(p.id));
  const design = sampleFutures(s, o.futures, o.seed);
  const sets = dyadSets(s);
  const options = { policies: policies.map((p) => p.id), futures: o.futures, runs: o.runs, horizonMonths: o.horizonMonths, design: 'lhs' as const, threshold: o.threshold };
  const experimentId = sha256Hex(canonicalJson({ scenario: hash, seed: o.seed, options, version: VERSION })).slice(0, 32);

  const store = o.store ? ExperimentStore.open(o.store) : null;
  const cells = new Map<string, CellAggregate>();
  let computed = 0, reused = 0;
  let weights: WeightsResult | undefined;
  try {
    const owner = store?.scenario();
    if (store && owner && owner.hash !== hash && !o.force) {
      throw new StoreMismatchError(`the store ${o.store} belongs to scenario '${owner.id}' (sha256 ${owner.hash.slice(0, 12)}…), not '${s.id}' (${hash.slice(0, 12)}…)`);
    }
    store?.begin({ id: experimentId, scenarioId: s.id, scenarioHash: hash, seed: o.seed, options, version: VERSION });
    store?.putDesign(experimentId, storedDesign(design));
    const stored = o.resume && store ? store.storedKeys(experimentId) : new Set<string>();
    const tasks: CellTask[] = [];
    for (const future of design.futures) {
      for (const p of policies) {
        const key = `${p.id}|${future.index}`;
        if (stored.has(key)) {
          cells.set(key, store!.getCell(experimentId, p.id, future.index)!);
          reused++;
          continue;
        }
        tasks.push({ scenario: s, uncertainties: design.uncertainties.map((u) => ({ location: u.location })), future, policy: p.id, seed: o.seed, runs: o.runs, horizonMonths: o.horizonMonths, sets: sets.map((x) => ({ id: x.id, dyads: x.dyads })) });
      }
    }
    const total = tasks.length;
    const finish = (t: CellTask, cell: CellAggregate) => {
      const key = `${t.policy}|${t.future.index}`;
      store?.putCell(experimentId, t.policy, t.future.index, cell);
      cells.set(key, cell);
      computed++;
      o.onProgress?.(computed, total);
      if (o.abortAfterCells !== undefined && computed >= o.abortAfterCells) throw new CompareAborted(`aborted after ${computed} cells (test hook)`);
    };
    const executor = o.queue
      ? (await import('./queue/coordinator.js')).queueExecutor<CellTask, CellAggregate>({ ...o.queue, experiment: experimentId, scenarioHash: hash, kind: 'compare-cell', key: (t) => `${t.policy}|${t.future.index}` })
      : localPool<CellTask, CellAggregate>({ threads: o.threads, thread: 'compareWorker', run: runCell });
    await executeCells(tasks, finish, executor);
    // The record weights, computed once from the status-quo cells and stored with the experiment.
    weights = store?.getWeights(experimentId) as WeightsResult | undefined;
    if (!weights) {
      weights = weighFutures(s, design, (k) => cells.get(`status-quo|${k}`)!, o);
      store?.putWeights(experimentId, weights);
    }
  } finally {
    store?.close();
  }

  const analysis = analyzeExperiment(
    {
      policies: policies.map((p) => ({ id: p.id, title: p.title, description: p.description })),
      futures: design.futures,
      structural: design.structural,
      horizonMonths: o.horizonMonths,
      cells: policies.map((p) => design.futures.map((f) => cells.get(`${p.id}|${f.index}`)!)),
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
    scenarioInfo: { title: s.title, description: s.description, asOf: s.asOf, sources: s.sources },
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
  const experiments = () => ({ id: experimentId, ...experimentsTable(storedDesign(design), policies.map((p) => p.id), (p, k) => cells.get(`${p}|${k}`)!, weights!.perFuture.map((f) => f.weight), o.horizonMonths) });
  return { result, computed, reused, experiments };
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
