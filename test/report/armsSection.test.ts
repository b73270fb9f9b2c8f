import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armsSummary } from '../../src/report/armsData.js';
import { trajectoriesFigure } from '../../src/report/armsSection.js';
import { renderReport } from '../../src/report/html.js';
import { escapeHtml, num } from '../../src/report/format.js';
import { analyzeArms } from '../../src/models/arms/analyzeArms.js';
import { simulateArms } from '../../src/models/arms/simulateArms.js';
import { armsOverFutures } from '../../src/experiment/armsOverFutures.js';
import { parseScenario } from '../../src/scenario/load.js';
import { checkHtml } from './htmlCheck.js';
import { syntheticComparison } from './synthetic.js';

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea-2024.yaml');
if (!parsed.ok) throw new Error('korea-2024.yaml does not parse');
const korea = parsed.scenario;
const arms = armsSummary(korea, { futures: 8, seed: 1 });
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('report: arms dynamics of the status quo', () => {
  it('carries what the main job prints: the verdict, the verdict over the same futures, the couplings, the alignment drift', () => {
    const a = analyzeArms(korea, { horizonYears: 10, couplings: 5 });
    expect(arms.verdict).toBe(a.verdict);
    expect(arms.stability).toBe(a.stability.verdict);
    expect(arms.overFutures).toEqual(armsOverFutures(korea, { futures: 8, seed: 1 }));
    expect(arms.couplings.map((c) => `${c.responds} ← ${c.to}`)).toEqual(a.couplings.map((c) => `${c.responds} ← ${c.to}`));
    expect(arms.alignment).toEqual(a.alignment);
    expect(arms.trajectory.labels).toEqual(a.labels);
  });

  it('draws one panel per stock, its 10-year multiple as an independent simulation gives it', () => {
    const end = simulateArms(korea, { times: [0, 10] });
    const svg = trajectoriesFigure(arms).svg;
    const labels = texts(svg);
    end.labels.forEach((l, q) => expect(labels).toContain(`${l} \u00D7${num(end.series[q][1] / end.series[q][0], 2)}`));
    expect(svg.match(/stroke-dasharray/g)?.length).toBeGreaterThanOrEqual(end.labels.length); // the base line 100 in every panel
    // the narrow layout: two panels a row instead of four, so more rows and a taller figure
    const narrow = trajectoriesFigure(arms, 340).svg;
    const height = (s: string) => Number(/height="(\d+)"/.exec(s)![1]);
    expect(height(narrow)).toBe(30 + 120 * Math.ceil(end.labels.length / 2));
    expect(height(svg)).toBe(30 + 120 * Math.ceil(end.labels.length / 4));
  });

  it('renders its section after the split by structural uncertainty, with the trajectories figure, in valid HTML', () => {
    const doc = renderReport({ ...syntheticComparison(), arms });
    expect(checkHtml(doc)).toEqual([]);
    const at = (id: string) => doc.indexOf(`<section id="${id}">`);
    expect(doc.indexOf('<section id=', at('by-type') + 1)).toBe(at('arms'));
    const section = doc.slice(at('arms'), doc.indexOf('</section>', at('arms')));
    expect(section).toContain(escapeHtml(arms.verdict));
    expect(section).toContain('<figure id="fig-arms-figure">');
    expect(section).toContain(`All ${arms.overFutures.all.futures} futures`);
    for (const b of arms.overFutures.byAlternative) expect(section).toContain(`${b.uncertainty} = ${b.alternative}`);
    for (const c of arms.couplings) expect(section).toContain(`<th scope="row">${c.responds}</th><td>${c.to}</td>`);
    for (const r of arms.alignment ?? []) expect(section).toContain(`<th scope="row">${r.pair.join('\u2013')}</th>`);
    expect(renderReport(syntheticComparison())).not.toContain('<section id="arms">');
  });
});
