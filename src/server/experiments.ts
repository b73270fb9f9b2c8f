import { existsSync } from 'node:fs';
import { withStatusQuo } from '../engine/commandDocuments.js';
import { ExperimentStore } from '../engine/experimentStore.js';
import { drawMorrisDesign, drawSobolDesign } from '../engine/storedDesign.js';
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

/** A sensitivity design stored in the server's store, as `GET /api/experiments` lists it under `sensitivity`. */
export interface SensitivityEntry {
  id: string;
  scenario: { id: string; hash: string };
  seed: number;
  method: 'morris' | 'sobol';
  runs: number;
  horizonMonths: number;
  /** The inputs the design varies (Morris: every input; Sobol': the top ones of the screening, or all with groups). */
  inputs: string[];
  /**
   * Design rows: the cells each policy of the design needs; null when the stored settings cannot give them (a design
   * row of an older version or edited by hand), so that one damaged design does not take the listing down.
   */
  rows: number | null;
  /** The policies with stored cells (one, or two for a difference A − B; the design does not record them). */
  policies: string[];
  cells: number;
}

type CompareMeta = { policies: string[]; futures: number; runs: number; horizonMonths: number; threshold: number };
const isComparison = (o: Record<string, unknown>): o is Record<string, unknown> & CompareMeta => o.kind === undefined && Array.isArray(o.policies) && typeof o.futures === 'number';
type SensitivityMeta = { kind: 'sensitivity'; method: 'morris' | 'sobol'; inputs: string[]; groups?: unknown; trajectories?: unknown; levels?: unknown; n?: unknown; rows?: unknown; runs: number; horizonMonths: number };
/** What a design needs to be listed at all; the sampler's settings are checked apart (designRows), so a design missing them is still listed. */
const isSensitivity = (o: Record<string, unknown>): o is Record<string, unknown> & SensitivityMeta =>
  o.kind === 'sensitivity' &&
  (o.method === 'morris' || o.method === 'sobol') &&
  Array.isArray(o.inputs) &&
  o.inputs.every((i) => typeof i === 'string') &&
  Number.isInteger(o.runs) &&
  Number.isInteger(o.horizonMonths);

const positiveWhole = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/**
 * Row counts by design: the experiment id hashes the scenario, seed, options and version; the seed and options are
 * keyed too, for a row edited by hand under its old id.
 */
const rowsById = new Map<string, number | null>();
const ROWS_REMEMBERED = 1000;

/**
 * The rows of a stored sensitivity design: the options' `rows` when they carry it, else drawn again from the stored
 * settings by the functions `sensitivity` drew it with (engine/storedDesign.ts: the count follows the sampler, its
 * dummy factor included, rather than a formula that could drift from it), once per design. Null when the settings are
 * missing or the sampler refuses them.
 */
function designRows(id: string, o: SensitivityMeta, seed: number): number | null {
  if (positiveWhole(o.rows)) return o.rows;
  const key = `${id}|${seed}|${JSON.stringify(o)}`;
  if (rowsById.has(key)) return rowsById.get(key)!;
  let rows: number | null = null;
  const groups = o.groups === undefined || o.groups === null ? undefined : Array.isArray(o.groups) && o.groups.every((g) => typeof g === 'string') ? (o.groups as string[]) : null;
  const levels = o.levels === undefined ? undefined : positiveWhole(o.levels) ? o.levels : null;
  if (groups !== null && levels !== null) {
    try {
      if (o.method === 'morris' && positiveWhole(o.trajectories)) rows = drawMorrisDesign({ method: 'morris', trajectories: o.trajectories, levels, inputs: o.inputs, groups }, seed).unit.length;
      else if (o.method === 'sobol' && positiveWhole(o.n)) rows = drawSobolDesign({ method: 'sobol', n: o.n, inputs: o.inputs, groups: groups ?? null }, seed).unit.length;
    } catch {
      rows = null;
    }
  }
  if (rowsById.size >= ROWS_REMEMBERED) rowsById.delete(rowsById.keys().next().value!);
  rowsById.set(key, rows);
  return rows;
}

/** What `GET /api/experiments` lists: the comparisons, and apart from them the sensitivity designs. */
export interface StoreListing {
  experiments: ExperimentEntry[];
  sensitivity: SensitivityEntry[];
}

/**
 * The experiments of the store, in the order they were begun: comparisons, and — apart, so that a client reading
 * comparisons back from `experiments` meets none it cannot read — the sensitivity designs kept in the same store.
 * A store file that does not exist yet holds none; it is not created.
 */
export function listStore(store: string | null): StoreListing {
  if (!store || !existsSync(store)) return { experiments: [], sensitivity: [] };
  const db = ExperimentStore.open(store, { mustExist: true });
  try {
    const experiments: ExperimentEntry[] = [];
    const sensitivity: SensitivityEntry[] = [];
    for (const e of db.experiments()) {
      const o = e.options;
      const scenario = { id: e.scenarioId, hash: e.scenarioHash };
      if (isComparison(o)) {
        experiments.push({ id: e.id, scenario, seed: e.seed, futures: o.futures, runs: o.runs, horizonMonths: o.horizonMonths, policies: o.policies, cells: e.cellsDone, cellsTotal: o.policies.length * o.futures });
      } else if (isSensitivity(o)) {
        sensitivity.push({ id: e.id, scenario, seed: e.seed, method: o.method, runs: o.runs, horizonMonths: o.horizonMonths, inputs: o.inputs, rows: designRows(e.id, o, e.seed), policies: db.storedPolicies(e.id), cells: e.cellsDone });
      }
    }
    return { experiments, sensitivity };
  } finally {
    db.close();
  }
}

/** The comparisons of the store (listStore's `experiments`). */
export function listExperiments(store: string | null): ExperimentEntry[] {
  return listStore(store).experiments;
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
  const listing = listStore(store);
  const entry = listing.experiments.find((e) => e.id === id);
  if (!entry && listing.sensitivity.some((e) => e.id === id)) throw new ApiError('conflict', `'${id}' is a sensitivity design, not a comparison: it is read back by running the same sensitivity job (its stored cells are reused)`, { hint: 'GET /api/experiments lists comparisons under `experiments`' });
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
