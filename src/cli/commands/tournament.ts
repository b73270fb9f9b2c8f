import type { Command } from 'commander';
import { intOption } from '../output.js';
import { STRATEGY_HELP, addGameOptions, echoOptions, gameFlags, playerList, resolvePayoffs, resolveStrategies, type GameCliOptions } from './gameOptions.js';

interface TournamentCliOptions extends GameCliOptions {
  players: string[];
  repetitions: number;
  selfPlay?: boolean;
  csv?: string;
  report?: string;
}

/** `flashpoints tournament`: a round robin with repetitions, read as the Axelrod library's result set. */
export function registerTournament(program: Command): void {
  const cmd = program
    .command('tournament')
    .description('Round-robin tournament of strategies with repetitions: ranks (ties shared), mean and median scores, wins, cooperation, the payoff matrix.')
    .requiredOption('--players <ids>', "comma-separated strategy ids (at least 2), or 'all' for every registered strategy", playerList)
    .option('--repetitions <r>', 'times each pair meets', intOption('--repetitions', 1, 1_000_000), 10)
    .option('--self-play', 'count each player against a copy of itself in the mean scores')
    .option('--csv <file>', 'write the result set as tidy CSV: player,opponent,repetition,measure,value (docs/cli.md#csv-tables)')
    .option('--report <file.html>', 'write a self-contained HTML summary with figures')
    .addHelpText(
      'after',
      STRATEGY_HELP +
        '\nJSON: { players, meanScores: {id: mean per-turn score}, payoffMatrix[i][j] (mean per-turn payoff of i against j;\n' +
        'self-play on the diagonal), ranking: ids by mean score, ranks: {id: rank, ties shared}, medianScores, wins,\n' +
        'medianWins, cooperationRates, scoreQuantiles: {id: {q05,q25,q50,q75,q95}}, normalisedScores: {id: per repetition},\n' +
        'cooperationMatrix[i][j] } — docs/games.md#the-result-set.',
    );
  addGameOptions(cmd).action(async (opts: TournamentCliOptions) => {
    const { InputError } = await import('../errors.js');
    let ids = opts.players;
    if (ids.includes('all')) {
      if (ids.length > 1) throw new InputError([`--players all stands alone, got '${ids.join(',')}'`], 'give either all or a list of ids');
      ids = (await import('../../models/game/registry.js')).STRATEGIES.map((s) => s.id);
    }
    if (ids.length < 2) throw new InputError([`--players needs at least 2 strategies, got ${ids.length}`], "e.g. --players tit-for-tat,defector, or --players all");
    const { checkOutputPath, writeCsvFile, writeFileAtomic } = await import('../csvFile.js');
    if (opts.csv) checkOutputPath(opts.csv, [], '--csv');
    if (opts.report) checkOutputPath(opts.report, opts.csv ? [opts.csv] : [], '--report');
    const strategies = await resolveStrategies(ids);
    const payoffs = await resolvePayoffs(opts);
    const [{ runTournament }, { tournamentResultSet }] = await Promise.all([import('../../models/game/tournament.js'), import('../../models/game/resultSet.js')]);
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
    const rs = tournamentResultSet(result);
    const byId = <T>(values: T[]) => Object.fromEntries(ids.map((id, i) => [id, values[i]]));
    const options = { ...echoOptions(opts, payoffs), players: ids, repetitions: opts.repetitions, selfPlay: opts.selfPlay ?? false };
    if (opts.csv) {
      const { TOURNAMENT_CSV_COLUMNS, tournamentRows } = await import('../tidy.js');
      writeCsvFile(opts.csv, TOURNAMENT_CSV_COLUMNS, tournamentRows(result, rs));
    }
    if (opts.report) {
      const { renderTournamentReport } = await import('../../report/gameReport.js');
      const { VERSION } = await import('../../version.js');
      writeFileAtomic(opts.report, renderTournamentReport({
        flashpoints: VERSION, seed: opts.seed, options, payoffs, command: reproduceCommand(opts, ids), resultSet: rs, payoffMatrix: result.payoffMatrix, repetitions: opts.repetitions,
      }), '--report');
    }
    if (opts.json) {
      const { envelope, printJson } = await import('../output.js');
      printJson({
        ...envelope('tournament', { seed: opts.seed, options }),
        players: ids,
        meanScores: byId(result.meanScores),
        payoffMatrix: result.payoffMatrix,
        ranking: result.ranking.map((i) => ids[i]),
        ranks: byId(rs.ranks),
        medianScores: byId(rs.medianScores),
        wins: byId(rs.wins),
        medianWins: byId(rs.medianWins),
        cooperationRates: byId(rs.cooperationRates),
        scoreQuantiles: byId(rs.scoreQuantiles),
        normalisedScores: byId(result.normalisedScores),
        cooperationMatrix: rs.cooperationMatrix,
      });
      return;
    }
    const { renderResultSet } = await import('../render/tournament.js');
    process.stdout.write(await renderResultSet(rs, result.payoffMatrix, { repetitions: opts.repetitions, seed: opts.seed, turns: options.turns, probEnd: opts.probEnd }));
    if (opts.csv) process.stdout.write(`result set written to ${opts.csv}\n`);
    if (opts.report) process.stdout.write(`report written to ${opts.report}\n`);
  });
}

function reproduceCommand(opts: TournamentCliOptions, ids: string[]): string {
  const players = opts.players.includes('all') ? 'all' : ids.join(',');
  return ['flashpoints tournament', `--players ${players}`, `--repetitions ${opts.repetitions}`, ...gameFlags(opts), ...(opts.selfPlay ? ['--self-play'] : [])].join(' ');
}
