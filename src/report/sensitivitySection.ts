// The report's section "Which assumptions decide it": per Morris screening a μ*–σ figure (inline SVG) with the
// dummy's μ* as the noise line and a table of the leading factors, then the PRIM boxes in plain words.
import { categoryAxis, INK, intervalGlyph, isNarrow, labelMargin, legendAbove, responsive, svgId, valueAxis, WIDTH, type Figure, type RenderItem } from './figures.js';
import { escapeHtml } from './format.js';
import { folded, para, table } from './markup.js';
import { chartSvg, type ChartOption } from './svg.js';
import type { SensitivitySummary } from './types.js';

const MUTED = '#9aa0a6';
const g3 = (x: number) => x.toFixed(3);

/**
 * A labelled dot for data rows `[x, y, index]` (the five largest labelled): dark when the factor clears the noise
 * line, grey otherwise. A label goes right of its dot, or left of it when it would run out of the figure there,
 * or becomes the factor's rank (as in the table beneath) when it fits on neither side. 7 px a character at 12 px.
 */
function dotGlyph(labels: string[], above: boolean[], width: number): RenderItem {
  return (_params, api) => {
    const k = api.value(2) as number;
    const [x, y] = api.coord([api.value(0), api.value(1)]);
    const color = above[k] ? INK : MUTED;
    const long = 7 * labels[k].length;
    const place = x + 6 + long <= width - 4 ? { x: x + 6, text: labels[k], align: 'left' as const }
      : x - 6 - long >= 4 ? { x: x - 6, text: labels[k], align: 'right' as const }
        : { x: x + 6, text: String(k + 1), align: 'left' as const };
    return {
      type: 'group',
      children: [
        { type: 'circle', shape: { cx: x, cy: y, r: 4 }, style: { fill: color } },
        ...(k < 5 ? [{ type: 'text' as const, style: { x: place.x, y: y - 6, text: place.text, align: place.align, fill: color, fontSize: 12 } }] : []),
      ],
    };
  };
}

/**
 * The μ*–σ figure of one screening: each factor at (μ*, σ), the five largest labelled (by name when wide, by
 * their rank in the table beneath when narrow), the dummy's μ* as a dashed vertical line (factors left of it are
 * not told apart from run noise). Example: `morrisFigure(summary.screenings[0], 0).svg`.
 */
export function morrisFigure(s: SensitivitySummary['screenings'][number], index: number, width = WIDTH): Figure {
  const id = `fig-morris-${index}`;
  const noise = s.dummy?.muStar ?? 0;
  const above = s.factors.map((f) => f.muStarConf[0] > noise);
  const narrow = isNarrow(width);
  const labels = s.factors.map((f, k) => (narrow ? String(k + 1) : f.name));
  const option: ChartOption = {
    grid: { left: 64, right: narrow ? 32 : 160, top: 24, bottom: 48 },
    xAxis: { type: 'value', name: 'μ* (mean |elementary effect|)', nameLocation: 'middle', nameGap: 28, min: 0 },
    yAxis: { type: 'value', name: 'σ', nameLocation: 'middle', nameGap: 44, min: 0 },
    series: [
      {
        type: 'custom', renderItem: dotGlyph(labels, above, width), encode: { x: 0, y: 1 },
        data: s.factors.map((f, k) => [f.muStar, f.sigma, k]),
        markLine: s.dummy ? { silent: true, symbol: 'none', label: { formatter: 'dummy (noise)', color: MUTED }, lineStyle: { type: 'dashed', color: MUTED }, data: [{ xAxis: noise }] } : undefined,
      },
    ],
  };
  return {
    id,
    title: `Morris screening of ${s.target}`,
    caption: `Each ${s.groupBy === 'family' ? 'parameter family' : 'input'} at its importance μ* (the change of the outcome over its whole range) and σ (interactions, non-linearity); ${s.trajectories} trajectories × ${s.runs} runs. Dark: μ* interval above the dummy's μ* (dashed) — more than run noise.`,
    svg: chartSvg(svgId(id, width), option, width, 320),
  };
}

/**
 * The Sobol' figure: per factor the first-order index S (upper glyph) and the total index S_T (lower, dark) with
 * their 95% intervals, and the dummy's S_T as a dashed line (the share of variance that is run noise).
 * Example: `sobolFigure(summary.sobol).svg`.
 */
export function sobolFigure(s: NonNullable<SensitivitySummary['sobol']>, width = WIDTH): Figure {
  // Narrow: factors by their rank in the table beneath, so the long parameter paths do not eat the plot.
  const ids = s.factors.map((f, k) => (isNarrow(width) ? String(k + 1) : f.name));
  const { legend, top } = legendAbove(['first-order S', 'total S_T'], width);
  const option: ChartOption = {
    legend,
    grid: { left: labelMargin(ids), right: 32, top, bottom: 44 },
    yAxis: categoryAxis(ids),
    xAxis: valueAxis('share of the variance', 0),
    series: [
      { name: 'first-order S', type: 'custom', renderItem: intervalGlyph(() => MUTED, -0.18), itemStyle: { color: MUTED }, encode: { x: [1, 2, 3], y: 0 }, data: s.factors.map((f, i) => [i, f.first, f.firstConf[0], f.firstConf[1]]) },
      {
        name: 'total S_T', type: 'custom', renderItem: intervalGlyph(() => INK, 0.18), itemStyle: { color: INK }, encode: { x: [1, 2, 3], y: 0 }, data: s.factors.map((f, i) => [i, f.total, f.totalConf[0], f.totalConf[1]]),
        markLine: s.dummy ? { silent: true, symbol: 'none', label: { formatter: 'dummy S_T (noise)', color: MUTED }, lineStyle: { type: 'dashed', color: MUTED }, data: [{ xAxis: s.dummy.total }] } : undefined,
      },
    ],
  };
  return {
    id: 'fig-sobol',
    title: `Sobol' indices of ${s.target}`,
    caption: `First-order S (grey: the share of variance the factor explains alone) and total S_T (dark: including its interactions), with bootstrap 95% intervals; N = ${s.n}. A factor whose S_T does not clear the dummy's (dashed) is not shown to matter.`,
    svg: chartSvg(svgId('fig-sobol', width), option, width, 54 + top + 40 * ids.length),
  };
}

/**
 * The section's body: for each screening its figure and a table of the ten leading factors (μ* with its interval,
 * μ, σ), the dummy's level, then the PRIM boxes of each policy against the status quo in words.
 */
export function sensitivitySection(s: SensitivitySummary, figureHtml: (f: Figure) => string): string {
  const parts: string[] = [para('Global sensitivity of the outcome to every uncertainty the scenario declares (Morris elementary effects on an unweighted design; docs/sensitivity.md). An input whose μ* does not clear the dummy\u2019s is not told apart from the noise of the runs.')];
  s.screenings.forEach((sc, k) => {
    parts.push(`<h3>${escapeHtml(sc.target)}</h3>`);
    parts.push(figureHtml(responsive((w) => morrisFigure(sc, k, w))));
    const rows = sc.factors.slice(0, 10).map((f, r) => [`${r + 1}. ${f.name}`, `${g3(f.muStar)} [${g3(f.muStarConf[0])}, ${g3(f.muStarConf[1])}]`, g3(f.mu), g3(f.sigma), sc.dummy && f.muStarConf[0] > sc.dummy.muStar ? 'yes' : 'no']);
    const what = `The ten leading ${sc.groupBy === 'family' ? 'parameter families' : 'inputs'} of ${sc.target}`;
    parts.push(folded(what, table(`${what} (numbered as in the narrow figure)`, ['factor', 'μ* [95%]', 'μ', 'σ', 'above noise'], rows)));
    if (sc.dummy) parts.push(para(`Dummy (run-to-run noise): μ* ${g3(sc.dummy.muStar)} [${g3(sc.dummy.muStarConf[0])}, ${g3(sc.dummy.muStarConf[1])}].`));
  });
  if (s.sobol) {
    parts.push(`<h3>Sobol' indices of ${escapeHtml(s.sobol.target)}</h3>`);
    parts.push(figureHtml(responsive((w) => sobolFigure(s.sobol!, w))));
    const iv = (x: number, c: [number, number]) => `${g3(x)} [${g3(c[0])}, ${g3(c[1])}]`;
    parts.push(table(`Sobol' indices of ${s.sobol.target}`, ['factor', 'S [95%]', 'S_T [95%]'], [...s.sobol.factors, ...(s.sobol.dummy ? [s.sobol.dummy] : [])].map((f, r) => [r < s.sobol!.factors.length ? `${r + 1}. ${f.name}` : f.name, iv(f.first, f.firstConf), iv(f.total, f.totalConf)])));
  }
  if (s.boxes.length) {
    parts.push('<h3>Where each policy beats the status quo (PRIM)</h3>');
    parts.push(`<ul>${s.boxes.map((b) => `<li><code>${escapeHtml(b.policy)}</code>: ${escapeHtml(b.text)}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}

/**
 * A self-contained HTML page of one `flashpoints sensitivity` run (`--report`): the title, the provenance line and
 * the section "Which assumptions decide it". `head` is the project's document head (html.ts), passed in so this
 * module does not depend on the comparison report. Pure: the same summary gives the same bytes.
 */
export function sensitivityPage(s: SensitivitySummary, o: { head: string[]; title: string; provenance: string; version: string; figureHtml: (f: Figure) => string }): string {
  return [
    ...o.head,
    '<body>',
    `<header><h1>${escapeHtml(o.title)}</h1><p class="subtitle">${escapeHtml(o.provenance)}</p></header>`,
    '<main>',
    `<section id="deciding">\n<h2>Which assumptions decide it</h2>\n${sensitivitySection(s, o.figureHtml)}\n</section>`,
    '</main>',
    `<footer>Generated by flashpoints ${escapeHtml(o.version)}. This file is self-contained: it loads nothing and runs no script.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
