/**
 * The worker-thread entry of `compare`'s local pool (piscina loads the built `dist/src/engine/compareCellWorker.js`):
 * one (policy, future) cell, returned packed — its outcome and one byte buffer of monthly scores — so that
 * neither the copy between threads nor the store handles thousands of small arrays. The part every cell shares
 * (scenario, uncertainties, seed, runs, horizon, dyad sets) arrives once, as the thread's `workerData`; each
 * task carries only its future and policy.
 */
import { workerData } from 'piscina';
import { runCellPacked, type CellTask } from '../experiment/runCell.js';
import type { PackedCell } from '../experiment/cell.js';

/** What each task of this thread carries. */
export type CompareCellOwn = Pick<CellTask, 'future' | 'policy'>;

const shared = workerData as Omit<CellTask, 'future' | 'policy'>;

export default function runTask(own: CompareCellOwn): PackedCell {
  return runCellPacked({ ...shared, ...own });
}
