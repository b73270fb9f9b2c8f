#!/usr/bin/env node
/**
 * The `flashpoints` command. Each command lives in `commands/<name>.ts` and registers itself; registration
 * imports only light modules, and heavy ones are imported inside the action. A call loads only the module of the
 * command it names (COMMANDS below); `--help`, `help` and unknown names load them all, so the full list and
 * commander's suggestions stay as they were.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { InputError } from './errors.js';
import { numberOption } from './output.js';
import { INPUT_LIMITS_MIB, MAX_INPUT_MIB, setInputLimitMiB } from './io/readInput.js';
import { NUMERICAL_HINT, NUMERICAL_PREFIX } from '../math/numericalError.js';
// A closed pipe (`flashpoints schema | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('flashpoints')
  .description('An open lab for the security dilemma: arms dynamics, crisis escalation and policy comparison.')
  .version(VERSION)
  .exitOverride()
  .showHelpAfterError('(add --help for usage)')
  .option('--max-input-mb <MiB>', `raise the size limit of input files (default: ${INPUT_LIMITS_MIB.scenario} MiB for scenarios, ${INPUT_LIMITS_MIB.data} MiB for data)`, numberOption('--max-input-mb', 0.001, MAX_INPUT_MIB))
  .hook('preAction', (cmd) => setInputLimitMiB(cmd.opts().maxInputMb as number | undefined));

/**
 * Every command, in the order `--help` lists them, as [name, loader of its register function]. A new command is
 * one line: `['serve', async () => (await import('./commands/serve.js')).registerServe]`.
 */
const COMMANDS: [name: string, load: () => Promise<(p: Command) => void>][] = [
  ['main', async () => (await import('./commands/main.js')).registerMain],
  ['validate', async () => (await import('./commands/validate.js')).registerValidate],
  ['show', async () => (await import('./commands/show.js')).registerShow],
  ['schema', async () => (await import('./commands/schema.js')).registerSchema],
  ['simulate', async () => (await import('./commands/simulate.js')).registerSimulate],
  ['analyze', async () => (await import('./commands/analyze.js')).registerAnalyze],
  ['fit', async () => (await import('./commands/fit.js')).registerFit],
  ['data', async () => (await import('./commands/data.js')).registerData],
  ['calibrate', async () => (await import('./commands/calibrate.js')).registerCalibrate],
  ['match', async () => (await import('./commands/match.js')).registerMatch],
  ['tournament', async () => (await import('./commands/tournament.js')).registerTournament],
  ['evolve', async () => (await import('./commands/evolve.js')).registerEvolve],
  ['run', async () => (await import('./commands/run.js')).registerRun],
  ['compare', async () => (await import('./commands/compare.js')).registerCompare],
  ['store', async () => (await import('./commands/store.js')).registerStore],
  ['worker', async () => (await import('./commands/worker.js')).registerWorker],
  ['sensitivity', async () => (await import('./commands/sensitivity.js')).registerSensitivity],
  ['export', async () => (await import('./commands/export.js')).registerExport],
  ['discover', async () => (await import('./commands/discover.js')).registerDiscover],
  ['serve', async () => (await import('./commands/serve.js')).registerServe],
];

/** The command a call names: its first argument that is not an option (nor the value of `--max-input-mb`). */
function commandName(args: readonly string[]): string | undefined {
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--max-input-mb') k++;
    else if (!args[k].startsWith('-')) return args[k];
  }
  return undefined;
}

const args = process.argv.slice(2);
const named = commandName(args);
const versionOnly = named === undefined && (args.includes('--version') || args.includes('-V'));
const selected = versionOnly ? [] : COMMANDS.filter(([name]) => name === named);
for (const [, load] of selected.length || versionOnly ? selected : COMMANDS) (await load())(program);

// Sub-commands inherit exit override so usage errors reach the handler below instead of process.exit.
for (const cmd of program.commands) cmd.exitOverride();

// No command at all is a usage error: the help goes to stderr (stdout stays clean for pipes) and the exit code is 2.
if (process.argv.length <= 2) {
  process.stderr.write(program.helpInformation());
  process.exitCode = 2;
} else {
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    process.exitCode = report(err);
  }
}

function report(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2; // commander has already printed the message
  }
  if (err instanceof InputError) {
    for (const line of err.lines) process.stderr.write(`${line}\n`);
    if (err.hint) process.stderr.write(`hint: ${err.hint}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith(NUMERICAL_PREFIX)) {
    // Valid input the models cannot compute in double precision: exit 1, the same message in every command.
    process.stderr.write(`flashpoints: ${message}\n`);
    // Its own hint when it has one (a NumericalError thrown on this thread); one that crossed a worker thread is
    // a plain Error with the same message, and gets the common hint.
    const own = (err as { hint?: unknown } | null)?.hint;
    process.stderr.write(`hint: ${typeof own === 'string' ? own : NUMERICAL_HINT}\n`);
    return 1;
  }
  process.stderr.write(`flashpoints: ${message}\n`);
  if (process.env.FLASHPOINTS_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('hint: set FLASHPOINTS_DEBUG=1 to see where this came from\n');
  return 1;
}
