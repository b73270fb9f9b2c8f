// Benchmark of the sensitivity analysis on the model (issue 14 §4): Morris over the Korea scenario's uncertainties,
// 20 trajectories × 40 runs × 120 months on 2 threads, in memory — grouped by parameter family (41 rows per
// trajectory) and, with FULL=1, every one of the 151 inputs alone (153 rows per trajectory) — against the
// reference measured in the same run: the policy comparison's own cell rate (6 policies × 10 futures × 40 runs).
// Run on the built JavaScript: `npm run build && node dist/bench/sensitivityKorea.js`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { comparePolicies } from '../src/engine/compare.js';
import { runSensitivity } from '../src/engine/sensitivity.js';
import { parseScenario } from '../src/scenario/load.js';

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not validate');
const s = parsed.scenario;
const threads = 2, runs = 40, horizonMonths = 120, trajectories = 20;

const t0 = performance.now();
const policies = s.policies.map((p) => p.id);
await comparePolicies(s, parsed.hash, { policies, futures: 10, runs, seed: 1, horizonMonths, threads, store: null, resume: false, force: false, threshold: 0.05 });
const compareSeconds = (performance.now() - t0) / 1000;
const cellRate = (policies.length * 10) / compareSeconds;
console.log(`reference: compare, ${policies.length * 10} cells × ${runs} runs in ${compareSeconds.toFixed(1)} s (${cellRate.toFixed(2)} cells/s)`);

for (const groupBy of (process.env.FULL ? ['family', 'input'] : ['family']) as ('family' | 'input')[]) {
  const t1 = performance.now();
  const r = await runSensitivity(s, parsed.hash, { method: 'morris', outcome: 'war', groupBy, trajectories, n: 64, top: 10, runs, seed: 1, horizonMonths, threads, store: null, resume: false, force: false });
  const seconds = (performance.now() - t1) / 1000;
  const cells = r.cells.computed;
  console.log(
    `Morris by ${groupBy}: ${r.morris.factors.length} factors, ${cells} cells × ${runs} runs in ${seconds.toFixed(1)} s (target < 90 s: ${seconds < 90 ? 'met' : 'NOT met'}); ` +
      `${(cells / seconds).toFixed(2)} cells/s = ${((cells / seconds) / cellRate).toFixed(2)} × the comparison's rate; top: ${r.morris.factors.slice(0, 3).map((f) => `${f.name} ${f.muStar.toFixed(3)}`).join(', ')}; dummy ${r.morris.dummy?.muStar.toFixed(3)}`,
  );
}
