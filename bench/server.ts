// API overhead of a `run` job against the CLI `run` (issue 15 §4): the same work — the Korea scenario, N runs,
// seed 1, 120 months, 1 thread — once as `node dist/src/cli/main.js run … --json` (a process: start-up, module
// loading, the runs, printing) and once as a job of a running `flashpoints serve` (POST /api/jobs, then its event
// stream to the end: a worker thread's start-up and module loading, the runs, the result as JSON over HTTP).
// Interleaved so that load changes hit both alike; medians, and their ratio. Both documents are checked equal
// apart from timing. Run from the repository root after `npm run build`: `node dist/bench/server.js [runs] [reps]`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startServer } from '../src/server/startServer.js';

const runs = Number(process.argv[2] ?? 2000);
const reps = Number(process.argv[3] ?? 5);
const yaml = readFileSync('scenarios/korea-2024.yaml', 'utf8');
const server = await startServer({ port: 0, threads: 1, store: null });

function cliRun(): { ms: number; doc: Record<string, any> } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['dist/src/cli/main.js', 'run', 'scenarios/korea-2024.yaml', '--runs', String(runs), '--seed', '1', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`CLI run failed: ${r.stderr}`);
  return { ms, doc: JSON.parse(r.stdout) };
}

async function apiRun(): Promise<{ ms: number; doc: Record<string, any> }> {
  const t = performance.now();
  const posted = await fetch(`${server.url}/api/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'run', yaml, options: { runs, seed: 1 } }) });
  const { id } = (await posted.json()) as { id: string };
  const stream = await (await fetch(`${server.url}/api/jobs/${id}/events`)).text();
  const ms = performance.now() - t;
  const end = stream.split('\n\n').find((b) => b.startsWith('event: end'))!;
  const job = JSON.parse(end.split('\n').find((l) => l.startsWith('data: '))!.slice(6));
  if (job.status !== 'done') throw new Error(`job ${job.status}: ${job.error?.message}`);
  return { ms, doc: job.result };
}

const strip = ({ timing: _t, ...rest }: Record<string, any>) => JSON.stringify(rest);
const samples = { cli: [] as number[], api: [] as number[], cliCompute: [] as number[], apiCompute: [] as number[] };
const loadBefore = loadavg();
// One untimed call each first (file cache, JIT of the server's own handlers).
cliRun();
await apiRun();
for (let i = 0; i < reps; i++) {
  const c = cliRun();
  const a = await apiRun();
  if (strip(c.doc) !== strip(a.doc)) throw new Error('the API job and the CLI gave different documents');
  samples.cli.push(c.ms);
  samples.api.push(a.ms);
  samples.cliCompute.push(c.doc.timing.seconds * 1000);
  samples.apiCompute.push(a.doc.timing.seconds * 1000);
}
await server.close();
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<keyof typeof samples, number>;
console.log(`${new Date().toISOString()}, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${reps} reps each, ${runs} runs × 120 months, 1 thread`);
console.log(`CLI run (process):  median ${m.cli.toFixed(0)} ms wall, of which the runs ${m.cliCompute.toFixed(0)} ms; overhead ${(m.cli - m.cliCompute).toFixed(0)} ms`);
console.log(`API run job:        median ${m.api.toFixed(0)} ms wall (POST → end event), of which the runs ${m.apiCompute.toFixed(0)} ms; overhead ${(m.api - m.apiCompute).toFixed(0)} ms`);
console.log(`ratio API / CLI: ${(m.api / m.cli).toFixed(2)} (wall), ${((m.api - m.apiCompute) / (m.cli - m.cliCompute)).toFixed(2)} (overhead alone); same documents apart from timing: yes`);
