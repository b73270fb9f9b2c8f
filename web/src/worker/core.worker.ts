// The core's Web Worker: parses the bundled Korea scenario with the project's own parser, then answers the page's
// lever moves with crisis runs (posted in batches, so the bands redraw as runs arrive) and arms trajectories.
import koreaYaml from '../../../scenarios/korea-2024.yaml?raw';
import { addRun, createAggregate, createWorkspace, formatIssue, parseScenario, runReplication, seedReplication, summarizeRisk, type PreparedCrisis, type Scenario } from '../../../src/index.js';
import type { Request, Response, Settings } from '../protocol.js';
import { armsFor, preparedFor, scenarioView } from './model.js';

/** Replications per posted batch: the bands redraw after each. */
export const BATCH = 250;

const post = (r: Response) => (self as unknown as Worker).postMessage(r);
const loaded = parseScenario(koreaYaml, 'scenarios/korea-2024.yaml');
let scenario: Scenario | undefined;
if (loaded.ok) {
  scenario = loaded.scenario;
  post({ type: 'ready', scenario: scenarioView(scenario) });
} else {
  post({ type: 'error', message: loaded.issues.map(formatIssue).join('\n') });
}

// Only the newest risk request runs: a lever moved mid-run abandons the older one at its next batch.
let latestRisk = -1;
let cache: { key: string; prepared: PreparedCrisis } | undefined;
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const now = () => performance.now();

function prepared(s: Scenario, o: Settings): PreparedCrisis {
  const key = JSON.stringify({ ...o, runs: 0, seed: 0 });
  if (cache?.key !== key) cache = { key, prepared: preparedFor(s, o) };
  return cache.prepared;
}

async function risk(s: Scenario, id: number, o: Settings) {
  const t0 = now();
  const p = prepared(s, o);
  const agg = createAggregate(p);
  const ws = createWorkspace(p);
  for (let first = 0; first < o.runs; first += BATCH) {
    if (first > 0) {
      await yieldToMessages();
      if (id !== latestRisk) return;
    }
    for (let r = first; r < Math.min(o.runs, first + BATCH); r++) {
      seedReplication(ws, o.seed, 0, r);
      addRun(agg, runReplication(p, ws));
    }
    const done = Math.min(o.runs, first + BATCH);
    post({ type: 'risk', id, done, total: o.runs, summary: summarizeRisk(p, agg), final: done === o.runs, ms: now() - t0 });
  }
}

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data;
  if (!scenario) return post({ type: 'error', id: req.id, message: 'the scenario did not load' });
  try {
    if (req.type === 'risk') {
      latestRisk = req.id;
      // Let a burst of slider events settle: only the last one queued runs.
      void yieldToMessages().then(() => (req.id === latestRisk ? risk(scenario!, req.id, req.settings) : undefined)).catch((err: unknown) => post({ type: 'error', id: req.id, message: String((err as Error).message ?? err) }));
    } else {
      const t0 = now();
      post({ type: 'arms', id: req.id, arms: armsFor(scenario, req.settings), ms: now() - t0 });
    }
  } catch (err) {
    post({ type: 'error', id: req.id, message: String((err as Error).message ?? err) });
  }
};
