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
import { nativeStreams } from '../src/models/crisis/streams.js';
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
const { nsPerDyadMonth: _w, cpuNsPerDyadMonth: _c, ...c } = runReference(bin, input, { ...batch, count: 200 });
const same = JSON.stringify(c) === JSON.stringify(javascriptTotals(p, { ...batch, count: 200 }));
if (!same) throw new Error('the C reference and the JavaScript kernel disagree: no timing of different loops');

const dyadMonths = runs * p.months * p.m * (p.m - 1);
/** One timed batch of the JavaScript kernel: [wall, CPU] ns per dyad-month (CPU: the process's own time). */
const jsNs = (): [number, number] => {
  const t = performance.now(), c = process.cpuUsage();
  runCrisisBatch(p, batch);
  const cpu = process.cpuUsage(c);
  return [((performance.now() - t) * 1e6) / dyadMonths, ((cpu.user + cpu.system) * 1e3) / dyadMonths];
};
for (let k = 0; k < 3; k++) jsNs(); // warm-up: let V8 optimise the loop
const samples = { js: [] as number[], c: [] as number[], jsCpu: [] as number[], cCpu: [] as number[] };
const load0 = loadavg();
for (let k = 0; k < reps; k++) {
  const [wall, cpu] = jsNs();
  samples.js.push(wall);
  samples.jsCpu.push(cpu);
  const r = runReference(bin, input, batch);
  samples.c.push(r.nsPerDyadMonth);
  samples.cCpu.push(r.cpuNsPerDyadMonth);
}
rmSync(dir, { recursive: true, force: true });
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const list = (x: number[]) => x.map((v) => v.toFixed(1)).join(', ');
const [js, cc, jsCpu, cCpu] = [median(samples.js), median(samples.c), median(samples.jsCpu), median(samples.cCpu)];
console.log(`${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0].model}), Node ${process.version}; load ${load0.map((l) => l.toFixed(2)).join(' ')} → ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`Korea 2024 status quo, ${p.m} actors (${p.m * (p.m - 1)} ordered dyads) × ${p.months} months × ${runs} runs, ${reps} interleaved reps; integer totals identical`);
console.log(`C (cc -O2):  median ${cCpu.toFixed(1)} CPU ns per dyad-month [${list(samples.cCpu)}]; wall ${cc.toFixed(1)} [${list(samples.c)}]`);
console.log(`JavaScript:  median ${jsCpu.toFixed(1)} CPU ns per dyad-month [${list(samples.jsCpu)}]; wall ${js.toFixed(1)} [${list(samples.js)}]`);
console.log(`ratio JS / C: ${(jsCpu / cCpu).toFixed(2)}× in CPU time, ${(js / cc).toFixed(2)}× in wall time (target ≤ 1.5); native stream kernel: ${nativeStreams()}`);
// Paired: each JavaScript rep against the C rep that ran right after it. The machine's speed drifts over seconds
// (other guests' load on a shared host moves both kernels' times by 1.5× together), and a ratio within a pair,
// taken a fraction of a second apart, cancels what the ratio of the two medians does not.
const paired = samples.jsCpu.map((v, k) => v / samples.cCpu[k]).sort((a, b) => a - b);
const quartile = (q: number) => paired[Math.min(paired.length - 1, Math.floor(q * paired.length))];
console.log(`paired ratio JS / C (CPU, rep by rep): median ${median(paired).toFixed(2)}×, quartiles ${quartile(0.25).toFixed(2)}–${quartile(0.75).toFixed(2)}× over ${paired.length} pairs`);
