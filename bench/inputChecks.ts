// Cost of the input checks of issue 17 against `validate` on the Korea scenario: the regular-file read (stat,
// fstat, size limit) against a plain readFileSync, the scan of the raw text (bracket depth, lines and entries), and the walk of
// the YAML tree (depth, entries, aliases, tags, merge keys). Target: together under 5% of validate.
// Run on the built JavaScript: `npm run build && node dist/bench/inputChecks.js`.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { readInputText } from '../src/cli/io/readInput.js';
import { parseScenario } from '../src/scenario/load.js';
import { checkStructure, scanText } from '../src/scenario/yamlLimits.js';
import { measure } from './timing.js';

const file = new URL('../../scenarios/korea-2024.yaml', import.meta.url).pathname;
const text = readFileSync(file, 'utf8');
const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
const reps = 200;

const validate = measure(() => {
  const r = parseScenario(readInputText(file, { what: 'the scenario', kind: 'scenario' }), file);
  if (!r.ok) throw new Error('the Korea scenario must validate');
}, { reps, warmup: 20 });
const plainRead = measure(() => readFileSync(file, 'utf8'), { reps, warmup: 20 });
const checkedRead = measure(() => readInputText(file, { what: 'the scenario', kind: 'scenario' }), { reps, warmup: 20 });
const depth = measure(() => scanText(text), { reps, warmup: 20 });
const structure = measure(() => checkStructure(doc), { reps, warmup: 20 });

const readCost = Math.max(0, checkedRead.median - plainRead.median);
const checks = readCost + depth.median + structure.median;
const ms = (x: number) => `${x.toFixed(3)} ms`;
const pct = (x: number) => `${((100 * x) / validate.median).toFixed(2)}%`;
console.log(`Korea scenario, ${(text.length / 1024).toFixed(1)} KiB, ${reps} timed repetitions each (medians); load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log('| step | median | share of validate |');
console.log('|---|---:|---:|');
console.log(`| validate (read + parse + schema + references + checks) | ${ms(validate.median)} | 100% |`);
console.log(`| regular-file read − plain readFileSync | ${ms(readCost)} (${ms(checkedRead.median)} − ${ms(plainRead.median)}) | ${pct(readCost)} |`);
console.log(`| text scan (bracket depth, lines and entries) | ${ms(depth.median)} | ${pct(depth.median)} |`);
console.log(`| structure walk of the YAML tree | ${ms(structure.median)} | ${pct(structure.median)} |`);
console.log(`| **all input checks** | **${ms(checks)}** | **${pct(checks)}** |`);
