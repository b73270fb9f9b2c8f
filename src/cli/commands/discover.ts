import type { Command } from 'commander';
import { numberOption } from '../output.js';

interface DiscoverCliOptions {
  experiment?: string;
  where: string;
  outcome: string;
  margin: number;
  policy: string;
  weights: string;
  peelAlpha: number;
  pasteAlpha: number;
  massMin: number;
  threshold: number;
  json?: boolean;
}

/** `flashpoints discover STORE --where CASE`: PRIM scenario discovery on a stored comparison (docs/sensitivity.md#discover). */
export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .description('Scenario discovery (PRIM) on a stored comparison: in which futures does a policy beat another, or an outcome pass a threshold? Prints the peeling trade-off and the chosen box in words.')
    .argument('<store>', 'the SQLite store written by `flashpoints compare`')
    .requiredOption('--where <case>', "the case of interest: 'A<B' (policy A's outcome below B's by more than --margin), 'A>B', or 'war>0.1' (an outcome of --policy against a number; outcomes war, nuclear, clash, clashYears, escalation)")
    .option('--experiment <id>', 'the comparison (a prefix of its id; default: the one run last)')
    .option('--outcome <o>', "the outcome an 'A<B' case compares", 'war')
    .option('--margin <m>', "how much lower (A<B) or higher (A>B) A's outcome must be", numberOption('--margin', 0), 0)
    .option('--policy <id>', "the policy of an 'OUTCOME>x' case", 'status-quo')
    .option('--weights <w>', 'record (the stored record weights of the futures) or none', 'record')
    .option('--peel-alpha <a>', 'share of the box each peel removes', numberOption('--peel-alpha', 0, 0.5), 0.05)
    .option('--paste-alpha <a>', 'share of the strip outside a limit each paste adds', numberOption('--paste-alpha', 0, 0.5), 0.05)
    .option('--mass-min <m>', 'smallest share of the futures a box may keep', numberOption('--mass-min', 0, 1), 0.05)
    .option('--threshold <d>', 'density the chosen box must reach (else the densest box)', numberOption('--threshold', 0, 1), 0.8)
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: DiscoverCliOptions) => {
      const { InputError } = await import('../errors.js');
      const { checkStoreFile } = await import('../io/readInput.js');
      const { storeInputError } = await import('../io/storeErrors.js');
      const { DISCOVER_OUTCOMES } = await import('../../report/discoverWords.js');
      const { discover } = await import('../../engine/discover.js');
      const { StoredExperimentError } = await import('../../engine/exportExperiments.js');
      if (!(opts.outcome in DISCOVER_OUTCOMES)) throw new InputError([`--outcome must be one of ${Object.keys(DISCOVER_OUTCOMES).join(', ')}, got '${opts.outcome}'`]);
      if (opts.weights !== 'record' && opts.weights !== 'none') throw new InputError([`--weights must be record or none, got '${opts.weights}'`]);
      for (const [name, v] of [['--peel-alpha', opts.peelAlpha], ['--paste-alpha', opts.pasteAlpha]] as const) if (!(v > 0 && v < 0.5)) throw new InputError([`${name} must lie strictly between 0 and 0.5, got ${v}`]);
      if (opts.massMin >= 1) throw new InputError([`--mass-min must be below 1, got ${opts.massMin}`]);
      checkStoreFile(file);
      let r;
      try {
        r = discover(file, { ...opts, outcome: opts.outcome as keyof typeof DISCOVER_OUTCOMES, weights: opts.weights });
      } catch (err) {
        if (err instanceof StoredExperimentError) throw new InputError([err.message], err.hint);
        throw storeInputError(err) ?? err;
      }
      if (opts.json) {
        const { envelope, printJson } = await import('../output.js');
        const { ExperimentStore } = await import('../../engine/experimentStore.js');
        const store = ExperimentStore.open(file, { mustExist: true });
        const meta = store.experiments().find((e) => e.id === r.experiment)!;
        store.close();
        printJson({ ...envelope('discover', { scenario: { id: meta.scenarioId, hash: meta.scenarioHash }, seed: meta.seed, options: { store: file, ...opts } }), ...r });
        return;
      }
      const { renderDiscover } = await import('../render/discover.js');
      process.stdout.write(renderDiscover(r));
    });
}
