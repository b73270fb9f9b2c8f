// Warm `npm start` (issue 20): the main job on a new store, once cold (every cell computed), then reruns
// interleaved with their references so that load changes hit all alike — `node -e 0` (Node's own start) and the
// rerun with the cache off (it reads the store back and recomputes everything else, what a warm rerun cost before
// the answer cache). Each call runs under `/usr/bin/time -v`; medians of wall and CPU time (user + system of the
// child: on a shared machine the CPU time is the steadier figure), peak RSS, and the ratios.
// Run from the repository root after `npm run build`: `node dist/bench/warmStart.js [reps]` (default 5).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const reps = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'flashpoints-warm-'));
const store = join(dir, 'store.sqlite'), report = join(dir, 'report.html');
const cache = { ...process.env, FLASHPOINTS_CACHE_DIR: join(dir, 'cache') };
const main = [process.execPath, 'dist/src/cli/main.js', 'main', '--report', report, '--store', store];
type Case = { argv: string[]; env: NodeJS.ProcessEnv };
const cases: Record<string, Case> = {
  'node -e 0': { argv: [process.execPath, '-e', '0'], env: process.env },
  'main, warm (answer cache)': { argv: main, env: cache },
  'main, warm, FLASHPOINTS_CACHE=off': { argv: main, env: { ...cache, FLASHPOINTS_CACHE: 'off' } },
};

/** One call under /usr/bin/time -v: wall, CPU (user + system) and peak RSS of the child. */
function run({ argv, env }: Case, name: string): { wall: number; cpu: number; rss: number; out: string } {
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const field = (label: string) => /^\s*(.*)$/.exec(r.stderr.split('\n').find((l) => l.includes(label))!.split(': ').pop()!)![1];
  const clock = field('Elapsed (wall clock) time').split(':').map(Number);
  const wall = 1000 * clock.reduce((s, x) => 60 * s + x, 0);
  return { wall, cpu: 1000 * (Number(field('User time (seconds)')) + Number(field('System time (seconds)'))), rss: Number(field('Maximum resident set size (kbytes)')) / 1024, out: r.stdout };
}

const load0 = loadavg();
const cold = run({ argv: main, env: cache }, 'main, cold');
const samples: Record<string, ReturnType<typeof run>[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < reps; i++) for (const [name, c] of Object.entries(cases)) samples[name].push(run(c, name));
const load1 = loadavg();
const reused = samples['main, warm (answer cache)'].every((s) => /answer reused from the cache/.test(s.out));
rmSync(dir, { recursive: true, force: true });
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const m = (k: string) => ({ wall: median(samples[k].map((s) => s.wall)), cpu: median(samples[k].map((s) => s.cpu)), rss: median(samples[k].map((s) => s.rss)) });
console.log(`${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}; load ${load0.map((l) => l.toFixed(2)).join(' ')} → ${load1.map((l) => l.toFixed(2)).join(' ')}; ${reps} interleaved reps`);
const line = (k: string, v: { wall: number; cpu: number; rss: number }) => console.log(`${k.padEnd(40)} wall ${v.wall.toFixed(0).padStart(7)} ms   CPU ${v.cpu.toFixed(0).padStart(7)} ms   peak RSS ${v.rss.toFixed(0).padStart(4)} MiB`);
line('main, cold (new store, once)', cold);
for (const k of Object.keys(cases)) line(k, m(k));
const ratio = (a: string, b: string) => `${(m(a).wall / m(b).wall).toFixed(2)}× wall, ${(m(a).cpu / m(b).cpu).toFixed(2)}× CPU`;
console.log(`warm (cache) / node -e 0: ${ratio('main, warm (answer cache)', 'node -e 0')}`);
console.log(`warm (cache) / warm (cache off): ${ratio('main, warm (answer cache)', 'main, warm, FLASHPOINTS_CACHE=off')}`);
console.log(`every cached rerun reused the answer: ${reused}`);
