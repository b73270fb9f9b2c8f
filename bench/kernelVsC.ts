// The crisis kernel against its C reference (issue 20): ns per dyad-month of the JavaScript monthly loop and of
// bench/c/crisisKernel.c (compiled here with cc -O2) on the same prepared Korea 2024 inputs and the same streams,
// interleaved so that load changes hit both alike; medians and their ratio (target ≤ 1.5). The integer totals of
// both are compared first, so the timing is of two loops that make the same decisions.
// Run on the built JavaScript: `npm run build && node dist/bench/kernelVsC.js [reps] [runs]`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCrisisBatch } from '../src/models/crisis/batch.js';
import { crisisScenario, prepareCrisis } from '../src/models/crisis/prepare.js';
import { parseScenario } from '../src/scenario/load.js';
import { compileReference, compilerMissing, javascriptTotals, runReference, writePreparedInput } from './kernelReference.js';

const reps = Number(process.argv[2] ?? 11);
const runs = Number(process.argv[3] ?? 1000);
const missing = compilerMissing();
if (missing) {
  console.log(missing);
  process.exit(0);
}
const file = fileURLToPath(new URL('../../scenarios/korea-2024.yaml', import.meta.url));
const parsed = parseScenario(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error('korea-2024.yaml does not parse');
const p = prepareCrisis(crisisScenario(parsed.scenario), 120);
const dir = mkdtempSync(join(tmpdir(), 'flashpoints-kernel-'));
const input = join(dir, 'korea.txt');
writePreparedInput(p, input);
const bin = compileReference(dir);

const batch = { seed: 1, future: 0, firstReplication: 0, count: runs };
const { nsPerDyadMonth: _, ...c } = runReference(bin, input, { ...batch, count: 200 });
const same = JSON.stringify(c) === JSON.stringify(javascriptTotals(p, { ...batch, count: 200 }));
if (!same) throw new Error('the C reference and the JavaScript kernel disagree: no timing of different loops');

const dyadMonths = runs * p.months * p.m * (p.m - 1);
const jsNs = (): number => {
  const t = performance.now();
  runCrisisBatch(p, batch);
  return ((performance.now() - t) * 1e6) / dyadMonths;
};
for (let k = 0; k < 3; k++) jsNs(); // warm-up: let V8 optimise the loop
const samples = { js: [] as number[], c: [] as number[] };
const load0 = loadavg();
for (let k = 0; k < reps; k++) {
  samples.js.push(jsNs());
  samples.c.push(runReference(bin, input, batch).nsPerDyadMonth);
}
rmSync(dir, { recursive: true, force: true });
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const [js, cc] = [median(samples.js), median(samples.c)];
console.log(`${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0].model}), Node ${process.version}; load ${load0.map((l) => l.toFixed(2)).join(' ')} → ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`Korea 2024 status quo, ${p.m} actors (${p.m * (p.m - 1)} ordered dyads) × ${p.months} months × ${runs} runs, ${reps} interleaved reps; integer totals identical`);
console.log(`C (cc -O2):  median ${cc.toFixed(1)} ns per dyad-month  [${samples.c.map((x) => x.toFixed(1)).join(', ')}]`);
console.log(`JavaScript:  median ${js.toFixed(1)} ns per dyad-month  [${samples.js.map((x) => x.toFixed(1)).join(', ')}]`);
console.log(`ratio JS / C: ${(js / cc).toFixed(2)}× (target ≤ 1.5)`);
