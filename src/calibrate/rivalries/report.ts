import { fmt } from '../crisis/validation.js';
import type { LayerVariant } from './fitLayer.js';
import { yearProbabilities, type LayerParameters } from './ladderLayer.js';
import { verdict, type PairedComparison } from './scores.js';
import type { Evaluation, Forecaster, RivalryValidation, ScoreId } from './validateRivalries.js';

/** How the committed document was produced (its first lines say so). */
export const VALIDATION_COMMAND = 'flashpoints calibrate rivalries --data ../shared/data --both-lists --table docs/validation.md --figure docs/figures/validation-reliability.svg';

/** The rivalry lists by their `--list` ids. */
const LIST_NAMES: Record<string, string> = { tss: 'Thompson, Sakuwa & Suhas (2021)', 'thompson-dreyer': 'Thompson & Dreyer (2012)' };
const listName = (id: string) => LIST_NAMES[id] ?? id;

const SCORE_NAMES: Record<ScoreId, string> = {
  'brier-clash': 'Brier, clash-year', 'log-clash': 'log score, clash-year', 'brier-war': 'Brier, war onset', 'log-war': 'log score, war onset', 'crps-count': 'CRPS, clash-year count',
};
const FORECASTER_NAMES: Record<Forecaster, string> = {
  model: 'model (random effect + persistence)', 'model-no-persistence': 'model without persistence', 'model-no-random-effect': 'model without rivalry effect',
  pooled: 'pooled base rate', 'own-past': "rivalry's own past rate",
};
const VARIANT_NAMES: Record<LayerVariant, string> = { full: 'full', 'no-persistence': 'no persistence (ρ = 0)', 'no-random-effect': 'no rivalry effect (τ = 0)' };

const pct = (k: number, n: number) => `${fmt((100 * k) / n)}%`;
/** Four decimals; below 0.001 two significant digits, so an interval end just below 0 does not print as 0. */
const f4 = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e-3 ? x.toFixed(4) : x.toPrecision(2));
const interval = (c: PairedComparison) => `${f4(c.difference)} [${f4(c.lo)}, ${f4(c.hi)}]`;
const verdictText = (c: PairedComparison) => ({ skill: '**skill**', worse: '**worse**', 'no difference': 'no difference' })[verdict(c)];

// A verdict whose interval ends within 5% of the difference from 0 is marked: it would flip with a little more noise.
const barely = (c: PairedComparison) => verdict(c) !== 'no difference' && Math.min(Math.abs(c.lo), Math.abs(c.hi)) < 0.05 * Math.abs(c.difference);
const shortScore = (sc: ScoreId) => SCORE_NAMES[sc].split(',')[0];
const comparison = (e: Evaluation, naive: 'pooled' | 'own-past', score: ScoreId, model: Forecaster = 'model') => e.comparisons.find((x) => x.model === model && x.naive === naive && x.score === score)!.result;
const DESIGN_NAMES: Record<Evaluation['id'], string> = { 'leave-one-out': 'leave one rivalry out', temporal: 'out of time' };

/** The model's verdicts against the pooled base rate on `scores`, grouped: "skill on log score (barely …); no difference on Brier". */
function againstPooled(e: Evaluation, scores: ScoreId[]): string {
  const groups = (['skill', 'no difference', 'worse'] as const).map((k) => {
    const cs = scores.filter((sc) => verdict(comparison(e, 'pooled', sc)) === k);
    if (!cs.length) return '';
    const names = cs.map((sc) => { const c = comparison(e, 'pooled', sc); return shortScore(sc) + (barely(c) ? ` (barely: the interval ends at ${f4(k === 'skill' ? c.hi : c.lo)})` : ''); });
    return `${k === 'no difference' ? 'no skill' : k} on ${names.join(' and ')}`;
  });
  return groups.filter(Boolean).join(', ');
}

/**
 * The plain-language verdict that opens the document, built from the comparisons: war onsets, clash-years (both
 * designs, and out of time on the other list), where the leave-one-out clash skill comes from, the worst reliability
 * bin, and what that means for the scenarios' P(war).
 */
function verdictParagraph(r: RivalryValidation, other?: { list: string; validation: RivalryValidation }): string[] {
  const war: ScoreId[] = ['brier-war', 'log-war'], clash: ScoreId[] = ['brier-clash', 'log-clash'];
  const evs = r.evaluations;
  const warSkill = evs.some((e) => war.some((sc) => verdict(comparison(e, 'pooled', sc)) === 'skill'));
  const warWorse = evs.some((e) => war.some((sc) => verdict(comparison(e, 'pooled', sc)) === 'worse'));
  const perDesign = (scores: ScoreId[], v: RivalryValidation = r) => v.evaluations.map((e) => `${DESIGN_NAMES[e.id]}, ${againstPooled(e, scores)}`).join('; ');
  const out: string[] = [];
  out.push(`**War onsets: ${warSkill ? 'some skill' : warWorse ? 'no skill, and worse in places' : 'no skill'}** against the pooled base rate (${perDesign(war)}). The model does beat the rivalry's own past rate on war onsets, but that comparator is weak (see Choices).`);
  const otherTemporal = other?.validation.evaluations.find((e) => e.id === 'temporal');
  out.push(`**Clash-years** against the pooled base rate: ${perDesign(clash)}${otherTemporal ? `; on ${listName(other!.list)} out of time, ${againstPooled(otherTemporal, clash)}` : ''}.`);
  const loo = evs.find((e) => e.id === 'leave-one-out');
  if (loo) {
    const full = comparison(loo, 'pooled', 'log-clash'), nr = comparison(loo, 'pooled', 'log-clash', 'model-no-random-effect');
    if (full.difference < 0) {
      const share = (nr.difference - full.difference) / full.difference;
      const lost = Math.round(100 * Math.max(0, -share));
      out.push(`The leave-one-out clash skill comes ${lost >= 50 ? 'largely' : 'partly'} from the rivalry effect: without it the log-score gain over the pooled base rate falls from ${f4(-full.difference)} to ${f4(-nr.difference)} per rivalry-year (${lost}% of it lost).`);
    }
  }
  const bins = evs.flatMap((e) => e.reliability.model.filter((b) => b.n >= 30).map((b) => ({ e, b })));
  const high = bins.filter(({ b }) => b.forecast > b.observedHi), low = bins.filter(({ b }) => b.forecast < b.observedLo);
  if (high.length) {
    const worst = high.reduce((w, x) => (x.b.forecast - x.b.observed > w.b.forecast - w.b.observed ? x : w));
    const from = Math.min(...high.map(({ b }) => b.lo));
    out.push(`**Forecasts run too high** in ${high.length} of the ${bins.length} reliability bins with at least 30 forecasts (both designs), all at forecasts of ${fmt(from)} or more${low.length ? ` (and too low in ${low.length})` : ''}; the worst, ${DESIGN_NAMES[worst.e.id]} in the bin ${fmt(worst.b.lo)}–${fmt(worst.b.hi)}: forecast ${fmt(worst.b.forecast)}, observed ${fmt(worst.b.observed)} (n = ${worst.b.n}).`);
  } else if (low.length) {
    out.push(`**Forecasts run too low** in ${low.length} of the ${bins.length} reliability bins with at least 30 forecasts.`);
  } else out.push(`The forecasts are reliable: every bin with at least 30 forecasts covers its mean forecast.`);
  out.push(warSkill
    ? "The scenarios' P(war) figures rest on the clash → war step (warGivenClash), which this validation supports only where the war verdicts above say skill."
    : "**The scenarios' P(war) figures rest on the clash → war step (warGivenClash), which this validation does not support:** the layer forecasts war onsets no better than the base rate. Read them as the model's conditional arithmetic, not as forecasts.");
  return ['## Verdict', '', out.join(' '), ''];
}

function parameterRow(name: string, p: LayerParameters, extra: string, r: RivalryValidation): string {
  const base = yearProbabilities(p.mean, p.warGivenClash, r.settings), after = yearProbabilities(p.mean + p.persistence, p.warGivenClash, r.settings);
  return `| ${name} | ${fmt(p.mean)} | ${fmt(p.sd)} | ${fmt(p.persistence)} | ${fmt(p.warGivenClash)} | ${fmt(base.clash)} / ${fmt(after.clash)} | ${extra} |`;
}

function comparisonTable(e: Evaluation, model: Forecaster): string[] {
  const lines = ['| score | vs pooled base rate: model − naive [95%] | better / worse rivalries | verdict | vs own past rate: model − naive [95%] | better / worse | verdict |', '|---|---|---|---|---|---|---|'];
  for (const score of ['brier-clash', 'log-clash', 'crps-count', 'brier-war', 'log-war'] as const) {
    const c = (naive: 'pooled' | 'own-past') => e.comparisons.find((x) => x.model === model && x.naive === naive && x.score === score)!.result;
    const p = c('pooled'), o = c('own-past');
    const noPast = e.id === 'leave-one-out' && score === 'crps-count';
    lines.push(`| ${SCORE_NAMES[score]} | ${interval(p)} | ${p.better} / ${p.worse} | ${verdictText(p)} | ${noPast ? '— (no past: the same as pooled)' : interval(o)} | ${noPast ? '—' : `${o.better} / ${o.worse}`} | ${noPast ? '—' : verdictText(o)} |`);
  }
  return lines;
}

/** One plain sentence per outcome and evaluation: where the model has skill and where it has none. */
function findings(e: Evaluation): string[] {
  const get = (naive: 'pooled' | 'own-past', score: ScoreId, model: Forecaster = 'model') => e.comparisons.find((x) => x.model === model && x.naive === naive && x.score === score)!.result;
  const say = (what: string, scores: ScoreId[]) => {
    const parts = (['pooled', 'own-past'] as const).flatMap((naive) => {
      const cs = scores.filter((sc) => !(e.id === 'leave-one-out' && sc === 'crps-count' && naive === 'own-past'));
      if (!cs.length) return [];
      const v = cs.map((sc) => verdict(get(naive, sc)));
      const name = naive === 'pooled' ? 'the pooled base rate' : "the rivalry's own past rate";
      const which = (k: string) => cs.filter((_, i) => v[i] === k).map((sc) => {
        const c = get(naive, sc);
        return SCORE_NAMES[sc].split(',')[0] + (barely(c) ? ` (barely: the interval ends at ${f4(verdict(c) === 'skill' ? c.hi : c.lo)})` : '');
      }).join(' and ');
      if (v.every((x) => x === 'skill')) return [`beats ${name} (${which('skill')})`];
      if (v.every((x) => x === 'worse')) return [`does worse than ${name} (${which('worse')})`];
      if (v.every((x) => x === 'no difference')) return [`has no skill over ${name} (${which('no difference')}: the interval${cs.length > 1 ? 's cover' : ' covers'} 0)`];
      const bits = ['skill', 'no difference', 'worse'].filter((k) => v.includes(k as never)).map((k) => `${k === 'skill' ? 'beats it on' : k === 'worse' ? 'does worse on' : 'no difference on'} ${which(k)}`);
      return [`against ${name}: ${bits.join('; ')}`];
    });
    return `- **${what}** (${e.id}): the model ${parts.join('; it ')}.`;
  };
  const out = [say('Clash-years', ['brier-clash', 'log-clash']), say('Clash-year counts', ['crps-count']), say('War onsets', ['brier-war', 'log-war'])];
  // Which part carries the skill: each ablation's log score on clash-years against the pooled base rate.
  const full = get('pooled', 'log-clash');
  const np = get('pooled', 'log-clash', 'model-no-persistence'), nr = get('pooled', 'log-clash', 'model-no-random-effect');
  out.push(`- **Where the clash skill comes from** (${e.id}, log score per rivalry-year against the pooled base rate): the full model ${f4(full.difference)}, without persistence ${f4(np.difference)} (${verdict(np)}), without the rivalry effect ${f4(nr.difference)} (${verdict(nr)}); dropping the rivalry effect gives up ${f4(nr.difference - full.difference)}, dropping persistence ${f4(np.difference - full.difference)}.`);
  const mis = e.reliability.model.filter((b) => b.n >= 30 && (b.forecast < b.observedLo || b.forecast > b.observedHi));
  out.push(mis.length
    ? `- **Reliability** (${e.id}): in ${mis.length} of the bins with at least 30 forecasts the mean forecast lies outside the Wilson 95% interval of the observed share: ${mis.map((b) => `${fmt(b.lo)}–${fmt(b.hi)} (forecast ${fmt(b.forecast)}, observed ${fmt(b.observed)}, n = ${b.n}: ${b.forecast > b.observedHi ? 'too high' : 'too low'})`).join('; ')}.`
    : `- **Reliability** (${e.id}): in every bin with at least 30 forecasts the mean forecast lies inside the Wilson 95% interval of the observed share.`);
  return out;
}

function reliabilityTable(e: Evaluation): string[] {
  const lines = ['| forecast bin | model: n | model: mean forecast | observed share [Wilson 95%] | own past: n | own past: forecast | own past: observed |', '|---|---|---|---|---|---|---|'];
  e.reliability.model.forEach((b, i) => {
    const o = e.reliability['own-past'][i];
    lines.push(`| ${fmt(b.lo)}–${fmt(b.hi)} | ${b.n} | ${b.n ? fmt(b.forecast) : '—'} | ${b.n ? `${fmt(b.observed)} [${fmt(b.observedLo)}, ${fmt(b.observedHi)}]` : '—'} | ${o.n} | ${o.n ? fmt(o.forecast) : '—'} | ${o.n ? fmt(o.observed) : '—'} |`);
  });
  return lines;
}

function evaluationSection(e: Evaluation, r: RivalryValidation): string[] {
  const t = e.totals;
  const means = ['| forecaster | ' + (['brier-clash', 'log-clash', 'crps-count', 'brier-war', 'log-war'] as const).map((s) => SCORE_NAMES[s]).join(' | ') + ' |', '|---|---|---|---|---|---|'];
  for (const f of ['model', 'model-no-persistence', 'model-no-random-effect', 'pooled', 'own-past'] as const) {
    means.push(`| ${FORECASTER_NAMES[f]} | ${(['brier-clash', 'log-clash', 'crps-count', 'brier-war', 'log-war'] as const).map((s) => f4(e.means[f][s])).join(' | ')} |`);
  }
  const params = ['| variant | μ | τ | ρ | warGivenClash | P(clash-year) at μ, after a quiet / a clash year | |', '|---|---|---|---|---|---|---|'];
  for (const v of ['full', 'no-persistence', 'no-random-effect'] as const) {
    const p = e.parameters[v];
    const folds = [`μ ${fmt(p.min.mean)}…${fmt(p.max.mean)}`, v !== 'no-random-effect' ? `τ ${fmt(p.min.sd)}…${fmt(p.max.sd)}` : '', v !== 'no-persistence' ? `ρ ${fmt(p.min.persistence)}…${fmt(p.max.persistence)}` : '', `warGivenClash ${fmt(p.min.warGivenClash)}…${fmt(p.max.warGivenClash)}`];
    const spread = e.id === 'leave-one-out' ? `range over the folds: ${folds.filter(Boolean).join(', ')}` : 'one fit';
    params.push(parameterRow(VARIANT_NAMES[v], p.fit, spread, r));
  }
  return [
    `## ${e.title}`, '',
    `${t.rivalries} rivalries, ${t.years} rivalry-years forecast, ${t.clashYears} clash-years and ${t.warOnsets} war onsets in them.` +
      (e.training ? ` The fit years held ${e.training.years} rivalry-years of ${e.training.rivalries} rivalries: clash-years were ${pct(e.training.clashYears, e.training.years)} of rivalry-years there and ${pct(t.clashYears, t.years)} in the forecast years, war onsets ${pct(e.training.warOnsets, e.training.years)} and ${pct(t.warOnsets, t.years)}.${e.training.clashYears * t.years > t.clashYears * e.training.years ? ' The rate fell, so forecasts fitted on the earlier years start out too high.' : ''}` : ''), '',
    '### Fitted layer', '', ...params, '',
    '### Mean scores (lower is better; per rivalry-year, CRPS per rivalry)', '', ...means, '',
    '### The model against the naive forecasters (paired difference, 95% cluster bootstrap over rivalries)', '', ...comparisonTable(e, 'model'), '',
    '### Reliability of the yearly clash-year forecasts', '', ...reliabilityTable(e), '',
  ];
}

/** The same designs on the other rivalry list: its totals, the plain findings and the model's comparisons. */
function robustnessSection(list: string, v: RivalryValidation): string[] {
  const t = v.totals;
  return [
    `## Robustness: the other rivalry list, ${listName(list)}`, '',
    `The same pipeline on ${listName(list)}: ${t.rivalries} rivalry dyads, ${t.years} rivalry-years, ${t.clashYears} clash-years, ${t.warOnsets} war onsets (${v.window.from}–${v.window.to}). Full fit: μ ${fmt(v.fullFit.full.parameters.mean)}, τ ${fmt(v.fullFit.full.parameters.sd)}, ρ ${fmt(v.fullFit.full.parameters.persistence)}, warGivenClash ${fmt(v.fullFit.full.parameters.warGivenClash)}.`, '',
    ...v.evaluations.flatMap((e) => findings(e).filter((l) => !l.includes('**Reliability**'))), '',
    ...v.evaluations.flatMap((e) => [`### ${e.title}`, '', ...comparisonTable(e, 'model'), '']),
  ];
}

/**
 * docs/validation.md as text: what part of the crisis model is validated, the data, the in-sample fit, each
 * out-of-sample design with its scores, comparisons and reliability, and the plain findings. Deterministic.
 * Example: `renderValidation(validateRivalries(panels), { list: 'tss', resamples: 2000, seed: 1 })`.
 */
export function renderValidation(r: RivalryValidation, o: { list: string; seed: number; resamples: number; warDisputes?: number; other?: { list: string; validation: RivalryValidation } }): string {
  const t = r.totals, s = r.settings;
  const fitRows = (['full', 'no-persistence', 'no-random-effect'] as const).map((v) => parameterRow(VARIANT_NAMES[v], r.fullFit[v].parameters, `log-likelihood ${r.fullFit[v].logLikelihood.toFixed(1)}`, r));
  return [
    '# Validation: the crisis layer across rivalries, out of sample', '',
    `Generated by \`${VALIDATION_COMMAND}\` (rivalry list: ${listName(o.list)}${o.other ? `, and ${listName(o.other.list)} for the robustness section` : ''}; bootstrap: ${o.resamples} resamples, seed ${o.seed}). Do not edit by hand: a test compares this file with the command's output.`, '',
    ...verdictParagraph(r, o.other),
    '## What is validated', '',
    'The **clash-and-war layer** of the crisis model (`src/models/crisis/ladder.ts`, DESIGN.md §3.2) — the part the Korea calibration tunes — and nothing else:', '',
    `- the mapping from a dyad's static propensity u (logit scale, the units of β0) to a monthly clash hazard q = f·σ(u − κ_v) in each direction, with κ_v = crisis.clashThreshold at the model's default ${fmt(s.clashThreshold)} and friction f = h_ij·h_ji = ${fmt(s.friction)};`,
    `- its aggregation to calendar years as the model counts clash-years: P(clash-year) = 1 − (1 − q)^${s.dyadMonths} (${s.dyadMonths / 2} months × 2 directions);`,
    `- the clash → war step: each clash becomes war with probability warGivenClash, so P(war onset) = 1 − (1 − q·warGivenClash)^${s.dyadMonths}.`, '',
    'The probabilities are computed by the model\'s own functions (`clashHazard`, `warProbability`); a test (`test/calibrate/rivalries/ladderLayer.test.ts`) checks the closed form against the model\'s own simulation (`runCrisisBatch`) on a two-actor scenario with the memory, threat and deterrence terms switched off. Two parameters the cross-section identifies are added: a **rivalry effect** u_r ~ N(μ, τ²) (rivalries differ in their propensity; the record cannot split u into β0, drive, hostility, deterrence, assurance and restraint terms, so u_r stands for their sum) and a **persistence** ρ added to u in a year after a clash-year (a reduced form of the model\'s memory, which carries a clash into the next months\' propensity).', '',
    'The fitted μ is the propensity of this memory-free form. In a full scenario the memory term (β1 × the remembered hostility) adds to the propensity month by month, so μ is not a value to copy into a scenario\'s β0; what carries over is the shape (the hazard\'s logistic mapping and the yearly aggregation), the spread across rivalries and warGivenClash.', '',
    '**Not validated here:** the ordered logit over non-violent actions, perception and memory dynamics month by month, the threat term from the arms model, launches and exercises, deterrence, channels and every policy lever. Skill of this layer says that the model\'s ladder, fitted elsewhere, forecasts clash-years of a rivalry it has not seen; it does not say that the levers move them as the model says.', '',
    '## Data', '',
    `COW MID v5 directed dyad-years and the strategic-rivalry list of ${listName(o.list)}, ${r.window.from}–${r.window.to}: ${t.rivalries} rivalry dyads (spells of one dyad joined), ${t.years} rivalry-years, ${t.clashYears} clash-years (a dispute of hostility level ≥ 4, use of force, began in the dyad that year, either direction) — ${fmt((100 * t.clashYears) / t.years)}% — and ${t.warOnsets} war onsets (level 5) — ${fmt((100 * t.warOnsets) / t.years)}% of rivalry-years. These are the counts of the Korea calibration (\`calibrate/crisis/incidents.ts\`).`, '',
    '## The layer fitted on every rivalry (in sample)', '',
    'Maximum marginal likelihood (the rivalry effect integrated out on 61 nodes), Nelder–Mead.', '',
    '| variant | μ | τ | ρ | warGivenClash | P(clash-year) at μ, after a quiet / a clash year | |', '|---|---|---|---|---|---|---|', ...fitRows, '',
    '## Where the model has skill and where it has none', '',
    'A verdict of **skill** means the 95% interval of the paired difference (model − naive) lies below 0; **worse**, above 0; otherwise no difference is detectable.', '',
    ...r.evaluations.flatMap((e) => findings(e)), '',
    ...r.evaluations.flatMap((e) => evaluationSection(e, r)),
    '![Reliability of the yearly clash-year forecasts](figures/validation-reliability.svg)', '',
    ...(o.other ? robustnessSection(o.other.list, o.other.validation) : []),
    '## Choices', '',
    '- **Forecasts are one step ahead.** The forecast of year t uses the pooled parameters (fitted without the held-out rivalry, or on the years before the split), the rivalry\'s own years before t (Bayes\' rule on the rivalry effect) and whether year t − 1 was a clash-year. The own-past forecaster uses the same years.',
    '- **The count forecast** (CRPS) is made once, before the first forecast year, for the number of clash-years among the forecast years: for the model, the mixture over the rivalry effect of the Markov chain the persistence makes; for the naive forecasters, a binomial at their rate. Leave-one-out has no past for the count, so there the own-past count forecast is the pooled one.',
    '- **The pooled base rate** is (k + ½)/(n + 1) over the training rivalry-years (Jeffreys): for thousands of years it is the plain share, and a training set without a war still gives the war onset a small probability.',
    '- **The own past rate** is (k + r̄)/(n + 1) with k events in the rivalry\'s n years before t and r̄ the pooled rate: one pseudo-year at the pooled rate, so no forecast is 0 or 1 (a log score of a certain forecast that fails is infinite).',
    '- **The own past rate is a weak comparator, above all in leave-one-out.** It carries a single pseudo-year of the pooled rate, so in a rivalry\'s first years it swings on one or two observations (a rivalry whose first year is a war gets a war forecast near ½ the next year). Beating it is a low bar; the verdict rests on the pooled base rate.',
    '- **The lag** of a year is 1 if the year before was a year of the same rivalry and a clash-year; for 1946 it reads 1945 when the rivalry was running. Years between two spells of a dyad are not rivalry years.',
    '- **Intervals** are percentile intervals of a cluster bootstrap: rivalries resampled with replacement, the per-rivalry-year mean difference recomputed (per rivalry for CRPS). Rivalries are the independent units; years within a rivalry are not.',
    `- **War onsets are not independent events.** The ${t.warOnsets} war onsets are ${o.warDisputes !== undefined ? `only ${o.warDisputes} distinct MID disputes` : 'far fewer distinct MID disputes'}: one multilateral war is a war onset in every rivalry dyad it joins. Leave-one-rivalry-out therefore keeps the same war in the training set through the other dyads it touched, and the bootstrap over rivalries treats those dyads as independent; the war intervals are too narrow and the leave-one-out war scores flattering. Resampling disputes rather than dyads would be the honest unit; it is not done here.`,
    `- **War has no rivalry effect of its own.** warGivenClash is pooled: a rivalry's war forecast differs from another's only through its clash hazard; ${t.warOnsets} war onsets in ${t.rivalries} rivalries identify little more.`,
    '- **The rivalry list** is Thompson, Sakuwa & Suhas (2021) by default (`--list thompson-dreyer` for Thompson & Dreyer 2012); spells of one dyad are joined into one rivalry, and its years are those of its spells inside 1946–2014.',
    '- **The first war of a run** ends the model\'s war draws in a simulation; per calendar year, P(at least one war onset) is the same with or without that rule, so the yearly closed form is exact.',
    '',
  ].join('\n');
}
