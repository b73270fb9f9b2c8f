import jStat from 'jstat';
import type { IntRow } from '../../data/intTable.js';
import { findColumn, readTable } from '../../data/table.js';
import { wilson } from '../../models/crisis/intervals.js';

/** COW codes of the dyads the clash target counts: North Korea with South Korea, the US and Japan. */
export const NORTH_KOREA = 731;
export const NK_ADVERSARIES: readonly number[] = [732, 2, 740];

/** Hostility levels (COW MID): 4 use of force, 5 war. */
export const USE_OF_FORCE = 4;
export const WAR = 5;

/** Onsets of militarized disputes in a dyad-year file: the dyad's hostility level is the row's `hostlev`. */
function isOnset(r: IntRow, minHostlev: number): boolean {
  return r.onset === 1 && (r.hostlev ?? 0) >= minHostlev;
}

/** The clash-year target: years with a use-of-force onset, how many of how many, and per decade with a Wilson interval. */
export interface ClashYears {
  from: number;
  to: number;
  years: number[];
  count: number;
  total: number;
  perDecade: { estimate: number; lo: number; hi: number };
  /** The same for the inter-Korean dyad alone. */
  interKorean: { years: number[]; perDecade: { estimate: number; lo: number; hi: number } };
}

const perDecade = (k: number, n: number) => {
  const w = wilson(k, n);
  return { estimate: 10 * w.p, lo: 10 * w.lo, hi: 10 * w.hi };
};

/**
 * Years `from` … `to` in which a use-of-force dispute (hostlev ≥ 4) began between North Korea and any of
 * `adversaries` (COW MID directed dyad-years, either direction): the model's clash-years (a year with a clash in
 * at least one of those dyads). The dyad-year file keeps one dispute per dyad-year, so a second dispute begun in
 * a year already counted does not matter for this target.
 */
export function clashYears(rows: readonly IntRow[], from = 1990, to = 2014, adversaries: readonly number[] = NK_ADVERSARIES): ClashYears {
  const yearsOf = (adv: readonly number[]) => {
    const s = new Set<number>();
    for (const r of rows) {
      const y = r.year ?? 0;
      if (y < from || y > to || !isOnset(r, USE_OF_FORCE)) continue;
      const pair = [r.ccode1, r.ccode2];
      if (pair.includes(NORTH_KOREA) && adv.some((a) => pair.includes(a))) s.add(y);
    }
    return [...s].sort((a, b) => a - b);
  };
  const total = to - from + 1;
  const years = yearsOf(adversaries);
  const ik = yearsOf([732]);
  return { from, to, years, count: years.length, total, perDecade: perDecade(years.length, total), interKorean: { years: ik, perDecade: perDecade(ik.length, total) } };
}

/** A rivalry: a pair of COW codes and its years. */
export interface Rivalry {
  a: number;
  b: number;
  start: number;
  end: number;
}

/** Reads a rivalry list (Thompson–Sakuwa–Suhas: ccode1, ccode2, start, end; Thompson–Dreyer: styear, endyear). */
export function parseRivalries(text: string): Rivalry[] {
  const t = readTable(text);
  const c = (names: string[]) => findColumn(t, names);
  const [a, b, s, e] = [c(['ccode1']), c(['ccode2']), c(['start', 'styear']), c(['end', 'endyear'])];
  return t.records
    .map(({ fields: f }) => ({ a: Number(f[a]), b: Number(f[b]), start: Number(f[s]), end: Number(f[e]) }))
    .filter((r) => [r.a, r.b, r.start, r.end].every(Number.isFinite));
}

/** The war constraint: base rates among rivalries and the Korean record, and P(war | clash-year). */
export interface WarConstraint {
  from: number;
  to: number;
  rivalryYears: number;
  forceOnsets: number;
  warOnsets: number;
  /** War onsets per rivalry-decade (Wilson). */
  warPerDecade: { estimate: number; lo: number; hi: number };
  /** North Korea's dyads since the armistice: clash-years and wars (none). */
  korea: { from: number; to: number; clashYears: number; wars: number; warPerDecadeBound95: number };
  /**
   * P(war | clash-year) on the peninsula: empirical Bayes. The rivalries other than North Korea's give, rivalry by
   * rivalry, war onsets among their use-of-force onset years; a beta-binomial fitted to them by maximum likelihood
   * is the prior Beta(a₀, b₀) (how much rivalries differ), and North Korea's record (0 wars in its clash-years)
   * updates it: Beta(a₀, b₀ + clashYears). Median and central 95%.
   */
  warGivenClashYear: { estimate: number; lo: number; hi: number; a: number; b: number };
  /** The prior (the rivalries' beta-binomial) and the pooled Jeffreys estimate (all non-Korean rivalries as one). */
  prior: { estimate: number; lo: number; hi: number; a: number; b: number };
  rivalriesPooled: { estimate: number; lo: number; hi: number };
}

/** The p-quantile of Beta(a, b), by bisection on the regularized incomplete beta function. */
export function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0, hi = 1;
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    if (jStat.ibeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const betaSummary = (a: number, b: number) => ({ estimate: betaQuantile(0.5, a, b), lo: betaQuantile(0.025, a, b), hi: betaQuantile(0.975, a, b) });

/**
 * Counts, for every rivalry year in `from` … `to` (undirected dyads, one row per dyad-year), whether a use-of-force
 * dispute and whether a war-level dispute (hostlev 5) began, and combines the rivalries with North Korea's record
 * since the armistice (`koreaFrom` … `to`, no war) into the constraint on the clash → war step.
 */
export function warConstraint(rows: readonly IntRow[], rivalries: readonly Rivalry[], from = 1946, to = 2014, koreaFrom = 1954): WarConstraint {
  const key = (a: number, b: number, y: number) => `${Math.min(a, b)}-${Math.max(a, b)}-${y}`;
  const level = new Map<string, number>();
  for (const r of rows) {
    if (r.onset !== 1 || r.ccode1 == null || r.ccode2 == null || r.year == null) continue;
    const k = key(r.ccode1, r.ccode2, r.year);
    level.set(k, Math.max(level.get(k) ?? 0, r.hostlev ?? 0));
  }
  const seen = new Set<string>();
  let years = 0, force = 0, wars = 0, forceOther = 0, warsOther = 0;
  const perRivalry = new Map<string, { n: number; w: number }>();
  for (const rv of rivalries) {
    const rk = `${Math.min(rv.a, rv.b)}-${Math.max(rv.a, rv.b)}`;
    for (let y = Math.max(from, rv.start); y <= Math.min(to, rv.end); y++) {
      const k = key(rv.a, rv.b, y);
      if (seen.has(k)) continue;
      seen.add(k);
      years++;
      const h = level.get(k) ?? 0;
      const korean = rv.a === NORTH_KOREA || rv.b === NORTH_KOREA;
      if (h >= USE_OF_FORCE) {
        force++;
        if (!korean) forceOther++;
      }
      if (h >= WAR) {
        wars++;
        if (!korean) warsOther++;
      }
      if (!korean && h >= USE_OF_FORCE) {
        const c = perRivalry.get(rk) ?? { n: 0, w: 0 };
        c.n++;
        if (h >= WAR) c.w++;
        perRivalry.set(rk, c);
      }
    }
  }
  const k = clashYears(rows, koreaFrom, to);
  const prior = fitBetaBinomial([...perRivalry.values()]);
  const a = prior.a, b = prior.b + k.count;
  const koreaYears = to - koreaFrom + 1;
  return {
    from, to, rivalryYears: years, forceOnsets: force, warOnsets: wars,
    warPerDecade: perDecade(wars, years),
    korea: { from: koreaFrom, to, clashYears: k.count, wars: 0, warPerDecadeBound95: (10 * -Math.log(0.05)) / koreaYears },
    warGivenClashYear: { ...betaSummary(a, b), a, b },
    prior: { ...betaSummary(prior.a, prior.b), ...prior },
    rivalriesPooled: betaSummary(0.5 + warsOther, 0.5 + forceOther - warsOther),
  };
}

const lnBeta = (a: number, b: number) => jStat.gammaln(a) + jStat.gammaln(b) - jStat.gammaln(a + b);

/**
 * Maximum-likelihood beta-binomial (w_i wars of n_i trials per group): a = μs, b = (1 − μ)s, by a grid over
 * logit μ ∈ [−8, 2] and log₁₀ s ∈ [−1, 4] refined three times around the best point. Example: groups that all
 * share one rate give a large s (no heterogeneity).
 */
export function fitBetaBinomial(groups: readonly { n: number; w: number }[]): { a: number; b: number } {
  // Groups with the same (n, w) share their likelihood term: count them once.
  const tally = new Map<string, { n: number; w: number; k: number }>();
  for (const g of groups) {
    const key = `${g.n}:${g.w}`;
    const t = tally.get(key) ?? { n: g.n, w: g.w, k: 0 };
    t.k++;
    tally.set(key, t);
  }
  const distinct = [...tally.values()];
  const ll = (lm: number, ls: number) => {
    const mu = 1 / (1 + Math.exp(-lm)), sz = 10 ** ls;
    const a = mu * sz, b = (1 - mu) * sz;
    const base = lnBeta(a, b);
    return distinct.reduce((s, g) => s + g.k * (lnBeta(g.w + a, g.n - g.w + b) - base), 0);
  };
  let [cm, cs, wm, ws] = [-3, 1.5, 5, 2.5];
  let best = { lm: cm, ls: cs, v: -Infinity };
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i <= 40; i++) for (let j = 0; j <= 40; j++) {
      const lm = cm - wm + (2 * wm * i) / 40, ls = cs - ws + (2 * ws * j) / 40;
      const v = ll(lm, ls);
      if (v > best.v) best = { lm, ls, v };
    }
    [cm, cs, wm, ws] = [best.lm, best.ls, wm / 8, ws / 8];
  }
  const mu = 1 / (1 + Math.exp(-best.lm)), sz = 10 ** best.ls;
  return { a: mu * sz, b: (1 - mu) * sz };
}
