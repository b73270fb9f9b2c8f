// Benchmark of the per-cell overhead of `compare` (issue 20, "no scenario copies in the hot path"): what a
// (policy, future) cell costs beyond its replications, against the replications' own kernel time in the same run.
// For each cell of the Korea 2024 scenario (6 policies × 4 futures, 120 months), on one thread, interleaved:
//   scenario   the future's values and structural alternatives written into the scenario, then the policy
//              (scenarioForFuture + applyPolicy) — the copies the issue measured at 14% of compare's CPU
//   prepare    prepareCrisis on that scenario (its arms path — the arms model solved month by month — included)
//   kernel     the replications alone on the prepared model (seedReplication + runReplication × runs)
//   cell       runCellPacked, the whole cell as a worker thread runs it
//   store      the main thread's share: the packed cell written to a store file (one transaction) and its
//              outcome into the table
// Times are CPU milliseconds (below). Overhead = cell − kernel, + store; `prepare` and `cell` solve the threat path
// from scratch, and a last pass times the cells with the reuse a thread of compare gets (threatPath.ts). With --baseline DIR (a built earlier checkout), its runCell on the same tasks
// is timed in the same loop (its overhead = its cell − this kernel: the kernel is the same code).
// Run on the built JavaScript: `npm run build && node dist/bench/cellOverhead.js [--baseline DIR] [--runs 10] [--rounds 5]`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ExperimentStore } from '../src/engine/experimentStore.js';
import { dyadSets } from '../src/experiment/dyadSets.js';
import { sampleFutures, scenarioForFuture } from '../src/experiment/futures.js';
import { OutcomeTable } from '../src/experiment/outcomeTable.js';
import { runCellPacked, type CellTask } from '../src/experiment/runCell.js';
import { clearThreatPathCache } from '../src/models/arms/threatPath.js';
import { prepareCrisis } from '../src/models/crisis/prepare.js';
import { createWorkspace, runReplication, seedReplication } from '../src/models/crisis/runCrisis.js';
import { nativeStreams } from '../src/models/crisis/streams.js';
import { applyPolicy } from '../src/scenario/apply.js';
import { parseScenario } from '../src/scenario/load.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(opt('--runs') ?? 10);
const baselineDir = opt('--baseline');
const rounds = Number(opt('--rounds') ?? 5);

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not validate');
const s = parsed.scenario;
const design = sampleFutures(s, 4, 1);
const sets = dyadSets(s).map((x) => ({ id: x.id, dyads: x.dyads }));
const shared = { scenario: s, uncertainties: design.uncertainties.map((u) => ({ location: u.location })), seed: 1, runs, horizonMonths: 120, sets };
const tasks: CellTask[] = design.futures.flatMap((future) => s.policies.map((p) => ({ ...shared, future, policy: p.id })));
const baseline = baselineDir ? ((await import(resolve(baselineDir, 'dist/src/experiment/runCell.js'))) as { runCell: (t: CellTask) => unknown }).runCell : undefined;
// The baseline's own threat-path cache (a build that has one) is cleared before each of its cells as this build's
// is: otherwise it reuses the paths of earlier rounds and its cells look cheaper than they are.
const clearBaselineCache = baselineDir
  ? (((await import(resolve(baselineDir, 'dist/src/models/arms/threatPath.js'))) as { clearThreatPathCache?: () => void }).clearThreatPathCache ?? (() => {}))
  : () => {};

const dir = mkdtempSync(join(tmpdir(), 'cell-overhead-'));
const store = ExperimentStore.open(join(dir, 'cells.sqlite'));
store.begin({ id: 'bench', scenarioId: s.id, scenarioHash: parsed.hash, seed: 1, options: {}, version: 'bench' });
const table = new OutcomeTable(s.policies.length, design.futures.length, sets.map((x) => x.id));

const parts = ['scenario', 'prepare', 'kernel', 'cell', 'store', 'baseline'] as const;
const samples: Record<(typeof parts)[number], number[]> = Object.fromEntries(parts.map((p) => [p, []])) as never;
// CPU time of this (single-threaded) process, not wall time: on a machine whose cores other jobs share, wall
// time mostly measures the wait for a core; CPU time measures the work (its resolution is a microsecond).
const time = (f: () => unknown) => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const ms: Record<string, number> = {};

console.log(`per-cell overhead — ${new Date().toISOString()}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}; Korea, ${tasks.length} cells × ${runs} runs × 120 months, ${rounds} rounds; native stream kernel: ${nativeStreams()}`);
for (let round = 0; round <= rounds; round++) {
  for (const [k, t] of tasks.entries()) {
    let sq = s, pol = s;
    const scenario = time(() => {
      sq = scenarioForFuture(s, design, t.future);
      pol = t.policy === 'status-quo' ? sq : applyPolicy(sq, t.policy);
    });
    let prepared!: ReturnType<typeof prepareCrisis>;
    // The threat paths kept for reuse are forgotten before `prepare` and `cell`: both time a solve from scratch
    // (else `cell` would reuse the path `prepare` just solved for the same cell). Reuse is timed below.
    clearThreatPathCache();
    const prepare = time(() => (prepared = prepareCrisis(pol, 120, sq)));
    const kernel = time(() => {
      const ws = createWorkspace(prepared);
      for (let r = 0; r < runs; r++) {
        seedReplication(ws, 1, t.future.index, r);
        runReplication(prepared, ws);
      }
    });
    let packed!: ReturnType<typeof runCellPacked>;
    clearThreatPathCache();
    const cell = time(() => (packed = runCellPacked(t)));
    const put = time(() => {
      store.putPackedCell('bench', t.policy, t.future.index, packed);
      table.set(k % s.policies.length, t.future.index, packed.outcome);
    });
    clearBaselineCache();
    const base = baseline ? time(() => baseline(t)) : NaN;
    if (round === 0) continue; // the first round warms the JIT
    Object.entries({ scenario, prepare, kernel, cell, store: put, baseline: base }).forEach(([p, v]) => samples[p as (typeof parts)[number]].push(v));
  }
}
// Reuse: the cells in compare's order (future by future, the policies in turn) on one thread, keeping the threat
// paths of the future's earlier cells (forgotten when a future starts, so that no cell finds its own path from an
// earlier round). The kernel is timed again right after each cell (on a model prepared untimed, which finds the
// cell's own path kept: the next cell sees what it would have seen), so that both samples meet the same load.
const reuse: number[] = [];
for (let round = 0; round <= rounds; round++) {
  for (const [k, t] of tasks.entries()) {
    if (k % s.policies.length === 0) clearThreatPathCache();
    const c = time(() => runCellPacked(t));
    const sq = scenarioForFuture(s, design, t.future);
    const prepared = prepareCrisis(t.policy === 'status-quo' ? sq : applyPolicy(sq, t.policy), 120, sq);
    const kernel = time(() => {
      const ws = createWorkspace(prepared);
      for (let r = 0; r < runs; r++) {
        seedReplication(ws, 1, t.future.index, r);
        runReplication(prepared, ws);
      }
    });
    if (round > 0) reuse.push(c - kernel);
  }
}
store.close();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const p of parts) ms[p] = median(samples[p]);
// Overhead per cell from the medians of the per-cell differences (same cell, same round).
const diffs = samples.cell.map((c, k) => c - samples.kernel[k]);
const overhead = median(diffs) + ms.store;
console.log('| part (median per cell) | CPU ms | share of the cell |');
console.log('|---|---:|---:|');
for (const p of ['scenario', 'prepare', 'kernel', 'cell', 'store'] as const) console.log(`| ${p} | ${ms[p].toFixed(2)} | ${((100 * ms[p]) / ms.cell).toFixed(1)}% |`);
console.log(`| overhead = cell − kernel + store | ${overhead.toFixed(2)} | ${((100 * overhead) / ms.kernel).toFixed(1)}% of the kernel |`);
console.log(`| overhead less prepareCrisis (scenario copies, aggregation, packing, store) | ${(overhead - ms.prepare).toFixed(2)} | |`);
console.log(`| overhead with reuse: cells of a future in turn on one thread (threat paths reused where a policy leaves the arms inputs alone) | ${(median(reuse) + ms.store).toFixed(2)} | |`);
if (baseline) {
  const baseOverhead = median(samples.baseline.map((b, k) => b - samples.kernel[k]));
  console.log(`| baseline cell | ${ms.baseline.toFixed(2)} | overhead ${baseOverhead.toFixed(2)} ms (+ its store write, not timed here); this/baseline overhead ${(overhead / baseOverhead).toFixed(2)} |`);
}
console.log(`load at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
