// The C reference of the crisis kernel (bench/c/crisisKernel.c), driven from JavaScript: the prepared inputs
// written to the text file the C program reads, compiled with the machine's C compiler, run, and the same integer
// totals computed from the JavaScript kernel. Used by bench/kernelVsC.ts and test/models/crisis/cReference.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCrisisBatch, type BatchOptions } from '../src/models/crisis/batch.js';
import type { PreparedCrisis } from '../src/models/crisis/prepare.js';

/** The C source, found from the source tree whether this file runs as TypeScript (bench/) or built (dist/bench/). */
export function referenceSource(): string {
  for (const rel of ['./c/crisisKernel.c', '../../bench/c/crisisKernel.c']) {
    const f = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(f)) return f;
  }
  throw new Error('bench/c/crisisKernel.c not found');
}

/** Why the C reference cannot run here (no C compiler on PATH), or undefined when it can. */
export function compilerMissing(): string | undefined {
  const r = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'no C compiler (cc) on PATH: the C reference of the crisis kernel is skipped';
}

/** Compiles the C reference into `dir` with -O2 (no FMA contraction, so its arithmetic is JavaScript's); returns the binary's path. */
export function compileReference(dir: string): string {
  const bin = join(dir, 'crisisKernel');
  execFileSync('cc', ['-O2', '-ffp-contract=off', '-o', bin, referenceSource(), '-lm'], { stdio: 'pipe' });
  return bin;
}

/** The fields of a PreparedCrisis the C loop reads, in the order it reads them. */
const SCALARS = ['m', 'months', 'years', 'posturing', 'violent', 'nuclear', 'exerciseTarget', 'launchActor', 'gritPatience', 'gritPause', 'memory', 'scoreUnit', 'clashThreshold', 'tensionEffect', 'nuclearGivenWar', 'launchDispersion'] as const;
const ARRAYS = ['weights', 'cutpoints', 'threatTerm', 'threatExposure', 'u0', 'escalationWeight', 'conciliationWeight', 'clashWeight', 'gritWeight', 'hostility', 'friction', 'bias', 'spread', 'warBase', 'exerciseScale', 'launchMean', 'exerciser', 'yearOf'] as const;

/**
 * Writes a prepared parameter set as text, one field a line: `name count v1 … vcount`. Numbers are JavaScript's
 * shortest round-trip decimals, which C's strtod reads back to the same doubles.
 */
export function writePreparedInput(p: PreparedCrisis, file: string): void {
  const lines = SCALARS.map((k) => `${k} 1 ${p[k]}`);
  for (const k of ARRAYS) lines.push(`${k} ${p[k].length} ${Array.from(p[k] as ArrayLike<number>).join(' ')}`);
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Integer totals over a batch of replications: what the C reference prints and the JavaScript kernel must equal. */
export interface KernelTotals {
  runs: number;
  clashRuns: number;
  warRuns: number;
  nuclearRuns: number;
  launches: number;
  /** Sum of the monthly escalation scores over months and runs. */
  scoreSum: number;
  /** Calendar years with a clash, summed over runs; and summed over dyads and runs. */
  clashYears: number;
  dyadClashYears: number;
  /** First months of war and of nuclear use, summed over the runs that had them. */
  warMonths: number;
  nuclearMonths: number;
  /** Actions per dyad and category, summed over runs: [(i·m + j)·K + k]. */
  actions: number[];
}

/** Runs the compiled reference on an input file; `repeats` times the batch, the best timings in ns per dyad-month (wall and CPU). */
export function runReference(bin: string, input: string, o: BatchOptions, repeats = 1): KernelTotals & { nsPerDyadMonth: number; cpuNsPerDyadMonth: number } {
  const out = execFileSync(bin, [input, String(o.seed), String(o.future), String(o.firstReplication), String(o.count), String(repeats)], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** The same totals from the JavaScript kernel (runCrisisBatch's aggregate). */
export function javascriptTotals(p: PreparedCrisis, o: BatchOptions): KernelTotals {
  const a = runCrisisBatch(p, o);
  const sum = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v, 0);
  const weighted = (x: ArrayLike<number>, w: (k: number) => number) => Array.from(x).reduce((s, v, k) => s + v * w(k), 0);
  return {
    runs: a.runs, clashRuns: a.clashRuns, warRuns: a.warRuns, nuclearRuns: a.nuclearRuns, launches: a.launches,
    scoreSum: sum(a.scoreSum), clashYears: weighted(a.clashYearsHist, (k) => k), dyadClashYears: sum(a.dyadClashYears),
    warMonths: weighted(a.warMonthHist, (t) => t + 1), nuclearMonths: weighted(a.nuclearMonthHist, (t) => t + 1),
    actions: Array.from(a.actions),
  };
}
