import { isMap, isNode, isSeq, parseDocument, type Node } from 'yaml';
import { parseCowMid } from '../data/cowMid.js';
import type { IntRow } from '../data/intTable.js';
import { wilson } from '../models/crisis/intervals.js';
import { CALIBRATION_SOURCE_ID } from '../scenario/calibrationSources.js';
import type { Scenario } from '../scenario/schema.js';
import { roundSig } from './calibrateCrisis.js';
import { simulateClashes, tuneBaseline, tuneWarGivenClash, withCrisisValues, type ClashSim } from './crisis/clashTuning.js';
import { betaQuantile, fitBetaBinomial, parseRivalries, type Rivalry } from './crisis/incidents.js';
import type { Interval } from './crisis/launches.js';
import { betaFromQuantiles } from './crisis/writeScenario.js';
import { cowCode, forceYears, MID_LAST_YEAR, warYears } from './record/caseTargets.js';

// The crisis calibration of a case without a launch record (India–Pakistan, the Taiwan Strait, Greece–Turkey):
// the clash and war steps only. The case's principal dyads are its first crisis group; the principal actor is the
// one every pair of that group shares (the first of a single pair). Its baseline propensity is tuned to the
// group's use-of-force years 1990–2014 (COW MID), and warGivenClash to P(war | clash-year) from all other
// rivalries (Thompson–Sakuwa–Suhas, 1946–2014, a beta-binomial prior) updated with the case's own record.

/** The texts of the data files the case calibration reads. */
export interface CaseCrisisInputs {
  midDyadYears: string;
  rivalries: string;
}

/** The case's principal dyads and actor, read from its first crisis group. */
export interface CaseDyads {
  group: string;
  actor: string;
  counterparts: string[];
  pairs: [number, number][];
}

/** The first crisis group, and the actor all its pairs share. Example: [[PAK, IND]] → PAK against [IND]. */
export function caseDyads(s: Scenario): CaseDyads {
  const g = s.crisis?.groups?.[0];
  if (!g) throw new Error('the scenario has no crisis.groups: the case calibration counts the first group\'s dyads');
  const actor = g.pairs[0].find((a) => g.pairs.every((p) => p.includes(a)));
  if (!actor) throw new Error(`crisis group ${g.id}: no actor is in every pair, so no one baseline speaks to the group`);
  return { group: g.id, actor, counterparts: g.pairs.map((p) => (p[0] === actor ? p[1] : p[0])), pairs: g.pairs.map(([a, b]) => [cowCode(a), cowCode(b)]) };
}

/** What the record says for the case before any tuning. */
export interface CaseEvidence {
  dyads: CaseDyads;
  /** Use-of-force years of the principal dyads 1990–2014 and their rate per decade (Wilson 95%). */
  clash: { from: number; to: number; years: number[]; perDecade: Interval };
  /** The case's own record 1946–2014: use-of-force onset years and war-onset years of the principal dyads. */
  own: { from: number; to: number; clashYears: number; warYears: number[] };
  /** The other rivalries' beta-binomial prior of P(war | clash-year), and the posterior with the case's record. */
  prior: { a: number; b: number; estimate: number; lo: number; hi: number; rivalries: number };
  warGivenClashYear: { a: number; b: number } & Interval;
}

const betaSummary = (a: number, b: number): Interval => ({ estimate: betaQuantile(0.5, a, b), lo: betaQuantile(0.025, a, b), hi: betaQuantile(0.975, a, b) });

/**
 * The other rivalries' (use-of-force year, war-onset year) counts 1946–2014, one group per rivalry, excluding any
 * rivalry between two of the case's states; a year counts as a war when a war-level dispute began in it.
 */
export function otherRivalryCounts(mid: readonly IntRow[], rivalries: readonly Rivalry[], exclude: readonly [number, number][], from = 1946, to = MID_LAST_YEAR): { n: number; w: number }[] {
  const level = new Map<string, number>();
  const key = (a: number, b: number, y: number) => `${Math.min(a, b)}-${Math.max(a, b)}-${y}`;
  for (const r of mid) {
    if (r.onset !== 1 || r.ccode1 == null || r.ccode2 == null || r.year == null) continue;
    const k = key(r.ccode1, r.ccode2, r.year);
    level.set(k, Math.max(level.get(k) ?? 0, r.hostlev ?? 0));
  }
  const excluded = new Set(exclude.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
  const groups = new Map<string, { n: number; w: number; years: Set<number> }>();
  for (const rv of rivalries) {
    const rk = `${Math.min(rv.a, rv.b)}-${Math.max(rv.a, rv.b)}`;
    if (excluded.has(rk)) continue;
    const g = groups.get(rk) ?? { n: 0, w: 0, years: new Set<number>() };
    for (let y = Math.max(from, rv.start); y <= Math.min(to, rv.end); y++) {
      if (g.years.has(y)) continue;
      g.years.add(y);
      const h = level.get(key(rv.a, rv.b, y)) ?? 0;
      if (h >= 4) g.n++;
      if (h >= 5) g.w++;
    }
    groups.set(rk, g);
  }
  return [...groups.values()].filter((g) => g.n > 0).map(({ n, w }) => ({ n, w }));
}

/** Reads the record for the case (no simulation). Example: `caseCrisisEvidence(indiaPakistan, inputs).clash.years`. */
export function caseCrisisEvidence(s: Scenario, inputs: CaseCrisisInputs): CaseEvidence {
  const dyads = caseDyads(s);
  const mid = parseCowMid(inputs.midDyadYears).rows;
  const years = forceYears(mid, dyads.pairs, 1990, MID_LAST_YEAR);
  const w = wilson(years.length, MID_LAST_YEAR - 1990 + 1);
  const ownFrom = 1946;
  const own = forceYears(mid, dyads.pairs, ownFrom, MID_LAST_YEAR);
  const wars = warYears(mid, dyads.pairs, true).filter((y) => y >= ownFrom && y <= MID_LAST_YEAR);
  // A war-onset year with no use-of-force onset row (a dispute under way) still counts as a clash-year with a war.
  const clashYears = new Set([...own, ...wars]).size;
  const groups = otherRivalryCounts(mid, parseRivalries(inputs.rivalries), dyads.pairs);
  const p = fitBetaBinomial(groups);
  const a = p.a + wars.length, b = p.b + clashYears - wars.length;
  return {
    dyads,
    clash: { from: 1990, to: MID_LAST_YEAR, years, perDecade: { estimate: 10 * w.p, lo: 10 * w.lo, hi: 10 * w.hi } },
    own: { from: ownFrom, to: MID_LAST_YEAR, clashYears, warYears: wars },
    prior: { ...p, ...betaSummary(p.a, p.b), rivalries: groups.length },
    warGivenClashYear: { a, b, ...betaSummary(a, b) },
  };
}

/** The tuned values and the status quo's figures with them. */
export interface CaseCrisisCalibration {
  evidence: CaseEvidence;
  baseline: Interval;
  warGivenClash: Interval;
  /** The calibrated status quo on the principal dyads (validation runs). */
  check: ClashSim;
}

/** Options: seed, replications per tuning step and of the check, bisection steps. Defaults 1, 400, 2000, 12. */
export interface CaseCrisisOptions {
  seed?: number;
  tuneRuns?: number;
  runs?: number;
  iterations?: number;
}

/**
 * Tunes the principal actor's baseline to the clash-years per decade of its dyads (estimate and the Wilson ends)
 * and warGivenClash to the posterior P(war | clash-year) (median and 2.5/97.5%), by bisection on the model with a
 * fixed seed (clashTuning.ts), then checks the status quo with fresh runs. Deterministic in its inputs.
 */
export function calibrateCaseCrisis(s: Scenario, inputs: CaseCrisisInputs, o: CaseCrisisOptions = {}): CaseCrisisCalibration {
  const evidence = caseCrisisEvidence(s, inputs);
  const { actor, counterparts } = evidence.dyads;
  const sim = { runs: o.tuneRuns ?? 400, seed: o.seed ?? 1, iterations: o.iterations ?? 12, actor, counterparts };
  const tuneAll = (t: Interval, f: (x: number) => number): Interval => ({ estimate: roundSig(f(t.estimate)), lo: roundSig(f(t.lo)), hi: roundSig(f(t.hi)) });
  const baseline = tuneAll(evidence.clash.perDecade, (x) => tuneBaseline(s, x, sim).value);
  const withK = withCrisisValues(s, { baseline: baseline.estimate, actor });
  const warGivenClash = tuneAll(evidence.warGivenClashYear, (x) => tuneWarGivenClash(withK, x, sim).value);
  const tuned = withCrisisValues(withK, { warGivenClash: warGivenClash.estimate });
  const check = simulateClashes(tuned, { runs: o.runs ?? 2000, seed: (o.seed ?? 1) + 1, actor, counterparts });
  return { evidence, baseline, warGivenClash, check };
}

const flow = (entries: Record<string, string | number | number[]>) =>
  `{ ${Object.entries(entries).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'number' ? v : /^[a-z0-9-]+$/.test(v) ? v : JSON.stringify(v)}`).join(', ')} }`;

/**
 * The scenario text with the tuned baseline and warGivenClash written in place of the values already there (the
 * case scenarios state both, as assumptions, before they are calibrated) and the `crisis-calibration` source
 * added or replaced. Only the changed nodes' text is replaced; everything else is kept byte for byte.
 */
export function writeCaseCrisis(text: string, c: CaseCrisisCalibration, command: string): string {
  const doc = parseDocument(text);
  const range = (n: unknown) => (isNode(n) && (n as Node).range ? (n as Node).range! : undefined);
  const edits: { start: number; end: number; text: string }[] = [];
  const put = (path: string[], value: string) => {
    const r = range(doc.getIn(path, true));
    if (!r) throw new Error(`the scenario needs ${path.join('.')} (an assumption) before it is calibrated`);
    edits.push({ start: r[0], end: r[1], text: value });
  };
  const e = c.evidence;
  const wc = c.warGivenClash, lo = Math.min(wc.lo, wc.estimate), hi = Math.max(wc.hi, wc.estimate);
  const shape = betaFromQuantiles(wc.estimate, lo, hi);
  put(['crisis', 'actors', e.dyads.actor, 'baseline'], flow({ value: c.baseline.estimate, source: CALIBRATION_SOURCE_ID, range: [Math.min(c.baseline.lo, c.baseline.estimate), Math.max(c.baseline.hi, c.baseline.estimate)], note: `Tuned on the model (fixed seed) to COW MID use-of-force onset years of the ${e.dyads.group} dyads 1990–2014 (${e.clash.years.length} of 25); range hits the Wilson 95% ends.` }));
  put(['crisis', 'ladder', 'warGivenClash'], flow({ value: wc.estimate, source: CALIBRATION_SOURCE_ID, range: [lo, hi], dist: 'beta', shape: [roundSig(shape.a, 4), roundSig(shape.b, 4)], note: `Tuned on the model to P(war | clash-year): ${e.prior.rivalries} other rivalries 1946–2014 (beta-binomial prior) updated with the case's ${e.own.clashYears} clash-years and ${e.own.warYears.length} war onsets; range hits the posterior 2.5/97.5%.` }));
  const entry = flow({ id: CALIBRATION_SOURCE_ID, title: 'Crisis calibration of the case: COW MID v5, Thompson–Sakuwa–Suhas rivalries', note: `Regenerated by \`${command} --write\`; src/calibrate/caseCrisis.ts.` });
  const sources = doc.get('sources', true);
  if (!isSeq(sources) || sources.flow || !sources.items.length) throw new Error('the scenario needs a block list of sources');
  const at = sources.items.findIndex((it) => isMap(it) && it.get('id') === CALIBRATION_SOURCE_ID);
  const target = range(sources.items[at >= 0 ? at : sources.items.length - 1])!;
  const indent = text.slice(text.lastIndexOf('\n', target[0] - 1) + 1, target[0]);
  edits.push(at >= 0 ? { start: target[0], end: target[1], text: entry } : { start: target[1], end: target[1], text: `\n${indent}${entry}` });
  edits.sort((x, y) => y.start - x.start);
  return edits.reduce((out, ed) => out.slice(0, ed.start) + ed.text + out.slice(ed.end), text);
}

/**
 * The case's war onsets as the table states them: MID dates a war by the onset of the war-level dispute it belongs
 * to, which can be the year before the fighting (India–Pakistan's dispute 1312 begins in August 1964; the war
 * came in 1965), so the years are called dispute onsets, not war years. Example: `warOnsetsText([1974])` →
 * '1 war-level dispute onset (MID onset year 1974)'.
 */
export function warOnsetsText(years: readonly number[]): string {
  if (years.length === 0) return 'no war-level dispute onset';
  const n = years.length;
  return `${n} war-level dispute onset${n === 1 ? '' : 's'} (MID onset year${n === 1 ? '' : 's'} ${years.join(', ')})`;
}

/** The case calibration as markdown (a section of docs/<case>.md or printed by the command). */
export function renderCaseCrisis(s: Scenario, c: CaseCrisisCalibration): string {
  const e = c.evidence, f = (x: number) => roundSig(x, 3);
  return [
    `## Crisis calibration (${s.id})`,
    '',
    `Principal dyads: the \`${e.dyads.group}\` group, ${e.dyads.actor} with ${e.dyads.counterparts.join(', ')}. Tuned: ${e.dyads.actor}'s baseline and \`crisis.ladder.warGivenClash\`; every other crisis parameter stays an assumption with its range.`,
    '',
    '| quantity | from the record | tuned value [range] | calibrated status quo |',
    '|---|---|---|---|',
    `| use-of-force years per decade, 1990–2014 | ${e.clash.years.length} of 25 (${e.clash.years.join(', ') || 'none'}): ${f(e.clash.perDecade.estimate)} [${f(e.clash.perDecade.lo)}, ${f(e.clash.perDecade.hi)}] | baseline ${c.baseline.estimate} [${c.baseline.lo}, ${c.baseline.hi}] | ${f(c.check.clashYearsPerDecade.mean)} [${f(c.check.clashYearsPerDecade.lo)}, ${f(c.check.clashYearsPerDecade.hi)}] |`,
    `| P(war \\| clash-year) | prior from ${e.prior.rivalries} rivalries ${f(e.prior.estimate)} [${f(e.prior.lo)}, ${f(e.prior.hi)}]; the case 1946–2014: ${warOnsetsText(e.own.warYears)} in ${e.own.clashYears} clash-years; posterior ${f(e.warGivenClashYear.estimate)} [${f(e.warGivenClashYear.lo)}, ${f(e.warGivenClashYear.hi)}] | warGivenClash ${c.warGivenClash.estimate} [${c.warGivenClash.lo}, ${c.warGivenClash.hi}] | ${f(c.check.warPerClashYear)} wars per clash-year |`,
    `| wars per decade on the principal dyads | — | — | ${f(c.check.warsPerDecade.mean)} [${f(c.check.warsPerDecade.lo)}, ${f(c.check.warsPerDecade.hi)}] |`,
    '',
    `Check runs: ${c.check.runs} decades of the status quo with a fresh seed. The case has no launch record: nothing of \`crisis.launches\` is fitted.`,
    '',
  ].join('\n');
}
