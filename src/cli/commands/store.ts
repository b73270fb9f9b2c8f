import type { Command } from 'commander';

interface StoreCheckOptions {
  quarantine?: boolean;
  json?: boolean;
}

/**
 * `flashpoints store check FILE [--quarantine] [--json]`: SQLite's integrity check and every cell's checksum,
 * shape and counts; with --quarantine the bad cells move to the store's `quarantine` table (nothing is deleted).
 * Exit 0 when the store is sound (or every bad cell was set aside), 2 when problems remain.
 */
export function registerStore(program: Command): void {
  const store = program.command('store').description('Inspect the SQLite store of policy comparisons (docs/experiments.md#the-store)');
  store
    .command('check')
    .description('Check a store: SQLite integrity, and each cell\'s checksum, shape and counts; --quarantine sets bad cells aside')
    .argument('<file>', 'the store file (e.g. flashpoints-experiments.sqlite)')
    .option('--quarantine', 'move bad cells into the quarantine table (kept, never deleted); --resume then recomputes them')
    .option('--json', 'print one JSON document')
    .exitOverride()
    .action(async (file: string, opts: StoreCheckOptions) => {
      const { InputError } = await import('../errors.js');
      const { checkStoreFile } = await import('../io/readInput.js');
      const { storeInputError } = await import('../io/storeErrors.js');
      const { ExperimentStore } = await import('../../engine/experimentStore.js');
      // A regular file that exists: the check never creates a store, and refuses devices and directories.
      const size = checkStoreFile(file);
      if (size === 0) throw new InputError([`${file}: the store is empty (0 bytes)`], 'give --store NEW to compare into a fresh store');
      let result;
      try {
        const s = ExperimentStore.open(file, { mustExist: true });
        try {
          result = s.check({ quarantine: !!opts.quarantine });
        } finally {
          s.close();
        }
      } catch (err) {
        const mapped = storeInputError(err);
        if (mapped) throw new InputError(mapped.lines, `the file cannot be repaired in place; give --store NEW to start a fresh store (${file} is left as it is)`);
        throw err;
      }
      const remaining = result.integrity.length > 0 || result.bad.length > result.quarantined;
      if (opts.json) {
        const { envelope, printJson } = await import('../output.js');
        printJson({ ...envelope('store check', { options: { file, quarantine: !!opts.quarantine } }), ...result, sound: !remaining && result.bad.length === 0 });
      } else {
        const out = (s: string) => process.stdout.write(`${s}\n`);
        out(`${file}: SQLite integrity ${result.integrity.length ? `FAILED (${result.integrity.slice(0, 5).join('; ')})` : 'ok'}; ${result.cells} cells checked, ${result.bad.length} bad`);
        for (const b of result.bad.slice(0, 50)) out(`  experiment ${b.experiment.slice(0, 12)}… policy '${b.policy}' future ${b.future}: ${b.reason}${opts.quarantine ? ' (quarantined)' : ''}`);
        if (result.bad.length > 50) out(`  … and ${result.bad.length - 50} more (--json lists them all)`);
      }
      if (remaining) {
        process.stderr.write(
          result.integrity.length
            ? `hint: the SQLite file itself is damaged; give --store NEW for a fresh store\n`
            : `hint: run \`flashpoints store check ${file} --quarantine\` to set the bad cells aside (nothing is deleted)\n`,
        );
        process.exitCode = 2;
      }
    });
}
