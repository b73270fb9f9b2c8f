import type { Command } from 'commander';
import { intOption } from '../output.js';
import { InputError } from '../errors.js';
import { STRATEGY_HELP, addGameOptions, echoOptions, playerList, resolvePayoffs, resolveStrategies, type GameCliOptions } from './gameOptions.js';

interface EvolveCliOptions extends GameCliOptions {
  players: string[];
  method: string;
  population?: number;
  runs: number;
  generations: number;
  repetitions: number;
}

function method(raw: string): string {
  if (raw !== 'moran' && raw !== 'replicator') throw new InputError([`--method must be moran or replicator, got '${raw}'`]);
  return raw;
}

/** `flashpoints evolve`: which strategies survive — a Moran process or replicator dynamics. */
export function registerEvolve(program: Command): void {
  const cmd = program
    .command('evolve')
    .description('Evolve a population of strategies: a birth–death Moran process (finite, seeded) or replicator dynamics on the tournament payoffs.')
    .requiredOption('--players <ids>', 'comma-separated strategy ids (at least 2)', playerList)
    .option('--method <m>', 'moran or replicator', method, 'moran')
    .option('--population <n>', 'Moran population size, split evenly (default 10 per strategy)', intOption('--population', 2, 100_000))
    .option('--runs <k>', 'Moran runs to fixation (fixation frequencies over runs)', intOption('--runs', 1, 1_000_000), 1)
    .option('--generations <g>', 'replicator generations', intOption('--generations', 1, 10_000_000), 1000)
    .option('--repetitions <r>', 'replicator: tournament repetitions behind the payoff matrix', intOption('--repetitions', 1, 1_000_000), 10)
    .addHelpText(
      'after',
      STRATEGY_HELP +
        '\nJSON (moran): { method, players, population, runs, fixations: {id: runs won}, fixationShare: {id: share},\n' +
        '  unfixed, meanSteps, trajectory: counts per step of the first run }.\n' +
        'JSON (replicator): { method, players, payoffMatrix, shares: {id: final share}, generations, trajectory }.',
    );
  addGameOptions(cmd).action(async (opts: EvolveCliOptions) => {
    const ids = opts.players;
    if (ids.length < 2) throw new InputError([`--players needs at least 2 strategies, got ${ids.length}`]);
    if (opts.population !== undefined && opts.population < ids.length) {
      throw new InputError([`--population ${opts.population} is smaller than the ${ids.length} strategies`]);
    }
    const strategies = await resolveStrategies(ids);
    const payoffs = await resolvePayoffs(opts);
    const matchOptions = {
      turns: opts.turns ?? (opts.probEnd === undefined ? 200 : undefined),
      probEnd: opts.probEnd,
      noise: opts.noise,
      misperception: opts.misperception,
      payoffs,
    };
    const byId = (values: number[]) => Object.fromEntries(ids.map((id, i) => [id, values[i]]));
    let payload: Record<string, unknown>;
    let options: Record<string, unknown>;
    if (opts.method === 'moran') {
      const { moranProcess } = await import('../../models/game/moran.js');
      const r = moranProcess(strategies, { ...matchOptions, population: opts.population, runs: opts.runs, seed: opts.seed });
      options = { ...echoOptions(opts, payoffs), population: r.population, runs: r.runs };
      payload = {
        method: 'moran',
        players: ids,
        population: r.population,
        runs: r.runs,
        fixations: byId(r.fixations),
        fixationShare: byId(r.fixations.map((f) => f / r.runs)),
        unfixed: r.unfixed,
        meanSteps: r.meanSteps,
        trajectory: r.trajectory,
      };
    } else {
      const { runTournament } = await import('../../models/game/tournament.js');
      const { replicatorDynamics } = await import('../../models/game/replicator.js');
      const t = runTournament(strategies, { ...matchOptions, repetitions: opts.repetitions, seed: opts.seed });
      const r = replicatorDynamics(t.payoffMatrix, { generations: opts.generations });
      options = { ...echoOptions(opts, payoffs), repetitions: opts.repetitions, generations: opts.generations };
      payload = {
        method: 'replicator',
        players: ids,
        payoffMatrix: t.payoffMatrix,
        shares: byId(r.shares),
        generations: r.generations,
        trajectory: r.trajectory,
      };
    }
    if (opts.json) {
      const { envelope, printJson } = await import('../output.js');
      printJson({ ...envelope('evolve', { seed: opts.seed, options }), ...payload });
      return;
    }
    const values = (payload.method === 'moran' ? payload.fixationShare : payload.shares) as Record<string, number>;
    const label = payload.method === 'moran' ? `fixation share over ${opts.runs} run(s)` : `share after ${opts.generations} generations`;
    const { fitTable } = await import('../render/table.js');
    process.stdout.write(`${fitTable(['strategy', label], ids.map((id) => [id, values[id].toFixed(4)]))}\n`);
  });
}
