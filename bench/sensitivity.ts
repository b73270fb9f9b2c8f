// Benchmarks of the sensitivity methods (issue 14 §4), each against a reference measured in the same run:
// Sobol' indices of the Ishigami function with N = 2^14 against the bare N·(k+2) Ishigami evaluations, and PRIM on
// 10^4 rows × 150 inputs against one sort per input. Run on the built JavaScript: `node dist/bench/sensitivity.js`.
import { streamFor } from '../src/math/rng/index.js';
import { prim } from '../src/sensitivity/prim.js';
import { sobolAnalyze } from '../src/sensitivity/sobolAnalyze.js';
import { sobolIndices } from '../src/sensitivity/sobolIndices.js';
import { sobolSample } from '../src/sensitivity/sobolSample.js';
import { measure } from './timing.js';

const reps = Number(process.env.REPS ?? 5);
const fmt = (ms: number) => ms.toFixed(1);
/** CPU time (user + system, ms) of one call: less sensitive than wall time to other jobs on the machine. */
function cpuMs(f: () => unknown): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// --- Sobol' on Ishigami -------------------------------------------------------------------------------------------
const a = 7, b = 0.1, PI = Math.PI;
const ishigami = (x: readonly number[]) => Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
const bounds = ['x1', 'x2', 'x3'].map((name) => ({ name, lower: -PI, upper: PI }));
const N = 2 ** 14;
const rows = N * (3 + 1 + 2); // three inputs and the dummy
const V1 = 0.5 * (1 + (b * PI ** 4) / 5) ** 2, V2 = a ** 2 / 8, V13 = b ** 2 * PI ** 8 * (1 / 18 - 1 / 50);
const V = V2 + (b * PI ** 4) / 5 + (b ** 2 * PI ** 8) / 18 + 0.5;
const exactFirst = [V1 / V, V2 / V, 0], exactTotal = [(V1 + V13) / V, V2 / V, V13 / V];

// Reference: the model evaluations alone, on points drawn once outside the timing (the cost no method can avoid).
const refPoints = Array.from({ length: rows }, (_, r) => {
  const rng = streamFor(1, r);
  return [0, 1, 2].map(() => -PI + 2 * PI * rng.nextDouble());
});
let sink = 0;
const refTiming = measure(() => {
  let s = 0;
  for (let r = 0; r < rows; r++) s += ishigami(refPoints[r]);
  sink += s;
}, { reps, warmup: 2 });

let result = sobolIndices(ishigami, bounds, { n: N, seed: 1 });
const sobolTiming = measure(() => (result = sobolIndices(ishigami, bounds, { n: N, seed: 1 })), { reps, warmup: 1 });
const sampleTiming = measure(() => sobolSample(bounds, N, { seed: 1 }), { reps, warmup: 1 });
const design = sobolSample(bounds, N, { seed: 1 });
const Y = design.X.map((x) => ishigami(x));
const analyzeTiming = measure(() => sobolAnalyze(Y, design.layout, { seed: 1 }), { reps, warmup: 1 });
const sobolCpu = cpuMs(() => sobolIndices(ishigami, bounds, { n: N, seed: 1 }));
const refCpu = cpuMs(() => {
  let t = 0;
  for (let r = 0; r < rows; r++) t += ishigami(refPoints[r]);
  sink += t;
});
const maxErr = Math.max(...result.first.map((s, i) => Math.abs(s - exactFirst[i])), ...result.total.map((s, i) => Math.abs(s - exactTotal[i])));

// --- PRIM on 10^4 × 150 ---------------------------------------------------------------------------------------------
const ROWS = 10_000, INPUTS = 150;
const rng = streamFor(2, 0);
const columns = Array.from({ length: INPUTS }, (_, j) => `p${j}`);
const data = Array.from({ length: ROWS }, () => Object.fromEntries(columns.map((c) => [c, rng.nextDouble()])));
// Cases of interest: a box on two inputs, blurred by 10% label noise.
const cases = data.map((d) => (rng.nextDouble() < 0.1 ? rng.nextDouble() < 0.5 : d.p3 > 0.55 && d.p17 < 0.45));
const colArrays = columns.map((c) => Float64Array.from(data, (d) => d[c] as number));
const sortAll = () => {
  for (const col of colArrays) Int32Array.from({ length: ROWS }, (_, r) => r).sort((x, y) => col[x] - col[y]);
};
const sortTiming = measure(sortAll, { reps, warmup: 1 });
let box = prim(data, cases);
const primTiming = measure(() => (box = prim(data, cases)), { reps, warmup: 1 });
const primCpu = cpuMs(() => prim(data, cases));
const sortCpu = cpuMs(sortAll);

console.log(`Sobol' indices of Ishigami (a = 7, b = 0.1), N = 2^14, ${rows.toLocaleString('en')} evaluations (3 inputs + dummy), 1000 bootstrap resamples`);
console.log('| case | first ms | median ms | p90 ms |');
console.log('|---|---:|---:|---:|');
console.log(`| sobolIndices (sample + evaluate + analyze) | ${fmt(sobolTiming.first)} | ${fmt(sobolTiming.median)} | ${fmt(sobolTiming.p90)} |`);
console.log(`| sobolSample alone | ${fmt(sampleTiming.first)} | ${fmt(sampleTiming.median)} | ${fmt(sampleTiming.p90)} |`);
console.log(`| sobolAnalyze alone (estimators + bootstrap) | ${fmt(analyzeTiming.first)} | ${fmt(analyzeTiming.median)} | ${fmt(analyzeTiming.p90)} |`);
console.log(`| reference: ${rows.toLocaleString('en')} bare Ishigami evaluations | ${fmt(refTiming.first)} | ${fmt(refTiming.median)} | ${fmt(refTiming.p90)} |`);
console.log(`CPU time of one call: sobolIndices ${fmt(sobolCpu)} ms, reference ${fmt(refCpu)} ms`);
console.log(`ratio sobolIndices / reference (medians): ${(sobolTiming.median / refTiming.median).toFixed(1)}×; max |error| of S, S_T against the closed forms: ${maxErr.toFixed(4)}`);
console.log(`S = ${result.first.map((s) => s.toFixed(4)).join(', ')}; S_T = ${result.total.map((s) => s.toFixed(4)).join(', ')}; dummy S_T = ${result.dummy!.total}`);
console.log('');
console.log(`PRIM on ${ROWS.toLocaleString('en')} rows × ${INPUTS} inputs (peelAlpha 0.05, pasteAlpha 0.05, massMin 0.05)`);
console.log('| case | first ms | median ms | p90 ms |');
console.log('|---|---:|---:|---:|');
console.log(`| prim (peel + paste + quasi-p) | ${fmt(primTiming.first)} | ${fmt(primTiming.median)} | ${fmt(primTiming.p90)} |`);
console.log(`| reference: one index sort per input (${INPUTS} × ${ROWS.toLocaleString('en')}) | ${fmt(sortTiming.first)} | ${fmt(sortTiming.median)} | ${fmt(sortTiming.p90)} |`);
console.log(`CPU time of one call: prim ${fmt(primCpu)} ms, reference ${fmt(sortCpu)} ms`);
console.log(`ratio prim / reference (medians): ${(primTiming.median / sortTiming.median).toFixed(1)}×; ${box.trajectory.length} boxes on the trajectory; chosen box ${box.chosen}: coverage ${box.box.coverage.toFixed(3)}, density ${box.box.density.toFixed(3)}, restricted ${box.box.restricted.join(', ')}`);
if (sink === 42) console.log(''); // keeps the reference loop's result alive
