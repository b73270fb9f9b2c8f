import type { Command } from 'commander';
import { numberOption } from '../output.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Stability of the arms system: equilibrium, eigenvalues, the verdict in words, the couplings that drive it, and who draws together.')
    .argument('<file>', 'scenario file')
    .option('--years <n>', 'horizon for the alignment drift, years', numberOption('--years', 0, 1000), 10)
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: { years: number; json?: boolean }) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { analyzeArms } = await import('../../models/arms/analyzeArms.js');
      const { scenario, hash } = readScenarioFile(file);
      const a = analyzeArms(scenario, { horizonYears: opts.years });
      if (opts.json) {
        const { envelope, printJson } = await import('../output.js');
        printJson({
          ...envelope('analyze', { scenario: { id: scenario.id, hash }, options: { years: opts.years } }),
          actors: a.labels,
          equilibrium: a.equilibrium,
          eigenvalues: a.eigenvalues.map((z) => ({ re: z.re, im: z.im })),
          stable: a.stability.stable,
          stability: a.stability.verdict,
          maxRealPart: a.stability.maxRealPart,
          verdict: a.verdict,
          couplings: a.couplings,
          alignment: a.alignment,
        });
      } else {
        const { renderAnalysis } = await import('../render/arms.js');
        process.stdout.write(renderAnalysis(a));
      }
    });
}
