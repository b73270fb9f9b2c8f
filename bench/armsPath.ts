// Benchmark of the arms path (issue 20): what the arms model costs where the other commands call it, against an
// earlier build in the same run, and a check that both builds give bit-identical numbers.
//   cell       monthlyThreatRatios for one (policy, future) cell of Korea (120 months, against the future's status
//              quo): the arms part of prepareCrisis, 24 cells
//   prepare    prepareCrisis on the same cells (the arms path and the rest of the crisis model's preparation)
//   simulate   simulateArms as `flashpoints simulate korea-2024.yaml` calls it (times 0 … 10, analysis on)
//   futures    armsOverFutures over 50 futures (the main job's arms verdict)
// Before timing, every output of this build is compared with the baseline's, number by number (Object.is: the
// same bits but for NaN payloads), over Korea's cells, the example scenarios and forced non-linear runs; any
// difference is printed and the process exits 1. Times are CPU milliseconds of single calls, the two builds
// alternating call by call; the ratio is the median of the per-call ratios.
// Run on the built JavaScript: `npx tsc -p tsconfig.build.json && node dist/bench/armsPath.js --baseline DIR [--rounds 7]`.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { armsOverFutures } from '../src/experiment/armsOverFutures.js';
import { sampleFutures, scenarioForFuture } from '../src/experiment/futures.js';
import { analyzeArms } from '../src/models/arms/analyzeArms.js';
import { simulateArms } from '../src/models/arms/simulateArms.js';
import { clearThreatPathCache, monthlyThreatRatios } from '../src/models/arms/threatPath.js';
import { crisisScenario, prepareCrisis } from '../src/models/crisis/prepare.js';
import { applyPolicy } from '../src/scenario/apply.js';
import { parseScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/schema.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const baselineDir = opt('--baseline');
const rounds = Number(opt('--rounds') ?? 7);

interface Build {
  monthlyThreatRatios: typeof monthlyThreatRatios;
  prepareCrisis: typeof prepareCrisis;
  simulateArms: typeof simulateArms;
  analyzeArms: typeof analyzeArms;
  armsOverFutures: typeof armsOverFutures;
}
const self: Build = { monthlyThreatRatios, prepareCrisis, simulateArms, analyzeArms, armsOverFutures };
const load = async (dir: string): Promise<Build> => {
  const at = (p: string) => import(resolve(dir, 'dist/src', p));
  const [t, p, s, a, f] = await Promise.all([at('models/arms/threatPath.js'), at('models/crisis/prepare.js'), at('models/arms/simulateArms.js'), at('models/arms/analyzeArms.js'), at('experiment/armsOverFutures.js')]);
  return { monthlyThreatRatios: t.monthlyThreatRatios, prepareCrisis: p.prepareCrisis, simulateArms: s.simulateArms, analyzeArms: a.analyzeArms, armsOverFutures: f.armsOverFutures };
};
const base = baselineDir ? await load(baselineDir) : undefined;

const read = (path: string): Scenario => {
  const r = parseScenario(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), path);
  if (!r.ok) throw new Error(`${path} does not validate`);
  return r.scenario;
};
const korea = read('scenarios/korea-2024.yaml');
const others = ['scenarios/greece-turkey-2024.yaml', 'scenarios/india-pakistan-2024.yaml', 'scenarios/richardson-1909.yaml', 'scenarios/taiwan-strait-2024.yaml', 'scenarios/us-ussr-1950.yaml', 'examples/india-pakistan.yaml', 'test/fixtures/scenarios/duel.yaml', 'test/fixtures/scenarios/textbook.yaml'].map(read);

/** The (policy scenario, status quo) of each cell of `count` futures of `s`, as runCell forms them. */
const cellsOf = (s: Scenario, count: number) => {
  const design = sampleFutures(s, count, 1);
  return design.futures.flatMap((f) => {
    const sq = scenarioForFuture(s, design, f);
    return s.policies.map((p) => ({ policy: p.id === 'status-quo' ? sq : applyPolicy(sq, p.id), sq }));
  });
};
const cells = cellsOf(korea, 4);
const years10 = Array.from({ length: 11 }, (_, k) => k);

// ---- identity ----
const differences: string[] = [];
const same = (a: unknown, b: unknown, where: string): void => {
  if (differences.length > 20) return;
  if (typeof a === 'number' || typeof b === 'number') {
    if (!Object.is(a, b)) differences.push(`${where}: ${String(a)} ≠ ${String(b)}`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a !== b) differences.push(`${where}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
    return;
  }
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as unknown as ArrayLike<unknown>, y = b as unknown as ArrayLike<unknown>;
    if (x.length !== y.length) return void differences.push(`${where}: length ${x.length} ≠ ${y.length}`);
    for (let k = 0; k < x.length; k++) same(x[k], y[k], `${where}[${k}]`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${where}.${k}`);
};
/** The numbers of a trajectory (its system and labels aside: the same by construction, and functions inside). */
const trajectory = (r: ReturnType<typeof simulateArms>) => ({ times: r.times, series: r.series, alignment: r.alignment, equilibrium: r.equilibrium, eigenvalues: r.eigenvalues, stability: r.stability, negative: r.negative, mode: r.mode, segments: r.segments });
const outcome = <T>(f: () => T): T | { error: string } => {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message };
  }
};
let checks = 0;
if (base) {
  const check = (where: string, f: (b: Build) => unknown) => {
    checks++;
    same(outcome(() => f(self)), outcome(() => f(base)), where);
  };
  cellsOf(korea, 20).forEach((c, k) => {
    check(`korea cell ${k} threat path`, (b) => b.monthlyThreatRatios(c.policy, 120, c.sq));
    check(`korea cell ${k} prepared crisis`, (b) => b.prepareCrisis(c.policy, 120, c.sq));
    if (k % 6 === 0) check(`korea cell ${k} simulate`, (b) => trajectory(b.simulateArms(c.policy, { times: years10, reference: c.sq })));
  });
  check('korea simulate', (b) => trajectory(b.simulateArms(korea, { times: years10 })));
  check('korea simulate, 1,000 outputs', (b) => trajectory(b.simulateArms(korea, { times: Array.from({ length: 1000 }, (_, k) => (10 * k) / 999) })));
  check('korea simulate, times 0 … 7.3', (b) => trajectory(b.simulateArms(korea, { times: [0, 0.5, 7.3] })));
  check('korea simulate exact', (b) => trajectory(b.simulateArms(korea, { times: years10, mode: 'exact' })));
  check('korea analyze', (b) => { const a = b.analyzeArms(korea, { horizonYears: 10 }); return { ...a, couplings: a.couplings }; });
  check('korea arms over 50 futures', (b) => b.armsOverFutures(korea, { futures: 50, seed: 1 }));
  others.forEach((s, k) => {
    const c = crisisScenario(s);
    check(`scenario ${s.id} (${k}) threat path`, (b) => b.monthlyThreatRatios(c, 120));
    check(`scenario ${s.id} (${k}) prepared crisis`, (b) => b.prepareCrisis(c, 120));
    check(`scenario ${s.id} (${k}) simulate`, (b) => trajectory(b.simulateArms(s, { times: years10 })));
    check(`scenario ${s.id} (${k}) simulate nonlinear`, (b) => trajectory(b.simulateArms(s, { times: years10, mode: 'nonlinear' })));
    check(`scenario ${s.id} (${k}) analyze`, (b) => b.analyzeArms(s, { horizonYears: 5 }));
  });
  console.log(differences.length ? `DIFFERENT from the baseline:\n${differences.join('\n')}` : `identical to the baseline: ${checks} comparisons, every number the same`);
  if (differences.length) process.exit(1);
}

// ---- timing ----
const cpu = (f: () => unknown) => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
// Each sample is one call: one cell (of 24), one simulate, one armsOverFutures; the two builds alternate call by
// call (which goes first alternates too), so that load changes hit both alike.
// This build keeps the last few threat paths for reuse: `cell` and `prepare` forget them before each call (a
// solve from scratch); `future` runs the six cells of one future in order, as one thread of compare does, with
// what it kept from the future's earlier cells (forgotten when the future starts), per cell.
const futures = Array.from({ length: cells.length / korea.policies.length }, (_, k) => cells.slice(k * korea.policies.length, (k + 1) * korea.policies.length));
const work: Record<string, ((b: Build) => unknown)[]> = {
  cell: cells.map((c) => (b: Build) => b.monthlyThreatRatios(c.policy, 120, c.sq)),
  prepare: cells.map((c) => (b: Build) => b.prepareCrisis(c.policy, 120, c.sq)),
  future: futures.map((f) => (b: Build) => f.map((c) => b.monthlyThreatRatios(c.policy, 120, c.sq))),
  simulate: Array.from({ length: 8 }, () => (b: Build) => b.simulateArms(korea, { times: years10 })),
  futures: [(b: Build) => b.armsOverFutures(korea, { futures: 50, seed: 1 })],
};
const samples: Record<string, { self: number[]; base: number[] }> = Object.fromEntries(Object.keys(work).map((k) => [k, { self: [], base: [] }]));
console.log(`arms path — ${new Date().toISOString()}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${rounds} rounds (+1 warm-up)`);
let turn = 0;
for (let round = 0; round <= rounds; round++) {
  for (const [name, calls] of Object.entries(work)) {
    for (const f of calls) {
      const order = turn++ % 2 === 0 ? (['self', 'base'] as const) : (['base', 'self'] as const);
      for (const who of order) {
        if (who === 'base' && !base) continue;
        if (who === 'self') clearThreatPathCache();
        const t = cpu(() => f(who === 'self' ? self : base!)) / (name === 'future' ? korea.policies.length : 1);
        if (round > 0) samples[name][who].push(t);
      }
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('| work (CPU ms, median) | this build | baseline | this / baseline |');
console.log('|---|---:|---:|---:|');
for (const name of Object.keys(work)) {
  const a = median(samples[name].self);
  const b = base ? median(samples[name].base) : NaN;
  // The ratio is the median of the per-call ratios (same call, same moment), the steadiest figure under load.
  const ratio = base ? median(samples[name].self.map((x, k) => x / samples[name].base[k])) : NaN;
  const unit = name === 'cell' || name === 'prepare' ? ' per cell' : name === 'future' ? ' (threat path per cell, reusing within a future)' : '';
  console.log(`| ${name}${unit} | ${a.toFixed(3)} | ${base ? b.toFixed(3) : '—'} | ${base ? ratio.toFixed(3) : '—'} |`);
}
console.log(`load at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
