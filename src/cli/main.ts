#!/usr/bin/env node
/**
 * The `flashpoints` command. Each command lives in `commands/<name>.ts` and registers itself; registration
 * imports only light modules, and heavy ones are imported inside the action, so `flashpoints --help` and the
 * fast commands start quickly.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { InputError } from './errors.js';
import { numberOption } from './output.js';
import { INPUT_LIMITS_MIB, MAX_INPUT_MIB, setInputLimitMiB } from './io/readInput.js';
import { NUMERICAL_HINT, NUMERICAL_PREFIX } from '../math/numericalError.js';
import { registerValidate } from './commands/validate.js';
import { registerShow } from './commands/show.js';
import { registerSchema } from './commands/schema.js';
import { registerMain } from './commands/main.js';
import { registerSimulate } from './commands/simulate.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerMatch } from './commands/match.js';
import { registerTournament } from './commands/tournament.js';
import { registerEvolve } from './commands/evolve.js';
import { registerFit } from './commands/fit.js';
import { registerData } from './commands/data.js';
import { registerRun } from './commands/run.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCompare } from './commands/compare.js';
import { registerStore } from './commands/store.js';
import { registerWorker } from './commands/worker.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerExport } from './commands/export.js';
import { registerDiscover } from './commands/discover.js';
import { registerServe } from './commands/serve.js';

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

const commands: ((p: Command) => void)[] = [
  registerMain,
  registerValidate,
  registerShow,
  registerSchema,
  registerSimulate,
  registerAnalyze,
  registerFit,
  registerData,
  registerCalibrate,
  registerMatch,
  registerTournament,
  registerEvolve,
  registerRun,
  registerCompare,
  registerStore,
  registerWorker,
  registerSensitivity,
  registerExport,
  registerDiscover,
  registerServe,
];
for (const register of commands) register(program);

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
    process.stderr.write(`hint: ${NUMERICAL_HINT}\n`);
    return 1;
  }
  process.stderr.write(`flashpoints: ${message}\n`);
  if (process.env.FLASHPOINTS_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('hint: set FLASHPOINTS_DEBUG=1 to see where this came from\n');
  return 1;
}
