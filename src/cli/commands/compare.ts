import type { Command } from 'commander';
import { intOption, numberOption } from '../output.js';
import { EFFECTS_HELP } from '../effectsOption.js';
import { collectSet, SET_HELP } from '../scenarioInput.js';
import type { ExperimentValue } from '../../experiment/experimentsTable.js';
import { COMPARE_DEFAULTS, defaultStore } from './compareDefaults.js';

/** The experiments table of a comparison run (one row per future × policy) with its experiment id. */
export type ExperimentsTable = { id: string; header: string[]; rows: ExperimentValue[][] };

interface CompareCliOptions {
  policies: string;
  futures: number;
  runs: number;
  seed: number;
  horizon: number;
  threads?: number;
  store?: string | false;
  resume?: boolean;
  fresh?: boolean;
  force?: boolean;
  set?: string[];
  threshold: number;
  report?: string;
  csv?: string;
  json?: boolean;
  queue?: string;
  queueTimeout?: number;
  effects?: string;
}

export { COMPARE_DEFAULTS, defaultStore } from './compareDefaults.js';

/** `flashpoints compare`: the article's policies under deep uncertainty (issue 8; docs/experiments.md). */
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
    .option('--threads <t>', 'worker threads (default: up to 2; at most 4 × the cores; results do not depend on it)', intOption('--threads', 1, 256))
    .option('--store <file>', 'SQLite file that keeps every (policy, future) cell (default: flashpoints-<scenario id>.sqlite)')
    .option('--no-store', 'keep no store: the cells go to a scratch file in the temporary directory, removed at the end')
    .option('--fresh', 'recompute every cell even when this very experiment is stored (the new cells replace the old)')
    .option('--resume', 'reuse the cells stored for this very experiment: the default, kept as an alias')
    .option('--force', 'use a --store file that belongs to another scenario (nothing in it is deleted)')
    .option('--set <path=value>', SET_HELP, collectSet)
    .option('--effects <zero>', EFFECTS_HELP)
    .option('--threshold <p>', 'satisficing threshold on P(war) over the horizon', numberOption('--threshold', 0, 1), COMPARE_DEFAULTS.threshold)
    .option('--queue <url>', 'run the cells on the Redis queue redis://HOST:PORT/DB, computed by `flashpoints worker` processes (docs/distributed.md)')
    .option('--queue-timeout <s>', 'with --queue: give up when Redis stays unreachable this long mid-run (stored cells are kept)', intOption('--queue-timeout', 1, 86_400), 60)
    .option('--report <file.html>', 'write the self-contained HTML report')
    .option('--csv <file>', 'write the experiments table: one row per (future, policy) with the sampled values, the record weight and the outcomes')
    .option('--json', 'print one JSON document (warnings under `warnings`)')
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
  opts: Omit<CompareCliOptions, 'store'> & {
    store?: string | null;
    quietTable?: boolean;
    onExperiments?: (table: ExperimentsTable) => void;
    /** Told the cells computed and reused and the threads, as the table's last lines print them. */
    onCells?: (info: { computed: number; reused: number; threads: number }) => void;
  },
) {
  const { readScenarioInput, printWarnings, setArgs } = await import('../scenarioInput.js');
  const { InputError } = await import('../errors.js');
  const { checkOutputs, checkStorePath, writeOutputFile } = await import('../io/writeOutput.js');
  const limits = await import('../io/limits.js');
  const input = (await import('../effectsOption.js')).applyEffectsOption(readScenarioInput(file, opts.set ?? []), opts.effects);
  const { hash } = input;
  // The per-scenario default store holds only this scenario's experiments (each keyed by its hash), so other
  // versions of the scenario (an edited file, --set) may share it; a store named with --store is guarded.
  const store = opts.store === undefined ? defaultStore(input.scenario.id) : opts.store;
  const force = !!opts.force || opts.store === undefined;
  // Every path is checked before any work: a report may not overwrite the scenario or the store.
  if (store !== null) checkStorePath(store, [file]);
  const outputs = [{ option: '--report', path: opts.report }, { option: '--csv', path: opts.csv }].filter((t): t is { option: string; path: string } => t.path !== undefined);
  if (outputs.length) checkOutputs(outputs, { inputs: [file], store });
  if (opts.threads !== undefined) limits.checkThreads(opts.threads);
  // A scenario that validates can be compared: without a 'status-quo' policy, the scenario as written is the
  // reference (an empty policy), so a textbook scenario compares its status quo with itself alone.
  const scenario = (await import('../../engine/commandDocuments.js')).withStatusQuo(input.scenario);
  const known = scenario.policies.map((p) => p.id);
  const wanted = opts.policies === 'all' ? known : opts.policies.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = wanted.filter((p) => !known.includes(p));
  if (unknown.length || !wanted.length) throw new InputError([`--policies: unknown policy ${unknown.map((u) => `'${u}'`).join(', ') || '(none given)'}`], `known policies: ${known.join(', ')}`);
  limits.checkCompareAllocation(new Set(['status-quo', ...wanted]).size, opts.futures, opts.horizon);
  limits.checkCrisisAllocation(scenario, opts.horizon, opts.threads ?? 2);
  const { crisisScenario, prepareCrisis } = await import('../../models/crisis/prepare.js');
  const { NumericalError } = await import('../../math/numericalError.js');
  try {
    for (const p of wanted) prepareCrisis(crisisScenario(scenario, p), 1);
  } catch (err) {
    if (err instanceof NumericalError) throw err;
    throw new InputError([`${file}: ${err instanceof Error ? err.message : String(err)}`], 'the crisis section is described in docs/scenario-format.md#crisis');
  }
  // The warnings prepare the crisis model once per lever (the inert-lever check): cached by the exact scenario.
  const { cachedWarnings } = await import('./cachedDerivations.js');
  const warnings = await cachedWarnings(scenario, opts.horizon);
  if (!opts.json) printWarnings(warnings);
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
      store,
      resume: !opts.fresh,
      force,
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
    const { storeInputError } = await import('../io/storeErrors.js');
    throw storeInputError(err) ?? err;
  } finally {
    bar?.stop();
  }
  const { result } = out;
  result.reproduce.command = result.reproduce.command.replace('<scenario>', file) + setArgs(input.overrides) + (opts.effects ? ` --effects ${opts.effects}` : '');
  if (input.overrides.length) result.scenario = input.ref;
  if (!opts.json && !opts.quietTable) {
    const { renderComparison } = await import('../render/compare.js');
    process.stdout.write(renderComparison(result, { computed: out.computed, reused: out.reused, threads, queue: opts.queue }));
  }
  opts.onCells?.({ computed: out.computed, reused: out.reused, threads });
  opts.onExperiments?.(out.experiments());
  if (opts.csv !== undefined) {
    const { writeCsvFile } = await import('../csvFile.js');
    const table = out.experiments();
    writeCsvFile(opts.csv, table.header, table.rows);
    if (!opts.json) process.stdout.write(`\nexperiments table (${table.rows.length} rows, future × policy) written to ${opts.csv}\n`);
  }
  if (opts.report !== undefined) {
    const { renderReport } = await import('../../report/html.js');
    writeOutputFile('--report', opts.report, renderReport(result));
    if (!opts.json) process.stdout.write(`\nreport written to ${opts.report}\n`);
  }
  return { ...result, warnings };
}
