// What `npx flashpoints` costs over running the built CLI directly (issue 18): both print the version (the
// lightest command), interleaved so that load changes hit both alike; medians and their ratio.
// Run from the repository root after `npm run build`: `node dist/bench/cliStartup.js [reps]`.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const reps = Number(process.argv[2] ?? 9);
const cases: Record<string, string[]> = {
  'node dist/src/cli/main.js --version': [process.execPath, 'dist/src/cli/main.js', '--version'],
  'npx --no-install flashpoints --version': ['npx', '--no-install', 'flashpoints', '--version'],
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// One untimed call each first: npm's cache and the OS file cache.
for (const [cmd, ...args] of Object.values(cases)) spawnSync(cmd, args, { encoding: 'utf8' });
for (let i = 0; i < reps; i++) {
  for (const [name, [cmd, ...args]] of Object.entries(cases)) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    samples[name].push(performance.now() - t);
  }
}
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
console.log(`${new Date().toISOString()}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${reps} reps each`);
const [direct, npx] = Object.keys(cases).map((k) => median(samples[k]));
for (const k of Object.keys(cases)) console.log(`${k}: median ${median(samples[k]).toFixed(0)} ms`);
console.log(`npx overhead ${(npx - direct).toFixed(0)} ms a call; ratio ${(npx / direct).toFixed(2)}×`);
