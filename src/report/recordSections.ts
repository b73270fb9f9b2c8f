// The report's sections on the record weighting: how the futures were weighed, the unweighted figures beside the
// weighted ones, and where the risk comes from (outcomes by dyad group).
import { escapeHtml, num, pct, range } from './format.js';
import { folded, para, policyName, table, withInterval, type Cell } from './markup.js';
import type { ComparisonResult, EnsembleView, Interval } from './types.js';

const prob = (x: Interval): Cell => withInterval(pct(x.p), range(pct(x.lo), pct(x.hi)));

/** How the futures were weighted by the record: method, targets, how many each rules out, the effective sample size. */
export function weightsSection(result: ComparisonResult): string {
  const w = result.weights;
  if (w.method === 'none') return para('The scenario carries no record to weigh its futures on: every sampled future counts alike, and the weighted figures equal the unweighted ones.');
  const rows = w.targets.map((t) => [escapeHtml(t.title) + ` <code>${escapeHtml(t.id)}</code>`, num(t.observed), escapeHtml(t.source), String(t.rulesOut)].map((html) => ({ html })));
  return [
    para(`Each sampled future's status quo was run against the historical record and ruled out when it could not have produced it: history matching (Craig et al. 1997), with the implausibility |observed \u2212 expected| / \u221A(stochastic + Monte Carlo + model-discrepancy variance) of every target at most ${w.cutoff}. ${w.ess} of ${w.futures} futures (${pct(w.share)}) remain; they are the record-weighted ensemble, the headline of this report. The unweighted figures count every sampled future alike.`),
    w.warning ? `<p class="warning"><strong>Warning:</strong> ${escapeHtml(w.warning)}</p>` : '',
    table('Record targets (docs/calibration.md#record): observed value, source, futures each one alone rules out', ['Target', 'Observed', 'Source', 'Futures ruled out'], rows, 'record'),
    w.rules?.length
      ? folded('How the kept futures depend on the rule', table('How the kept futures depend on the rule: futures kept at each cut-off when the largest, second or third largest implausibility decides', ['Cut-off', 'Largest', 'Second largest', 'Third largest'], [...new Set(w.rules.map((r) => r.cutoff))].map((c) => [String(c), ...[1, 2, 3].map((k) => String(w.rules!.find((r) => r.cutoff === c && r.kth === k)?.kept ?? '\u2014'))].map((html) => ({ html }))), 'rules'))
      : '',
  ].join('\n');
}

/** P(war), P(nuclear) and clash-years of every policy, weighted and unweighted side by side. */
export function sideBySideTable(v: EnsembleView, u: EnsembleView): string {
  const rows = v.policies.map((p, i) => {
    const q = u.policies[i];
    return [policyName(p.title, p.id), prob(p.outcomes.war), prob(q.outcomes.war), prob(p.outcomes.nuclear), prob(q.outcomes.nuclear),
      withInterval(num(p.outcomes.clashYearsPerDecade.mean), range(num(p.outcomes.clashYearsPerDecade.lo), num(p.outcomes.clashYearsPerDecade.hi))),
      withInterval(num(q.outcomes.clashYearsPerDecade.mean), range(num(q.outcomes.clashYearsPerDecade.lo), num(q.outcomes.clashYearsPerDecade.hi)))];
  });
  return table('Record-weighted and unweighted, side by side (95% intervals include the spread between futures)', ['Policy', 'P(war) weighted', 'P(war) unweighted', 'P(nuclear) weighted', 'P(nuclear) unweighted', 'Clash-years/decade weighted', 'unweighted'], rows, 'sidebyside');
}

/** Outcomes by dyad group: the calibrated part (the peninsula) apart from what no data constrain. */
export function groupsSection(v: EnsembleView, u: EnsembleView): string {
  const groups = v.policies[0]?.groups ?? [];
  if (!groups.length) return para('The scenario declares no dyad groups (crisis.groups).');
  const head = ['Policy', ...groups.map((g) => `${g.title}`)];
  const rows = (e: EnsembleView) => e.policies.map((p) => [policyName(p.title, p.id), ...p.groups.map((g) => prob(g.war))]);
  return [
    para('P(war) split by the dyads in which the first war begins (a run has at most one war): the groups add up to the total. The record speaks to the peninsula; the other groups carry assumed values that no data here constrain.'),
    table('P(war) by dyad group, record-weighted', head, rows(v), 'groups'),
    folded('Unweighted', table('P(war) by dyad group, unweighted', head, rows(u), 'groups-unweighted')),
  ].join('\n');
}
