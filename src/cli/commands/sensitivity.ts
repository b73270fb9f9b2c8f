import type { Command } from 'commander';
import { intOption } from '../output.js';
import { collectSet, SET_HELP } from '../scenarioInput.js';

/** The CLI options of `flashpoints sensitivity`. */
export interface SensitivityCliOptions {
  method: string;
  outcome: string;
  policy?: string;
  difference?: string;
  trajectories: number;
  levels: number;
  groupBy: string;
  n: number;
  top: number;
  groups?: string;
  runs: number;
  seed: number;
  horizon: number;
  threads?: number;
  store?: string | false | null;
  fresh?: boolean;
  force?: boolean;
  set?: string[];
  report?: string;
  json?: boolean;
}

/** The defaults of `flashpoints sensitivity`. */
export const SENSITIVITY_DEFAULTS = { trajectories: 10, levels: 4, n: 64, top: 10, runs: 40, seed: 1, horizon: 120 } as const;

/** `flashpoints sensitivity`: which assumptions decide an outcome or a policy difference (docs/sensitivity.md). */
export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .description('Which assumptions decide it: Morris screening of every uncertainty the scenario declares, then Sobol\' indices on the top inputs (or named groups), for one policy\'s outcome or the paired difference of two.')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--method <m>', 'morris (screen all inputs) or sobol (Morris screening, then Sobol\' on the top inputs)', 'morris')
    .option('--outcome <o>', 'war, nuclear, clashYears (per decade) or escalation (mean monthly score)', 'war')
    .option('--policy <id>', 'the policy whose outcome is analysed (default: status-quo)')
    .option('--difference <a,b>', 'analyse outcome(a) − outcome(b), paired with common random numbers')
    .option('--trajectories <r>', 'Morris trajectories (cost: r × (inputs + 2) rows)', intOption('--trajectories', 2, 100_000), SENSITIVITY_DEFAULTS.trajectories)
    .option('--levels <p>', 'Morris grid levels (even)', intOption('--levels', 2, 100), SENSITIVITY_DEFAULTS.levels)
    .option('--group-by <g>', 'Morris factors: input (each alone) or family (the same parameter of every actor, relation or lever as one group)', 'input')
    .option('--n <N>', 'Sobol\' base points, a power of 2 (cost: N × (factors + 2) rows)', intOption('--n', 2, 1 << 20), SENSITIVITY_DEFAULTS.n)
    .option('--top <k>', 'Sobol\' on the k inputs with the largest Morris μ*', intOption('--top', 1, 10_000), SENSITIVITY_DEFAULTS.top)
    .option('--groups <prefixes>', 'Sobol\' on groups instead: comma-separated name prefixes (e.g. levers,crisis.ladder); the rest is (other)')
    .option('--runs <n>', 'replications per (policy, design row) cell', intOption('--runs', 1, 10_000_000), SENSITIVITY_DEFAULTS.runs)
    .option('--seed <s>', 'seed of the design, the streams and the bootstrap', intOption('--seed', 0), SENSITIVITY_DEFAULTS.seed)
    .option('--horizon <months>', 'months to simulate', intOption('--horizon', 1, 12_000), SENSITIVITY_DEFAULTS.horizon)
    .option('--threads <t>', 'worker threads (default: up to 2; results do not depend on it)', intOption('--threads', 1, 256))
    .option('--store <file>', 'SQLite file that keeps every cell (default: flashpoints-<scenario id>.sqlite)')
    .option('--no-store', 'keep results in memory only')
    .option('--fresh', 'recompute every cell even when the design is stored')
    .option('--force', 'use a --store file that belongs to another scenario')
    .option('--set <path=value>', SET_HELP, collectSet)
    .option('--report <file.html>', 'write a self-contained HTML page: the Morris μ*–σ figure, the Sobol\' bars with the dummy line')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: SensitivityCliOptions) => {
      const doc = await runSensitivityCli(file, { ...opts, store: opts.store === false ? null : opts.store });
      if (opts.json) (await import('../output.js')).printJson(doc);
    });
}

/** Runs `flashpoints sensitivity` from its options: validation, progress bar, table; returns the JSON document. */
export async function runSensitivityCli(file: string, opts: SensitivityCliOptions & { quiet?: boolean }) {
  const { readScenarioInput, setArgs } = await import('../scenarioInput.js');
  const { InputError } = await import('../errors.js');
  const { checkStorePath } = await import('../io/writeOutput.js');
  const limits = await import('../io/limits.js');
  const { SENSITIVITY_OUTCOMES } = await import('../../experiment/sensitivityDesign.js');
  if (opts.method !== 'morris' && opts.method !== 'sobol') throw new InputError([`--method must be morris or sobol, got '${opts.method}'`]);
  if (!(SENSITIVITY_OUTCOMES as readonly string[]).includes(opts.outcome)) throw new InputError([`--outcome must be one of ${SENSITIVITY_OUTCOMES.join(', ')}, got '${opts.outcome}'`]);
  if (opts.levels % 2 !== 0) throw new InputError([`--levels must be even, got ${opts.levels}`], 'Morris trajectories step by p/(2(p−1)) on a grid of p levels; 4 is the usual choice');
  if (opts.groupBy !== 'input' && opts.groupBy !== 'family') throw new InputError([`--group-by must be input or family, got '${opts.groupBy}'`]);
  if ((opts.n & (opts.n - 1)) !== 0) throw new InputError([`--n must be a power of 2, got ${opts.n}`], "Sobol' points are balanced only in blocks of 2^m: try 32, 64 or 128");
  if (opts.policy !== undefined && opts.difference !== undefined) throw new InputError(['--policy and --difference exclude each other'], 'give one policy, or the pair a,b whose difference is analysed');
  const input = readScenarioInput(file, opts.set ?? []);
  const s = input.scenario;
  const known = ['status-quo', ...s.policies.map((p) => p.id).filter((p) => p !== 'status-quo')];
  const difference = opts.difference?.split(',').map((p) => p.trim());
  if (difference && (difference.length !== 2 || difference.some((p) => !p))) throw new InputError([`--difference needs two policy ids a,b, got '${opts.difference}'`]);
  for (const p of [...(difference ?? []), ...(opts.policy ? [opts.policy] : [])]) {
    if (!known.includes(p)) throw new InputError([`--${difference ? 'difference' : 'policy'}: scenario '${s.id}' has no policy '${p}'`], `known policies: ${known.join(', ')}`);
  }
  const { defaultStore } = await import('./compare.js');
  const store = opts.store === undefined ? defaultStore(s.id) : opts.store || null;
  if (store !== null) checkStorePath(store, [file]);
  if (opts.report !== undefined) {
    const { checkOutputs } = await import('../io/writeOutput.js');
    checkOutputs([{ option: '--report', path: opts.report }], { inputs: [file], store });
  }
  if (opts.threads !== undefined) limits.checkThreads(opts.threads);
  limits.checkCrisisAllocation(s, opts.horizon, opts.threads ?? 2);
  const { sensitivitySpace } = await import('../../experiment/sensitivityDesign.js');
  const inputs = sensitivitySpace(s).inputs.length;
  if (inputs === 0) throw new InputError([`${file}: the scenario declares no uncertainty (no parameter with a range, no structural uncertainty)`], 'give parameters a `range` (docs/scenario-format.md#parameters)');
  limits.checkCompareAllocation(difference ? 2 : 1, opts.trajectories * (inputs + 2), opts.horizon);
  const { availableParallelism } = await import('node:os');
  const threads = opts.threads ?? Math.max(1, Math.min(2, availableParallelism()));
  const { runSensitivity } = await import('../../engine/sensitivity.js');
  const { StoreMismatchError } = await import('../../engine/compare.js');
  const bar = process.stderr.isTTY && !opts.json && !opts.quiet ? new (await import('cli-progress')).default.SingleBar({ stream: process.stderr, format: '{stage} cells [{bar}] {value}/{total} {eta}s left' }) : undefined;
  const abortEnv = process.env.FLASHPOINTS_ABORT_AFTER_CELLS;
  const options = {
    method: opts.method as 'morris' | 'sobol',
    outcome: opts.outcome as (typeof SENSITIVITY_OUTCOMES)[number],
    policy: opts.policy,
    difference: difference as [string, string] | undefined,
    trajectories: opts.trajectories,
    levels: opts.levels,
    groupBy: opts.groupBy as 'input' | 'family',
    n: opts.n,
    top: opts.top,
    groups: opts.groups?.split(',').map((g) => g.trim()).filter(Boolean),
    runs: opts.runs,
    seed: opts.seed,
    horizonMonths: opts.horizon,
    threads,
  };
  let result;
  try {
    let stage = '';
    result = await runSensitivity(s, input.hash, {
      ...options,
      store,
      resume: !opts.fresh,
      force: !!opts.force || opts.store === undefined,
      abortAfterCells: abortEnv ? Number(abortEnv) : undefined,
      onProgress: (done, total, st) => {
        if (st !== stage) {
          bar?.stop();
          bar?.start(total, 0, { stage: st });
          stage = st;
        }
        bar?.update(done);
      },
    });
  } catch (err) {
    if (err instanceof StoreMismatchError) throw new InputError([err.message], 'give another --store, or --force to add this analysis to it (nothing stored is deleted)');
    if (err instanceof RangeError && /sensitivity|sobol|morris/i.test(err.message)) throw new InputError([err.message], 'with few --runs or a short --horizon the outcome may not vary at all; give more of either, or another --outcome');
    const { storeInputError } = await import('../io/storeErrors.js');
    throw storeInputError(err) ?? err;
  } finally {
    bar?.stop();
  }
  if (!opts.json && !opts.quiet) {
    const { renderSensitivity } = await import('../render/sensitivity.js');
    process.stdout.write(renderSensitivity(result, { runs: opts.runs, seed: opts.seed }));
  }
  if (opts.report !== undefined) await writeSensitivityReport(opts.report, result, { scenario: `${s.id} (sha256 ${input.hash.slice(0, 12)}…)`, runs: opts.runs, seed: opts.seed, groupBy: options.groupBy, quiet: !!opts.json || !!opts.quiet });
  const { sensitivityDocument } = await import('../../engine/commandDocuments.js');
  return sensitivityDocument(input.ref, options, store, result, file + setArgs(input.overrides));
}

/** Writes the `--report` page of a sensitivity run (src/report/sensitivitySection.ts). */
async function writeSensitivityReport(path: string, r: import('../../engine/sensitivity.js').SensitivityResult, o: { scenario: string; runs: number; seed: number; groupBy: 'input' | 'family'; quiet: boolean }): Promise<void> {
  const { sensitivityPage } = await import('../../report/sensitivitySection.js');
  const { documentHead, figureHtml } = await import('../../report/html.js');
  const { writeOutputFile } = await import('../io/writeOutput.js');
  const { VERSION } = await import('../../version.js');
  const m = r.morris;
  const summary = {
    screenings: m.trajectories ? [{ target: r.target, factors: m.factors, dummy: m.dummy, trajectories: m.trajectories, runs: o.runs, groupBy: o.groupBy }] : [],
    boxes: [],
    ...(r.sobol ? { sobol: { target: r.target, factors: r.sobol.factors, dummy: r.sobol.dummy, n: r.sobol.n } } : {}),
  };
  const title = `Which assumptions decide ${r.target}`;
  const provenance = `Scenario ${o.scenario}, seed ${o.seed}, ${o.runs} runs per cell; ${r.inputs.length} inputs; an unweighted design. Model results under stated assumptions, not forecasts.`;
  writeOutputFile('--report', path, sensitivityPage(summary, { head: documentHead(title, VERSION), title, provenance, version: VERSION, figureHtml }));
  if (!o.quiet) process.stdout.write(`report written to ${path}\n`);
}
