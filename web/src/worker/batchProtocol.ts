// Messages between the core's worker (the leader) and its helpers: a batch of replications of one parameter set.
import type { CrisisAggregate, PreparedCrisis } from '../../../src/index.js';

/** One batch of replications first … first + count − 1 of the parameter set `key`. */
export interface BatchTask {
  seq: number;
  /** Names the parameter set; `prepared` is sent with the first task of a new set only. */
  key: string;
  prepared?: PreparedCrisis;
  seed: number;
  first: number;
  count: number;
}

/** The batch's compacted aggregate, or why it failed. */
export type BatchReply = { seq: number; aggregate: CrisisAggregate & { spans?: Int32Array } } | { seq: number; error: string };
