import { describe, expect, it } from 'vitest';
import { sampleNegBinomial } from '../../src/models/crisis/campaigns.js';
import { streamFor } from '../../src/math/rng/index.js';
import { dialogueMonths, exerciseMonths, launchDesign, parseExercises, type LaunchDesign } from '../../src/calibrate/crisis/covariates.js';
import { fitLaunches, launchStats, nbCrps, nbLogPmf, selfExcitationTest } from '../../src/calibrate/crisis/launches.js';
import { backtestLaunches } from '../../src/calibrate/crisis/backtest.js';

/** A synthetic design whose counts come from the model's own launch sampler with known parameters. */
function synthetic(T: number, p: { base: number; lift: number; dialogue: number; alpha: number }, seed: number, dialogueEvery = 10): LaunchDesign {
  const rng = streamFor(seed, 0);
  const exercise = Array.from({ length: T }, (_, t) => (t % 12 === 2 || t % 12 === 7 ? 1 : 0));
  const dialogue = Array.from({ length: T }, (_, t) => (t % dialogueEvery === 0 ? 1 : 0));
  const y = exercise.map((e, t) => sampleNegBinomial(p.base * Math.exp(p.lift * e + p.dialogue * dialogue[t]), p.alpha, rng));
  return { months: y.map((_, t) => String(t)), y, exercise, dialogue };
}

describe('launch process fit', () => {
  it('recovers the base rate, exercise lift, dialogue effect and dispersion of data drawn by the model itself', () => {
    const truth = { base: 1.2, lift: 0.7, dialogue: -1, alpha: 1.5 };
    const d = synthetic(3000, truth, 11);
    const f = fitLaunches(d);
    expect(f.dialogueEffect.mleAtMinusInfinity).toBe(false);
    // Within the 95% intervals, and within 4 standard errors (interval half-width / 1.96 · 4).
    const within = (i: { estimate: number; lo: number; hi: number }, x: number) => expect(Math.abs(i.estimate - x)).toBeLessThan((4 * (i.hi - i.lo)) / (2 * 1.96));
    within({ estimate: Math.log(f.baseRate.estimate), lo: Math.log(f.baseRate.lo), hi: Math.log(f.baseRate.hi) }, Math.log(truth.base));
    within(f.exerciseLift, truth.lift);
    within(f.dialogueEffect, truth.dialogue);
    within(f.dispersion, truth.alpha);
  });

  it('without the exercise regressor (a launcher blind to exercises) the base rate is the mean of the months outside dialogue', () => {
    const d = synthetic(600, { base: 1.5, lift: 0.8, dialogue: -20, alpha: 1 }, 9, 20);
    const f = fitLaunches(d, { exercise: false });
    // Intercept-only NB2: the score equation Σ(y − μ)/(1 + αμ) = 0 puts μ at the sample mean of the months kept.
    const open = d.y.filter((_, t) => !d.dialogue[t]);
    expect(f.baseRate.estimate).toBeCloseTo(open.reduce((a, b) => a + b, 0) / open.length, 6);
    expect(f.exerciseLift).toEqual({ estimate: 0, lo: 0, hi: 0 });
    expect(f.dialogueEffect.mleAtMinusInfinity).toBe(true);
    // Ignoring the exercise months' lift leaves more variance to the dispersion.
    expect(f.dispersion.estimate).toBeGreaterThan(fitLaunches(d).dispersion.estimate);
  });

  it('gives a finite upper bound and a point below it when no launch falls in a dialogue month', () => {
    const d = synthetic(400, { base: 1.5, lift: 0.5, dialogue: -20, alpha: 1 }, 3, 20);
    expect(d.y.filter((_, t) => d.dialogue[t]).every((v) => v === 0)).toBe(true);
    const f = fitLaunches(d);
    expect(f.dialogueEffect.mleAtMinusInfinity).toBe(true);
    expect(f.dialogueEffect.hi).toBeLessThan(0);
    expect(f.dialogueEffect.estimate).toBeLessThan(f.dialogueEffect.hi);
    expect(Number.isFinite(f.dialogueEffect.lo)).toBe(true);
  });

  it('finds no self-excitation in independent NB draws, and finds it when counts feed on last month', () => {
    const iid = synthetic(1200, { base: 1.2, lift: 0.5, dialogue: 0, alpha: 1 }, 5, 1e9);
    expect(selfExcitationTest(iid, 0).p).toBeGreaterThan(0.001);
    const rng = streamFor(9, 0);
    const y: number[] = [];
    for (let t = 0; t < 1200; t++) y.push(sampleNegBinomial(0.5 * Math.exp(0.8 * Math.log1p(y[t - 1] ?? 0)), 0.5, rng));
    const excited = { ...iid, y };
    const s = selfExcitationTest(excited, 0);
    expect(s.p).toBeLessThan(1e-6);
    expect(Math.abs(s.coefficient.estimate - 0.8)).toBeLessThan(0.2);
  });
});

describe('count scores', () => {
  it('NB2 probabilities sum to 1 and reduce to Poisson at α = 0', () => {
    let s = 0;
    for (let k = 0; k < 400; k++) s += Math.exp(nbLogPmf(k, 2.5, 1.7));
    expect(s).toBeCloseTo(1, 10);
    expect(nbLogPmf(3, 2, 0)).toBeCloseTo(3 * Math.log(2) - 2 - Math.log(6), 12);
  });

  it('CRPS equals E|X − y| − ½E|X − X′| (Gneiting & Raftery 2007)', () => {
    for (const [y, mu, a] of [[0, 1.2, 1.5], [4, 2, 0.8], [1, 0.3, 0]] as const) {
      const p = Array.from({ length: 200 }, (_, k) => Math.exp(nbLogPmf(k, mu, a)));
      let e1 = 0, e2 = 0;
      p.forEach((pk, k) => {
        e1 += pk * Math.abs(k - y);
        p.forEach((pj, j) => (e2 += pk * pj * Math.abs(k - j)));
      });
      expect(nbCrps(y, mu, a)).toBeCloseTo(e1 - 0.5 * e2, 8);
    }
  });

  it('the backtest scores a forecaster that knows the covariates above a constant one when the covariates matter', () => {
    const d = synthetic(600, { base: 1, lift: 1.5, dialogue: 0, alpha: 0.5 }, 21, 1e9);
    const cut = (a: number[], lo: number, hi: number) => a.slice(lo, hi);
    const part = (lo: number, hi: number): LaunchDesign => ({ months: cut(d.months as unknown as number[], lo, hi) as unknown as string[], y: cut(d.y, lo, hi), exercise: cut(d.exercise, lo, hi), dialogue: cut(d.dialogue, lo, hi) });
    const b = backtestLaunches(part(0, 400), part(400, 600));
    expect(b.logScoreGain.lo).toBeGreaterThan(0);
    expect(b.model.crps).toBeLessThan(b.plain.crps);
  });
});

describe('launch covariates', () => {
  const csv = [
    'exercise,exercise_family,year,start_date,end_date,date_precision,kind,source_url,source_note',
    'KR 14,Key Resolve,2014,2014-02-24,2014-04-18,day,x,u,n',
    'UFS 22,UFS,2022,2022-08-22,2022-09-01,day,x,u,n',
    'FS 26,FS,2026,,,in_progress_2026-03-11,x,u,n',
  ].join('\n');

  it('reads dated, start-only and in-progress rows', () => {
    expect(parseExercises(csv)).toEqual([
      { name: 'KR 14', first: '2014-02', last: '2014-04' },
      { name: 'UFS 22', first: '2022-08', last: '2022-09' },
      { name: 'FS 26', first: '2026-03', last: '2026-03' },
    ]);
  });

  it('fills uncovered years with March and August, keeps recorded seasons, and drops the cancelled August 2018', () => {
    const r = parseExercises(csv);
    const cycle = exerciseMonths(r, '2014-01', '2018-12');
    expect([...cycle].filter((m) => m.startsWith('2014')).sort()).toEqual(['2014-02', '2014-03', '2014-04', '2014-08']);
    expect([...cycle].filter((m) => m.startsWith('2018')).sort()).toEqual(['2018-03']);
    expect([...exerciseMonths(r, '2022-01', '2022-12')].sort()).toEqual(['2022-03', '2022-08', '2022-09']);
    expect([...exerciseMonths(r, '2015-01', '2015-12', 'recorded')]).toEqual([]);
    expect([...exerciseMonths(r, '2015-01', '2015-12', 'spring-long')].sort()).toEqual(['2015-03', '2015-04', '2015-08']);
  });

  it('builds the design with zeros for months without launches and the statistics of the table', () => {
    const d = launchDesign(new Map([['2018-03', 2], ['2018-05', 3]]), '2018-01', '2018-06', new Set(['2018-03']), dialogueMonths());
    expect(d.y).toEqual([0, 0, 2, 0, 3, 0]);
    expect(d.exercise).toEqual([0, 0, 1, 0, 0, 0]);
    expect(d.dialogue).toEqual([0, 0, 0, 1, 1, 1]);
    const s = launchStats(d.y, d);
    expect(s.mean).toBeCloseTo(5 / 6, 12);
    expect(s.variance).toBeCloseTo((2 * 2 + 3 * 3 - 6 * (5 / 6) ** 2) / 5, 12);
    expect(s.zeroShare).toBeCloseTo(4 / 6, 12);
    expect(s.exerciseLift).toBeCloseTo(2 / (3 / 5), 12);
    expect(s.dialogueTotal).toBe(3);
  });
});
