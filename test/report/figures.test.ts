import { describe, expect, it } from 'vitest';
import { ensembleView } from '../../src/report/types.js';
import { byTypeFigure, differencesFigure, monthlyFigure, renderFigures, warFigure } from '../../src/report/figures.js';
import { cleanSvg } from '../../src/report/svg.js';
import { syntheticComparison } from './synthetic.js';

const result = ensembleView(syntheticComparison(), 'weighted');
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('report figures: ECharts rendered to inline SVG', () => {
  it('renders four SVG figures with distinct ids and nothing left of the renderer counter or hover styles', () => {
    const figs = renderFigures(result);
    expect(figs.map((f) => f.id)).toEqual(['fig-war', 'fig-diff', 'fig-monthly', 'fig-type-1']);
    for (const f of figs) {
      expect(f.svg.startsWith(`<svg id="${f.id}" role="img" `)).toBe(true);
      expect(f.svg.endsWith('</svg>')).toBe(true);
      expect(f.svg).not.toMatch(/zr\d+-|ecmeta_|<style|<image|href=/);
      for (const ref of f.svg.matchAll(/url\(#([^)]+)\)/g)) expect(f.svg).toContain(`id="${ref[1]}"`);
    }
  });

  it('is byte-identical across renders, even after other charts advanced the renderer counter', () => {
    const first = renderFigures(result).map((f) => f.svg);
    monthlyFigure(ensembleView(syntheticComparison({ months: 24 }), 'weighted'));
    const second = renderFigures(ensembleView(syntheticComparison(), 'weighted')).map((f) => f.svg);
    expect(second).toEqual(first);
  });

  it('P(war): one label per policy, dots ordered as the estimates, spread bars as wide as q95 − q05', () => {
    const svg = warFigure(result).svg;
    for (const p of result.policies) expect(texts(svg)).toContain(p.id);
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="3.5"/g)].map((m) => Number(m[1]));
    expect(dots).toHaveLength(6);
    const byDot = [...dots.keys()].sort((a, b) => dots[a] - dots[b]);
    const byEstimate = [...dots.keys()].sort((a, b) => result.policies[a].outcomes.war.p - result.policies[b].outcomes.war.p);
    expect(byDot).toEqual(byEstimate);
    // The x axis is linear: pixel width per percentage point is the same for every policy's spread bar.
    const widths = [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l([\d.]+) 0l0 [\d.]+l-[\d.]+ 0Z" fill="#b9c7e4"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(6);
    const perPoint = widths.map((w, i) => w / ((result.policies[i].acrossFutures.war.q95 - result.policies[i].acrossFutures.war.q05) * 100));
    for (const k of perPoint) expect(k).toBeCloseTo(perPoint[0], 0);
  });

  it('differences: every policy but the status quo, and a zero line', () => {
    const svg = differencesFigure(result).svg;
    const labels = texts(svg);
    for (const p of result.policies.slice(1)) expect(labels.filter((t) => t === p.id)).toHaveLength(1);
    expect(labels).not.toContain('status-quo');
    expect(svg.match(/<circle /g)?.length).toBe(10); // 5 policies × (war, clash-years)
  });

  it('monthly score: one panel per policy with its band and mean line', () => {
    const svg = monthlyFigure(result).svg;
    for (const p of result.policies) expect(texts(svg)).toContain(p.id);
    expect(svg.match(/fill-opacity="0.18"|opacity="0.18"/g)?.length).toBe(6);
  });

  it('monthly score: a flat zero score still renders on a readable axis', () => {
    const r = ensembleView(syntheticComparison({ months: 12 }), 'weighted');
    for (const p of r.policies) for (const k of ['mean', 'q05', 'q50', 'q95'] as const) p.monthlyScore[k] = p.monthlyScore[k].map(() => 0);
    const svg = monthlyFigure(r).svg;
    expect(svg).not.toMatch(/NaN/);
    expect(texts(svg)).toContain('1');
  });

  it('by type: one colour per alternative, named in the legend, one dot per policy and alternative', () => {
    const svg = byTypeFigure(result, 0).svg;
    for (const a of result.byType[0].alternatives) expect(texts(svg)).toContain(`${a.title} (${a.futures} futures)`);
    expect(svg.match(/<circle /g)?.length).toBe(12);
  });

  it('draws every figure a second time for narrow screens, with its own ids, 340 px wide, text at 12 px', () => {
    for (const f of renderFigures(result)) {
      expect(f.narrow!.startsWith(`<svg id="${f.id}-narrow" role="img" width="340" `)).toBe(true);
      expect(f.narrow).toMatch(/viewBox="0 0 340 \d+"/);
      expect(f.narrow).not.toContain(`id="${f.id}-c`); // no clip path id shared with the wide layout
      const sizes = [...f.narrow!.matchAll(/font-size:(\d+)px|font-size="(\d+)"|font:[^"]*?(\d+)px/g)].map((m) => Number(m[1] ?? m[2] ?? m[3]));
      expect(sizes.length).toBeGreaterThan(5);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    }
    // narrow: the two panels of the differences one above the other, so twice as tall as wide's one row
    const h = (svg: string) => Number(/height="(\d+)"/.exec(svg)![1]);
    expect(h(differencesFigure(result, 340).svg) - 30).toBe(2 * (h(differencesFigure(result).svg) - 30));
    // narrow: the monthly panels two a row, not three
    expect(h(monthlyFigure(result, 340).svg)).toBe(Math.ceil(6 / 2) * 150 + 30);
    expect(h(monthlyFigure(result).svg)).toBe(Math.ceil(6 / 3) * 150 + 30);
  });

  it('cleanSvg renames counter ids, drops hover styles and metadata', () => {
    const raw = '<svg width="1"><g clip-path="url(#zr12-c0)"><path class="zr12-cls-0" ecmeta_series_index="0"></path></g><defs><clipPath id="zr12-c0"></clipPath></defs><style ><![CDATA[.zr12-cls-0:hover{}]]></style></svg>';
    expect(cleanSvg(raw, 'fig-x')).toBe('<svg id="fig-x" role="img" width="1"><g clip-path="url(#fig-x-c0)"><path></path></g><defs><clipPath id="fig-x-c0"></clipPath></defs></svg>');
  });
});
