/**
 * Options shared by the game commands (`match`, `tournament`, `evolve`): match length, noise, misperception,
 * seed and stage game. Light on purpose: the registry and the models are imported inside the actions.
 */
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { intOption, numberOption } from '../output.js';

/** Parsed values of the shared options. */
export interface GameCliOptions {
  turns?: number;
  probEnd?: number;
  noise: number;
  misperception: number;
  seed: number;
  game: string;
  payoffs?: { R: number; S: number; T: number; P: number };
  json?: boolean;
}

const GAMES = ['pd', 'stag-hunt', 'chicken'];

/** The strategy ids, for `--help` (kept in step with the registry by a CLI test). */
export const STRATEGY_HELP =
  '\nStrategies: cooperator, defector, tit-for-tat, tit-for-two-tats, suspicious-tit-for-tat, grudger, alternator,\n' +
  'win-stay-lose-shift, generous-tit-for-tat, grit, random, memory-one:p1,p2,p3,p4 (P(C) after CC, CD, DC, DD).\n';

/** Adds --turns, --prob-end, --noise, --misperception, --seed, --game, --payoffs and --json to `cmd`. */
export function addGameOptions(cmd: Command, turnsHelp = 'turns per match (default 200; with --prob-end, a cap)'): Command {
  return cmd
    .option('--turns <n>', turnsHelp, intOption('--turns', 1, 10_000_000))
    .option('--prob-end <p>', 'end each match after any turn with probability p in (0, 1] (geometric length)', probEnd)
    .option('--noise <e>', 'execution error: each action flips with probability e; both players see the flip', numberOption('--noise', 0, 1), 0)
    .option('--misperception <e>', "each player privately misreads the other's action with probability e", numberOption('--misperception', 0, 1), 0)
    .option('--seed <s>', 'seed of the random streams', intOption('--seed', 0), 1)
    .option('--game <name>', `stage game: ${GAMES.join(', ')} (pd: R=3 S=0 T=5 P=1; stag-hunt: 5 0 3 1; chicken: 3 1 5 0)`, gameName, 'pd')
    .option('--payoffs <R,S,T,P>', 'custom payoffs R,S,T,P (overrides --game)', payoffList)
    .option('--json', 'print one JSON document');
}

function probEnd(raw: string): number {
  const v = numberOption('--prob-end', 0, 1)(raw);
  if (v === 0) throw new InputError([`--prob-end must be in (0, 1], got '${raw}'`], 'omit --prob-end for a fixed number of turns');
  return v;
}

function gameName(raw: string): string {
  if (!GAMES.includes(raw)) throw new InputError([`--game must be one of ${GAMES.join(', ')}, got '${raw}'`]);
  return raw;
}

function payoffList(raw: string): { R: number; S: number; T: number; P: number } {
  const parts = raw.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v))) {
    throw new InputError([`--payoffs must be four numbers R,S,T,P, got '${raw}'`], 'e.g. --payoffs 3,0,5,1');
  }
  const [R, S, T, P] = parts;
  return { R, S, T, P };
}

/** Splits a comma list of strategy ids; rejects empty and repeated entries. */
export function playerList(raw: string): string[] {
  // memory-one ids contain commas: rejoin the three numbers that follow a `memory-one:` token.
  const tokens = raw.split(',').map((s) => s.trim());
  const ids: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].startsWith('memory-one:')) {
      ids.push(tokens.slice(i, i + 4).join(','));
      i += 3;
    } else ids.push(tokens[i]);
  }
  if (ids.some((id) => id === '')) throw new InputError([`--players has an empty entry: '${raw}'`]);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new InputError([`--players lists '${id}' twice`], 'each strategy plays once; self-play is added with --self-play');
    seen.add(id);
  }
  return ids;
}

/** The strategies for `ids`; an unknown id is a usage error (exit 2) that lists the known ones. */
export async function resolveStrategies(ids: string[]) {
  const { strategyById, UnknownStrategyError } = await import('../../models/game/registry.js');
  return ids.map((id) => {
    try {
      return strategyById(id);
    } catch (err) {
      if (err instanceof UnknownStrategyError) throw new InputError([err.message], `known strategies: ${err.known.join(', ')}`);
      throw err;
    }
  });
}

/** The stage game chosen by --payoffs or --game. */
export async function resolvePayoffs(opts: GameCliOptions) {
  const { GAME_PRESETS } = await import('../../models/game/payoffs.js');
  return opts.payoffs ?? GAME_PRESETS[opts.game];
}

/** The options every game command echoes in its envelope. */
export function echoOptions(opts: GameCliOptions, payoffs: { R: number; S: number; T: number; P: number }) {
  return {
    // The effective length: 200 by default; with --prob-end, the cap (null when there is none).
    turns: opts.turns ?? (opts.probEnd === undefined ? 200 : null),
    probEnd: opts.probEnd ?? null,
    noise: opts.noise,
    misperception: opts.misperception,
    game: opts.payoffs ? 'custom' : opts.game,
    payoffs,
  };
}

/** The shared options as command-line flags that reproduce a run (seed always; the others when not default). */
export function gameFlags(opts: GameCliOptions): string[] {
  const flags = [`--seed ${opts.seed}`];
  if (opts.turns !== undefined) flags.push(`--turns ${opts.turns}`);
  if (opts.probEnd !== undefined) flags.push(`--prob-end ${opts.probEnd}`);
  if (opts.noise) flags.push(`--noise ${opts.noise}`);
  if (opts.misperception) flags.push(`--misperception ${opts.misperception}`);
  if (opts.payoffs) flags.push(`--payoffs ${[opts.payoffs.R, opts.payoffs.S, opts.payoffs.T, opts.payoffs.P].join(',')}`);
  else if (opts.game !== 'pd') flags.push(`--game ${opts.game}`);
  return flags;
}
