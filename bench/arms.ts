// Benchmark of the Korea arms model: the scenario with 10 dated changes in the future, solved at 1,000 output
// times over ten years — exactly (the linear part: matrix exponential per stretch) and with endogenous alignment
// (Dormand–Prince). Run on the built JavaScript: `npm run build && node dist/bench/arms.js`.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/schema.js';
import { simulateArms } from '../src/models/arms/simulateArms.js';
import { monthlyThreatRatios } from '../src/models/arms/threatPath.js';
import { measure } from './timing.js';

const text = readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8');
const parsed = parseScenario(text, 'korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not validate');
const korea = parsed.scenario;

// Ten future events, each changing a relation, spread over the decade (plus the scenario's own treaty event).
const pairs = [['PRK', 'USA'], ['KOR', 'PRK'], ['CHN', 'USA'], ['JPN', 'CHN'], ['USA', 'PRK']];
const events = Array.from({ length: 10 }, (_, k) => ({
  date: `${2025 + k}-06-01`,
  title: `bench change ${k + 1}`,
  kind: 'event' as const,
  source: 'diplomat-2024',
  scheduled: false,
  changes: [{ path: `relations.${pairs[k % 5][0]}.${pairs[k % 5][1]}.hostility`, add: k % 2 ? -0.05 : 0.05 }],
}));
const withEvents: Scenario = { ...korea, timeline: [...korea.timeline, ...events] };
const times = Array.from({ length: 1000 }, (_, k) => (10 * k) / 999);

function time(label: string, f: () => unknown, reps: number): number {
  const { median, p90, first } = measure(f, { reps });
  console.log(`${label.padEnd(64)} median ${median.toFixed(2)} ms  p90 ${p90.toFixed(2)} ms  first call ${first.toFixed(1)} ms`);
  return median;
}

const exact = simulateArms(withEvents, { times, mode: 'exact', analysis: false });
console.log(`Korea: ${exact.labels.length} stocks, ${exact.segments.length} stretches, ${times.length} output times`);
time('exact (linear part), 11 changes, 1,000 outputs', () => simulateArms(withEvents, { times, mode: 'exact', analysis: false }), 30);
time('exact + analysis (eigenvalues, equilibrium, monthly x ≥ 0 check)', () => simulateArms(withEvents, { times, mode: 'exact' }), 20);
time('non-linear (endogenous alignment), rtol 1e-10, 1,000 outputs', () => simulateArms(withEvents, { times, mode: 'nonlinear', analysis: false }), 10);
time('monthly threat ratios for the crisis model, 120 months', () => monthlyThreatRatios(korea, 120), 20);
