// Benchmark of the distributed runner (issue 16), on a redis-server of its own and `flashpoints worker` processes
// of the built CLI, each measured against the local pool in the same run:
//   main      the `npm start` experiment (6 policies × 50 futures × 40 runs × 120 months) through the queue with 2
//             workers vs the local pool with 2 threads, alternated, 3 rounds (target: queue ≤ 1.15 × local)
//   overhead  per-job overhead: probe cells (no computation) through 1 worker, and tiny real cells vs 1 local thread
//   scaling   cells per second with 1, 2 and 4 workers (120 cells of 40 runs × 120 months) vs 1 and 2 local threads
//   memory    the coordinator's memory while 10⁵ probe cells go through 2 workers of 4 threads
//   store     the coordinator's intake ceiling: parse and store one delivered cell
// Run on the built JavaScript: `npm run build && node dist/bench/distributed.js [main] [overhead] [scaling] [memory] [store]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { comparePolicies, type CompareOptions } from '../src/engine/compare.js';
import { queueExecutor } from '../src/engine/queue/coordinator.js';
import { parseScenario } from '../src/scenario/load.js';
import { startRedisServer } from './redisServer.js';

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not validate');
const { scenario, hash } = parsed;
const allPolicies = scenario.policies.map((p) => p.id);
const main = new URL('../src/cli/main.js', import.meta.url).pathname;
const wanted = new Set(process.argv.slice(2));
const run = (section: string) => wanted.size === 0 || wanted.has(section);

const redis = await startRedisServer();
let db = 0;
const workers: ChildProcess[] = [];

/** Starts n worker processes of `concurrency` threads each on a fresh database; resolves when all are taking jobs. */
async function startWorkers(n: number, concurrency = 1): Promise<string> {
  await stopWorkers();
  const url = redis.url(++db);
  await Promise.all(
    Array.from({ length: n }, () => {
      const w = spawn(process.execPath, [main, 'worker', '--queue', url, '--concurrency', String(concurrency)], { stdio: ['ignore', 'ignore', 'pipe'] });
      workers.push(w);
      return new Promise<void>((resolve) => w.stderr!.on('data', (d) => String(d).includes('taking cells') && resolve()));
    }),
  );
  return url;
}
async function stopWorkers() {
  await Promise.all(workers.splice(0).map((w) => new Promise((resolve) => (w.on('close', resolve), w.kill('SIGTERM')))));
}

const experiment = (futures: number, runs: number, horizonMonths: number): Omit<CompareOptions, 'threads'> => ({
  policies: allPolicies, futures, runs, seed: 1, horizonMonths, store: null, resume: false, force: false, threshold: 0.05,
});
async function timeCompare(o: Omit<CompareOptions, 'threads'>, where: { threads: number } | { queue: string }) {
  const t0 = performance.now();
  const { result } = await comparePolicies(scenario, hash, 'queue' in where ? { ...o, threads: 1, queue: { url: where.queue } } : { ...o, threads: where.threads });
  return { seconds: (performance.now() - t0) / 1000, result: JSON.stringify({ ...result, timing: undefined }) };
}
/** CPU seconds (user + system) used so far by this process, the workers and redis-server: load-independent, unlike wall time. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  const ticks = [...workers.map((w) => w.pid!), redis.pid()].reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return sum + Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5)), in 1/100 s
  }, 0);
  return (own.user + own.system) / 1e6 + ticks / 100;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`distributed benchmark, ${new Date().toISOString()}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

if (run('main')) {
  const o = experiment(50, 40, 120);
  const local: number[] = [], queued: number[] = [];
  const url = await startWorkers(2);
  let same = true;
  const cpu = { local: [] as number[], queue: [] as number[] };
  for (let round = 0; round < 3; round++) {
    let c0 = cpuSeconds();
    const l = await timeCompare(o, { threads: 2 });
    cpu.local.push(cpuSeconds() - c0);
    c0 = cpuSeconds();
    const q = await timeCompare(o, { queue: url });
    cpu.queue.push(cpuSeconds() - c0);
    local.push(l.seconds);
    queued.push(q.seconds);
    same &&= l.result === q.result;
    console.log(`main round ${round + 1}: local pool 2 threads ${l.seconds.toFixed(2)} s (CPU ${cpu.local[round].toFixed(1)} s), queue 2 workers ${q.seconds.toFixed(2)} s (CPU ${cpu.queue[round].toFixed(1)} s, coordinator, workers and Redis) → wall ${(q.seconds / l.seconds).toFixed(3)}×, CPU ${(cpu.queue[round] / cpu.local[round]).toFixed(3)}×`);
  }
  console.log(`main CPU seconds: local median ${median(cpu.local).toFixed(1)}, queue median ${median(cpu.queue).toFixed(1)} → ${(median(cpu.queue) / median(cpu.local)).toFixed(3)}×`);
  const ratios = queued.map((q, i) => q / local[i]);
  console.log(`main (300 cells, 12,000 runs): local best ${Math.min(...local).toFixed(2)} s, queue best ${Math.min(...queued).toFixed(2)} s; ratio of bests ${(Math.min(...queued) / Math.min(...local)).toFixed(3)}, median round ratio ${median(ratios).toFixed(3)}; results identical: ${same}`);
}

if (run('overhead')) {
  const url = await startWorkers(1);
  const n = 2000;
  const tasks = Array.from({ length: n }, (_, index) => ({ scenario, index }));
  const probe = async () => {
    const t0 = performance.now();
    let got = 0;
    await queueExecutor<(typeof tasks)[number], { index: number }>({ url, experiment: `probe-${performance.now()}`.replace('.', ''), scenarioHash: hash, kind: 'probe', key: (t) => `p|${t.index}` }).run(tasks, () => got++);
    if (got !== n) throw new Error(`probe: ${got} of ${n}`);
    return performance.now() - t0;
  };
  await probe(); // warm-up: the worker hashes the scenario once per experiment
  const ms = median([await probe(), await probe(), await probe()]);
  console.log(`overhead: ${n} probe cells through 1 worker: ${(ms / 1000).toFixed(2)} s → ${(ms / n).toFixed(2)} ms per job (median of 3), ${(n / (ms / 1000)).toFixed(0)} jobs/s`);
  const tiny = experiment(50, 1, 1);
  const l = await timeCompare(tiny, { threads: 1 });
  const q = await timeCompare(tiny, { queue: url });
  console.log(`overhead: 300 tiny cells (1 run × 1 month): local 1 thread ${l.seconds.toFixed(2)} s, queue 1 worker ${q.seconds.toFixed(2)} s → ${(((q.seconds - l.seconds) * 1000) / 300).toFixed(2)} ms per cell more`);
}

if (run('scaling')) {
  const o = experiment(20, 40, 120);
  const cells = 6 * 20;
  const line = (what: string, seconds: number, cpu: number) =>
    console.log(`scaling: ${what}: ${seconds.toFixed(2)} s, ${(cells / seconds).toFixed(1)} cells/s; CPU ${cpu.toFixed(1)} s, ${(cells / cpu).toFixed(1)} cells per CPU-second`);
  for (const threads of [1, 2]) {
    await stopWorkers();
    const c0 = cpuSeconds();
    const l = await timeCompare(o, { threads });
    line(`local pool ${threads} thread${threads > 1 ? 's' : ''}`, l.seconds, cpuSeconds() - c0);
  }
  for (const n of [1, 2, 4]) {
    const url = await startWorkers(n);
    const c0 = cpuSeconds();
    const q = await timeCompare(o, { queue: url });
    line(`queue ${n} worker${n > 1 ? 's' : ''}`, q.seconds, cpuSeconds() - c0);
  }
}

if (run('memory')) {
  const url = await startWorkers(2, 4);
  const n = 100_000;
  const base = process.memoryUsage();
  const tasks = Array.from({ length: n }, (_, index) => ({ scenario, index }));
  const results = new Map<string, { index: number }>();
  let peakRss = 0, peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 200);
  const t0 = performance.now();
  await queueExecutor<(typeof tasks)[number], { index: number }>({ url, experiment: 'memory', scenarioHash: hash, kind: 'probe', key: (t) => `p|${t.index}` }).run(tasks, (t, r) => results.set(`p|${t.index}`, r));
  clearInterval(sampler);
  const s = (performance.now() - t0) / 1000;
  const mib = (b: number) => (b / 2 ** 20).toFixed(0);
  console.log(`memory: ${n} probe cells through 2 workers × 4 threads in ${s.toFixed(1)} s (${(n / s).toFixed(0)} cells/s); coordinator RSS ${mib(base.rss)} → peak ${mib(peakRss)} MiB, heap ${mib(base.heapUsed)} → peak ${mib(peakHeap)} MiB`);
  const { runCell } = await import('../src/experiment/runCell.js');
  const { sampleFutures } = await import('../src/experiment/futures.js');
  const design = sampleFutures(scenario, 1, 1);
  const cell = runCell({ scenario, uncertainties: design.uncertainties, future: design.futures[0], policy: 'status-quo', seed: 1, runs: 40, horizonMonths: 120 });
  console.log(`memory: one compare cell of 40 runs × 120 months is ${(JSON.stringify(cell).length / 1024).toFixed(1)} KiB as JSON (what compare keeps per cell for the analysis)`);
}

if (run('store')) {
  // The coordinator's intake ceiling: parsing one delivered cell and storing it in its own SQLite transaction.
  const { ExperimentStore } = await import('../src/engine/experimentStore.js');
  const { runCell } = await import('../src/experiment/runCell.js');
  const { sampleFutures } = await import('../src/experiment/futures.js');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const design = sampleFutures(scenario, 1, 1);
  const text = JSON.stringify(runCell({ scenario, uncertainties: design.uncertainties, future: design.futures[0], policy: 'status-quo', seed: 1, runs: 40, horizonMonths: 120 }));
  const dir = mkdtempSync(`${tmpdir()}/fp-store-`);
  const store = ExperimentStore.open(`${dir}/bench.sqlite`);
  store.begin({ id: 'bench', scenarioId: scenario.id, scenarioHash: hash, seed: 1, options: {}, version: 'bench' });
  const n = 2000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) store.putCell('bench', 'status-quo', i, JSON.parse(text));
  const ms = (performance.now() - t0) / n;
  // The store recounts the experiment's cells on every insert: the cost per cell grows with the cells stored.
  for (let i = n; i < 19_000; i++) store.putCell('bench', 'status-quo', i, JSON.parse(text));
  const t1 = performance.now();
  for (let i = 19_000; i < 20_000; i++) store.putCell('bench', 'status-quo', i, JSON.parse(text));
  const late = (performance.now() - t1) / 1000;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`store: parse + store one ${(text.length / 1024).toFixed(1)} KiB cell: ${ms.toFixed(2)} ms → at most ${(1000 / ms).toFixed(0)} cells/s into one coordinator's store; with 1.9 × 10⁴ stored: ${late.toFixed(2)} ms`);
}

await stopWorkers();
await redis.stop();
await sleep(100);
