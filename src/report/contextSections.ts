// The report's context sections: the question, the scenario and its sources, the assumptions with their ranges,
// how to reproduce the run, and how to read the report and its limits.
import type { ComparisonResult } from './types.js';
import { escapeHtml, num } from './format.js';
import { folded, para, table, type Cell } from './markup.js';

/** The horizon in words: `120 months (10 years)`. */
export function horizonText(months: number): string {
  const years = months / 12;
  return `${months} months (${Number.isInteger(years) ? years : years.toFixed(1)} years)`;
}

/** The question and the shape of the experiment that answers it. */
export function questionSection(result: ComparisonResult): string {
  const o = result.options;
  return [
    `<p class="question">${escapeHtml(result.question)}</p>`,
    para(`Compared: ${o.policies.length} policies (${o.policies.join(', ')}), each run on the same ${o.futures} futures drawn by a seeded Latin hypercube (design: ${o.design}) over the scenario's uncertainties, ${o.runs} runs per future, over ${horizonText(o.horizonMonths)}. Every policy sees the same futures and the same random streams, so differences between policies come from the policies.`),
  ].join('\n');
}

/** The scenario: title, as-of date, description and its sources (addresses printed as text, never loaded). */
export function scenarioSection(result: ComparisonResult): string {
  const s = result.scenarioInfo;
  const items = s.sources.map((src) => {
    const by = [src.publisher, src.year === undefined ? undefined : String(src.year)].filter((x): x is string => x !== undefined);
    return `<li><code>${escapeHtml(src.id)}</code> ${escapeHtml(src.title)}${by.length ? ` \u2014 ${escapeHtml(by.join(', '))}` : ''}`
      + `${src.note ? `. <span class="minor">${escapeHtml(src.note)}</span>` : ''}`
      + `${src.url ? `<br><span class="url">${escapeHtml(src.url)}</span>` : ''}</li>`;
  });
  return [
    `<h3>${escapeHtml(s.title)}</h3>`,
    `<dl class="facts"><dt>Scenario</dt><dd><code>${escapeHtml(result.scenario.id)}</code></dd>`
      + `<dt>As of</dt><dd>${escapeHtml(s.asOf ?? 'not stated')}</dd></dl>`,
    s.description ? para(s.description) : '',
    items.length ? folded(`The ${items.length} sources its values cite`, `<ul class="sources">\n${items.join('\n')}\n</ul>`) : para('The scenario lists no sources.'),
  ].filter((x) => x !== '').join('\n');
}

const PROVENANCE_TEXT = { sourced: 'sourced', assumed: 'assumed', bare: 'no source given' } as const;

/** The kinds of parameter the assumptions are grouped by, in page order: a path prefix and a heading. */
const KINDS: [prefix: string, title: string][] = [
  ['levers.', 'Policy levers: effect sizes'],
  ['crisis.ladder.', 'Crisis: the ladder from clash to war and nuclear use'],
  ['crisis.actors', 'Crisis: each actor\u2019s propensity, perception and credibility'],
  ['crisis.strategies', 'Crisis: strategies'],
  ['crisis.launches', 'Crisis: missile launches and exercises'],
  ['crisis.exercises', 'Crisis: missile launches and exercises'],
  ['crisis.', 'Crisis: other settings (thresholds, weights, memory, restraint)'],
  ['actors.', 'Arms: capability stocks, growth, reaction, reliance, fatigue and theatre shares'],
  ['arms.', 'Arms: model constants (capability weights, cohesion, alignment, transfers)'],
  ['relations.', 'Relations: hostility, alignment, assurance and dialogue'],
];

/**
 * The kind of a parameter, from its path: the heading of the first matching prefix in KINDS, else the path's first
 * segment. Example: `assumptionKind('levers.us-deterrence.effect')` → `'Policy levers: effect sizes'`.
 */
export function assumptionKind(path: string): string {
  return KINDS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? `Other: ${path.split(/[.[]/)[0]}`;
}

/**
 * Every parameter the comparison rests on, grouped by kind, one folded table per kind: value, provenance (sourced or
 * assumed), range and distribution. Within a kind, rows are ordered by the parameter's own name (all growth rates
 * together), then by path.
 */
export function assumptionsSection(result: ComparisonResult): string {
  const a = result.assumptions;
  const counts = { sourced: 0, assumed: 0, bare: 0 };
  for (const x of a) counts[x.provenance] += 1;
  const titles = new Map(result.scenarioInfo.sources.map((src) => [src.id, src.title]));
  const sourceName = (id: string) => (titles.has(id) ? `${titles.get(id)} (${id})` : id);
  const row = (x: ComparisonResult['assumptions'][number]): Cell[] => [
    { html: `<code>${escapeHtml(x.path)}</code>` },
    String(x.value),
    { html: `<span class="tag ${x.provenance}">${escapeHtml(PROVENANCE_TEXT[x.provenance])}</span>` },
    x.range ? `${x.range[0]} \u2013 ${x.range[1]}` : 'fixed',
    x.dist ?? '\u2014',
    [x.source === undefined ? undefined : sourceName(x.source), x.assumption].filter((t): t is string => t !== undefined && t !== '').join('; '),
  ];
  const order = [...new Set([...KINDS.map(([, t]) => t), ...a.map((x) => assumptionKind(x.path))])];
  const leaf = (path: string) => path.slice(path.lastIndexOf('.') + 1);
  const groups = order.flatMap((kind) => {
    const own = a.filter((x) => assumptionKind(x.path) === kind).sort((x, y) => leaf(x.path).localeCompare(leaf(y.path)) || x.path.localeCompare(y.path));
    if (!own.length) return [];
    const varied = own.filter((x) => x.range).length;
    const summary = `${kind} \u2014 ${own.length} parameter${own.length === 1 ? '' : 's'}, ${varied} varied across futures`;
    return [folded(summary, table(kind, ['Parameter', 'Value', 'Provenance', 'Range across futures', 'Distribution', 'Source or assumption'], own.map(row), 'assumptions'))];
  });
  return [
    para(`${a.length} parameters: ${counts.sourced} taken from a source, ${counts.assumed} stated as assumptions, ${counts.bare} without either. A range means the parameter was varied across futures within it; \u201Cfixed\u201D means every future used the value shown. Grouped by kind; open a group to see its table.`),
    ...groups,
  ].join('\n');
}

/** How to reproduce: the command, seed, version, scenario hash and options. */
export function reproduceSection(result: ComparisonResult): string {
  const o = result.options;
  const facts: [string, string][] = [
    ['flashpoints version', result.flashpoints],
    ['Seed', String(result.seed)],
    ['Scenario', result.scenario.id],
    ['Scenario hash (SHA-256 of the canonical scenario)', result.scenario.hash],
    ['Design', `${o.design}, ${o.futures} futures \u00D7 ${o.runs} runs, ${horizonText(o.horizonMonths)}`],
    ['Policies', o.policies.join(', ')],
    ['Satisficing threshold on P(war)', String(o.threshold)],
    ['Store', o.store ?? 'none (not stored)'],
  ];
  if (result.timing) facts.push(runTime(result.timing.seconds));
  return [
    para('Run this command with the same version on a scenario file with the same hash to get the same numbers:'),
    `<pre><code>${escapeHtml(result.reproduce.command)}</code></pre>`,
    `<dl class="facts">\n${facts.map(fact).join('\n')}\n</dl>`,
  ].join('\n');
}

const fact = ([k, v]: [string, string]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`;
const runTime = (seconds: number): [string, string] => ['Run time (varies by machine; not part of the result)', `${num(seconds, 1)} s`];

/**
 * The run-time line of the report's reproduce section as it appears in the HTML: the one part of a report that
 * differs between two calls with the same result. The main job's answer cache (src/cli/commands/mainAnswer.ts)
 * stores a report with this line cut out and puts in the run time of the call that reuses it.
 */
export function runTimeHtml(seconds: number): string {
  return fact(runTime(seconds));
}

/** How to read this report and what it cannot tell. */
export function readingSection(result: ComparisonResult): string {
  const h = horizonText(result.options.horizonMonths);
  return [
    '<ul>',
    `<li><strong>Brackets [lo \u2013 hi]</strong> are 95% intervals of Monte Carlo error: they shrink with more runs and futures and say how precisely the model was run, not how sure anyone can be about the world. Probabilities use Wilson score intervals.</li>`,
    `<li><strong>The spread across futures</strong> (table B, light bars) is the 5th to 95th percentile of per-future values. It does not shrink with more runs: it shows how much the answer depends on the uncertain parameters, including what kind of state North Korea is.</li>`,
    `<li><strong>Paired differences</strong> use common random numbers, with intervals from the spread between the design's independent replicates of futures; a \u25CF marks a difference whose interval excludes 0.</li>`,
    `<li><strong>Outcomes</strong>: P(clash), P(war) and P(nuclear use) are the probabilities of at least one such event within ${escapeHtml(h)}; clash-years per decade counts years with at least one clash, scaled to ten years; the escalation score is the monthly sum of the weights of every action taken (the EscalAItion scale: \u22122 de-escalation, 0 status quo, 4 posturing, 12 non-violent escalation, 28 violent escalation, 60 nuclear use), averaged over the months.</li>`,
    '</ul>',
    '<p><strong>Limits.</strong> These are results of a model under stated assumptions, not forecasts. '
      + 'P(nuclear use | war) is an elicited assumption, not an estimate from data: P(nuclear use) inherits it directly. '
      + 'Parameters marked \u201Cassumed\u201D or \u201Cno source given\u201D are judgements; their ranges are the range of the judgement, and the model\u2019s structure (which actors, which levers, how a crisis escalates) is itself an assumption no interval covers. '
      + 'Use the comparison to see which policies differ, under which kind of North Korea, and how robustly \u2014 not to read a date or a probability for the real world.</p>',
  ].join('\n');
}
