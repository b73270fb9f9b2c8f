import { availableParallelism } from 'node:os';
import { InputError } from '../errors.js';
import { CELL_MONTHS_LIMIT, crisisHistogram, HISTOGRAM_ENTRIES_LIMIT } from '../../engine/allocation.js';
import type { Scenario } from '../../scenario/schema.js';

/**
 * Limits the CLI checks before it allocates or starts work (docs/conventions.md#limits); each message states the
 * limit and the option that moves the request under it.
 */
export const LIMITS = {
  /** Output times of `simulate` (--years/--step or --times). */
  outputTimes: 1_000_000,
  /**
   * Entries of the crisis model's monthly score histograms held at once: months × (score range + 1) for each
   * aggregate in flight — the total and up to two batches per thread (200 MB of 32-bit counts at the limit).
   */
  histogramEntries: HISTOGRAM_ENTRIES_LIMIT,
  /** Months held for every (policy, future) cell of a comparison: policies × futures × horizon. */
  cellMonths: CELL_MONTHS_LIMIT,
  /** Worker threads per core (availableParallelism). */
  threadsPerCore: 4,
} as const;

const n = (x: number) => x.toLocaleString('en-US');

/** The thread count, refused above LIMITS.threadsPerCore × the cores (more only adds memory and contention). */
export function checkThreads(threads: number): number {
  const cores = availableParallelism();
  const max = LIMITS.threadsPerCore * cores;
  if (threads > max) {
    throw new InputError([`--threads ${threads} is more than ${LIMITS.threadsPerCore} × ${cores} cores = ${max}, the limit`], `use --threads ${Math.min(cores, max)} or fewer; results do not depend on the thread count`);
  }
  return threads;
}

/**
 * The crisis model's score histograms for a horizon on `threads` threads (memory grows with months × score range,
 * not with the number of runs), checked against LIMITS.histogramEntries.
 */
export function checkCrisisAllocation(s: Scenario, months: number, threads: number): void {
  const { entries, bins, inFlight } = crisisHistogram(s, months, threads);
  if (entries > LIMITS.histogramEntries) {
    throw new InputError(
      [`the crisis model would hold ${n(entries)} histogram entries (${n(months)} months × ${n(bins)} score values for ${s.actors.length} actors × ${inFlight} aggregates in flight), above the limit of ${n(LIMITS.histogramEntries)}`],
      `shorten --horizon to at most ${n(Math.max(1, Math.floor(LIMITS.histogramEntries / (bins * inFlight))))} months, or use fewer threads, fewer actors or a narrower catalog`,
    );
  }
}

/** A comparison's cells kept in memory: policies × futures × months, checked against LIMITS.cellMonths. */
export function checkCompareAllocation(policies: number, futures: number, months: number): void {
  const total = policies * futures * months;
  if (total > LIMITS.cellMonths) {
    throw new InputError(
      [`the comparison would hold ${n(total)} cell-months (${policies} policies × ${n(futures)} futures × ${n(months)} months), above the limit of ${n(LIMITS.cellMonths)}`],
      `use at most ${n(Math.max(1, Math.floor(LIMITS.cellMonths / (policies * months))))} --futures at this horizon, or a shorter --horizon`,
    );
  }
}

/** The number of output times of `simulate --years Y --step S`, checked before the array is built. */
export function checkOutputTimes(years: number, step: number): number {
  const count = Math.floor(years / step + 1e-9) + 1;
  if (!(count <= LIMITS.outputTimes)) {
    throw new InputError([`--years ${years} --step ${step} asks for ${n(count)} output times, above the limit of ${n(LIMITS.outputTimes)}`], `raise --step to at least ${Number((years / (LIMITS.outputTimes - 1)).toPrecision(3))}`);
  }
  return count;
}
