import type { Command } from 'commander';
import { numberOption } from '../output.js';
import { collectSet, SET_HELP } from '../scenarioInput.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Stability of the arms system: equilibrium, eigenvalues, the verdict in words, the couplings that drive it, and who draws together.')
    .argument('<file>', 'scenario file')
    .option('--years <n>', 'horizon for the alignment drift, years', numberOption('--years', 0, 1000), 10)
    .option('--json', 'print one JSON document')
    .option('--policy <id>', "apply one of the scenario's policies to the arms model (elasticities stay relative to the status quo)")
    .option('--set <path=value>', SET_HELP, collectSet)
    .action(async (file: string, opts: { years: number; json?: boolean; policy?: string; set?: string[] }) => {
      const { readScenarioInput } = await import('../scenarioInput.js');
      const { underPolicy } = await import('../policyOption.js');
      const { analyzeArms } = await import('../../models/arms/analyzeArms.js');
      const input = readScenarioInput(file, opts.set);
      const { scenario, reference } = underPolicy(input, opts.policy);
      const a = analyzeArms(scenario, { horizonYears: opts.years, reference });
      if (opts.json) {
        const { printJson } = await import('../output.js');
        const { analyzeDocument } = await import('../../engine/commandDocuments.js');
        printJson(analyzeDocument(input.ref, a, { years: opts.years, policy: opts.policy }));
      } else {
        const { renderAnalysis } = await import('../render/arms.js');
        process.stdout.write(renderAnalysis(a));
      }
    });
}
