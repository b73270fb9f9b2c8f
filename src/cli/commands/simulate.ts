import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { numberOption } from '../output.js';
import { collectSet, SET_HELP } from '../scenarioInput.js';

function timesOption(raw: string): number[] {
  const parts = raw.split(',').map((p) => p.trim());
  const t = parts.map(Number);
  if (parts.some((p) => p === '') || t.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new InputError([`--times must be a comma-separated list of years ≥ 0, got '${raw}'`], 'e.g. --times 0,0.5,1,2,5');
  }
  if (t.some((v, i) => i > 0 && v < t[i - 1])) throw new InputError([`--times must be non-decreasing, got '${raw}'`]);
  return t;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Arms trajectories (docs/model.md), solved exactly (or with endogenous alignment by Dormand–Prince), in years from the scenario start.')
    .argument('<file>', 'scenario file')
    .option('--years <n>', 'horizon in years; outputs every --step years', numberOption('--years', 0, 1000))
    .option('--step <years>', 'output spacing with --years', numberOption('--step', 1e-6, 1000), 1)
    .option('--times <list>', 'explicit output times in years, comma-separated', timesOption)
    .option('--mode <mode>', "auto | exact | nonlinear (auto: nonlinear when endogenous alignment is on)", 'auto')
    .option('--json', 'print one JSON document')
    .option('--csv', 'print CSV: time then one column per stock')
    .option('--policy <id>', "apply one of the scenario's policies to the arms model (elasticities stay relative to the status quo)")
    .option('--set <path=value>', SET_HELP, collectSet)
    .action(async (file: string, opts: { years?: number; step: number; times?: number[]; mode: string; json?: boolean; csv?: boolean; policy?: string; set?: string[] }) => {
      if (opts.years !== undefined && opts.times) throw new InputError(['give either --years or --times, not both']);
      if (opts.json && opts.csv) throw new InputError(['give either --json or --csv, not both']);
      if (!['auto', 'exact', 'nonlinear'].includes(opts.mode)) throw new InputError([`--mode must be auto, exact or nonlinear, got '${opts.mode}'`]);
      const years = opts.years ?? 10;
      const times = opts.times ?? Array.from({ length: Math.floor(years / opts.step + 1e-9) + 1 }, (_, k) => Math.round(k * opts.step * 1e9) / 1e9);
      if (times.length > 1_000_000) throw new InputError(['too many output times (more than 1,000,000)'], 'raise --step');
      const { readScenarioInput } = await import('../scenarioInput.js');
      const { underPolicy } = await import('../policyOption.js');
      const { simulateArms } = await import('../../models/arms/simulateArms.js');
      const input = readScenarioInput(file, opts.set);
      const { scenario, reference } = underPolicy(input, opts.policy);
      const res = simulateArms(scenario, { times, mode: opts.mode as 'auto', reference });
      if (opts.json) {
        const { envelope, printJson } = await import('../output.js');
        printJson({
          ...envelope('simulate', { scenario: input.ref, options: { times: opts.times ?? null, years: opts.times ? null : years, step: opts.step, mode: res.mode, policy: opts.policy ?? null } }),
          times: res.times,
          actors: res.labels,
          series: Object.fromEntries(res.labels.map((l, q) => [l, res.series[q]])),
          equilibrium: res.equilibrium,
          eigenvalues: res.eigenvalues.map((z) => ({ re: z.re, im: z.im })),
          stable: res.stability.stable,
          stability: res.stability.verdict,
          negative: res.negative,
          segments: res.segments,
        });
      } else if (opts.csv) {
        const lines = [['time', ...res.labels].join(',')];
        res.times.forEach((t, k) => lines.push([t, ...res.series.map((s) => s[k])].join(',')));
        process.stdout.write(lines.join('\n') + '\n');
      } else {
        const { renderTrajectory } = await import('../render/arms.js');
        process.stdout.write(renderTrajectory(scenario, res, opts.policy));
      }
    });
}
