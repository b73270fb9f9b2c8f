// Benchmark of the HTML report: `renderReport` on a synthetic comparison of 6 policies × 120 months with one
// structural uncertainty (2 alternatives) and 40 assumptions — the shape `npm start` renders — and the figures
// alone. Also the module load (ECharts import). Run on the built JavaScript: `npm run build && node dist/bench/report.js`.
import { measure } from './timing.js';
const t0 = performance.now();
const { renderReport } = await import('../src/report/html.js');
const { renderFigures } = await import('../src/report/figures.js');
const loadMs = performance.now() - t0;
const { syntheticComparison } = await import('../test/report/synthetic.js');

function time(label: string, f: () => unknown, reps: number): number {
  const { median, p90, first } = measure(f, { reps });
  console.log(`${label.padEnd(56)} median ${median.toFixed(1)} ms  p90 ${p90.toFixed(1)} ms  first call ${first.toFixed(1)} ms`);
  return median;
}

console.log(`import of the report modules (ECharts core, SVG renderer)  ${loadMs.toFixed(0)} ms`);
const input = syntheticComparison();
const html = renderReport(input);
console.log(`report size, 6 policies × 120 months: ${(new TextEncoder().encode(html).length / 1024).toFixed(0)} KiB`);
time('renderReport, 6 policies × 120 months', () => renderReport(input), 30);
const { ensembleView } = await import('../src/report/types.js');
time('renderFigures only (4 figures × 2 layouts)', () => renderFigures(ensembleView(input, 'weighted')), 30);
const long = syntheticComparison({ months: 360, assumptions: 200 });
console.log(`report size, 6 policies × 360 months, 200 assumptions: ${(new TextEncoder().encode(renderReport(long)).length / 1024).toFixed(0)} KiB`);
time('renderReport, 6 policies × 360 months, 200 assumptions', () => renderReport(long), 15);
