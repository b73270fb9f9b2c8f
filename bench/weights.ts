// Benchmark of the record weighting (issue 12): history matching of the 50 futures of `npm start` against the Korea
// record, measured against the cells it is computed from — the 300 cells of the comparison, in the same run and on
// one thread (CPU time on either side). Run on the built JavaScript: `npm run build && node dist/bench/weights.js`.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { recordWeights } from '../src/calibrate/recordWeights.js';
import { dyadSets } from '../src/experiment/dyadSets.js';
import { sampleFutures, scenarioForFuture } from '../src/experiment/futures.js';
import { runCell } from '../src/experiment/runCell.js';
import type { CellAggregate } from '../src/experiment/cell.js';
import { parseScenario } from '../src/scenario/load.js';

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not validate');
const s = parsed.scenario;
const design = sampleFutures(s, 50, 1);
const sets = dyadSets(s);
const policies = s.policies.map((p) => p.id);

const t0 = performance.now();
const statusQuo: CellAggregate[] = [];
for (const f of design.futures) {
  for (const policy of policies) {
    const c = runCell({ scenario: s, uncertainties: design.uncertainties, future: f, policy, seed: 1, runs: 40, horizonMonths: 120, sets });
    if (policy === 'status-quo') statusQuo.push(c);
  }
}
const cellsMs = performance.now() - t0;
const t1 = performance.now();
const w = recordWeights(s.record!, design.futures, (k) => scenarioForFuture(s, design, design.futures[k]), (k) => statusQuo[k], 120);
const weightsMs = performance.now() - t1;
console.log(`${new Date().toISOString()}  ${cpus().length} × ${cpus()[0].model}  load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`cells (6 policies × 50 futures × 40 runs, one thread): ${(cellsMs / 1000).toFixed(2)} s`);
console.log(`record weights (50 futures × ${s.record!.targets.length} targets): ${weightsMs.toFixed(0)} ms — ${((100 * weightsMs) / cellsMs).toFixed(1)}% of the cells; ${w.ess} of 50 futures kept`);
