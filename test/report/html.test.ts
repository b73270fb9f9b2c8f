import { ensembleView } from '../../src/report/types.js';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/html.js';
import { escapeHtml } from '../../src/report/format.js';
import { warFigure } from '../../src/report/figures.js';
import type { ComparisonResult } from '../../src/report/types.js';
import { checkHtml } from './htmlCheck.js';
import { assumptionKind } from '../../src/report/contextSections.js';
import { answerSentences } from '../../src/report/answer.js';
import { POLICY_IDS, syntheticComparison } from './synthetic.js';

const base = syntheticComparison();
const html = renderReport(base);

/** The markup of the table with class `cls`, and the body row of policy `id` in it. */
function tableOf(doc: string, cls: string): string {
  const start = doc.indexOf(`<table class="${cls}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return doc.slice(start, doc.indexOf('</table>', start));
}
const rowOf = (tableHtml: string, id: string) => tableHtml.split('<tr>').find((r) => r.includes(`<code>${id}</code>`)) ?? '';

describe('report: a valid, self-contained HTML document', () => {
  it('passes the strict check (one doctype, balanced tags, no script, nothing loaded from outside)', () => {
    expect(checkHtml(html)).toEqual([]);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Korean Peninsula 2024: policy comparison</title>');
  });

  it('the strict check catches what it must reject', () => {
    const bad = (doc: string) => checkHtml(`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${doc}</body></html>`);
    expect(bad('<p>ok</p>')).toEqual([]);
    expect(bad('<div><p>x</div>').length).toBeGreaterThan(0);
    expect(bad('<p>a < b</p>').length).toBeGreaterThan(0);
    expect(bad('<p>a & b</p>').length).toBeGreaterThan(0);
    expect(bad('<img src="https://cdn.example/x.png">').length).toBeGreaterThan(0);
    expect(bad('<a href="https://example.org">x</a>').length).toBeGreaterThan(0);
    expect(bad('<script src="x.js"></script>').length).toBeGreaterThan(0);
    expect(bad('<div style="background:url(http://x/y.png)"></div>').length).toBeGreaterThan(0);
    expect(bad('<a href="#nowhere">x</a>').length).toBeGreaterThan(0);
    expect(bad('<br></br>').length).toBeGreaterThan(0);
    expect(bad('<p id="a"></p><p id="a"></p>').length).toBeGreaterThan(0);
    expect(checkHtml('<!DOCTYPE html><!DOCTYPE html><html lang="en"></html>').length).toBeGreaterThan(0);
  });

  it('carries every policy id and title, every assumption path, the hash, seed, version and command', () => {
    for (const p of base.policies) {
      expect(html).toContain(`<code>${p.id}</code>`);
      expect(html).toContain(escapeHtml(p.title));
    }
    expect(base.policies.map((p) => p.id)).toEqual([...POLICY_IDS]);
    for (const a of base.assumptions) expect(html).toContain(`<code>${escapeHtml(a.path)}</code>`);
    expect(html).toContain(base.scenario.hash);
    expect(html).toContain(`<code>${base.seed}</code>`);
    expect(html).toContain(`<code>${base.flashpoints}</code>`);
    expect(html).toContain(`<pre><code>${escapeHtml(base.reproduce.command)}</code></pre>`);
    for (const s of base.scenarioInfo.sources) expect(html).toContain(escapeHtml(s.title));
    expect(html).toContain('As of</dt><dd>2024-06-30');
  });

  it('escapes every string of the input, in the tables and in the figures', () => {
    const evil = '<script>alert("x")</script> & co';
    const r = syntheticComparison({ titles: { grit: evil } });
    r.scenarioInfo.title = `Korea ${evil}`;
    r.question = `Why ${evil}?`;
    r.scenarioInfo.sources.push({ id: 'x<y', title: evil, url: 'javascript:alert(1)', note: '"quoted" & \'single\'' });
    r.assumptions[0].assumption = evil;
    r.byType.weighted[0].alternatives[0].title = evil;
    r.reproduce.command = 'flashpoints compare "a b.yaml" --seed 1 && echo <done>';
    const doc = renderReport(r);
    expect(checkHtml(doc)).toEqual([]);
    expect(doc).not.toMatch(/<script/i);
    expect(doc).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(doc).toContain('javascript:alert(1)</span>'); // printed as text, never a link
    expect(doc).not.toMatch(/href="javascript/);
    expect(doc).toContain('--seed 1 &amp;&amp; echo &lt;done&gt;');
  });

  it('keeps the Monte Carlo intervals and the spread across futures in separate, differently styled tables', () => {
    const estimates = tableOf(html, 'estimates');
    const spread = tableOf(html, 'spread');
    const sq = base.policies[0];
    expect(estimates).toContain('4.5%<br><span class="ci">[3.9% – 5.1%]</span>'); // status-quo P(war) 0.045 ± 0.006
    expect(spread).toContain(`<span class="ci">0.90% – 9.9%</span>`); // q05 = 0.045 − 0.036, q95 = 0.045 + 1.5·0.036
    expect(sq.weighted.acrossFutures.war.q05).toBeCloseTo(0.009, 12);
    expect(estimates).not.toContain('0.90% – 9.9%');
    expect(html).toMatch(/table\.spread \{ background/);
    expect(html).toContain('Monte Carlo');
    expect(html).toContain('Spread across futures');
  });

  it('marks a paired difference exactly when its interval excludes zero; the status quo has no row', () => {
    const r = syntheticComparison();
    const clear = { diff: 0.01, lo: 0.002, hi: 0.018 };
    const straddles = { diff: -0.001, lo: -0.005, hi: 0.003 };
    r.policies[5].weighted.versusStatusQuo = { clash: clear, war: clear, nuclear: clear, clashYearsPerDecade: clear, escalationScore: clear };
    r.policies[3].weighted.versusStatusQuo = { clash: straddles, war: straddles, nuclear: straddles, clashYearsPerDecade: straddles, escalationScore: straddles };
    const t = tableOf(renderReport(r), 'diff');
    expect(rowOf(t, 'grit').match(/<td class="sig">/g)?.length).toBe(5);
    expect(rowOf(t, 'grit')).toContain('● +1.0 pp');
    expect(rowOf(t, 'dialogue')).not.toContain('sig');
    expect(rowOf(t, 'dialogue')).toContain('−0.10 pp<br><span class="ci">[−0.50 pp – +0.30 pp]</span>');
    expect(rowOf(t, 'status-quo')).toBe('');
  });

  it('names the policy with the lowest P(war) under each alternative of a structural uncertainty', () => {
    const t = tableOf(html, 'bytype');
    for (const a of base.byType.weighted[0].alternatives) {
      const row = rowOf(t, a.best);
      expect(row).toContain('<td class="best">★ P(war)');
    }
    expect(t.match(/<td class="best">/g)?.length).toBe(base.byType.weighted[0].alternatives.length);
    expect(html).toContain('Spiral (security-seeking) (26 futures)');
  });

  it('states the satisficing threshold and the robust choices', () => {
    expect(html).toContain('stays at or below the threshold of 5.0% (threshold 0.05');
    expect(html).toContain(`Smallest maximum regret (minimax regret): ${escapeHtml(base.policies.find((p) => p.id === base.robustness.weighted.minimaxRegret)!.title)}`);
    expect(tableOf(html, 'robust').split('<tr>').length - 2).toBe(6);
  });

  it('lists every assumption once with its provenance and range, grouped by kind in folded tables', () => {
    const section = html.slice(html.indexOf('<section id="assumptions">'), html.indexOf('</section>', html.indexOf('<section id="assumptions">')));
    const rows = section.split('<tr>').length - 1 - (section.match(/<table/g)?.length ?? 0); // minus one header row per table
    expect(rows).toBe(base.assumptions.length);
    for (const a of base.assumptions) expect(section.split(`<code>${escapeHtml(a.path)}</code>`).length - 1).toBe(1);
    // every table of the section sits in a <details> whose summary counts its rows
    expect(section.match(/<details>/g)?.length).toBe(section.match(/<table/g)?.length);
    const groups = [...section.matchAll(/<summary>[^<]* \u2014 (\d+) parameters?, (\d+) varied across futures<\/summary>\n<div class="scroll"><table class="assumptions">([\s\S]*?)<\/table>/g)];
    expect(groups.length).toBe(section.match(/<table/g)?.length);
    expect(groups.length).toBeGreaterThan(0);
    for (const m of groups) {
      expect(m[3].split('<tr>').length - 2).toBe(Number(m[1]));
      expect(m[3].split('<td>fixed</td>').length - 1).toBe(Number(m[1]) - Number(m[2]));
    }
    const t = section;
    expect(t).toContain('<span class="tag sourced">sourced</span>');
    expect(t).toContain('<span class="tag assumed">assumed</span>');
    expect(t).toContain('<td>0 – 10</td>');
    expect(t).toContain('<td>fixed</td>');
    expect(t).toContain('<td>SIPRI Military Expenditure Database (sipri-milex)</td>'); // a source id named by its title
    expect(t).toContain('<td>Elicited judgement 1</td>');
    expect(html).toContain('40 parameters: 14 taken from a source, 13 stated as assumptions, 13 without either.');
  });

  it('groups the assumptions by the kind of parameter their path names, in a fixed order', () => {
    const r = syntheticComparison({ assumptions: 6 });
    const paths = ['relations.USA>PRK.hostility', 'levers.us-deterrence.effect', 'actors.PRK.capabilities.strategic.growth', 'crisis.ladder.warGivenClash', 'actors.KOR.capabilities.conventional.elasticity', 'weird.thing'];
    r.assumptions.forEach((a, i) => { a.path = paths[i]; });
    const doc = renderReport(r);
    const summaries = [...doc.slice(doc.indexOf('<section id="assumptions">')).matchAll(/<summary>([^<]*) \u2014 (\d+) parameter/g)].map((m) => [m[1], Number(m[2])]);
    expect(summaries).toEqual([
      [assumptionKind('levers.x'), 1], [assumptionKind('crisis.ladder.x'), 1], [assumptionKind('actors.X.capabilities'), 2], [assumptionKind('relations.A>B.x'), 1], ['Other: weird', 1],
    ]);
    expect(new Set(summaries.map(([k]) => k)).size).toBe(5);
    expect(assumptionKind('crisis.launches.baseRate')).toBe(assumptionKind('crisis.exercises.scale'));
    expect(assumptionKind('crisis.memory')).not.toBe(assumptionKind('crisis.ladder.tensionEffect'));
    // within a kind, rows by the parameter's own name: elasticity (KOR) before growth (PRK)
    const arms = doc.slice(doc.indexOf(assumptionKind('actors.X')));
    expect(arms.indexOf('actors.KOR.capabilities.conventional.elasticity')).toBeLessThan(arms.indexOf('actors.PRK.capabilities.strategic.growth'));
  });

  it('says how to read it: interval meanings, the elicited P(nuclear | war), model results not forecasts', () => {
    expect(html).toContain('P(nuclear use | war) is an elicited assumption');
    expect(html).toContain('These are results of a model under stated assumptions, not forecasts.');
    expect(html).toContain('95% intervals of Monte Carlo error');
  });

  it('is deterministic: the same result renders to the same bytes, whatever was rendered before', () => {
    warFigure(ensembleView(syntheticComparison({ months: 12 }), 'weighted')); // advances ECharts' instance counter
    expect(renderReport(syntheticComparison())).toBe(html);
  });

  it('stays small: 6 policies × 120 months well under 1.5 MB, with all figures inline, each in its wide and narrow layout', () => {
    expect(new TextEncoder().encode(html).length).toBeLessThan(1.5e6);
    // the answer figure, P(war), differences, monthly score, one by type: five figures × two layouts
    expect(html.match(/<svg /g)?.length).toBe(10);
    expect(html.match(/<div class="fig-narrow">/g)?.length).toBe(5);
    for (const id of ['fig-answer', 'fig-war', 'fig-diff', 'fig-monthly', 'fig-type-1']) {
      expect(html).toContain(`<svg id="${id}" role="img" width="760"`);
      expect(html).toContain(`<svg id="${id}-narrow" role="img" width="340"`);
    }
  });

  it('renders a comparison of the status quo alone (no differences, no structural uncertainty)', () => {
    const r: ComparisonResult = { ...syntheticComparison(), byType: { weighted: [], unweighted: [] } };
    r.policies = r.policies.slice(0, 1);
    r.options = { ...r.options, policies: ['status-quo'] };
    r.robustness.weighted = { ...r.robustness.weighted, policies: r.robustness.weighted.policies.slice(0, 1), minimaxRegret: 'status-quo', mostSatisficing: 'status-quo' };
    const doc = renderReport(r);
    expect(checkHtml(doc)).toEqual([]);
    expect(doc).toContain('No policy other than the status quo was compared.');
    expect(doc).toContain('The scenario declares no structural uncertainty.');
  });
});

describe('report: values that are not finite', () => {
  it('prints — for them and leaves them out of the figures, never NaN', () => {
    const r = syntheticComparison();
    r.policies[2].weighted.outcomes.war = { p: Number.NaN, lo: Number.NaN, hi: Number.NaN };
    r.policies[2].weighted.versusStatusQuo!.war = { diff: Number.NaN, lo: Number.NaN, hi: Number.NaN };
    r.policies[1].weighted.monthlyScore.q95[5] = Number.NaN;
    const doc = renderReport(r);
    expect(doc).not.toMatch(/NaN|Infinity/);
    expect(checkHtml(doc)).toEqual([]);
    expect(rowOf(tableOf(doc, 'estimates'), 'deterrence-assurance')).toContain('<td>—<br><span class="ci">[— – —]</span></td>');
  });
});

describe('report: a comparison in which nothing happens', () => {
  it('renders every number 0 as a valid document with its figures', () => {
    const zero = (v: unknown): unknown =>
      typeof v === 'number' ? 0 : Array.isArray(v) ? v.map(zero) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'seed' || k === 'futures' || k === 'runs' || k === 'horizonMonths' ? x : zero(x)])) : v;
    const doc = renderReport(zero(syntheticComparison()) as ComparisonResult);
    expect(checkHtml(doc)).toEqual([]);
    expect(doc).not.toMatch(/NaN|Infinity/);
    expect(doc.match(/<svg /g)?.length).toBe(10);
  });
});

describe('report: leads with the answer', () => {
  it('opens with the answer section: the question, the three sentences written from the result, the main figure', () => {
    const first = html.indexOf('<section id=');
    expect(first).toBe(html.indexOf('<section id="answer">'));
    const answer = html.slice(first, html.indexOf('</section>', first));
    const a = answerSentences(base);
    expect(answer).toContain(`<p>${escapeHtml(a.effect)}</p>\n<p>${escapeHtml(a.certainty)}</p>\n<p>${escapeHtml(a.deciding)}</p>`);
    expect(answer).toContain('<figure id="fig-answer-figure">');
    expect(answer.indexOf('<figure')).toBeGreaterThan(answer.indexOf(escapeHtml(a.deciding)));
    // the first figure of the page is the answer's; nothing before the answer but the title, the subtitle and the folded contents
    expect(html.indexOf('<figure')).toBe(html.indexOf('<figure id="fig-answer-figure">'));
    expect(html.slice(0, first)).toMatch(/<nav aria-label="Contents"><details class="toc">/);
    expect(html.slice(0, first)).not.toMatch(/<table|<ul|<figure/);
  });

  it('then the policy table, then the rest, in a fixed order', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(['answer', 'policies', 'differences', 'by-type', 'robustness', 'groups', 'over-time', 'record', 'question', 'scenario', 'assumptions', 'reproduce', 'reading']);
    const policies = html.slice(html.indexOf('<section id="policies">'));
    expect(policies.indexOf('<table class="estimates">')).toBeLessThan(policies.indexOf('<details>'));
  });

  it('folds the long tables and lists, and never folds the answer or the policy estimates', () => {
    const folded = [...html.matchAll(/<details>\n<summary>([^<]*)<\/summary>/g)].map((m) => m[1]);
    expect(folded).toEqual(expect.arrayContaining(['Record-weighted and unweighted side by side', 'What each policy does', 'Unweighted', `The ${base.scenarioInfo.sources.length} sources its values cite`]));
    const answer = html.slice(html.indexOf('<section id="answer">'), html.indexOf('<section id="policies">'));
    expect(answer).not.toContain('<details');
    const estimates = html.indexOf('<table class="estimates">');
    expect(html.lastIndexOf('<details', estimates)).toBeLessThan(html.indexOf('<section id="policies">'));
  });

  it('runs no script and refers to nothing outside itself', () => {
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).not.toMatch(/\s(?:src|href|srcset|action)="(?!#)/);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import|<link|<iframe|<object|<embed|<img/i);
  });
});
