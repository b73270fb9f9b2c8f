/**
 * Benchmark of the app (issue 15 §4): a lever move to the redrawn bands of 1,000 crisis runs in the browser's Web
 * Worker, measured in headless Chromium by the app's own performance measures (input event → the frame showing
 * the bands), against the same 1,000 runs in Node in the same run (prepare + runs + summary, one thread).
 * Run on the built JavaScript:  npm run build && node dist/bench/app.js [moves]
 * Target: ≤ 300 ms per move. Machine and load are printed; bench/RESULTS.md holds the record.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { launchChromium } from '../test/browser/chromium.js';
import { runCrisisBatch } from '../src/models/crisis/batch.js';
import { crisisScenario, prepareCrisis } from '../src/models/crisis/prepare.js';
import { summarizeRisk } from '../src/models/crisis/summarize.js';
import { parseScenario } from '../src/scenario/load.js';
import { applyPolicy } from '../src/scenario/apply.js';
import type { Scenario } from '../src/scenario/schema.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const MOVES = Number(process.argv[2] ?? 12);
const RUNS = 1000;
const POLICY = 'dialogue';
const LEVER = 'us-prk-channel';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

// Page-side global of an init script (the root tsconfig has no DOM library).
declare const navigator: { hardwareConcurrency: number };

const parsed = parseScenario(readFileSync(`${repo}scenarios/korea-2024.yaml`, 'utf8'), 'scenarios/korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not parse');
const korea: Scenario = parsed.scenario;

/** The app's computation for one lever move, in Node: the lever's effect size set, prepare, 1,000 runs, summary. */
function nodeMove(effect: number): number {
  const t0 = performance.now();
  const s = structuredClone(korea);
  const lever = s.levers.find((l) => l.id === LEVER)!;
  lever.effect = typeof lever.effect === 'object' ? { ...lever.effect, value: effect } : effect;
  const reference = crisisScenario(s);
  const p = prepareCrisis(applyPolicy(reference, POLICY), 120, reference);
  summarizeRisk(p, runCrisisBatch(p, { seed: 1, future: 0, firstReplication: 0, count: RUNS }));
  return performance.now() - t0;
}

console.log(`app bench: ${cpus().length} cores, load average ${load()} at start`);
nodeMove(1); // warm-up
const nodeMs: number[] = [];
for (let k = 0; k < 5; k++) nodeMs.push(nodeMove(k % 2 ? 1 : 0.5));
console.log(`Node, 1 thread, ${RUNS} runs per move: median ${median(nodeMs).toFixed(0)} ms (${nodeMs.map((x) => x.toFixed(0)).join(', ')})`);

const server = await preview({ configFile: `${repo}web/vite.config.ts`, preview: { host: '127.0.0.1', port: 0, open: false } });
const { browser, close } = await launchChromium();

/** Lever moves in a fresh page whose browser claims `cores` cores (the app starts cores − 1 helper workers). */
async function measureMoves(cores: number) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript((n: number) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), cores);
  await page.goto(server.resolvedUrls!.local[0]);
  await page.waitForSelector('.risk[data-final="true"][data-move="0"]', { timeout: 120_000 });
  await page.selectOption('.levers select', POLICY);
  await page.waitForSelector('.risk[data-final="true"][data-move="1"]', { timeout: 120_000 });
  const slider = await page.$eval('.levers .lever input[type=range]', (e: { id: string }) => `#${e.id}`);
  const workerMs: number[] = [];
  for (let k = 0; k < MOVES; k++) {
    await page.fill(slider, k % 2 ? '1' : '0.5');
    await page.waitForSelector(`.risk[data-final="true"][data-move="${k + 2}"]`, { timeout: 120_000 });
    workerMs.push(Number((await page.locator('.risk .status').innerText()).match(/(\d+) ms/)?.[1]));
  }
  await page.waitForTimeout(200);
  const [all, first] = await page.evaluate(() => ['flashpoints:lever-to-bands', 'flashpoints:lever-to-first-bands'].map((n) => performance.getEntriesByName(n).map((e) => e.duration)));
  const helpers = await page.locator('main').getAttribute('data-helpers');
  await page.close();
  // The first entries are the initial load and the policy switch; the lever moves follow.
  return { helpers, moves: all.slice(-MOVES), firsts: first.slice(-MOVES), workerMs };
}

try {
  const ref = median(nodeMs);
  for (const cores of [cpus().length, 1]) {
    const r = await measureMoves(cores);
    const m = median(r.moves);
    console.log(`Chromium, ${r.helpers} helper worker(s), lever move → bands of ${RUNS} runs: median ${m.toFixed(0)} ms, min ${Math.min(...r.moves).toFixed(0)}, max ${Math.max(...r.moves).toFixed(0)} (${MOVES} moves); ratio to Node ${(m / ref).toFixed(2)}; target ≤ 300 ms ${m <= 300 ? 'met' : 'not met'}`);
    console.log(`  in the workers (prepare + runs + summaries): median ${median(r.workerMs).toFixed(0)} ms; lever move → first batch's bands (${125} runs): median ${median(r.firsts).toFixed(0)} ms`);
  }
  console.log(`load average ${load()} at end`);
} finally {
  await close();
  await server.close();
}
