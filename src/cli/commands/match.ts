import type { Command } from 'commander';
import { STRATEGY_HELP, addGameOptions, echoOptions, gameFlags, resolvePayoffs, resolveStrategies, type GameCliOptions } from './gameOptions.js';

/** `flashpoints match A B`: one iterated game between two strategies. */
export function registerMatch(program: Command): void {
  const cmd = program
    .command('match')
    .description('Play one iterated prisoner\'s dilemma (or stag hunt, chicken) between two strategies.')
    .argument('<a>', 'first strategy id, e.g. tit-for-tat or memory-one:1,0,0,1')
    .argument('<b>', 'second strategy id')
    .option('--report <file.html>', 'write a self-contained HTML summary with figures (scores over the match, actions)')
    .addHelpText(
      'after',
      STRATEGY_HELP +
        'JSON: { players: [a, b], actions: [string, string] (one C/D per turn, as played), scores: [total, total] }.',
    );
  addGameOptions(cmd).action(async (a: string, b: string, opts: GameCliOptions & { report?: string }) => {
    const [A, B] = await resolveStrategies([a, b]);
    const payoffs = await resolvePayoffs(opts);
    const { playMatch, matchLetters } = await import('../../models/game/match.js');
    const { streamFor } = await import('../../math/rng/index.js');
    const result = playMatch(
      A,
      B,
      { turns: opts.turns ?? (opts.probEnd === undefined ? 200 : undefined), probEnd: opts.probEnd, noise: opts.noise, misperception: opts.misperception, payoffs },
      streamFor(opts.seed, 0, 1, 0),
    );
    const { actions, scores } = matchLetters(result);
    if (opts.report) {
      const [{ checkOutputPath, writeFileAtomic }, { renderMatchReport }, { VERSION }] = await Promise.all([
        import('../csvFile.js'), import('../../report/gameReport.js'), import('../../version.js'),
      ]);
      checkOutputPath(opts.report, [], '--report');
      const command = ['flashpoints match', a, b, ...gameFlags(opts)].join(' ');
      writeFileAtomic(opts.report, renderMatchReport({ flashpoints: VERSION, seed: opts.seed, options: echoOptions(opts, payoffs), payoffs, command, players: [a, b], actions, scores }), '--report');
    }
    if (opts.json) {
      const { envelope, printJson } = await import('../output.js');
      printJson({
        ...envelope('match', { seed: opts.seed, options: echoOptions(opts, payoffs) }),
        players: [a, b],
        actions,
        scores,
      });
    } else {
      const width = Math.max(a.length, b.length);
      process.stdout.write(`${a.padEnd(width)}  ${actions[0]}\n${b.padEnd(width)}  ${actions[1]}\n`);
      process.stdout.write(`scores: ${scores[0]} – ${scores[1]} over ${result.turns} turns (per turn ${(scores[0] / result.turns).toFixed(3)} – ${(scores[1] / result.turns).toFixed(3)})\n`);
      if (opts.report) process.stdout.write(`report written to ${opts.report}\n`);
    }
  });
}
