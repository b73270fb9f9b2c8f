// The self-contained HTML report of a policy comparison (issue 8 §3, issue 15 §3; DESIGN.md §3.5): one file, inline
// CSS, inline SVG figures, no script and no external resource, so it reads the same offline and can be mailed as it
// is. It leads with the answer and reads on a 390 px phone (docs/report.md#layout).
import { ensembleView, type ComparisonResult } from './types.js';
import { groupsSection, sideBySideTable, weightsSection } from './recordSections.js';
import { escapeHtml } from './format.js';
import { folded, para, section } from './markup.js';
import { answerFigure, answerSentences } from './answer.js';
import { armsSection, trajectoriesFigure } from './armsSection.js';
import { sensitivitySection } from './sensitivitySection.js';
import { renderFigures, responsive, type Figure } from './figures.js';
import { byTypeTables, differencesTable, policyTables, robustnessTable } from './outcomeSections.js';
import { assumptionsSection, horizonText, questionSection, readingSection, reproduceSection, scenarioSection } from './contextSections.js';

/** The report's style sheet (inline in every page the project writes); text never under 12 px, at any width. */
export const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2a44; margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #1f2a44; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p, li, dt, dd, figcaption, summary, caption { overflow-wrap: anywhere; }
.subtitle { color: #566573; margin: 0 0 .4rem; } .question { font-size: 1.1rem; font-weight: 600; margin: .4rem 0; }
#answer h2 { margin-top: 1rem; } .answer p { margin: .45rem 0; font-size: 1.02rem; }
nav ol { columns: 2; margin: .5rem 0 0; } nav a, a { color: #2471a3; }
details { margin: .5rem 0 .9rem; } summary { cursor: pointer; font-weight: 600; color: #34495e; }
details.toc summary { font-weight: 400; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; }
pre code, footer code { font-size: inherit; } footer code { word-break: break-all; }
pre { background: #f3f4f6; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .6rem 0 1.2rem; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #d5d8dc; padding: .35rem .5rem; vertical-align: top; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; } thead th { border-bottom: 2px solid #1f2a44; }
th[scope=row] { font-weight: 600; } th[scope=row] code { font-weight: 400; color: #566573; }
.ci { color: #566573; font-size: 13px; white-space: nowrap; } .minor { color: #566573; font-size: 13px; }
table.spread { background: #eef2fa; } table.spread caption { color: #34495e; }
table.spread td { font-style: italic; }
td.sig { font-weight: 700; } td.best { background: #e8f6ec; }
table.assumptions td, table.assumptions th { text-align: left; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: 13px; }
.tag.sourced { background: #d4efdf; } .tag.assumed { background: #fdebd0; } .tag.bare { background: #f5b7b1; }
.url { color: #566573; font-size: 13px; word-break: break-all; }
figure { margin: 1rem 0 1.6rem; } figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
.fig-narrow { display: none; }
figcaption { color: #34495e; font-size: .9em; } figcaption strong { color: #1f2a44; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; word-break: break-all; }
dl.policies dt { font-weight: 600; } dl.policies dd { margin: 0 0 .4rem 1rem; }
footer { margin-top: 2.5rem; color: #566573; font-size: 13px; border-top: 1px solid #d5d8dc; padding-top: .6rem; }
@media (max-width: 819.98px) { .fig-wide { display: none; } .fig-narrow { display: block; } nav ol { columns: 1; } dl.facts { grid-template-columns: minmax(0, 1fr); } dl.facts dd { margin-bottom: .3rem; } }
@media (max-width: 480px) { body { padding: .75rem; } h1 { font-size: 1.35rem; } }
@media print { body { max-width: none; } section { break-inside: auto; } figure { break-inside: avoid; } details > * { display: block; } }
`.trim();

/** The lines from the doctype to `</head>` of every page the project writes: charset, viewport, generator, title, the inline CSS. */
export function documentHead(title: string, version: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="flashpoints ${escapeHtml(version)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
  ];
}

/**
 * A figure with its caption, as the report's pages show it. A figure with a narrow layout carries both SVGs; the
 * style sheet shows the wide one from 820 px and the narrow one below, so no figure text is ever scaled under 12 px.
 */
export function figureHtml(f: Figure): string {
  const svg = f.narrow ? `<div class="fig-wide">\n${f.svg}\n</div>\n<div class="fig-narrow">\n${f.narrow}\n</div>` : f.svg;
  return `<figure id="${escapeHtml(f.id)}-figure">\n${svg}\n<figcaption><strong>${escapeHtml(f.title)}.</strong> ${escapeHtml(f.caption)}</figcaption>\n</figure>`;
}

const SECTIONS: [string, string][] = [
  ['answer', 'The answer'],
  ['policies', 'The policies compared'],
  ['differences', 'Against the status quo'],
  ['deciding', 'Which assumptions decide it'],
  ['by-type', 'By structural uncertainty'],
  ['arms', 'Arms dynamics'],
  ['robustness', 'Robustness'],
  ['groups', 'Where the risk comes from'],
  ['over-time', 'Escalation over time'],
  ['record', 'Weighted by the record'],
  ['question', 'The question and the experiment'],
  ['scenario', 'The scenario'],
  ['assumptions', 'Assumptions'],
  ['reproduce', 'How to reproduce'],
  ['reading', 'How to read this, and its limits'],
];

/** The opening section: the question, the answer in three sentences written from the numbers, and the main figure. */
function answerHtml(result: ComparisonResult, figure: string): string {
  const a = answerSentences(result);
  return [
    `<p class="question">${escapeHtml(result.question)}</p>`,
    `<div class="answer">\n${para(a.effect)}\n${para(a.certainty)}\n${para(a.deciding)}\n</div>`,
    figure,
  ].join('\n');
}

/**
 * Renders a policy comparison as one self-contained HTML5 document (UTF-8). It opens with the answer: three
 * sentences written from the numbers (which policies lower or raise P(war) against the status quo, by how much, how
 * sure, which assumption decides it most) and the main figure; then the policy table, with the 95 % Monte Carlo
 * intervals and the 5–95 % spread across futures in separate tables; the paired differences; which assumptions
 * decide it (when screened); the split by structural uncertainty; the arms dynamics (when the result carries them);
 * robustness; where the risk comes from; escalation over time; the record weighting; the question, the scenario,
 * every assumption grouped by kind (folded); how to reproduce; how to read it. Long tables are folded in
 * `<details>`; figures come in a wide and a narrow layout. CSS inline, figures inline SVG, no script, no external
 * resource; every string of the input is HTML-escaped. Pure: the same result gives the same bytes.
 * Example: `writeFileSync('report.html', renderReport(result))` (in the CLI).
 */
export function renderReport(result: ComparisonResult): string {
  const v = ensembleView(result, 'weighted'), u = ensembleView(result, 'unweighted');
  const [war, diff, monthly, ...byType] = renderFigures(v);
  const horizon = horizonText(result.options.horizonMonths);
  const title = `${result.scenarioInfo.title}: policy comparison`;
  const arms = result.arms;
  const body: Record<string, string> = {
    answer: answerHtml(result, figureHtml(responsive((w) => answerFigure(v, w)))),
    policies: `${policyTables(v, horizon)}\n${folded('Record-weighted and unweighted side by side', sideBySideTable(v, u))}\n${figureHtml(war)}`,
    differences: `${differencesTable(v)}\n${folded('Unweighted', differencesTable(u))}\n${figureHtml(diff)}`,
    deciding: result.sensitivity ? sensitivitySection(result.sensitivity, figureHtml) : '',
    'by-type': `${byTypeTables(v)}\n${byType.map(figureHtml).join('\n')}`,
    arms: arms ? armsSection(arms, figureHtml(responsive((w) => trajectoriesFigure(arms, w)))) : '',
    robustness: `${robustnessTable(v, horizon)}\n${folded('Unweighted', robustnessTable(u, horizon))}`,
    groups: groupsSection(v, u),
    'over-time': figureHtml(monthly),
    record: weightsSection(result),
    question: questionSection(result),
    scenario: scenarioSection(result),
    assumptions: assumptionsSection(result),
    reproduce: reproduceSection(result),
    reading: readingSection(result),
  };
  // The screening and the arms dynamics appear only when the result carries them (the main job's); the others always.
  const shown = SECTIONS.filter(([id]) => body[id] !== '');
  const nav = shown.map(([id, h]) => `<li><a href="#${id}">${escapeHtml(h)}</a></li>`).join('');
  return [
    ...documentHead(title, result.flashpoints),
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="subtitle">Scenario <code>${escapeHtml(result.scenario.id)}</code>, seed ${escapeHtml(String(result.seed))}, ${escapeHtml(String(result.options.futures))} futures \u00D7 ${escapeHtml(String(result.options.runs))} runs, ${escapeHtml(horizon)}. Model results under stated assumptions, not forecasts.</p>`,
    `<nav aria-label="Contents"><details class="toc"><summary>Contents: ${shown.length} sections</summary><ol>${nav}</ol></details></nav>`,
    '</header>',
    '<main>',
    ...shown.map(([id, h]) => section(id, h, body[id])),
    '</main>',
    `<footer>Generated by flashpoints ${escapeHtml(result.flashpoints)} from scenario hash <code>${escapeHtml(result.scenario.hash)}</code>. This file is self-contained: it loads nothing and runs no script.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
