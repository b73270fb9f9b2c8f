// Benchmark of the estimation path behind `flashpoints fit var`: a VAR(2) on 3 variables × 200 observations,
// lag selection over p = 0..8 on a common sample, the fit at p = 2, all Granger pairs and a 10-step IRF.
// Run on the built JavaScript: `npm run build && node dist/bench/estimate.js`.
import { performance } from 'node:perf_hooks';
import { fitVar, selectVarOrder } from '../src/estimate/var.js';
import { grangerAll } from '../src/estimate/granger.js';
import { impulseResponses } from '../src/estimate/irf.js';
import { streamFor } from '../src/math/rng/index.js';

function simulate(T: number): number[][] {
  const rng = streamFor(2024, 4);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  const A1 = [[0.5, 0.1, 0], [0.2, 0.3, 0.1], [0, 0.2, 0.4]];
  const A2 = [[-0.2, 0, 0.1], [0, -0.1, 0], [0.1, 0, -0.15]];
  const rows = [[0, 0, 0], [0, 0, 0]];
  for (let t = 2; t < T + 2; t++) {
    rows.push([0, 1, 2].map((i) => 0.1 + [0, 1, 2].reduce((s, j) => s + A1[i][j] * rows[t - 1][j] + A2[i][j] * rows[t - 2][j], 0) + gauss()));
  }
  return rows.slice(2);
}

function once(rows: number[][]) {
  const sel = selectVarOrder(rows, 8);
  const fit = fitVar(rows, 2);
  return { sel, granger: grangerAll(fit), irf: impulseResponses(fit, 10) };
}

const rows = simulate(200);
for (let i = 0; i < 20; i++) once(rows); // warm-up: let the JIT compile the hot paths
const times: number[] = [];
for (let i = 0; i < 100; i++) {
  const t0 = performance.now();
  once(rows);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const r = once(rows);
console.log(`VAR(2), 3 vars x 200 obs, selection p=0..8 (BIC picks ${r.sel.selected.bic}), Granger, 10-step IRF`);
console.log(`in-process: median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, min ${times[0].toFixed(2)} ms over ${times.length} runs`);
