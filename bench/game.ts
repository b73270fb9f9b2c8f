/**
 * Benchmark of the game layer (issue 9): the round robin of cooperator, defector, tit-for-tat, tit-for-two-tats,
 * grudger, alternator and win-stay-lose-shift, 200 turns, 50 repetitions — in-process (the Axelrod library takes
 * about 1.1 s for it) and as a whole `flashpoints tournament` process. Run on the built JavaScript:
 *   npm run build && node dist/bench/game.js
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { strategyById } from '../src/models/game/registry.js';
import { runTournament, type TournamentOptions } from '../src/models/game/tournament.js';

const IDS = ['cooperator', 'defector', 'tit-for-tat', 'tit-for-two-tats', 'grudger', 'alternator', 'win-stay-lose-shift'];
const AXELROD_SECONDS = 1.1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(label: string, fn: () => unknown, runs: number): number {
  for (let k = 0; k < 3; k++) fn(); // warm-up: let V8 optimise the inner loop
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  const speedup = (AXELROD_SECONDS * 1000) / ms;
  console.log(`${label.padEnd(58)} median ${ms.toFixed(2).padStart(8)} ms  (${speedup.toFixed(0)}× the Axelrod library's 1.1 s)`);
  return ms;
}

const players = IDS.map(strategyById);
const base: TournamentOptions = { turns: 200, repetitions: 50, seed: 1 };
console.log(`round robin of ${IDS.length} strategies (self-play included), 200 turns, 50 repetitions`);
timeIt('in-process, deterministic pairs played once', () => runTournament(players, base), 50);
timeIt('in-process, every repetition replayed', () => runTournament(players, { ...base, reuseDeterministic: false }), 20);
timeIt('in-process, noise 0.05 (every repetition replayed)', () => runTournament(players, { ...base, noise: 0.05 }), 20);
timeIt('in-process, misperception 0.05', () => runTournament(players, { ...base, misperception: 0.05 }), 20);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = ['src/cli/main.js', 'tournament', '--players', IDS.join(','), '--turns', '200', '--repetitions', '50', '--json'];
const wall: number[] = [];
for (let k = 0; k < 10; k++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  wall.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`flashpoints tournament failed: ${r.stderr}`);
}
console.log(`${'whole process: flashpoints tournament ... --json'.padEnd(58)} median ${median(wall).toFixed(0).padStart(8)} ms  (target < 500 ms)`);
