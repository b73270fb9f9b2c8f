// A helper of the core's worker: runs batches of crisis replications for the leader (core.worker.ts) on a port it
// is handed, and returns their mergeable aggregates. Replication r draws from streamFor(seed, 0, r, ·) alone, so
// the merged result does not depend on how batches are split between workers (DESIGN.md §3.6).
import { compactAggregate, runCrisisBatch, type PreparedCrisis } from '../../../src/index.js';
import type { BatchReply, BatchTask } from './batchProtocol.js';

let prepared: { key: string; p: PreparedCrisis } | undefined;

self.onmessage = (e: MessageEvent<{ type: 'serve'; port: MessagePort }>) => {
  const port = e.data.port;
  port.onmessage = (m: MessageEvent<BatchTask>) => {
    const t = m.data;
    try {
      if (t.prepared) prepared = { key: t.key, p: t.prepared };
      if (prepared?.key !== t.key) throw new Error(`no parameter set ${t.key} on this helper`);
      const agg = compactAggregate(runCrisisBatch(prepared.p, { seed: t.seed, future: 0, firstReplication: t.first, count: t.count }));
      port.postMessage({ seq: t.seq, aggregate: agg } satisfies BatchReply);
    } catch (err) {
      port.postMessage({ seq: t.seq, error: String((err as Error).message ?? err) } satisfies BatchReply);
    }
  };
};
