import type { CellAggregate } from '../../experiment/cell.js';
import { runCell, type CellTask } from '../../experiment/runCell.js';
import type { Scenario } from '../../scenario/schema.js';

/**
 * A kind of cell the queue can carry: how a task splits into the part all cells of an experiment share (stored
 * once in Redis — the scenario alone is ~38 KB, too much to repeat in 10⁵ jobs) and the part that travels in each
 * job, how a worker joins them again, which scenario the worker checks the hash of, and the computation itself
 * (run on a worker thread). A new command (e.g. `sensitivity`) adds one entry to `cellKinds`.
 */
export interface CellKind<Task, Shared, Own, Result> {
  split(task: Task): { shared: Shared; own: Own };
  join(shared: Shared, own: Own): Task;
  scenario(shared: Shared): Scenario;
  run(task: Task): Result;
}

type CompareShared = Omit<CellTask, 'future' | 'policy'>;
type CompareOwn = Pick<CellTask, 'future' | 'policy'>;

/** One (policy, future) cell of `compare` (src/experiment/runCell.ts). */
export const compareCell: CellKind<CellTask, CompareShared, CompareOwn, CellAggregate> = {
  split: ({ future, policy, ...shared }) => ({ shared, own: { future, policy } }),
  join: (shared, own) => ({ ...shared, ...own }),
  scenario: (shared) => shared.scenario,
  run: runCell,
};

/** A probe cell for measuring the queue itself: returns its input at once (bench/distributed.ts). */
export const probeCell: CellKind<{ scenario: Scenario; index: number }, { scenario: Scenario }, { index: number }, { index: number }> = {
  split: ({ index, ...shared }) => ({ shared, own: { index } }),
  join: (shared, own) => ({ ...shared, ...own }),
  scenario: (shared) => shared.scenario,
  run: (task) => ({ index: task.index }),
};

/** Every kind a worker accepts, by the name that jobs carry. */
export const cellKinds = { 'compare-cell': compareCell, probe: probeCell } as const;

/** The name of a registered cell kind. */
export type CellKindName = keyof typeof cellKinds;

/** The kind registered under `name`, typed loosely for the generic queue code. */
export function cellKind(name: string): CellKind<unknown, unknown, unknown, unknown> | undefined {
  return (cellKinds as Record<string, CellKind<unknown, unknown, unknown, unknown>>)[name];
}
