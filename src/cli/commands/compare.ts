import type { Command } from 'commander';
import { intOption, numberOption } from '../output.js';

interface CompareCliOptions {
  policies: string;
  futures: number;
  runs: number;
  seed: number;
  horizon: number;
  threads?: number;
  store: string | false;
  resume?: boolean;
  force?: boolean;
  threshold: number;
  report?: string;
  json?: boolean;
  queue?: string;
  queueTimeout?: number;
}

/** The defaults of the comparison, shared with the main job (`npm start`). */
export const COMPARE_DEFAULTS = { futures: 50, runs: 40, seed: 1, horizon: 120, threshold: 0.05, store: 'flashpoints-experiments.sqlite' } as const;

/** `flashpoints compare`: the article's policies under deep uncertainty (issue 8, DESIGN.md §3.5). */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('Compare the scenario\'s policies under deep uncertainty: futures × replications with common random numbers, stored in SQLite, with paired differences, the split by North Korea\'s type and robustness.')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--policies <list>', "'all' or comma-separated policy ids (status-quo is always included)", 'all')
    .option('--futures <m>', 'futures sampled by Latin hypercube', intOption('--futures', 1, 1_000_000), COMPARE_DEFAULTS.futures)
    .option('--runs <n>', 'replications per (policy, future) cell', intOption('--runs', 1, 10_000_000), COMPARE_DEFAULTS.runs)
    .option('--seed <s>', 'seed of the design, the streams and the bootstrap', intOption('--seed', 0), COMPARE_DEFAULTS.seed)
    .option('--horizon <months>', 'months to simulate; month 1 is the month after asOf', intOption('--horizon', 1, 12_000), COMPARE_DEFAULTS.horizon)
    .option('--threads <t>', 'worker threads (default: up to 2; results do not depend on it)', intOption('--threads', 1, 256))
    .option('--store <file>', 'SQLite file that keeps every (policy, future) cell', COMPARE_DEFAULTS.store)
    .option('--no-store', 'keep results in memory only')
    .option('--resume', 'reuse the cells already stored for this very experiment; compute only the missing ones')
    .option('--force', 'use a store that belongs to another scenario (nothing in it is deleted)')
    .option('--threshold <p>', 'satisficing threshold on P(war) over the horizon', numberOption('--threshold', 0, 1), COMPARE_DEFAULTS.threshold)
    .option('--queue <url>', 'run the cells on the Redis queue redis://HOST:PORT/DB, computed by `flashpoints worker` processes (docs/distributed.md)')
    .option('--queue-timeout <s>', 'with --queue: give up when Redis stays unreachable this long mid-run (stored cells are kept)', intOption('--queue-timeout', 1, 86_400), 60)
    .option('--report <file.html>', 'write the self-contained HTML report')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: CompareCliOptions) => {
      const result = await runCompare(file, {
        ...opts,
        store: opts.store === false ? null : opts.store,
      });
      if (opts.json) {
        const { printJson } = await import('../output.js');
        printJson(result);
      }
    });
}

/** Runs a comparison from the CLI's options: validation, progress, table, report. Shared with the main job. */
export async function runCompare(
  file: string,
  opts: Omit<CompareCliOptions, 'store'> & { store: string | null; quietTable?: boolean },
) {
  const { readScenarioFile } = await import('../scenarioFile.js');
  const { InputError } = await import('../errors.js');
  const { scenario, hash } = readScenarioFile(file);
  const known = scenario.policies.map((p) => p.id);
  if (!known.includes('status-quo')) throw new InputError([`${file}: the scenario has no 'status-quo' policy, the reference of every comparison`], 'add a policy with id status-quo and no changes');
  const wanted = opts.policies === 'all' ? known : opts.policies.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = wanted.filter((p) => !known.includes(p));
  if (unknown.length || !wanted.length) throw new InputError([`--policies: unknown policy ${unknown.map((u) => `'${u}'`).join(', ') || '(none given)'}`], `known policies: ${known.join(', ')}`);
  const { crisisScenario, prepareCrisis } = await import('../../models/crisis/prepare.js');
  try {
    for (const p of wanted) prepareCrisis(crisisScenario(scenario, p), 1);
  } catch (err) {
    throw new InputError([`${file}: ${err instanceof Error ? err.message : String(err)}`], 'the crisis section is described in docs/scenario-format.md#crisis');
  }
  const { availableParallelism } = await import('node:os');
  const threads = opts.threads ?? Math.max(1, Math.min(2, availableParallelism()));
  const { comparePolicies, StoreMismatchError } = await import('../../engine/compare.js');
  const abortEnv = process.env.FLASHPOINTS_ABORT_AFTER_CELLS;
  const bar = process.stderr.isTTY && !opts.json ? new (await import('cli-progress')).default.SingleBar({ stream: process.stderr, format: 'cells [{bar}] {value}/{total} {eta}s left' }) : undefined;
  const { queueErrors } = await import('./worker.js');
  let out;
  try {
    let started = false;
    out = await queueErrors(() => comparePolicies(scenario, hash, {
      policies: wanted,
      futures: opts.futures,
      runs: opts.runs,
      seed: opts.seed,
      horizonMonths: opts.horizon,
      threads,
      store: opts.store,
      resume: !!opts.resume,
      force: !!opts.force,
      threshold: opts.threshold,
      abortAfterCells: abortEnv ? Number(abortEnv) : undefined,
      queue: opts.queue ? { url: opts.queue, lostTimeoutMs: (opts.queueTimeout ?? 60) * 1000, onEvent: (line) => process.stderr.write(`queue: ${line}\n`) } : undefined,
      onProgress: (done, total) => {
        if (!started) bar?.start(total, 0);
        started = true;
        bar?.update(done);
      },
    }));
  } catch (err) {
    if (err instanceof StoreMismatchError) throw new InputError([err.message], 'give another --store, or --force to add this experiment to it (nothing stored is deleted)');
    throw err;
  } finally {
    bar?.stop();
  }
  const { result } = out;
  result.reproduce.command = result.reproduce.command.replace('<scenario>', file);
  if (!opts.json && !opts.quietTable) {
    const { renderComparison } = await import('../render/compare.js');
    process.stdout.write(renderComparison(result, { computed: out.computed, reused: out.reused, threads, queue: opts.queue }));
  }
  if (opts.report) {
    const { writeFileSync } = await import('node:fs');
    const { renderReport } = await import('../../report/html.js');
    try {
      writeFileSync(opts.report, renderReport(result));
    } catch (err) {
      throw new InputError([`--report: cannot write ${opts.report} (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
    }
    if (!opts.json) process.stdout.write(`\nreport written to ${opts.report}\n`);
  }
  return result;
}
