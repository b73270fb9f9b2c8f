// The self-contained HTML report of a policy comparison (issue 8 §3; DESIGN.md §3.5): one file, inline CSS, inline
// SVG figures, no script and no external resource, so it reads the same offline and can be mailed as it is.
import { ensembleView, type ComparisonResult } from './types.js';
import { groupsSection, sideBySideTable, weightsSection } from './recordSections.js';
import { escapeHtml } from './format.js';
import { section } from './markup.js';
import { sensitivitySection } from './sensitivitySection.js';
import { renderFigures, type Figure } from './figures.js';
import { byTypeTables, differencesTable, policyTables, robustnessTable } from './outcomeSections.js';
import { assumptionsSection, horizonText, questionSection, readingSection, reproduceSection, scenarioSection } from './contextSections.js';

/** The report's style sheet (inline in every page the project writes). */
export const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2a44; margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #1f2a44; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.subtitle { color: #566573; margin: 0 0 1rem; } .question { font-size: 1.15rem; font-weight: 600; }
nav ol { columns: 2; margin: .5rem 0 1rem; } nav a, a { color: #2471a3; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; }
pre { background: #f3f4f6; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .6rem 0 1.2rem; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #d5d8dc; padding: .35rem .5rem; vertical-align: top; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; } thead th { border-bottom: 2px solid #1f2a44; }
th[scope=row] { font-weight: 600; } th[scope=row] code { font-weight: 400; color: #566573; }
.ci { color: #566573; font-size: .85em; white-space: nowrap; } .minor { color: #566573; font-size: .85em; }
table.spread { background: #eef2fa; } table.spread caption { color: #34495e; }
table.spread td { font-style: italic; }
td.sig { font-weight: 700; } td.best { background: #e8f6ec; }
table.assumptions td, table.assumptions th { text-align: left; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .82em; }
.tag.sourced { background: #d4efdf; } .tag.assumed { background: #fdebd0; } .tag.bare { background: #f5b7b1; }
.url { color: #566573; font-size: .85em; word-break: break-all; }
figure { margin: 1rem 0 1.6rem; } figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figcaption { color: #34495e; font-size: .9em; } figcaption strong { color: #1f2a44; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; word-break: break-all; }
dl.policies dt { font-weight: 600; } dl.policies dd { margin: 0 0 .4rem 1rem; }
footer { margin-top: 2.5rem; color: #566573; font-size: .85em; border-top: 1px solid #d5d8dc; padding-top: .6rem; }
@media print { body { max-width: none; } section { break-inside: auto; } figure { break-inside: avoid; } }
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

/** A figure with its caption, as the report's pages show it. */
export function figureHtml(f: Figure): string {
  return `<figure id="${escapeHtml(f.id)}-figure">\n${f.svg}\n<figcaption><strong>${escapeHtml(f.title)}.</strong> ${escapeHtml(f.caption)}</figcaption>\n</figure>`;
}

const SECTIONS: [string, string][] = [
  ['question', 'The question'],
  ['scenario', 'The scenario'],
  ['record', 'Weighted by the record'],
  ['policies', 'The policies compared'],
  ['deciding', 'Which assumptions decide it'],
  ['groups', 'Where the risk comes from'],
  ['differences', 'Against the status quo'],
  ['by-type', 'By structural uncertainty'],
  ['robustness', 'Robustness'],
  ['over-time', 'Escalation over time'],
  ['assumptions', 'Assumptions'],
  ['reproduce', 'How to reproduce'],
  ['reading', 'How to read this, and its limits'],
];

/**
 * Renders a policy comparison as one self-contained HTML5 document (UTF-8): the question; the scenario and its
 * sources; the policy table, with the 95 % Monte Carlo intervals and the 5–95 % spread across futures in separate
 * tables and drawn differently in the figure; paired differences against the status quo; the split by structural
 * uncertainty; robustness (regret, satisficing with its threshold); every assumption with its range; how to
 * reproduce; and how to read it. CSS inline, figures inline SVG, no script, no external resource; every string of
 * the input is HTML-escaped. Pure: the same result gives the same bytes.
 * Example: `writeFileSync('report.html', renderReport(result))` (in the CLI).
 */
export function renderReport(result: ComparisonResult): string {
  const v = ensembleView(result, 'weighted'), u = ensembleView(result, 'unweighted');
  const [war, diff, monthly, ...byType] = renderFigures(v);
  const horizon = horizonText(result.options.horizonMonths);
  const title = `${result.scenarioInfo.title}: policy comparison`;
  const body: Record<string, string> = {
    question: questionSection(result),
    scenario: scenarioSection(result),
    record: weightsSection(result),
    policies: `${sideBySideTable(v, u)}\n${policyTables(v, horizon)}\n${figureHtml(war)}`,
    deciding: result.sensitivity ? sensitivitySection(result.sensitivity, figureHtml) : '',
    groups: groupsSection(v, u),
    differences: `${differencesTable(v)}\n<h3>Unweighted</h3>\n${differencesTable(u)}\n${figureHtml(diff)}`,
    'by-type': `${byTypeTables(v)}\n${byType.map(figureHtml).join('\n')}`,
    robustness: `${robustnessTable(v, horizon)}\n<h3>Unweighted</h3>\n${robustnessTable(u, horizon)}`,
    'over-time': figureHtml(monthly),
    assumptions: assumptionsSection(result),
    reproduce: reproduceSection(result),
    reading: readingSection(result),
  };
  // The sensitivity section appears only when the result carries one (the main job's); the others always.
  const shown = SECTIONS.filter(([id]) => id !== 'deciding' || result.sensitivity !== undefined);
  const nav = shown.map(([id, h]) => `<li><a href="#${id}">${escapeHtml(h)}</a></li>`).join('');
  return [
    ...documentHead(title, result.flashpoints),
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="subtitle">Scenario <code>${escapeHtml(result.scenario.id)}</code>, seed ${escapeHtml(String(result.seed))}, ${escapeHtml(String(result.options.futures))} futures \u00D7 ${escapeHtml(String(result.options.runs))} runs, ${escapeHtml(horizon)}. Model results under stated assumptions, not forecasts.</p>`,
    `<nav aria-label="Contents"><ol>${nav}</ol></nav>`,
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
