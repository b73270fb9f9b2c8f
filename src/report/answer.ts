// The report's opening: the answer in three sentences, written from the numbers of the comparison (which policies
// lower or raise P(war) against the status quo and by how much; how sure, from which ensemble; which assumption
// decides it most), and the figure that shows it. No sentence is fixed text about a result: every claim follows a
// test on the intervals, and a difference whose interval includes 0 is said to be not separated, never a direction.
import { ensembleView, type ComparisonResult, type Diff, type EnsembleView, type MorrisFactor, type SensitivitySummary } from './types.js';
import { excludesZero, num, pct, points, pp, range } from './format.js';
import { INK, intervalGlyph, labelMargin, svgId, valueAxis, WIDTH, type Figure } from './figures.js';
import { midSentence } from './midSentence.js';
import { chartSvg, type ChartOption } from './svg.js';

/** What a policy does to P(war) against the status quo, as its paired difference's 95 % interval says. */
export type Effect = 'lowers' | 'raises' | 'not separated';

/** One policy's paired difference in P(war) against the status quo, and what it says. */
export interface PolicyEffect { id: string; title: string; war: Diff; effect: Effect }

/** The three sentences of the answer (plain text). */
export interface AnswerSentences { effect: string; certainty: string; deciding: string }

/** The effect a paired difference shows: lowers (interval below 0), raises (above 0), else not separated. */
export function effectOf(d: Diff): Effect {
  return excludesZero(d) ? (d.hi < 0 ? 'lowers' : 'raises') : 'not separated';
}

/** How close to 0 a separated interval's nearer end may come, as a fraction of its half-width, to be called borderline. */
export const BORDERLINE_FRACTION = 0.25;

/**
 * True when a paired difference's interval excludes 0 but only just: its nearer end lies within
 * `BORDERLINE_FRACTION` (a quarter) of the interval's half-width of 0. Example: `borderline({ diff: -0.011, lo:
 * -0.021, hi: -0.001 })` → `true` (0.1 pp from 0, half-width 1.0 pp).
 */
export function borderline(d: Diff): boolean {
  return excludesZero(d) && Math.min(Math.abs(d.lo), Math.abs(d.hi)) < BORDERLINE_FRACTION * ((d.hi - d.lo) / 2);
}

/** The share of futures with a clash at or above which a clash is said to be near-certain. */
export const NEAR_CERTAIN_CLASH = 0.95;

/** A clause saying a clash is near-certain under every policy (P(clash) ≥ 95 % for all), else ''. */
function clashClause(v: EnsembleView): string {
  const ps = v.policies.map((p) => p.outcomes.clash?.p);
  if (ps.length === 0 || !ps.every((p) => p !== undefined && Number.isFinite(p) && p >= NEAR_CERTAIN_CLASH)) return '';
  const [lo, hi] = [Math.min(...(ps as number[])), Math.max(...(ps as number[]))];
  return `; a clash itself is near-certain under every policy (P(clash) ${pct(lo) === pct(hi) ? pct(lo) : `${pct(lo)} to ${pct(hi)}`})`;
}

/** Every policy but the status quo with its effect on P(war), in the order of the result. */
export function policyEffects(v: EnsembleView): PolicyEffect[] {
  return v.policies.flatMap((p) => (p.versusStatusQuo ? [{ id: p.id, title: p.title, war: p.versusStatusQuo.war, effect: effectOf(p.versusStatusQuo.war) }] : []));
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const within = (months: number) => (months % 12 === 0 ? `within ${months / 12} year${months === 12 ? '' : 's'}` : `within ${months} months`);
const ppRange = (d: Diff) => `${pp(d.diff)} ${range(pp(d.lo), pp(d.hi))}`;
const withDiff = (e: PolicyEffect, mid: (title: string) => string) => `${mid(e.title)} (${ppRange(e.war)}${borderline(e.war) ? ', only just excluding 0' : ''})`;
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The status quo of a view: the policy without a paired difference (the result lists it first). */
function statusQuo(v: EnsembleView): EnsembleView['policies'][number] | undefined {
  return v.policies.find((p) => !p.versusStatusQuo) ?? v.policies[0];
}

/** Sentence 1: which policies lower or raise P(war) against the status quo, by how much, and which are not separated. */
function effectSentence(v: EnsembleView): string {
  const sq = statusQuo(v);
  const w = within(v.options.horizonMonths);
  const base = sq ? `${pct(sq.outcomes.war.p)} ${range(pct(sq.outcomes.war.lo), pct(sq.outcomes.war.hi))}` : '\u2014';
  const effects = policyEffects(v);
  const mid = midSentence(v);
  const clash = clashClause(v);
  if (effects.length === 0) return `Only the status quo was compared: its P(war) ${w} is ${base}, and no policy is set against it${clash}.`;
  const lower = effects.filter((e) => e.effect === 'lowers').sort((a, b) => a.war.diff - b.war.diff);
  const raise = effects.filter((e) => e.effect === 'raises').sort((a, b) => b.war.diff - a.war.diff);
  const open = effects.filter((e) => e.effect === 'not separated');
  if (lower.length + raise.length === 0) {
    const finite = effects.map((e) => e.war.diff).filter(Number.isFinite);
    const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
    const spanText = !finite.length ? '' : pp(lo) === pp(hi) ? ` (every estimate is ${pp(lo)})` : ` (the estimates run from ${pp(lo)} to ${pp(hi)})`;
    return `No policy is separated from the status quo: against its P(war) ${w} of ${base}, every policy's paired difference has a 95% interval that includes 0${spanText}${clash}.`;
  }
  const clauses = [
    ...(lower.length ? [`${listText(lower.map((e) => withDiff(e, mid)))} ${verb(lower.length, 'lowers', 'lower')} it`] : []),
    ...(raise.length ? [`${listText(raise.map((e) => withDiff(e, mid)))} ${verb(raise.length, 'raises', 'raise')} it`] : []),
    ...(open.length ? [open.length === 1 ? `${mid(open[0].title)} is not separated from it (its 95% interval includes 0)` : `the other ${open.length} (${listText(open.map((e) => mid(e.title)))}) are not separated from it (their 95% intervals include 0)`] : []),
  ];
  return `Against the status quo's P(war) ${w} of ${base}, ${clauses.join('; ')}${clash}.`;
}

const effectPhrase: Record<Effect, string> = { lowers: 'lowers it', raises: 'raises it', 'not separated': 'is not separated' };

/** Sentence 2: from which ensemble, with which intervals, whether the unweighted ensemble agrees, and the spread across futures. */
function certaintySentence(r: ComparisonResult, v: EnsembleView, u: EnsembleView): string {
  const w = r.weights;
  const o = r.options;
  const parts: string[] = [];
  if (w.method === 'none') parts.push(`Every one of the ${o.futures} sampled futures counts alike (the scenario has no record to weigh them), ${o.runs} runs each, and the brackets are 95% intervals that include the spread between futures`);
  else {
    parts.push(`These are record-weighted figures \u2014 the ${w.ess} of ${w.futures} futures whose status quo can reproduce the historical record, ${o.runs} runs each \u2014 and the brackets are 95% intervals that include the spread between futures`);
    const mine = new Map(policyEffects(v).map((e) => [e.id, e.effect]));
    const changed = policyEffects(u).filter((e) => mine.get(e.id) !== e.effect);
    parts.push(changed.length === 0
      ? `counting all ${w.futures} futures alike gives the same verdict`
      : `counting all ${w.futures} futures alike, ${listText(changed.map((e) => `${midSentence(v)(e.title)} ${effectPhrase[e.effect]}`))}`);
  }
  const sq = statusQuo(v);
  const effects = policyEffects(v).map((e) => Math.abs(e.war.diff)).filter(Number.isFinite);
  if (sq && Number.isFinite(sq.acrossFutures.war.q05) && Number.isFinite(sq.acrossFutures.war.q95)) {
    const s = sq.acrossFutures.war;
    const wider = effects.length > 0 && s.q95 - s.q05 > Math.max(...effects) ? ', wider than any policy\u2019s average effect' : '';
    parts.push(pct(s.q05) === pct(s.q95)
      ? `the status quo's own P(war) is ${pct(s.q05)} in 90% of the futures (5th to 95th percentile)`
      : `across the futures the status quo's own P(war) spans ${pct(s.q05)} to ${pct(s.q95)} (5th\u201395th percentile)${wider}`);
  }
  return `${parts.join('; ')}.`;
}

const clears = (f: MorrisFactor, dummy: MorrisFactor | null) => dummy !== null && f.muStarConf[0] > dummy.muStar;
const muText = (f: MorrisFactor) => `Morris \u03BC* ${num(f.muStar, 3)} ${range(num(f.muStarConf[0], 3), num(f.muStarConf[1], 3))}`;
/** μ* in its unit: a screening of P(war) measures it in probability per whole input range, said in percentage points. */
const muPoints = (f: MorrisFactor) => `${points(f.muStar)} (${muText(f)})`;
const UNIT = 'percentage points of P(war) when a parameter moves over its whole range';

type Screening = SensitivitySummary['screenings'][number];

/**
 * The size of what a screening explains, from the headline (record-weighted) figures: a policy's P(war) for
 * `P(war) under X`, the paired difference for `P(war) under X − P(war) under Y`; undefined when the target names
 * no policy of the result (then no comparison with the noise is made).
 */
export function explainedEffect(target: string, v: EnsembleView): number | undefined {
  const m = /^P\(war\) under (\S+)(?: \u2212 P\(war\) under (\S+))?$/.exec(target);
  if (!m) return undefined;
  const [x, y] = [v.policies.find((p) => p.id === m[1]), m[2] === undefined ? undefined : v.policies.find((p) => p.id === m[2])];
  if (!x || (m[2] !== undefined && !y)) return undefined;
  const value = !y ? x.outcomes.war.p : y.id === statusQuo(v)?.id && x.versusStatusQuo ? x.versusStatusQuo.war.diff : x.outcomes.war.p - y.outcomes.war.p;
  return Number.isFinite(value) ? value : undefined;
}

/** True when the screening's run noise (the dummy's μ*) is larger than the effect it is asked to explain. */
export function tooCoarse(d: Screening, v: EnsembleView): boolean {
  const effect = explainedEffect(d.target, v);
  return d.dummy !== null && effect !== undefined && d.dummy.muStar > Math.abs(effect);
}

/** One screening in words: the leading factor if it clears the noise, else whether the screening could have told. */
function screeningClause(d: Screening, v: EnsembleView, first: boolean): string {
  const top = d.factors[0];
  const size = `${d.trajectories}-trajectory \u00D7 ${d.runs}-run`;
  if (!d.dummy) return first
    ? `The assumption that moves ${d.target} most in the screening is ${top.name} (${muPoints(top)}; the screening ran no dummy, so run noise is not measured)`
    : `on ${d.target} it is ${top.name}, by ${points(top.muStar)} (${muText(top)}; no dummy, run noise not measured)`;
  const noise = points(d.dummy.muStar);
  if (clears(top, d.dummy)) return first
    ? `The assumption that decides it most is ${top.name}: over its range it moves ${d.target} by ${muPoints(top)}, against run noise (the dummy) of ${noise}`
    : `on ${d.target} it is ${top.name}, by ${points(top.muStar)} (${muText(top)}; noise ${noise})`;
  if (tooCoarse(d, v)) {
    const effect = explainedEffect(d.target, v)!;
    return `${first ? 'The' : 'the'} ${size} screening is too coarse to tell which assumption decides ${d.target}: its run noise (the dummy) is ${noise}, larger than the ${pp(effect)} it would explain, so only an assumption moving it by more than about ${noise} could be told apart, and then only if its interval clears the noise (the leading one, ${top.name}, ${muPoints(top)}, does not clear it)`;
  }
  return first
    ? `No assumption moves ${d.target} beyond run noise in the screening: the leading one, ${top.name}, has ${muPoints(top)}, against run noise (the dummy) of ${noise}`
    : `no assumption moves ${d.target} beyond run noise of ${noise} (the leading, ${top.name}, by ${points(top.muStar)}; ${muText(top)})`;
}

/** Sentence 3: the assumption that moves the outcome most, from the screening in the result (or what stands in for it). */
function decidingSentence(r: ComparisonResult, v: EnsembleView): string {
  const s: SensitivitySummary | undefined = r.sensitivity;
  const level = s?.screenings[0];
  if (!s || !level || level.factors.length === 0) return byTypeSentence(v);
  const clauses = s.screenings.flatMap((d, i) => (d.factors.length ? [screeningClause(d, v, i === 0)] : []));
  // Morris chooses its own inputs, so the screening never carries the record weights (docs/sensitivity.md#record-weights).
  const weighting = r.weights.method === 'none' ? '' : ', over all futures unweighted, while the figures above are record-weighted';
  return `${clauses.join('; ')} (\u03BC* in ${UNIT}${weighting}).`;
}

/** Without a screening: what the split by structural uncertainty says, or where to get the ranking. */
function byTypeSentence(v: EnsembleView): string {
  const lead = 'No sensitivity screening was run with this comparison (the command \u201Cflashpoints sensitivity\u201D ranks the assumptions)';
  const u = v.byType[0];
  if (!u || u.alternatives.length === 0) return `${lead}.`;
  const best = new Set(u.alternatives.map((a) => a.best));
  const title = midSentence(v)(u.title);
  const what = best.size === 1
    ? `the same policy has the lowest P(war) under every alternative of ${title}`
    : u.alternatives.every((a) => a.separated)
      ? `${title} decides which policy has the lowest P(war), beyond the Monte Carlo error`
      : `the lowest P(war) falls to different policies under the alternatives of ${title}, but not beyond the Monte Carlo error`;
  return `${lead}; ${what}.`;
}

/**
 * The answer in three sentences, from the record-weighted ensemble (the headline), checked against the unweighted
 * one. Example: `answerSentences(result).effect` → `"Against the status quo's P(war) within 10 years of 8.8% […],
 * Dialogue (−1.3 pp […]) lowers it; …"`.
 */
export function answerSentences(r: ComparisonResult): AnswerSentences {
  const v = ensembleView(r, 'weighted'), u = ensembleView(r, 'unweighted');
  return { effect: effectSentence(v), certainty: certaintySentence(r, v, u), deciding: decidingSentence(r, v) };
}

const EFFECT_COLORS: Record<Effect, string> = { lowers: '#2471a3', raises: '#b9470b', 'not separated': '#9aa0a6' };

/**
 * The main figure: each policy's paired difference in P(war) against the status quo (percentage points) with its
 * 95 % interval, blue when it lowers P(war), orange when it raises it, grey when the interval includes 0, and the
 * zero line of the status quo. Example: `answerFigure(ensembleView(result, 'weighted')).svg`.
 */
export function answerFigure(v: EnsembleView, width = WIDTH): Figure {
  const effects = policyEffects(v);
  const ids = effects.map((e) => e.id);
  const percent = (x: number) => Math.round(x * 1e8) / 1e6;
  const data = effects.flatMap((e, i) => ([e.war.diff, e.war.lo, e.war.hi].every(Number.isFinite) ? [[i, percent(e.war.diff), percent(e.war.lo), percent(e.war.hi)]] : []));
  const sq = statusQuo(v);
  const option: ChartOption = {
    grid: { left: labelMargin(ids), right: 24, top: 28, bottom: 44 },
    yAxis: { type: 'category', data: ids, inverse: true, axisTick: { show: false }, axisLabel: { color: INK } },
    xAxis: valueAxis('\u0394 P(war) against the status quo, percentage points'),
    series: [{
      type: 'custom', renderItem: intervalGlyph((cat) => EFFECT_COLORS[effects[cat].effect]), encode: { x: [1, 2, 3], y: 0 }, data,
      markLine: { silent: true, symbol: 'none', label: { formatter: 'status quo', position: 'start', color: INK }, lineStyle: { color: INK, type: 'solid', width: 1 }, data: [{ xAxis: 0 }] },
    }],
  };
  return {
    id: 'fig-answer',
    title: 'What each policy does to P(war)',
    caption: `Each policy minus the status quo${sq ? ` (P(war) ${pct(sq.outcomes.war.p)})` : ''}, on the same futures and random streams, record-weighted, with its 95% interval. Blue: lowers P(war); orange: raises it; grey: the interval includes 0 (not separated from the status quo). Left of the line means fewer wars.`,
    svg: chartSvg(svgId('fig-answer', width), option, width, 72 + 34 * Math.max(1, ids.length)),
  };
}
