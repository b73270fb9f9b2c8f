import type { Command } from 'commander';
import { intOption } from '../output.js';
import { STRATEGY_HELP, addGameOptions, echoOptions, playerList, resolvePayoffs, resolveStrategies, type GameCliOptions } from './gameOptions.js';

interface TournamentCliOptions extends GameCliOptions {
  players: string[];
  repetitions: number;
  selfPlay?: boolean;
}

/** `flashpoints tournament`: a round robin with repetitions, as the Axelrod library's Tournament. */
export function registerTournament(program: Command): void {
  const cmd = program
    .command('tournament')
    .description('Round-robin tournament of strategies with repetitions; ranks them by mean per-turn score.')
    .requiredOption('--players <ids>', 'comma-separated strategy ids (at least 2)', playerList)
    .option('--repetitions <r>', 'times each pair meets', intOption('--repetitions', 1, 1_000_000), 10)
    .option('--self-play', 'count each player against a copy of itself in the mean scores')
    .addHelpText(
      'after',
      STRATEGY_HELP +
        '\nJSON: { players, meanScores: {id: mean per-turn score over opponents and repetitions}, payoffMatrix[i][j]\n' +
        '(mean per-turn payoff of i against j; self-play on the diagonal), ranking: ids by mean score }.',
    );
  addGameOptions(cmd).action(async (opts: TournamentCliOptions) => {
    const ids = opts.players;
    if (ids.length < 2) {
      const { InputError } = await import('../errors.js');
      throw new InputError([`--players needs at least 2 strategies, got ${ids.length}`]);
    }
    const strategies = await resolveStrategies(ids);
    const payoffs = await resolvePayoffs(opts);
    const { runTournament } = await import('../../models/game/tournament.js');
    const result = runTournament(strategies, {
      turns: opts.turns ?? (opts.probEnd === undefined ? 200 : undefined),
      probEnd: opts.probEnd,
      noise: opts.noise,
      misperception: opts.misperception,
      payoffs,
      repetitions: opts.repetitions,
      seed: opts.seed,
      selfPlay: opts.selfPlay ?? false,
    });
    const meanScores = Object.fromEntries(ids.map((id, i) => [id, result.meanScores[i]]));
    const ranking = result.ranking.map((i) => ids[i]);
    if (opts.json) {
      const { envelope, printJson } = await import('../output.js');
      printJson({
        ...envelope('tournament', {
          seed: opts.seed,
          options: { ...echoOptions(opts, payoffs), repetitions: opts.repetitions, selfPlay: opts.selfPlay ?? false },
        }),
        players: ids,
        meanScores,
        payoffMatrix: result.payoffMatrix,
        ranking,
      });
    } else {
      const { default: Table } = await import('cli-table3');
      const table = new Table({ head: ['rank', 'strategy', 'mean score'], style: { head: [], border: [] } });
      ranking.forEach((id, r) => table.push([r + 1, id, meanScores[id].toFixed(4)]));
      process.stdout.write(`${table.toString()}\n`);
    }
  });
}
