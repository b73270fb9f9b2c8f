import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a scenario file: syntax, schema and cross-references; every problem as file:line:col path: message.')
    .argument('<file>', 'scenario file (.yaml or .json)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const { centringWarnings } = await import('../../experiment/centring.js');
      const { scenario, hash } = readScenarioFile(file);
      const warnings = centringWarnings(scenario);
      if (opts.json) {
        const { envelope, printJson } = await import('../output.js');
        printJson({ ...envelope('validate', { scenario: { id: scenario.id, hash }, options: {} }), valid: true, warnings });
      } else {
        process.stdout.write(`${file}: valid scenario '${scenario.id}' (sha256 ${hash.slice(0, 12)}…)\n`);
        for (const w of warnings) process.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n  hint: ${w.hint}\n`);
      }
    });
}
