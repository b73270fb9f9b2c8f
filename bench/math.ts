// Benchmark of the exact linear solve behind the arms model: an 18-state system (9 actors × 2 stocks) with 10
// breakpoints and 1,000 output times, plus its parts. Run on the built JavaScript: `node dist/bench/math.js`.
import { expm } from '../src/math/expm.js';
import { affineTransition, applyTransition, solvePiecewiseAffine, type AffineSegment } from '../src/math/affineFlow.js';
import { dormandPrince, type OdeRhs } from '../src/math/dormandPrince.js';
import { integratePiecewise } from '../src/math/integratePiecewise.js';
import { eigenSystem, topCouplings } from '../src/math/eigen.js';
import { streamFor } from '../src/math/rng/index.js';
import { measure } from './timing.js';

const ACTORS = 9;
const N = 2 * ACTORS;
const HORIZON = 30; // years
const BREAKPOINTS = 10;
const OUTPUTS = 1000;

/** A stable reaction matrix in the shape of the arms model: fatigue on the diagonal, sparse positive reactions
 * between actors' stocks, and a few negative reliance terms; forcing b of a budget's size. */
function system(segment: number): { A: number[][]; b: number[] } {
  const rng = streamFor(2024, segment);
  const A = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      if (i === j) A[i]![j] = -(0.15 + 0.2 * rng.nextDouble());
      else if (rng.nextDouble() < 0.35) A[i]![j] = (rng.nextDouble() < 0.8 ? 0.08 : -0.04) * rng.nextDouble();
    }
  }
  const b = Array.from({ length: N }, () => 5 + 900 * rng.nextDouble());
  return { A, b };
}

function segments(): AffineSegment[] {
  const out: AffineSegment[] = [{ tStart: 0, ...system(0) }];
  // Event dates off the output grid, so each segment needs its own partial steps.
  for (let k = 1; k <= BREAKPOINTS; k++) out.push({ tStart: 2.7 * k + 0.13, ...system(k), reset: (x) => x.map((v, i) => (i === k ? 0.9 * v : v)) });
  return out;
}

function timeIt(label: string, runs: number, fn: () => unknown): { label: string; median: number; p95: number } {
  const { median, p95 } = measure(fn, { reps: runs, warmup: Math.min(20, runs) - 1 }); // warm-up: JIT
  return { label, median, p95 };
}

const segs = segments();
const x0 = Array.from({ length: N }, (_, i) => 10 + 40 * i);
const times = Array.from({ length: OUTPUTS }, (_, k) => (HORIZON * k) / (OUTPUTS - 1));
const { A, b } = system(0);
const augmented = A.map((row, i) => [...row, b[i]!]).concat([new Array<number>(N + 1).fill(0)]);
const monthly = affineTransition(A, b, 1 / 12);

// The first call in a fresh process, before the JIT has warmed up: what a one-off CLI run pays.
const coldStart = performance.now();
solvePiecewiseAffine(segs, x0, times);
const coldMs = performance.now() - coldStart;

// Accuracy check: the stepped solution at the horizon against one exponential per segment, breakpoint to
// breakpoint (no output stepping).
const stepped = solvePiecewiseAffine(segs, x0, times).at(-1)!;
const direct = solvePiecewiseAffine(segs, x0, [HORIZON])[0]!;
const driftRel = Math.max(...stepped.map((v, i) => Math.abs(v - direct[i]!))) / Math.max(...direct.map(Math.abs));

/** dx/dt = A x + b as an ODE right-hand side. */
function rhs(A: number[][], b: number[]): OdeRhs {
  return (_t, x, d) => {
    for (let i = 0; i < N; i++) {
      let s = b[i]!;
      const row = A[i]!;
      for (let j = 0; j < N; j++) s += row[j]! * x[j]!;
      d[i] = s;
    }
  };
}
const odeSegs = segs.map((s) => ({ tStart: s.tStart, f: rhs(s.A as number[][], Array.from(s.b)), reset: s.reset }));
const numeric = integratePiecewise(odeSegs, x0, times, { rtol: 1e-12, atol: 1e-10 }).states;
const exact = solvePiecewiseAffine(segs, x0, times);
const odeRel = Math.max(
  ...exact.map((x, k) => Math.max(...x.map((v, i) => Math.abs(v - numeric[k]![i]!))) / Math.max(...x.map(Math.abs))),
);

const rows = [
  timeIt(`solvePiecewiseAffine: ${N} states, ${BREAKPOINTS} breakpoints, ${OUTPUTS} outputs`, 200, () =>
    solvePiecewiseAffine(segs, x0, times),
  ),
  timeIt(`expm of the ${N + 1}×${N + 1} augmented matrix (h = 1 year)`, 500, () => expm(augmented)),
  timeIt(`affineTransition, ${N} states`, 500, () => affineTransition(A, b, 1 / 12)),
  timeIt(`monthly loop: 360 applyTransition steps, ${N} states`, 500, () => {
    let x: Float64Array = Float64Array.from(x0);
    let y: Float64Array = new Float64Array(N);
    for (let m = 0; m < 360; m++) [x, y] = [applyTransition(monthly, x, y), x];
  }),
  timeIt(`eigenSystem + topCouplings, ${N}×${N}`, 200, () => topCouplings(A, { system: eigenSystem(A) })),
  timeIt(`dormandPrince on the same linear system, 1 segment, ${OUTPUTS} outputs, rtol 1e-10`, 50, () =>
    dormandPrince(rhs(A, b), 0, x0, times, { rtol: 1e-10, atol: 1e-8 }),
  ),
  timeIt(`integratePiecewise, the piecewise system as ODEs, rtol 1e-12`, 50, () =>
    integratePiecewise(odeSegs, x0, times, { rtol: 1e-12, atol: 1e-10 }),
  ),
];

console.log('| case | median ms | p95 ms |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.median.toFixed(3)} | ${r.p95.toFixed(3)} |`);
console.log(`\nfirst (cold) solvePiecewiseAffine call in this process: ${coldMs.toFixed(3)} ms`);
console.log(`integratePiecewise (rtol 1e-12) vs the exact piecewise solution, all outputs: max relative difference ${odeRel.toExponential(2)}`);
console.log(`stepped vs breakpoint-to-breakpoint solution at t=${HORIZON}: max relative difference ${driftRel.toExponential(2)}`);
