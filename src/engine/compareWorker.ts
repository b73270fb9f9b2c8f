/** The worker-thread entry for policy-comparison cells (piscina loads the built `dist/src/engine/compareWorker.js`). */
import { runCell, type CellTask } from '../experiment/runCell.js';
import type { CellAggregate } from '../experiment/cell.js';

export default function runTask(task: CellTask): CellAggregate {
  return runCell(task);
}
