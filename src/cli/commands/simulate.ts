import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { numberOption } from '../output.js';
import { checkOutputTimes, LIMITS } from '../io/limits.js';

/** The longest horizon `simulate` accepts, in years (--years and every --times entry). */
const MAX_YEARS = 1000;
import { collectSet, SET_HELP } from '../setOption.js';

function timesOption(raw: string): number[] {
  const parts = raw.split(',').map((p) => p.trim());
  const t = parts.map(Number);
  if (parts.some((p) => p === '') || t.some((v) => !Number.isFinite(v) || v < 0 || v > MAX_YEARS)) {
    throw new InputError([`--times must be a comma-separated list of years in [0, ${MAX_YEARS}], got '${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}'`], 'e.g. --times 0,0.5,1,2,5');
  }
  if (t.length > LIMITS.outputTimes) throw new InputError([`--times lists ${t.length} times, above the limit of ${LIMITS.outputTimes}`]);
  if (t.some((v, i) => i > 0 && v < t[i - 1])) throw new InputError([`--times must be non-decreasing, got '${raw}'`]);
  return t;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Arms trajectories (docs/model.md), solved exactly (or with endogenous alignment by Dormand–Prince), in years from the scenario start.')
    .argument('<file>', 'scenario file')
    .option('--years <n>', 'horizon in years; outputs every --step years', numberOption('--years', 0, MAX_YEARS))
    .option('--step <years>', 'output spacing with --years', numberOption('--step', 1e-6, 1000), 1)
    .option('--times <list>', 'explicit output times in years, comma-separated', timesOption)
    .option('--mode <mode>', "auto | exact | nonlinear (auto: nonlinear when endogenous alignment is on)", 'auto')
    .option('--json', 'print one JSON document')
    .option('--csv [file]', 'with FILE: write tidy CSV time,stock,value to it (and print the usual output); alone: print wide CSV (time, one column per stock)')
    .option('--policy <id>', "apply one of the scenario's policies to the arms model (elasticities stay relative to the status quo)")
    .option('--set <path=value>', SET_HELP, collectSet)
    .action(async (file: string, opts: { years?: number; step: number; times?: number[]; mode: string; json?: boolean; csv?: boolean | string; policy?: string; set?: string[] }) => {
      if (opts.years !== undefined && opts.times) throw new InputError(['give either --years or --times, not both']);
      if (opts.json && opts.csv === true) throw new InputError(['give either --json or --csv, not both'], 'or write the tidy table to a file: --csv FILE');
      const csvFile = typeof opts.csv === 'string' ? opts.csv : undefined;
      if (csvFile) (await import('../csvFile.js')).checkOutputPath(csvFile, [file]);
      if (!['auto', 'exact', 'nonlinear'].includes(opts.mode)) throw new InputError([`--mode must be auto, exact or nonlinear, got '${opts.mode}'`]);
      const years = opts.years ?? 10;
      // The count is checked before the array is built (--years 1000 --step 1e-6 would be 10⁹ times).
      const times = opts.times ?? Array.from({ length: checkOutputTimes(years, opts.step) }, (_, k) => Math.round(k * opts.step * 1e9) / 1e9);
      const { loadScenarioInput } = await import('../loadScenario.js');
      const { underPolicy } = await import('../policyOption.js');
      const { simulateArms } = await import('../../models/arms/simulateArms.js');
      const input = await loadScenarioInput(file, opts.set);
      const { scenario, reference } = underPolicy(input, opts.policy);
      const res = simulateArms(scenario, { times, mode: opts.mode as 'auto', reference });
      if (csvFile) {
        const [{ writeCsvFile }, { SIMULATE_CSV_COLUMNS, simulateRows }] = await Promise.all([import('../csvFile.js'), import('../tidy.js')]);
        writeCsvFile(csvFile, SIMULATE_CSV_COLUMNS, simulateRows(res.times, res.labels, res.series));
      }
      if (opts.json) {
        const { printJson } = await import('../output.js');
        const { simulateDocument } = await import('../../engine/commandDocuments.js');
        printJson(simulateDocument(input.ref, res, { times: opts.times, years, step: opts.step, policy: opts.policy }));
      } else if (opts.csv === true) {
        const lines = [['time', ...res.labels].join(',')];
        res.times.forEach((t, k) => lines.push([t, ...res.series.map((s) => s[k])].join(',')));
        process.stdout.write(lines.join('\n') + '\n');
      } else {
        const { renderTrajectory } = await import('../render/arms.js');
        process.stdout.write(renderTrajectory(scenario, res, opts.policy));
      }
    });
}
