import type { Command } from 'commander';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('Summarise a scenario: actors, relations, policies, uncertainties, timeline, and which values are sourced vs assumed; warnings on stderr (in --json under `warnings`).')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { summarizeScenario } = await import('../../scenario/summary.js');
      const { scenarioWarnings } = await import('../../experiment/scenarioWarnings.js');
      const { scenario, hash } = readScenarioFile(file);
      const summary = summarizeScenario(scenario);
      const warnings = scenarioWarnings(scenario);
      if (opts.json) {
        const { printJson } = await import('../output.js');
        const { showDocument } = await import('../../engine/commandDocuments.js');
        printJson(showDocument(scenario, { id: scenario.id, hash }, warnings));
      } else {
        const { renderSummary } = await import('../render/summary.js');
        const { printWarnings } = await import('../scenarioInput.js');
        process.stdout.write(renderSummary(summary, hash));
        printWarnings(warnings);
      }
    });
}
