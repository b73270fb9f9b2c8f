// The core's Web Worker: parses the bundled Korea scenario with the project's own parser, then answers the page's
// lever moves with crisis runs and arms trajectories. It leads the helpers the page hands it (batch.worker.ts):
// the runs are cut into batches shared between this worker and its helpers, merged as they arrive, and posted
// after each, so the bands redraw as runs come in. Merged counts are sums of integers: the final figures do not
// depend on how many helpers there are or which batch finished first.
import koreaYaml from '../../../scenarios/korea-2024.yaml?raw';
import { createAggregate, expandAggregate, formatIssue, mergeAggregate, parseScenario, runCrisisBatch, summarizeRisk, type CrisisAggregate, type PreparedCrisis, type Scenario } from '../../../src/index.js';
import type { Request, Response, Settings } from '../protocol.js';
import type { BatchReply, BatchTask } from './batchProtocol.js';
import { armsFor, preparedFor, scenarioView } from './model.js';

/** Replications per batch: each finished batch redraws the bands. */
export const BATCH = 125;

const post = (r: Response) => (self as unknown as Worker).postMessage(r);
const loaded = parseScenario(koreaYaml, 'scenarios/korea-2024.yaml');
let scenario: Scenario | undefined;
if (loaded.ok) {
  scenario = loaded.scenario;
  post({ type: 'ready', scenario: scenarioView(scenario) });
} else {
  post({ type: 'error', message: loaded.issues.map(formatIssue).join('\n') });
}

/** A helper worker reached through a port: runs one batch at a time of the parameter set it was last sent. */
class Helper {
  private seq = 0;
  private key: string | undefined;
  private waiting = new Map<number, (r: BatchReply) => void>();
  constructor(private port: MessagePort) {
    port.onmessage = (e: MessageEvent<BatchReply>) => {
      this.waiting.get(e.data.seq)?.(e.data);
      this.waiting.delete(e.data.seq);
    };
  }
  run(key: string, p: PreparedCrisis, seed: number, first: number, count: number): Promise<CrisisAggregate> {
    const task: BatchTask = { seq: ++this.seq, key, seed, first, count, ...(this.key !== key ? { prepared: p } : {}) };
    this.key = key;
    return new Promise((resolve, reject) => {
      this.waiting.set(task.seq, (r) => ('error' in r ? reject(new Error(r.error)) : resolve(expandAggregate(r.aggregate))));
      this.port.postMessage(task);
    });
  }
}
const helpers: Helper[] = [];

// Only the newest risk request runs: a lever moved mid-run abandons the older one at its next batch.
let latestRisk = -1;
let cache: { key: string; prepared: PreparedCrisis } | undefined;
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function prepared(s: Scenario, o: Settings): { key: string; p: PreparedCrisis } {
  const key = JSON.stringify({ ...o, runs: 0, seed: 0 });
  if (cache?.key !== key) cache = { key, prepared: preparedFor(s, o) };
  return { key, p: cache.prepared };
}

// The arms trajectories of a move wait until its crisis runs are in: the bands come first.
let riskRunning = false;
let pendingArms: { id: number; settings: Settings } | undefined;
function runPendingArms(s: Scenario) {
  if (riskRunning || !pendingArms) return;
  const { id, settings } = pendingArms;
  pendingArms = undefined;
  try {
    const t0 = performance.now();
    post({ type: 'arms', id, arms: armsFor(s, settings), ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', id, message: String((err as Error).message ?? err) });
  }
}

async function risk(s: Scenario, id: number, o: Settings) {
  riskRunning = true;
  try {
    await runs(s, id, o);
  } finally {
    riskRunning = false;
    runPendingArms(s);
  }
}

async function runs(s: Scenario, id: number, o: Settings) {
  const t0 = performance.now();
  const { key, p } = prepared(s, o);
  const total = createAggregate(p);
  const queue: { first: number; count: number }[] = [];
  for (let first = 0; first < o.runs; first += BATCH) queue.push({ first, count: Math.min(BATCH, o.runs - first) });
  let done = 0;
  const merge = (agg: CrisisAggregate, count: number) => {
    if (id !== latestRisk) return;
    mergeAggregate(total, agg);
    done += count;
    post({ type: 'risk', id, done, total: o.runs, summary: summarizeRisk(p, total), final: done === o.runs, ms: performance.now() - t0 });
  };
  const helperLane = async (h: Helper) => {
    for (let b = queue.shift(); b && id === latestRisk; b = queue.shift()) merge(await h.run(key, p, o.seed, b.first, b.count), b.count);
  };
  const ownLane = async () => {
    for (let b = queue.shift(); b && id === latestRisk; b = queue.shift()) {
      merge(runCrisisBatch(p, { seed: o.seed, future: 0, firstReplication: b.first, count: b.count }), b.count);
      await yieldToMessages(); // let helpers' replies and newer requests in
    }
  };
  await Promise.all([ownLane(), ...helpers.map(helperLane)]);
}

type Incoming = Request | { type: 'helper'; port: MessagePort };

self.onmessage = (e: MessageEvent<Incoming>) => {
  const req = e.data;
  if (req.type === 'helper') return void helpers.push(new Helper(req.port));
  if (!scenario) return post({ type: 'error', id: req.id, message: 'the scenario did not load' });
  try {
    if (req.type === 'risk') {
      latestRisk = req.id;
      // Let a burst of slider events settle: only the last one queued runs.
      void yieldToMessages().then(() => (req.id === latestRisk ? risk(scenario!, req.id, req.settings) : undefined)).catch((err: unknown) => post({ type: 'error', id: req.id, message: String((err as Error).message ?? err) }));
    } else {
      pendingArms = { id: req.id, settings: req.settings };
      setTimeout(() => runPendingArms(scenario!), 0);
    }
  } catch (err) {
    post({ type: 'error', id: req.id, message: String((err as Error).message ?? err) });
  }
};
