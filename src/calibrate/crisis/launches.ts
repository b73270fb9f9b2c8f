import jStat from 'jstat';
import { fitCounts, type CountResult } from '../../estimate/counts.js';
import { sampleNegBinomial } from '../../models/crisis/campaigns.js';
import { streamFor } from '../../math/rng/index.js';
import type { LaunchDesign } from './covariates.js';

/** An estimate with a 95% interval. */
export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

/** The launch parameters of the crisis model (campaigns.ts) as fitted: μ_t = baseRate·exp(lift·ex_t + dialogue·d_t). */
export interface LaunchFit {
  /** Missiles per month in a month with neither exercise nor dialogue; Wald interval on the log scale. */
  baseRate: Interval;
  /** Log rate ratio of an exercise month; Wald interval. */
  exerciseLift: Interval;
  /** NB2 dispersion α (Var = μ + αμ²); Wald interval, cut at 0. */
  dispersion: Interval;
  /**
   * Log rate ratio of a dialogue month. With no launch in any dialogue month the maximum likelihood is at −∞, so
   * the estimate is the point where the profile likelihood ratio equals the χ²₁ median (0.455), `hi` the 95%
   * profile bound (LR = 3.84) and `lo` the point where LR = 3.84 would be reached from below had there been one
   * launch (the Jeffreys-style half count); `mleAtMinusInfinity` says whether that case applies.
   */
  dialogueEffect: Interval & { mleAtMinusInfinity: boolean };
  logLik: number;
  n: number;
}

const Z95 = 1.959963984540054;
const LR95 = 3.841458820694124;
const LR50 = 0.454936423119572;

const wald = (est: number, se: number): Interval => ({ estimate: est, lo: est - Z95 * se, hi: est + Z95 * se });

/** NB2 fit of y on exercise (when `exercise`) and the dialogue term as an offset `dialogueEffect`·d_t; months with μ forced to 0 are dropped. */
function fitWithDialogue(d: LaunchDesign, dialogueEffect: number, exercise = true): CountResult {
  const keep = d.y.map((_, t) => Number.isFinite(dialogueEffect) || d.dialogue[t] === 0);
  const pick = <T>(a: T[]) => a.filter((_, t) => keep[t]);
  const dia = pick(d.dialogue);
  return fitCounts(pick(d.y), exercise ? [pick(d.exercise)] : [], {
    family: 'negbin',
    names: exercise ? ['exercise'] : [],
    offset: Number.isFinite(dialogueEffect) ? dia.map((v) => v * dialogueEffect) : undefined,
  });
}

/** Solves f(x) = target for increasing f on [lo, hi] by bisection (60 halvings). */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Options of the launch fit. */
export interface LaunchFitOptions {
  /**
   * Whether the exercise indicator is a regressor. Default true. False is the launch process of an actor that
   * ignores exercises and threat (a regime-driven North Korea, prepare.ts): its exerciseLift is then 0 [0, 0].
   */
  exercise?: boolean;
}

/**
 * Fits the launch process (DESIGN.md §3.2; docs/calibration-crisis.md): NB2 with a log link on the exercise and
 * dialogue indicators, by maximum likelihood (estimate/counts.ts), the dialogue effect by profile likelihood
 * (see LaunchFit). Reference: Cameron & Trivedi (2013) §3.3; profile intervals: Venzon & Moolgavkar (1988).
 * Example: `fitLaunches(design, { exercise: false })` for a launcher blind to exercises.
 */
export function fitLaunches(d: LaunchDesign, o: LaunchFitOptions = {}): LaunchFit {
  const ex = o.exercise ?? true;
  const dialogueSum = d.y.reduce((s, v, t) => s + (d.dialogue[t] ? v : 0), 0);
  const anyDialogue = d.dialogue.some((v) => v === 1);
  const separated = anyDialogue && dialogueSum === 0;
  let full: CountResult;
  let dialogueEffect: LaunchFit['dialogueEffect'];
  if (!anyDialogue) {
    full = fitWithDialogue(d, 0, ex);
    dialogueEffect = { estimate: 0, lo: 0, hi: 0, mleAtMinusInfinity: false };
  } else if (separated) {
    full = fitWithDialogue(d, -Infinity, ex);
    const lr = (b: number) => 2 * (full.logLik - fitWithDialogue(d, b, ex).logLik);
    // lr decreases towards 0 as b → −∞; −lr increases in b.
    const hi = bisect((b) => lr(b), LR95, -15, 5);
    const est = bisect((b) => lr(b), LR50, -15, 5);
    // The half-count interval's lower end: the profile with one pseudo-launch spread over the dialogue months.
    const half = { ...d, y: d.y.map((v, t) => (d.dialogue[t] && t === d.dialogue.indexOf(1) ? 1 : v)) };
    const withHalf = fitCounts(half.y, ex ? [half.exercise, half.dialogue] : [half.dialogue], { family: 'negbin', names: ex ? ['exercise', 'dialogue'] : ['dialogue'] });
    const c = withHalf.coefficients.at(-1)!;
    dialogueEffect = { estimate: est, lo: Math.min(c.estimate - Z95 * c.stdError, est), hi, mleAtMinusInfinity: true };
  } else {
    full = fitCounts(d.y, ex ? [d.exercise, d.dialogue] : [d.dialogue], { family: 'negbin', names: ex ? ['exercise', 'dialogue'] : ['dialogue'] });
    const c = full.coefficients.at(-1)!;
    dialogueEffect = { ...wald(c.estimate, c.stdError), mleAtMinusInfinity: false };
  }
  const [b0] = full.coefficients;
  const b1 = ex ? full.coefficients[1] : { estimate: 0, stdError: 0 };
  const base = wald(b0.estimate, b0.stdError);
  const a = full.alpha!;
  const aSe = a.stdError ?? 0;
  return {
    baseRate: { estimate: Math.exp(base.estimate), lo: Math.exp(base.lo), hi: Math.exp(base.hi) },
    exerciseLift: wald(b1.estimate, b1.stdError),
    dispersion: { estimate: a.estimate, lo: Math.max(0, a.estimate - Z95 * aSe), hi: a.estimate + Z95 * aSe },
    dialogueEffect,
    logLik: full.logLik,
    n: d.y.length,
  };
}

/** Monthly means μ_t of a fit (point estimates) over a design's covariates. */
export function launchMeans(f: Pick<LaunchFit, 'baseRate' | 'exerciseLift' | 'dialogueEffect'>, d: Pick<LaunchDesign, 'exercise' | 'dialogue'>): number[] {
  return d.exercise.map((e, t) => f.baseRate.estimate * Math.exp(f.exerciseLift.estimate * e + f.dialogueEffect.estimate * d.dialogue[t]));
}

/**
 * Self-excitation test: does last month's count raise this month's rate beyond the covariates? Adds
 * ln(1 + y_{t−1}) to the NB2 regression (months with dialogue dropped, as their rate is 0 at the maximum) and
 * reports its coefficient (Wald 95%) and the likelihood-ratio p-value against the model without it.
 * `previous` is the count of the month before the first month.
 */
export function selfExcitationTest(d: LaunchDesign, previous: number): { coefficient: Interval; lr: number; p: number } {
  const lag = d.y.map((_, t) => Math.log1p(t === 0 ? previous : d.y[t - 1]));
  const keep = d.dialogue.map((v) => v === 0);
  const pick = <T>(a: T[]) => a.filter((_, t) => keep[t]);
  const without = fitCounts(pick(d.y), [pick(d.exercise)], { family: 'negbin' });
  const withLag = fitCounts(pick(d.y), [pick(d.exercise), pick(lag)], { family: 'negbin', names: ['exercise', 'lag'] });
  const c = withLag.coefficients[2];
  const lr = Math.max(0, 2 * (withLag.logLik - without.logLik));
  return { coefficient: wald(c.estimate, c.stdError), lr, p: 1 - jStat.chisquare.cdf(lr, 1) };
}

/** ln P(Y = y) for Y ~ NB2(mean μ, dispersion α); α = 0 is Poisson. */
export function nbLogPmf(y: number, mu: number, alpha: number): number {
  if (mu <= 0) return y === 0 ? 0 : -Infinity;
  if (alpha <= 0) return y * Math.log(mu) - mu - jStat.gammaln(y + 1);
  const r = 1 / alpha;
  return jStat.gammaln(y + r) - jStat.gammaln(r) - jStat.gammaln(y + 1) + r * Math.log(r / (r + mu)) + y * Math.log(mu / (r + mu));
}

/**
 * CRPS of a count distribution NB2(μ, α) at the outcome y: Σ_k (F(k) − 1{y ≤ k})², summed until F(k) > 1 − 1e-12
 * (Gneiting & Raftery 2007, the discrete form). Lower is better.
 */
export function nbCrps(y: number, mu: number, alpha: number): number {
  let F = 0, s = 0;
  for (let k = 0; k < 100_000; k++) {
    F += Math.exp(nbLogPmf(k, mu, alpha));
    const ind = y <= k ? 1 : 0;
    s += (F - ind) ** 2;
    if (k >= y && F > 1 - 1e-12) break;
  }
  return s;
}

/** Summary statistics of a monthly launch series, the targets of the calibration table. */
export interface LaunchStats {
  mean: number;
  variance: number;
  zeroShare: number;
  /** Mean in exercise months ÷ mean in the other months (NaN when the other months have none). */
  exerciseLift: number;
  /** Missiles launched in the dialogue months. */
  dialogueTotal: number;
}

/** The statistics of a series y over a design's covariates. Example: `launchStats([0, 2, 0], design)`. */
export function launchStats(y: readonly number[], d: Pick<LaunchDesign, 'exercise' | 'dialogue'>): LaunchStats {
  const n = y.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const variance = y.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  let ex = 0, nEx = 0, other = 0, nOther = 0, dia = 0;
  y.forEach((v, t) => {
    if (d.exercise[t]) [ex, nEx] = [ex + v, nEx + 1];
    else [other, nOther] = [other + v, nOther + 1];
    if (d.dialogue[t]) dia += v;
  });
  return { mean, variance, zeroShare: y.filter((v) => v === 0).length / n, exerciseLift: other > 0 && nEx > 0 ? ex / nEx / (other / nOther) : NaN, dialogueTotal: dia };
}

/**
 * Replicates the model's launch process (campaigns.ts `sampleNegBinomial`, the draws the crisis model makes) over
 * the design's months with the given means and dispersion, `runs` times; replication r uses streamFor(seed, r).
 * Returns each statistic's values over replications (NaN lifts dropped) and the per-month draws' mean.
 */
export function replicateLaunches(means: readonly number[], alpha: number, d: Pick<LaunchDesign, 'exercise' | 'dialogue'>, runs: number, seed: number): { stats: Record<keyof LaunchStats, number[]>; monthly: { mean: number[]; q05: number[]; q95: number[] } } {
  const stats: Record<keyof LaunchStats, number[]> = { mean: [], variance: [], zeroShare: [], exerciseLift: [], dialogueTotal: [] };
  const T = means.length;
  const draws = Array.from({ length: T }, () => new Int32Array(runs));
  for (let r = 0; r < runs; r++) {
    const rng = streamFor(seed, r);
    const y = means.map((mu) => sampleNegBinomial(mu, alpha, rng));
    y.forEach((v, t) => (draws[t][r] = v));
    const s = launchStats(y, d);
    for (const k of Object.keys(stats) as (keyof LaunchStats)[]) if (Number.isFinite(s[k])) stats[k].push(s[k]);
  }
  const q = (a: Int32Array, p: number) => quantile(Array.from(a), p);
  return {
    stats,
    monthly: {
      mean: draws.map((a) => a.reduce((s, v) => s + v, 0) / runs),
      q05: draws.map((a) => q(a, 0.05)),
      q95: draws.map((a) => q(a, 0.95)),
    },
  };
}

/** The p-quantile of values (type 7, linear interpolation). */
export function quantile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}
