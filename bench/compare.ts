// Benchmark of the policy comparison (issue 8): Korea, 6 policies × 50 futures × 40 runs × 120 months — what
// `npm start` runs — on 1 and 2 worker threads, in memory (no store), plus the analysis and the report.
// Run on the built JavaScript: `npm run build && node dist/bench/compare.js`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { comparePolicies } from '../src/engine/compare.js';
import { renderReport } from '../src/report/html.js';
import { parseScenario } from '../src/scenario/load.js';

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not validate');
const base = { policies: parsed.scenario.policies.map((p) => p.id), futures: 50, runs: 40, seed: 1, horizonMonths: 120, store: null, resume: false, force: false, threshold: 0.05 };

const seconds: Record<number, number> = {};
for (const threads of [1, 2]) {
  const t0 = performance.now();
  const { result } = await comparePolicies(parsed.scenario, parsed.hash, { ...base, threads });
  seconds[threads] = (performance.now() - t0) / 1000;
  const runs = base.policies.length * base.futures * base.runs;
  console.log(`${threads} thread(s): ${seconds[threads].toFixed(1)} s for ${runs} runs (${(runs / seconds[threads]).toFixed(0)} runs/s; ${((runs * 120 * 72) / seconds[threads] / 1e6).toFixed(1)} M dyad-months/s)`);
  if (threads === 2) {
    const t1 = performance.now();
    const html = renderReport(result);
    console.log(`report: ${(performance.now() - t1).toFixed(0)} ms, ${(html.length / 1024).toFixed(0)} KiB`);
  }
}
console.log(`speed-up 1 → 2 threads: ${(seconds[1] / seconds[2]).toFixed(2)}×`);
console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
