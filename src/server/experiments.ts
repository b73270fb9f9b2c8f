import { existsSync } from 'node:fs';
import { withStatusQuo } from '../engine/commandDocuments.js';
import { ExperimentStore } from '../engine/experimentStore.js';
import { withZeroEffects } from '../scenario/apply.js';
import { scenarioHash } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { ApiError } from './apiError.js';
import type { JobSpec } from './jobSpecs.js';

/** A comparison stored in the server's store, as `GET /api/experiments` lists it. */
export interface ExperimentEntry {
  id: string;
  scenario: { id: string; hash: string };
  seed: number;
  futures: number;
  runs: number;
  horizonMonths: number;
  policies: string[];
  cells: number;
  cellsTotal: number;
}

type CompareMeta = { policies: string[]; futures: number; runs: number; horizonMonths: number; threshold: number };
const isComparison = (o: Record<string, unknown>): o is Record<string, unknown> & CompareMeta => o.kind === undefined && Array.isArray(o.policies) && typeof o.futures === 'number';

/**
 * The comparisons of the store, in the order they were begun (sensitivity designs, kept in the same store, are
 * not comparisons and are left out). A store file that does not exist yet holds none; it is not created.
 */
export function listExperiments(store: string | null): ExperimentEntry[] {
  if (!store || !existsSync(store)) return [];
  const db = ExperimentStore.open(store, { mustExist: true });
  try {
    return db.experiments().flatMap((e) => {
      const o = e.options;
      if (!isComparison(o)) return [];
      return [{ id: e.id, scenario: { id: e.scenarioId, hash: e.scenarioHash }, seed: e.seed, futures: o.futures, runs: o.runs, horizonMonths: o.horizonMonths, policies: o.policies, cells: e.cellsDone, cellsTotal: o.policies.length * o.futures }];
    });
  } finally {
    db.close();
  }
}

/**
 * The scenarios the server can read a stored experiment back with, by hash: the bundled ones, their placebos
 * (`effects: 'zero'`), and those jobs have run since the server started. The store keeps hashes, not scenarios.
 */
export class KnownScenarios {
  private readonly byHash = new Map<string, Scenario>();
  private readonly limit: number;

  constructor(bundled: readonly Scenario[], limit = 200) {
    this.limit = limit;
    for (const s of bundled) {
      this.add(s, scenarioHash(s));
      const placebo = withZeroEffects(s);
      this.add(placebo, scenarioHash(placebo));
    }
  }

  /** Remembers a scenario a job ran (the oldest remembered beyond `limit` is forgotten; bundled ones first stay). */
  add(s: Scenario, hash: string): void {
    this.byHash.delete(hash);
    this.byHash.set(hash, s);
    if (this.byHash.size > this.limit) this.byHash.delete(this.byHash.keys().next().value!);
  }

  get(hash: string): Scenario | undefined {
    return this.byHash.get(hash);
  }
}

/**
 * The spec that reads a stored comparison back: 404 when the store has no such comparison, 409 when its cells are
 * not all stored or its scenario is not one the server knows (then it cannot be analysed without recomputing).
 */
export function experimentSpec(store: string | null, id: string, known: KnownScenarios): JobSpec {
  const entry = listExperiments(store).find((e) => e.id === id);
  if (!entry) throw new ApiError('not-found', `no comparison '${id}' in the store`, { hint: 'GET /api/experiments lists them' });
  if (entry.cells < entry.cellsTotal) throw new ApiError('conflict', `comparison '${id}' is incomplete: ${entry.cells} of ${entry.cellsTotal} cells stored`, { hint: 'run the same compare job again: it resumes from the stored cells' });
  const scenario = known.get(entry.scenario.hash);
  if (!scenario) throw new ApiError('conflict', `comparison '${id}' was run on scenario '${entry.scenario.id}' (sha256 ${entry.scenario.hash.slice(0, 12)}…), which this server does not hold`, { hint: 'the bundled scenarios and those run by jobs since the server started can be read back; run the compare job again with the scenario' });
  const meta = ExperimentStore.open(store!, { mustExist: true });
  let options: CompareMeta;
  try {
    options = meta.experiments().find((e) => e.id === id)!.options as CompareMeta;
  } finally {
    meta.close();
  }
  return { kind: 'experiment', scenario: withStatusQuo(scenario), hash: entry.scenario.hash, options: { policies: options.policies, futures: options.futures, runs: entry.runs, seed: entry.seed, horizonMonths: options.horizonMonths, threshold: options.threshold, store: store! } };
}
