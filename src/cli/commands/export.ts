import type { Command } from 'commander';

/**
 * `flashpoints export STORE [--experiment ID] --csv FILE`: the experiments table of a stored comparison — one row
 * per (future, policy), every sampled value by its path, the alternatives, the record weight and the outcomes
 * (docs/cli.md#export).
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Write the experiments table of a stored comparison: one row per (future, policy) with every sampled value, the structural alternatives, the record weight and the outcomes (for R or pandas).')
    .argument('<store>', 'the SQLite store written by `flashpoints compare`')
    .option('--experiment <id>', 'the comparison (a prefix of its id; default: the one run last)')
    .requiredOption('--csv <file>', 'the CSV file to write')
    .action(async (file: string, opts: { experiment?: string; csv: string }) => {
      const { InputError } = await import('../errors.js');
      const { checkStoreFile } = await import('../io/readInput.js');
      const { writeCsvFile } = await import('../csvFile.js');
      const { checkOutputs } = await import('../io/writeOutput.js');
      const { storeInputError } = await import('../io/storeErrors.js');
      const { exportExperiments, StoredExperimentError } = await import('../../engine/exportExperiments.js');
      checkStoreFile(file);
      checkOutputs([{ option: '--csv', path: opts.csv }], { store: file });
      let table;
      try {
        table = exportExperiments(file, opts.experiment);
      } catch (err) {
        if (err instanceof StoredExperimentError) throw new InputError([err.message], err.hint);
        throw storeInputError(err) ?? err;
      }
      writeCsvFile(opts.csv, table.header, table.rows);
      process.stdout.write(`${table.rows.length} rows (future × policy) of comparison ${table.id.slice(0, 12)} written to ${opts.csv}\n`);
    });
}
