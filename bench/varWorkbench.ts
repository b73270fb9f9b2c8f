// Benchmark of `fit var`'s workbench (issue 18 §5) against the fit itself, in the same run: the summary, residual
// tests, FEVD and forecast intervals cost next to one fit, and the bootstrap bands next to B refits (their floor).
// VAR(2), 3 variables × 200 observations. Run on the built JavaScript: `npm run build && node dist/bench/varWorkbench.js`.
import { fitVar } from '../src/estimate/var.js';
import { impulseResponses } from '../src/estimate/irf.js';
import { summarizeVar } from '../src/estimate/varSummary.js';
import { archLm, portmanteau, varNormality } from '../src/estimate/varDiagnostics.js';
import { varianceDecomposition } from '../src/estimate/fevd.js';
import { forecastIntervals } from '../src/estimate/forecast.js';
import { bootstrapIrfBands } from '../src/estimate/irfBands.js';
import { streamFor } from '../src/math/rng/index.js';
import { measure } from './timing.js';

const rng = streamFor(2024, 4);
const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
const rows: number[][] = [[0, 0, 0], [0, 0, 0]];
for (let t = 2; t < 202; t++) rows.push([0, 1, 2].map((i) => 0.1 + 0.4 * rows[t - 1][i] - 0.1 * rows[t - 2][(i + 1) % 3] + gauss()));
const data = rows.slice(2);
const B = 500;
const H = 10;

const fitOnly = measure(() => fitVar(data, 2), { reps: 200, warmup: 20 });
const fit = fitVar(data, 2);
const fitAndIrf = measure(() => impulseResponses(fitVar(data, 2), H), { reps: 200, warmup: 20 });
const workbench = measure(() => {
  summarizeVar(fit);
  portmanteau(fit, 10);
  varNormality(fit);
  archLm(fit, 5);
  varianceDecomposition(fit, H);
  forecastIntervals(fit, H);
}, { reps: 200, warmup: 20 });
const bands = measure(() => bootstrapIrfBands(fit, H, { replications: B, seed: 1 }), { reps: 10, warmup: 1 });

console.log(`VAR(2), 3 variables × 200 observations, horizon ${H}`);
console.log(`fit alone (reference)                         median ${fitOnly.median.toFixed(3)} ms`);
console.log(`summary + 3 residual tests + FEVD + intervals  median ${workbench.median.toFixed(3)} ms  (${(workbench.median / fitOnly.median).toFixed(2)}× one fit)`);
console.log(`bootstrap bands, B = ${B}                        median ${bands.median.toFixed(1)} ms  (${(bands.median / (B * fitAndIrf.median)).toFixed(2)}× B fits with their IRF, ${fitAndIrf.median.toFixed(3)} ms each)`);
