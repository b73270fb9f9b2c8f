// Benchmark of `compare`'s memory in the number of cells (issue 20, "memory flat in the number of cells"): peak
// RSS of a whole `compare` process — main thread and its 2 worker threads — at 300, 1,200, 12,000 and 100,000
// (policy, future) cells, each size in a fresh child process, then the same experiment again reusing every stored
// cell (resume). The reference, in the same run: the same sizes under an earlier build given by --baseline DIR
// (a built checkout, e.g. `git worktree add /tmp/base 6a08339 && cd /tmp/base && npm run build`), whose compare
// held every cell in memory — skipped at 10⁵ cells, where it would need several GiB.
//
// Workloads:
//   cheap  a synthetic three-actor scenario without arms stocks (below), 6 policies, 4 runs × 12 months a cell:
//          cheap enough that 10⁵ cells run in minutes; its cells are small, so it measures what grows with the
//          number of cells (tasks, outcome table, store bookkeeping), not the histograms
//   korea  the Korea 2024 scenario, 6 policies, 10 runs × 120 months a cell: a cell's histograms are ~10–30 KiB,
//          the case the issue measured (0.3 MiB of RSS per cell)
// Run on the built JavaScript: `npm run build && node dist/bench/compareMemory.js [--baseline DIR] [--sizes 300,1200]
// [--workloads cheap,korea] [--stages]`; --stages also reports the peak within each stage of the comparison
// (COMPARE_PHASES in src/engine/compare.ts: design, cells, weights, pooling, analysis), from a sampler thread.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The cheap workload's scenario: three actors, no capabilities (no arms path to solve), six policies. */
export const CHEAP_SCENARIO = `
id: bench-cheap
title: Three actors, no arms stocks (a cheap cell for memory benchmarks)
description: A synthetic scenario whose cells cost little, so that 10^5 of them fit in a benchmark.
asOf: 2024-11-30
start: 2024-12-01
actors:
  - { id: A, name: A }
  - { id: B, name: B }
  - { id: C, name: C }
relations:
  - { from: A, to: B, mutual: true, hostility: { value: 0.8, assumption: "bench", range: [0.5, 1] }, dialogue: { value: 0, assumption: "bench", range: [0, 0.2] } }
  - { from: A, to: C, mutual: true, hostility: { value: 0.5, assumption: "bench", range: [0.2, 0.8] } }
  - { from: B, to: C, alignment: 0.6, hostility: 0.1 }
crisis:
  memory: { value: 0.3, assumption: "bench", range: [0.1, 0.6] }
  actors:
    A: { strategy: reciprocator, baseline: { value: 1.5, assumption: "bench", range: [0.5, 2.5] }, bias: { value: 1, assumption: "bench", range: [0, 3] } }
    B: { strategy: reciprocator, baseline: { value: 1, assumption: "bench", range: [0.5, 2] } }
    C: { strategy: reciprocator }
levers:
  - { id: ab-channel, description: "A–B channel", path: relations.A.B.dialogue }
  - { id: ba-channel, description: "B–A channel", path: relations.B.A.dialogue }
  - { id: a-drive, description: "A's drive", path: crisis.actors.A.drive }
policies:
  - { id: status-quo, title: Status quo, description: nothing changes, changes: [], strategies: {} }
  - { id: talks, title: Talks, description: both channels open, changes: [{ lever: ab-channel, set: 0.8 }, { lever: ba-channel, set: 0.8 }], strategies: {} }
  - { id: one-way, title: One way, description: A's channel only, changes: [{ lever: ab-channel, set: 0.8 }], strategies: {} }
  - { id: calm, title: Calm, description: A's drive down, changes: [{ lever: a-drive, set: -0.5 }], strategies: {} }
  - { id: dove, title: Dove, description: A plays dove, changes: [], strategies: { A: dove } }
  - { id: grit, title: GRIT, description: A plays GRIT, changes: [], strategies: { A: grit } }
`;

const WORKLOADS = { cheap: { runs: 4, horizonMonths: 12 }, korea: { runs: 10, horizonMonths: 120 } } as const;
type Workload = keyof typeof WORKLOADS;

interface ChildResult {
  peakMiB: number;
  /** Peak RSS within each stage of the comparison (COMPARE_PHASES), sampled every 5 ms; absent for a build without the stages. */
  phaseMiB?: number[];
  seconds: number;
  computed: number;
  reused: number;
}

/** The child: one compare of `cells` cells under the build at `root`, on 2 threads, into `store`; prints its peak RSS. */
async function child(root: string, workload: Workload, cells: number, store: string, stages: boolean): Promise<void> {
  const { parseScenario } = (await import(join(root, 'src/scenario/load.js'))) as typeof import('../src/scenario/load.js');
  const { comparePolicies } = (await import(join(root, 'src/engine/compare.js'))) as typeof import('../src/engine/compare.js');
  const text = workload === 'cheap' ? CHEAP_SCENARIO : readFileSync(join(root, '../scenarios/korea-2024.yaml'), 'utf8');
  const parsed = parseScenario(text, `${workload}.yaml`);
  if (!parsed.ok) throw new Error(`the ${workload} scenario does not validate`);
  const policies = parsed.scenario.policies.map((p) => p.id);
  // With --stages, a sampler thread reads the process's RSS every 5 ms into the slot of the current stage (shared
  // memory: the main thread only writes the stage's number, so the sampling does not wait for it). The thread adds
  // its own few MiB, so the headline peaks are measured without it.
  const shared = new SharedArrayBuffer(8 + 8 * 8);
  const stage = new Int32Array(shared, 0, 2), peaks = new Float64Array(shared, 8, 8);
  stage[0] = -1;
  const sampler = stages && new Worker(
    `const { workerData } = require('node:worker_threads');
     const stage = new Int32Array(workerData, 0, 2), peaks = new Float64Array(workerData, 8, 8);
     setInterval(() => { const k = Atomics.load(stage, 0); if (k >= 0) peaks[k] = Math.max(peaks[k], process.memoryUsage.rss()); if (stage[1]) process.exit(0); }, 5);`,
    { eval: true, workerData: shared },
  );
  const phases = stages ? ((await import(join(root, 'src/engine/compare.js'))) as { COMPARE_PHASES?: readonly string[] }).COMPARE_PHASES : undefined;
  const t0 = performance.now();
  const { computed, reused } = await comparePolicies(parsed.scenario, parsed.hash, {
    policies, futures: Math.round(cells / policies.length), seed: 1, threads: 2, store, resume: true, force: false, threshold: 0.05, ...WORKLOADS[workload],
    onPhase: (p: string) => phases && Atomics.store(stage, 0, phases.indexOf(p)),
  } as Parameters<typeof comparePolicies>[2]);
  const seconds = (performance.now() - t0) / 1000;
  Atomics.store(stage, 1, 1);
  if (sampler) await new Promise((done) => sampler.once('exit', done));
  const out: ChildResult = { peakMiB: process.resourceUsage().maxRSS / 1024, ...(phases ? { phaseMiB: phases.map((_, k) => peaks[k] / 2 ** 20) } : {}), seconds, computed, reused };
  process.stdout.write(JSON.stringify(out));
}

function spawnChild(root: string, workload: Workload, cells: number, store: string, stages: boolean): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const text = execFileSync(process.execPath, [self, '--child', root, workload, String(cells), store, String(stages)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 });
  return JSON.parse(text) as ChildResult;
}

async function parent(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const here = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const baseline = opt('--baseline') ? resolve(opt('--baseline')!, 'dist') : undefined;
  const sizes = (opt('--sizes') ?? '300,1200,12000,100000').split(',').map(Number);
  const workloads = (opt('--workloads') ?? 'cheap,korea').split(',') as Workload[];
  const stages = args.includes('--stages');
  console.log(`compare peak RSS by cells — ${new Date().toISOString()}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('| workload | cells | build | compute: peak RSS MiB | s | store MiB | reuse all: peak RSS MiB | s |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|');
  const byStage: string[] = [];
  for (const workload of workloads) {
    for (const cells of sizes) {
      // The Korea workload at 10⁵ cells takes a quarter of an hour of both cores on a quiet machine: by default it
      // stops at 12,000; --sizes asks for what it names.
      if (workload === 'korea' && cells > 12_000 && opt('--sizes') === undefined) continue;
      for (const [name, root] of [['this', here], ['baseline', baseline]] as const) {
        if (!root || (name === 'baseline' && cells > 12_000)) continue;
        const dir = mkdtempSync(join(tmpdir(), 'compare-memory-'));
        try {
          const store = join(dir, 'cells.sqlite');
          const first = spawnChild(root, workload, cells, store, stages);
          const storeMiB = statSync(store).size / 2 ** 20;
          const again = spawnChild(root, workload, cells, store, stages);
          if (again.computed !== 0) throw new Error(`the second run recomputed ${again.computed} cells`);
          console.log(`| ${workload} | ${cells.toLocaleString('en')} | ${name} | ${first.peakMiB.toFixed(0)} | ${first.seconds.toFixed(1)} | ${storeMiB.toFixed(1)} | ${again.peakMiB.toFixed(0)} | ${again.seconds.toFixed(1)} |`);
          if (stages) byStage.push(`| ${workload} | ${cells.toLocaleString('en')} | ${name} | ${[first, again].map((r) => (r.phaseMiB ? r.phaseMiB.map((m) => (m ? m.toFixed(0) : '—')).join(' / ') : '—')).join(' | ')} |`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  }
  if (stages) {
    console.log('\npeak RSS MiB within each stage, a sampler thread included (design / cells / weights / pooling / analysis; — shorter than one 5 ms sample)');
    console.log('| workload | cells | build | compute | reuse all |');
    console.log('|---|---:|---|---|---|');
    byStage.forEach((line) => console.log(line));
  }
  console.log(`load at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4] as Workload, Number(process.argv[5]), process.argv[6], process.argv[7] === 'true');
else await parent();
