import type { Command } from 'commander';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('Summarise a scenario: actors, relations, policies, uncertainties, timeline, and which values are sourced vs assumed.')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { summarizeScenario } = await import('../../scenario/summary.js');
      const { scenario, hash } = readScenarioFile(file);
      const summary = summarizeScenario(scenario);
      if (opts.json) {
        const { envelope, printJson } = await import('../output.js');
        printJson({ ...envelope('show', { scenario: { id: scenario.id, hash } }), ...summary });
      } else {
        const { renderSummary } = await import('../render/summary.js');
        process.stdout.write(renderSummary(summary, hash));
      }
    });
}
