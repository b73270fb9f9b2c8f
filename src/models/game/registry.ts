import type { Strategy } from './strategy.js';
import { alternator } from './strategies/alternator.js';
import { cooperator } from './strategies/cooperator.js';
import { defector } from './strategies/defector.js';
import { generousTitForTat } from './strategies/generousTitForTat.js';
import { grit } from './strategies/grit.js';
import { grudger } from './strategies/grudger.js';
import { MEMORY_ONE_PREFIX, memoryOne } from './strategies/memoryOne.js';
import { random } from './strategies/random.js';
import { suspiciousTitForTat } from './strategies/suspiciousTitForTat.js';
import { titForTat } from './strategies/titForTat.js';
import { titForTwoTats } from './strategies/titForTwoTats.js';
import { winStayLoseShift } from './strategies/winStayLoseShift.js';

/** Every named strategy, in the order `--help` and error messages list them. */
export const STRATEGIES: readonly Strategy[] = Object.freeze([
  cooperator,
  defector,
  titForTat,
  titForTwoTats,
  suspiciousTitForTat,
  grudger,
  alternator,
  winStayLoseShift,
  generousTitForTat,
  grit,
  random,
]);

const byId = new Map(STRATEGIES.map((s) => [s.id, s]));

/** The ids a user may give, with the memory-one template last. */
export function knownStrategyIds(): string[] {
  return [...STRATEGIES.map((s) => s.id), `${MEMORY_ONE_PREFIX}p1,p2,p3,p4`];
}

/** An id that names no strategy; `known` lists those that do. */
export class UnknownStrategyError extends Error {
  constructor(
    readonly id: string,
    readonly known: string[],
    detail?: string,
  ) {
    super(detail ?? `unknown strategy '${id}'`);
    this.name = 'UnknownStrategyError';
  }
}

/**
 * The strategy for a CLI id: a registry name (`tit-for-tat`) or `memory-one:p1,p2,p3,p4` with four probabilities
 * in [0, 1] of cooperating after CC, CD, DC, DD. Throws `UnknownStrategyError` otherwise.
 * Example: `strategyById('memory-one:1,0,0,1')`.
 */
export function strategyById(id: string): Strategy {
  const named = byId.get(id);
  if (named) return named;
  if (id.startsWith(MEMORY_ONE_PREFIX)) {
    const parts = id.slice(MEMORY_ONE_PREFIX.length).split(',');
    const ps = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
    if (ps.length !== 4 || ps.some((p) => !(p >= 0 && p <= 1))) {
      throw new UnknownStrategyError(
        id,
        knownStrategyIds(),
        `'${id}': memory-one needs four probabilities in [0, 1], e.g. memory-one:1,0,0,1`,
      );
    }
    return memoryOne(ps as [number, number, number, number], id);
  }
  throw new UnknownStrategyError(id, knownStrategyIds());
}
