import type { Command } from 'commander';

/** `npm start`: the main job. For now: validate and summarise the Korea scenario. */
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
    });
}
