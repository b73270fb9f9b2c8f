/** The worker-thread entry of `flashpoints worker` (piscina loads the built `dist/src/engine/queue/cellThread.js`). */
import { cellKind } from './kinds.js';

export default function runTask(job: { kind: string; task: unknown }): unknown {
  const kind = cellKind(job.kind);
  if (!kind) throw new Error(`unknown cell kind '${job.kind}'`);
  return kind.run(job.task);
}
