import type { Command } from 'commander';

/** `npm start`: the main job. For now: validate and summarise the Korea scenario, then its status-quo risk figures. */
export function registerMain(program: Command): void {
  program
    .command('main')
    .description('The main job: validate and summarise the Korean Peninsula 2024 scenario.')
    .argument('[file]', 'scenario file', 'scenarios/korea-2024.yaml')
    .action(async (file: string) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { summarizeScenario } = await import('../../scenario/summary.js');
      const { renderSummary } = await import('../render/summary.js');
      const { scenario, hash } = readScenarioFile(file);
      process.stdout.write(`${file}: valid\n\n`);
      process.stdout.write(renderSummary(summarizeScenario(scenario), hash));
      const { simulateRisk } = await import('../../engine/simulateRisk.js');
      const { formatRisk } = await import('./run.js');
      const { availableParallelism } = await import('node:os');
      const runs = 2000, seed = 1, horizon = 120;
      const { summary } = await simulateRisk(scenario, { runs, seed, horizonMonths: horizon, threads: Math.min(2, availableParallelism()) });
      process.stdout.write(`\nStatus-quo risk over the next ten years (crisis model, docs/model-crisis.md):\n`);
      process.stdout.write(formatRisk(summary, { scenario: scenario.id, runs, seed, horizon }));
    });
}
