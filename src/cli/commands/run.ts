import type { Command } from 'commander';
import { intOption } from '../output.js';
import { EFFECTS_HELP } from '../effectsOption.js';
import { collectSet, SET_HELP } from '../scenarioInput.js';

interface RunCliOptions {
  runs: number;
  seed: number;
  policy?: string;
  horizon: number;
  threads: number;
  csv?: string;
  json?: boolean;
  set?: string[];
  effects?: string;
}

/** `flashpoints run`: Monte Carlo crisis runs of a scenario under one policy, with the risk figures of issue 6. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Monte Carlo runs of the crisis model: P(clash, war, nuclear use) with Wilson 95% intervals, clash-years per decade, monthly escalation scores.')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--runs <n>', 'number of replications', intOption('--runs', 1, 100_000_000), 1000)
    .option('--seed <s>', 'seed of the random streams', intOption('--seed', 0), 1)
    .option('--policy <id>', 'policy of the scenario to apply (default: the scenario as written, the status quo)')
    .option('--horizon <months>', 'months to simulate (at most 1200); month 1 is the month after asOf', intOption('--horizon', 1, 1200), 120)
    .option('--threads <t>', 'worker threads (at most 4 × the cores; results do not depend on it)', intOption('--threads', 1, 256), 1)
    .option('--csv <file>', 'also write the outcomes and monthly escalation quantiles as tidy CSV: policy,measure,month,statistic,value')
    .option('--json', 'print one JSON document (warnings under `warnings`)')
    .option('--set <path=value>', SET_HELP, collectSet)
    .option('--effects <zero>', EFFECTS_HELP)
    .addHelpText(
      'after',
      '\nJSON: { runs, horizonMonths, policy, outcomes: { clash|war|nuclear: {p, lo, hi}, clashYearsPerDecade: {mean, lo, hi} },\n' +
        '  escalationScore: { mean, q05, q50, q95 } (one entry per month), byActor: [{ id, actions, launchesPerMonth? }],\n' +
        '  byDyad: [{ from, to, actions, clashYears }], timing } — actions are mean counts per run; docs/model.md.',
    )
    .action(async (file: string, opts: RunCliOptions) => {
      const { readScenarioInput, printWarnings } = await import('../scenarioInput.js');
      const { checkPolicy } = await import('../policyOption.js');
      const { InputError } = await import('../errors.js');
      if (opts.csv) (await import('../csvFile.js')).checkOutputPath(opts.csv, [file]);
      const limits = await import('../io/limits.js');
      limits.checkThreads(opts.threads);
      const { applyEffectsOption } = await import('../effectsOption.js');
      const input = applyEffectsOption(readScenarioInput(file, opts.set), opts.effects);
      const { scenario } = input;
      checkPolicy(scenario, opts.policy);
      // Crisis settings the schema cannot check alone (cutpoint count, catalog order) are bad input too: exit 2.
      limits.checkCrisisAllocation(scenario, opts.horizon, opts.threads);
      const { crisisScenario, prepareCrisis } = await import('../../models/crisis/prepare.js');
      const { NumericalError } = await import('../../math/numericalError.js');
      try {
        prepareCrisis(crisisScenario(scenario, opts.policy), 1);
      } catch (err) {
        if (err instanceof NumericalError) throw err;
        throw new InputError([`${file}: ${err instanceof Error ? err.message : String(err)}`], 'the crisis section is described in docs/scenario-format.md#crisis');
      }
      const { scenarioWarnings } = await import('../../experiment/scenarioWarnings.js');
      const warnings = scenarioWarnings(scenario, { crisis: true, months: opts.horizon });
      if (!opts.json) printWarnings(warnings);
      const { simulateRisk } = await import('../../engine/simulateRisk.js');
      const bar = process.stderr.isTTY ? new (await import('cli-progress')).default.SingleBar({ stream: process.stderr, format: 'runs [{bar}] {value}/{total} {eta}s left' }) : undefined;
      bar?.start(opts.runs, 0);
      let result;
      try {
        result = await simulateRisk(scenario, {
          runs: opts.runs,
          seed: opts.seed,
          horizonMonths: opts.horizon,
          policy: opts.policy,
          threads: opts.threads,
          onProgress: (done) => bar?.update(done),
        });
      } finally {
        bar?.stop();
      }
      const { summary, timing } = result;
      if (opts.csv) {
        const [{ writeCsvFile }, { RUN_CSV_COLUMNS, runRows }] = await Promise.all([import('../csvFile.js'), import('../tidy.js')]);
        writeCsvFile(opts.csv, RUN_CSV_COLUMNS, runRows(summary, opts.policy ?? null));
      }
      if (opts.json) {
        const { printJson } = await import('../output.js');
        const { runDocument } = await import('../../engine/commandDocuments.js');
        printJson(runDocument(input.ref, result, { runs: opts.runs, seed: opts.seed, horizonMonths: opts.horizon, policy: opts.policy, effects: opts.effects, threads: opts.threads }, warnings));
        return;
      }
      const { wrapText } = await import('../render/table.js');
      process.stdout.write(wrapText(formatRisk(summary, { scenario: scenario.id + (opts.effects ? ' (placebo: --effects zero)' : ''), policy: opts.policy, runs: opts.runs, seed: opts.seed, horizon: opts.horizon })));
      process.stdout.write(`  ${timing.seconds.toFixed(2)} s on ${opts.threads} thread${opts.threads === 1 ? '' : 's'}\n`);
      if (opts.csv) process.stdout.write(`  tables written to ${opts.csv}\n`);
    });
}

/** The risk figures as a few lines of text (the run command without --json, and the main job). */
export function formatRisk(
  summary: { outcomes: Record<'clash' | 'war' | 'nuclear', { p: number; lo: number; hi: number }> & { clashYearsPerDecade: { mean: number; lo: number; hi: number } } },
  c: { scenario: string; policy?: string; runs: number; seed: number; horizon: number },
): string {
  const pct = (x: { p: number; lo: number; hi: number }) => `${(100 * x.p).toFixed(2)}%  [${(100 * x.lo).toFixed(2)}, ${(100 * x.hi).toFixed(2)}]`;
  const o = summary.outcomes;
  const years = (c.horizon / 12).toFixed(c.horizon % 12 ? 1 : 0);
  const cy = o.clashYearsPerDecade;
  return (
    `${c.scenario}${c.policy ? ` under '${c.policy}'` : ''}: ${c.runs} runs over ${c.horizon} months (seed ${c.seed}; Wilson 95% intervals)\n` +
    `  P(at least one clash within ${years} years)  ${pct(o.clash)}\n` +
    `  P(war)                                  ${pct(o.war)}\n` +
    `  P(nuclear use)                          ${pct(o.nuclear)}   (P(nuclear | war) is an elicited assumption)\n` +
    `  clash-years per decade                  ${cy.mean.toFixed(2)}  [${cy.lo.toFixed(2)}, ${cy.hi.toFixed(2)}]\n`
  );
}
