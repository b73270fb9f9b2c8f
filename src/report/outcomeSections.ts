// The report's outcome sections: the policy table (Monte Carlo error and spread across futures kept apart), the
// paired differences against the status quo, the split by structural uncertainty, and robustness.
import type { EnsembleView, Diff, Interval, MeanInterval, Spread } from './types.js';
import { escapeHtml, excludesZero, num, pct, points, pp, range, signed } from './format.js';
import { folded, para, policyName, table, withInterval, type Cell } from './markup.js';
import { midSentence } from './midSentence.js';

/** Title of a policy id, or the id itself when the result does not list it. */
export function titleOf(result: EnsembleView, id: string): string {
  return result.policies.find((p) => p.id === id)?.title ?? id;
}

const prob = (x: Interval): Cell => withInterval(pct(x.p), range(pct(x.lo), pct(x.hi)));
const mean = (x: MeanInterval): Cell => withInterval(num(x.mean), range(num(x.lo), num(x.hi)));
const spreadPct = (s: Spread): Cell => withInterval(pct(s.q50), `${pct(s.q05)} \u2013 ${pct(s.q95)}`);
const spreadNum = (s: Spread): Cell => withInterval(num(s.q50), `${num(s.q05)} \u2013 ${num(s.q95)}`);

/** A paired difference cell; when its interval excludes 0 it is marked (class `sig` and a ● before the value). */
function diffCell(d: Diff, fmt: (x: number) => string): Cell {
  const sig = excludesZero(d);
  const value = `${sig ? '\u25CF ' : ''}${fmt(d.diff)}`;
  const cell = withInterval(value, range(fmt(d.lo), fmt(d.hi))) as { html: string };
  return sig ? { html: cell.html, cls: 'sig' } : cell;
}

const OUTCOME_HEAD = ['Policy', 'P(clash)', 'P(war)', 'P(nuclear use)', 'Clash-years per decade', 'Escalation score'];

/** The policy table: estimates with 95 % Monte Carlo intervals, then, as a separate table, the spread across futures. */
export function policyTables(result: EnsembleView, horizon: string): string {
  const estimates = result.policies.map((p) => [
    policyName(p.title, p.id), prob(p.outcomes.clash), prob(p.outcomes.war), prob(p.outcomes.nuclear),
    mean(p.outcomes.clashYearsPerDecade), mean(p.outcomes.escalationScore),
  ]);
  const spreads = result.policies.map((p) => [
    policyName(p.title, p.id), spreadPct(p.acrossFutures.clash), spreadPct(p.acrossFutures.war), spreadPct(p.acrossFutures.nuclear),
    spreadNum(p.acrossFutures.clashYearsPerDecade), spreadNum(p.acrossFutures.escalationScore),
  ]);
  const descriptions = result.policies
    .map((p) => `<dt>${escapeHtml(p.title)} <code>${escapeHtml(p.id)}</code></dt><dd>${escapeHtml(p.description)}</dd>`)
    .join('\n');
  return [
    para(`Probabilities are of at least one such event within ${horizon}, averaged over the ${result.ensemble === 'weighted' ? 'futures the record does not rule out' : 'sampled futures'} and their runs.`),
    table(`A. Estimates (${result.ensemble === 'weighted' ? 'record-weighted' : 'unweighted'}), with 95% intervals [in brackets] from the spread between the design's independent replicates: how precisely the model was run, the sampling of futures included`, OUTCOME_HEAD, estimates, 'estimates'),
    table('B. Spread across futures: median of the per-future values, 5th \u2013 95th percentile beneath: how much the answer depends on the unknowns', OUTCOME_HEAD, spreads, 'spread'),
    folded('What each policy does', `<dl class="policies">\n${descriptions}\n</dl>`),
  ].join('\n');
}

/** Paired differences of every policy against the status quo, with 95 % intervals that include the spread between futures. */
export function differencesTable(result: EnsembleView): string {
  const rows = result.policies.flatMap((p) => {
    const v = p.versusStatusQuo;
    if (!v) return [];
    return [[
      policyName(p.title, p.id), diffCell(v.clash, pp), diffCell(v.war, pp), diffCell(v.nuclear, pp),
      diffCell(v.clashYearsPerDecade, (x) => signed(x)), diffCell(v.escalationScore, (x) => signed(x)),
    ]];
  });
  if (rows.length === 0) return para('No policy other than the status quo was compared.');
  const head = ['Policy', '\u0394 P(clash)', '\u0394 P(war)', '\u0394 P(nuclear use)', '\u0394 clash-years per decade', '\u0394 escalation score'];
  return [
    para('Each policy minus the status quo, computed future by future on the same futures and the same random streams (common random numbers), so the noise that both share cancels. Brackets: 95% interval from the spread between the design\'s independent replicates of futures. \u25CF marks an interval that excludes 0. Negative is better for every column.'),
    table('Paired differences against the status quo (pp = percentage points)', head, rows, 'diff'),
  ].join('\n');
}

/** The comparison split by each structural uncertainty's alternatives: which policy has the lowest P(war) under which. */
export function byTypeTables(result: EnsembleView): string {
  if (result.byType.length === 0) return para('The scenario declares no structural uncertainty.');
  return result.byType
    .map((u) => {
      const head = ['Policy', ...u.alternatives.map((a) => `${a.title} (${a.futures} futures)`)];
      const rows = result.policies.map((p) => [
        policyName(p.title, p.id),
        ...u.alternatives.map((a): Cell => {
          const r = a.policies.find((q) => q.id === p.id);
          if (!r) return { html: '\u2014' };
          const best = a.best === p.id;
          const html = `${best ? '\u2605 ' : ''}P(war) ${escapeHtml(pct(r.war.p))} <span class="ci">${escapeHtml(range(pct(r.war.lo), pct(r.war.hi)))}</span>`
            + `<br><span class="minor">P(nuclear) ${escapeHtml(pct(r.nuclear.p))} <span class="ci">${escapeHtml(range(pct(r.nuclear.lo), pct(r.nuclear.hi)))}</span>`
            + `<br>clash-years ${escapeHtml(num(r.clashYearsPerDecade.mean))} <span class="ci">${escapeHtml(range(num(r.clashYearsPerDecade.lo), num(r.clashYearsPerDecade.hi)))}</span></span>`;
          return best ? { html, cls: 'best' } : { html };
        }),
      ]);
      const mid = midSentence(result);
      const winners = u.alternatives.map((a) => `under \u201C${a.title}\u201D, ${mid(titleOf(result, a.best))} (${a.best})`);
      const same = new Set(u.alternatives.map((a) => a.best)).size === 1;
      const separated = u.alternatives.every((a) => a.separated);
      const verdict = same
        ? `The same policy has the lowest P(war) under every alternative: ${mid(titleOf(result, u.alternatives[0]?.best ?? ''))}.`
        : separated
          ? 'The policy with the lowest P(war) depends on the alternative, and under each the winner is ahead of its runner-up by more than the Monte Carlo error.'
          : 'The lowest P(war) falls to different policies, but under at least one alternative the winner is not separated from its runner-up (their paired difference\'s 95% interval includes 0): no flip is claimed.';
      return [
        `<h3>${escapeHtml(u.title)} <code>${escapeHtml(u.uncertainty)}</code></h3>`,
        para(`Lowest P(war): ${winners.join('; ')}. ${verdict} Check the intervals before reading a winner: overlapping intervals mean the data do not separate the policies.`),
        table(`Outcomes by alternative of \u201C${u.title}\u201D (\u2605 = lowest P(war) under that alternative)`, head, rows, 'bytype'),
      ].join('\n');
    })
    .join('\n');
}

/** Robustness on P(war): regret against the best policy in each future, and the satisficing share under the threshold. */
export function robustnessTable(result: EnsembleView, horizon: string): string {
  const r = result.robustness;
  const rows = r.policies.map((q) => [
    policyName(titleOf(result, q.id), q.id), points(q.meanRegret), points(q.maxRegret), pct(q.satisficing),
  ]);
  return [
    para(`Regret of a policy in a future is its P(war) minus the lowest P(war) any compared policy reaches in that future; it is 0 for the best policy there. Satisficing counts the share of futures in which P(war) within ${horizon} stays at or below the threshold of ${pct(r.threshold)} (threshold ${r.threshold}, chosen for this comparison and stated here so it can be challenged).`),
    table(`Robustness on P(war) (threshold ${pct(r.threshold)})`, ['Policy', 'Mean regret', 'Maximum regret', `Share of futures with P(war) \u2264 ${pct(r.threshold)}`], rows, 'robust'),
    para(`Smallest maximum regret (minimax regret): ${titleOf(result, r.minimaxRegret)} (${r.minimaxRegret}). Largest satisficing share: ${titleOf(result, r.mostSatisficing)} (${r.mostSatisficing}).`),
  ].join('\n');
}
