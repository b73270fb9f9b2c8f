import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the scenario format as JSON Schema (draft 2020-12).')
    .action(async () => {
      const { scenarioJsonSchema } = await import('../../scenario/jsonSchema.js');
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });
}
