import type { CellRunOptions } from './compare.js';
import { performance } from 'node:perf_hooks';
import type { CellAggregate, CellOutcome } from '../experiment/cell.js';
import { dyadSets } from '../experiment/dyadSets.js';
import { runCell, type CellTask } from '../experiment/runCell.js';
import { cellOutcome, designFuture, parameterFamily, prefixGroups, sensitivitySpace, type SensitivityOutcome, type SensitivitySpace } from '../experiment/sensitivityDesign.js';
import { canonicalJson } from '../scenario/canonical.js';
import type { Scenario } from '../scenario/schema.js';
import { sha256Hex } from '../scenario/sha256.js';
import { morrisAnalyze, sobolAnalyze, type InputBound, type MorrisMeasures, type SobolIndices } from '../sensitivity/index.js';
import type { MorrisFactor, SobolFactor } from '../report/types.js';
import { VERSION } from '../version.js';
import { StoreMismatchError } from './compare.js';
import { ExperimentStore } from './experimentStore.js';
import { createPool } from './pool.js';
import { drawMorrisDesign, drawSobolDesign, type MorrisDesignOptions, type SobolDesignOptions } from './storedDesign.js';

/** Options of {@link runSensitivity}. */
export interface SensitivityOptions extends CellRunOptions {
  method: 'morris' | 'sobol';
  outcome: SensitivityOutcome;
  /** The policy whose outcome is analysed (default `status-quo`); ignored with `difference`. */
  policy?: string;
  /** [A, B]: analyse outcome(A) − outcome(B), both run on the same rows with the same streams. */
  difference?: [string, string];
  /** Morris trajectories (also the screening that picks Sobol's inputs). Default 10. */
  trajectories: number;
  /** Morris factors: each input alone (default), or each parameter family as one group (parameterFamily). */
  groupBy?: 'input' | 'family';
  /** Morris grid levels (even). Default 4. */
  levels?: number;
  /** Sobol base points N (a power of 2). Default 64. */
  n: number;
  /** Sobol on the top k inputs of the Morris screening. Default 10. */
  top: number;
  /** Sobol on named groups instead: name prefixes; the inputs matching none form `(other)`. */
  groups?: string[];
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Test hook: throw after this many cells have been stored (deterministic, not a timer). */
  abortAfterCells?: number;
}

/** One factor of a Morris screening, as reported (sorted by μ*, largest first). */
export type MorrisRow = MorrisFactor;

/** One factor's Sobol' indices, as reported (sorted by S_T, largest first). */
export type SobolRow = SobolFactor;

/** What `flashpoints sensitivity` returns (before the CLI adds the envelope). */
export interface SensitivityResult {
  method: 'morris' | 'sobol';
  outcome: SensitivityOutcome;
  /** `P(war) under dialogue` or `P(war) under dialogue − P(war) under status-quo`. */
  target: string;
  policies: string[];
  inputs: { name: string; kind: 'numeric' | 'structural' }[];
  morris: { factors: MorrisRow[]; dummy: MorrisRow | null; trajectories: number; levels: number; evaluations: number; experiment: string; effects: Record<string, number[]> };
  sobol?: { factors: SobolRow[]; dummy: SobolRow | null; n: number; evaluations: number; mean: number; variance: number; fixed: string; experiment: string };
  cells: { computed: number; reused: number };
  seconds: number;
}

/** Thrown by the test hook. */
export class SensitivityAborted extends Error {}

/**
 * Global sensitivity of a policy's outcome — or of the paired difference of two policies — to every uncertainty
 * the scenario declares (docs/sensitivity.md#on-the-model). A design row is one future (its values the row's
 * unit point mapped through each uncertainty's distribution); each (policy, row) is one cell of `runs`
 * replications keyed (seed, row, replication), so both policies of a difference see the same draws, and rows
 * see different ones (the dummy's effect is the run noise). Morris screens all inputs; Sobol then runs on the top
 * k inputs of that screening (others at their stated values) or on named groups. Cells are stored per design
 * (experiment id from everything that fixes them), so an interrupted analysis resumes and a second outcome or
 * policy reuses the cells it shares.
 */
export async function runSensitivity(s: Scenario, hash: string, o: SensitivityOptions): Promise<SensitivityResult> {
  const t0 = performance.now();
  const space = sensitivitySpace(s);
  const policies = o.difference ? [...o.difference] : [o.policy ?? 'status-quo'];
  const levels = o.levels ?? 4;
  const runner = new CellRunner(s, hash, o);
  try {
    const all = space.inputs.map((_, k) => k);
    const names = space.inputs.map((i) => i.name);
    const unitBounds = (cols: number[]): InputBound[] => cols.map((c) => ({ name: names[c], lower: 0, upper: 1 }));
    const useGroups = o.method === 'sobol' && o.groups?.length;
    let morris: SensitivityResult['morris'] | undefined;
    let ranked = all;
    if (!useGroups) {
      const groups = o.groupBy === 'family' ? names.map(parameterFamily) : undefined;
      const options: MorrisDesignOptions = { method: 'morris', trajectories: o.trajectories, levels, inputs: names, ...(groups ? { groups } : {}) };
      const design = drawMorrisDesign(options, o.seed);
      const Y = await runner.outputs('morris', options, space, design.unit, all, policies);
      const m = morrisAnalyze(unitBounds(all), design.unit, Y, { levels, seed: o.seed, groups });
      morris = { ...morrisRows(m), experiment: runner.lastExperiment };
      // Sobol' after a grouped screening takes every input of the top groups.
      ranked = morris.factors.flatMap((f) => all.filter((k) => (groups ? groups[k] : names[k]) === f.name));
    }
    let sobol: SensitivityResult['sobol'];
    if (o.method === 'sobol') {
      const cols = useGroups ? all : ranked.slice(0, Math.min(o.top, ranked.length)).sort((a, b) => a - b);
      const groups = useGroups ? prefixGroups(cols.map((c) => names[c]), o.groups!) : undefined;
      const options: SobolDesignOptions = { method: 'sobol', n: o.n, inputs: cols.map((c) => names[c]), groups: groups ?? null };
      const design = drawSobolDesign(options, o.seed);
      const Y = await runner.outputs('sobol', options, space, design.unit, cols, policies);
      const ix = sobolAnalyze(Y, design.layout, { seed: o.seed });
      const fixed = all.length - cols.length;
      sobol = { ...sobolRows(ix), n: o.n, evaluations: ix.evaluations, mean: ix.mean, variance: ix.variance, experiment: runner.lastExperiment, fixed: fixed ? `${fixed} other inputs at their stated values` : 'none' };
    }
    const label = outcomeLabel(o.outcome);
    return {
      method: o.method,
      outcome: o.outcome,
      target: o.difference ? `${label} under ${o.difference[0]} − ${label} under ${o.difference[1]}` : `${label} under ${policies[0]}`,
      policies,
      inputs: space.inputs.map((i) => ({ name: i.name, kind: i.kind })),
      morris: morris ?? { factors: [], dummy: null, trajectories: 0, levels, evaluations: 0, experiment: '', effects: {} },
      ...(sobol ? { sobol } : {}),
      cells: { computed: runner.computed, reused: runner.reused },
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    runner.close();
  }
}

/** Readable name of an outcome. */
export function outcomeLabel(outcome: SensitivityOutcome): string {
  return { war: 'P(war)', nuclear: 'P(nuclear use)', clashYears: 'clash-years per decade', escalation: 'mean escalation score' }[outcome];
}

function morrisRows(m: MorrisMeasures): Omit<SensitivityResult['morris'], 'experiment'> {
  const rows = m.factors.map((name, g): MorrisRow => ({ name, mu: m.mu[g], muStar: m.muStar[g], sigma: m.sigma[g], muStarConf: m.muStarConf[g] }));
  rows.sort((a, b) => b.muStar - a.muStar || a.name.localeCompare(b.name));
  const dummy = m.dummy ? { name: '(dummy)', mu: m.dummy.mu, muStar: m.dummy.muStar, sigma: m.dummy.sigma, muStarConf: m.dummy.muStarConf } : null;
  return { factors: rows, dummy, trajectories: m.trajectories, levels: m.levels, evaluations: m.evaluations, effects: Object.fromEntries(m.factors.map((f, g) => [f, m.effects[g]])) };
}

function sobolRows(ix: SobolIndices): { factors: SobolRow[]; dummy: SobolRow | null } {
  const rows = ix.factors.map((name, g): SobolRow => ({ name, first: ix.first[g], total: ix.total[g], firstConf: ix.firstConf[g], totalConf: ix.totalConf[g] }));
  rows.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return { factors: rows, dummy: ix.dummy ? { name: '(dummy)', ...ix.dummy } : null };
}

/**
 * Runs the cells of a design (policies × rows) on the worker pool, keeping each in the store as it finishes and
 * reusing stored ones, and reads the outcome off them: per row outcome(A), or outcome(A) − outcome(B).
 */
class CellRunner {
  computed = 0;
  reused = 0;
  lastExperiment = '';
  private readonly store: ExperimentStore | null;
  private readonly sets;

  constructor(
    private readonly s: Scenario,
    private readonly hash: string,
    private readonly o: SensitivityOptions,
  ) {
    this.sets = dyadSets(s).map((x) => ({ id: x.id, dyads: x.dyads }));
    this.store = o.store ? ExperimentStore.open(o.store) : null;
    const owner = this.store?.scenario();
    if (this.store && owner && owner.hash !== hash && !o.force) {
      this.store.close();
      throw new StoreMismatchError(`the store ${o.store} belongs to scenario '${owner.id}' (sha256 ${owner.hash.slice(0, 12)}…), not '${s.id}' (${hash.slice(0, 12)}…)`);
    }
  }

  async outputs(stage: string, design: Record<string, unknown>, space: SensitivitySpace, unit: number[][], cols: number[], policies: string[]): Promise<number[]> {
    const o = this.o;
    // The experiment is the design and the cells' settings; the outcome and the policies only read its cells.
    const options = { kind: 'sensitivity', ...design, runs: o.runs, horizonMonths: o.horizonMonths };
    const id = sha256Hex(canonicalJson({ scenario: this.hash, seed: o.seed, options, version: VERSION })).slice(0, 32);
    this.lastExperiment = id;
    this.store?.begin({ id, scenarioId: this.s.id, scenarioHash: this.hash, seed: o.seed, options, version: VERSION });
    const stored = o.resume && this.store ? this.store.storedKeys(id) : new Set<string>();
    // A difference of a policy with itself still runs two cells per row (the store keeps one): its zero then
    // shows that two independent runs of a cell draw the same numbers.
    // Only each cell's outcome is kept (its histograms stay in the store, or are dropped): memory in the rows, not the runs.
    const cells = policies.map(() => new Array<CellOutcome>(unit.length));
    const tasks: { role: number; row: number; task: CellTask }[] = [];
    const uncertainties = space.uncertainties.map((u) => ({ location: u.location }));
    unit.forEach((u, row) => {
      const future = designFuture(space, u, cols, row);
      policies.forEach((policy, role) => {
        if (stored.has(`${policy}|${row}`)) {
          cells[role][row] = this.store!.getOutcome(id, policy, row)!;
          this.reused++;
        } else {
          tasks.push({ role, row, task: { scenario: this.s, uncertainties, future, policy, seed: o.seed, runs: o.runs, horizonMonths: o.horizonMonths, sets: this.sets } });
        }
      });
    });
    let done = 0;
    const finish = (t: (typeof tasks)[number], cell: CellAggregate) => {
      this.store?.putCell(id, t.task.policy, t.row, cell);
      const { scoreSum: _s, hist: _h, ...outcome } = cell;
      cells[t.role][t.row] = outcome;
      this.computed++;
      o.onProgress?.(++done, tasks.length, stage);
      if (o.abortAfterCells !== undefined && this.computed >= o.abortAfterCells) throw new SensitivityAborted(`aborted after ${this.computed} cells (test hook)`);
    };
    if (o.threads <= 1 || tasks.length <= 1) {
      for (const t of tasks) finish(t, runCell(t.task));
    } else {
      // piscina queues the tasks; a failure in `finish` (the store, the test hook) rejects and ends the pool.
      const pool = createPool(o.threads, 'compareWorker');
      try {
        await Promise.all(tasks.map(async (t) => finish(t, (await pool.run(t.task)) as CellAggregate)));
      } finally {
        await pool.destroy();
      }
    }
    const y = (role: number, row: number) => cellOutcome(cells[role][row], o.outcome, o.horizonMonths);
    return unit.map((_, row) => (policies.length === 2 ? y(0, row) - y(1, row) : y(0, row)));
  }

  close(): void {
    this.store?.close();
  }
}
