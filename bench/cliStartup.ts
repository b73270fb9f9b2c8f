// Whole-process times of the CLI against their references, interleaved so that load changes hit all alike;
// medians of wall and CPU time (user + system of the child, from /usr/bin/time: on a shared machine the CPU time
// is the steadier figure) and their ratios.
//  - issue 18: what `npx flashpoints` costs over running the built CLI directly (`--version`);
//  - issue 20: `simulate` and `validate` on the Korea scenario with the scenario cache warm and off, against a
//    numpy/scipy peer (bench/python/simulatePeer.py) and `node -e 0`; `fit var` against statsmodels
//    (bench/python/fitVarPeer.py) on the same CSV. The Python peers run with Debian's /usr/bin/python3.
//  - the bundled CLI (dist/src/cli/main.js, written by scripts/bundleCli.mjs) against the same CLI from tsc's
//    per-module files (dist/src/cli/main.unbundled.js), each with its own scenario cache folder: the two builds
//    stamp their entries differently, and one folder would have them overwrite each other's on every call.
// Run from the repository root after `npm run build`: `node dist/bench/cliStartup.js [reps]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamFor } from '../src/math/rng/index.js';

const reps = Number(process.argv[2] ?? 9);
const dir = mkdtempSync(join(tmpdir(), 'flashpoints-startup-'));
const cacheEnv = { ...process.env, FLASHPOINTS_CACHE_DIR: join(dir, 'cache') };
const unbundledCacheEnv = { ...process.env, FLASHPOINTS_CACHE_DIR: join(dir, 'cache-unbundled') };
const noCache = { ...process.env, FLASHPOINTS_CACHE: 'off' };

// The VAR data of bench/estimate.ts: a seeded VAR(2) on 3 variables × 200 observations.
const rng = streamFor(2024, 4);
const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
const A1 = [[0.5, 0.1, 0], [0.2, 0.3, 0.1], [0, 0.2, 0.4]], A2 = [[-0.2, 0, 0.1], [0, -0.1, 0], [0.1, 0, -0.15]];
const rows = [[0, 0, 0], [0, 0, 0]];
for (let t = 2; t < 202; t++) rows.push([0, 1, 2].map((i) => 0.1 + [0, 1, 2].reduce((s, j) => s + A1[i][j] * rows[t - 1][j] + A2[i][j] * rows[t - 2][j], 0) + gauss()));
const csv = join(dir, 'var.csv');
writeFileSync(csv, ['a,b,c', ...rows.slice(2).map((r) => r.join(','))].join('\n') + '\n');

const python = '/usr/bin/python3';
const has = (module: string) => existsSync(python) && spawnSync(python, ['-c', `import ${module}`]).status === 0;
const korea = 'scenarios/korea-2024.yaml';
const cli = (...args: string[]) => [process.execPath, 'dist/src/cli/main.js', ...args];
const unbundledEntry = 'dist/src/cli/main.unbundled.js';
const unbundled = (...args: string[]) => [process.execPath, unbundledEntry, ...args];
const fitVar = ['fit', 'var', '--data', csv, '--vars', 'a,b,c', '--lags', 'auto', '--max-lags', '8', '--irf', '10', '--json'];
type Case = { argv: string[]; env?: NodeJS.ProcessEnv };
const cases: Record<string, Case> = {
  'node -e 0': { argv: [process.execPath, '-e', '0'] },
  'flashpoints --version': { argv: cli('--version') },
  'npx --no-install flashpoints --version': { argv: ['npx', '--no-install', 'flashpoints', '--version'] },
  'validate korea (cache warm)': { argv: cli('validate', korea), env: cacheEnv },
  'validate korea (cache off)': { argv: cli('validate', korea), env: noCache },
  'simulate korea (cache warm)': { argv: cli('simulate', korea), env: cacheEnv },
  'simulate korea (cache off)': { argv: cli('simulate', korea), env: noCache },
  'fit var --lags auto --max-lags 8 --irf 10 --json': { argv: cli(...fitVar) },
};
if (existsSync(unbundledEntry)) {
  cases['unbundled --version'] = { argv: unbundled('--version') };
  cases['unbundled validate korea (cache warm)'] = { argv: unbundled('validate', korea), env: unbundledCacheEnv };
  cases['unbundled simulate korea (cache warm)'] = { argv: unbundled('simulate', korea), env: unbundledCacheEnv };
  cases['unbundled fit var'] = { argv: unbundled(...fitVar) };
}
if (has('numpy') && has('scipy') && has('yaml')) cases['python3 simulatePeer.py (numpy, scipy, PyYAML)'] = { argv: [python, 'bench/python/simulatePeer.py', korea] };
if (has('statsmodels')) cases['python3 fitVarPeer.py (statsmodels)'] = { argv: [python, 'bench/python/fitVarPeer.py', csv] };

/** One call: [wall ms, CPU ms of the child]. */
function run({ argv, env }: Case, name: string): [number, number] {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', ...argv], { encoding: 'utf8', env: env ?? process.env });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return [wall, (user + sys) * 1000];
}

const samples: Record<string, { wall: number[]; cpu: number[] }> = Object.fromEntries(Object.keys(cases).map((k) => [k, { wall: [], cpu: [] }]));
// One untimed call each first: npm's cache, the OS file cache, and the scenario cache's first entry.
for (const [name, c] of Object.entries(cases)) run(c, name);
const load0 = loadavg();
for (let i = 0; i < reps; i++) {
  for (const [name, c] of Object.entries(cases)) {
    const [wall, cpu] = run(c, name);
    samples[name].wall.push(wall);
    samples[name].cpu.push(cpu);
  }
}
rmSync(dir, { recursive: true, force: true });
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const m = (k: string) => ({ wall: median(samples[k].wall), cpu: median(samples[k].cpu) });
console.log(`${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}; load ${load0.map((l) => l.toFixed(2)).join(' ')} → ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${reps} interleaved reps`);
for (const k of Object.keys(cases)) console.log(`${k.padEnd(52)} wall ${m(k).wall.toFixed(0).padStart(5)} ms   CPU ${m(k).cpu.toFixed(0).padStart(5)} ms`);
const ratio = (a: string, b: string) => (cases[a] && cases[b] ? `${(m(a).wall / m(b).wall).toFixed(2)}× wall, ${(m(a).cpu / m(b).cpu).toFixed(2)}× CPU` : 'peer not installed');
console.log(`npx overhead: ${ratio('npx --no-install flashpoints --version', 'flashpoints --version')}`);
console.log(`simulate (warm) / numpy peer: ${ratio('simulate korea (cache warm)', 'python3 simulatePeer.py (numpy, scipy, PyYAML)')}; warm / off: ${ratio('simulate korea (cache warm)', 'simulate korea (cache off)')}`);
console.log(`validate (warm) / numpy peer: ${ratio('validate korea (cache warm)', 'python3 simulatePeer.py (numpy, scipy, PyYAML)')}; warm / off: ${ratio('validate korea (cache warm)', 'validate korea (cache off)')}`);
console.log(`bundled / unbundled: --version ${ratio('flashpoints --version', 'unbundled --version')}; validate ${ratio('validate korea (cache warm)', 'unbundled validate korea (cache warm)')}; simulate ${ratio('simulate korea (cache warm)', 'unbundled simulate korea (cache warm)')}; fit var ${ratio('fit var --lags auto --max-lags 8 --irf 10 --json', 'unbundled fit var')}`);
console.log(`simulate (warm) / node -e 0: ${ratio('simulate korea (cache warm)', 'node -e 0')}; validate (warm) / node -e 0: ${ratio('validate korea (cache warm)', 'node -e 0')}`);
console.log(`statsmodels / fit var: ${ratio('python3 fitVarPeer.py (statsmodels)', 'fit var --lags auto --max-lags 8 --irf 10 --json')} (target ≥ 4)`);
