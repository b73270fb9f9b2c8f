import { cnsMonthly, parseCnsLaunches } from '../../data/cns.js';
import { fitCounts } from '../../estimate/counts.js';
import { streamFor } from '../../math/rng/index.js';
import { prepareCrisis } from '../../models/crisis/prepare.js';
import { sampleFutures, scenarioForFuture } from '../../experiment/futures.js';
import type { Scenario } from '../../scenario/schema.js';
import { monthRange } from '../crisis/covariates.js';
import { nbLogPmf } from '../crisis/launches.js';

/** The out-of-sample check of the launch process on the record after the scenario's asOf. */
export interface OutOfSample {
  from: string;
  to: string;
  months: number;
  observed: number[];
  /** Mean log score per month (higher is better) of the model's predictive mixture and of the plain NB2. */
  model: { logScore: number; meanForecast: number };
  plain: { logScore: number; meanForecast: number };
  /** Per-month log-score differences model − plain: mean with a normal 95% interval. */
  gain: { mean: number; lo: number; hi: number };
  /** Randomised PIT values of the model's predictive distribution (Czado, Gneiting & Held 2009), and their counts in quarters. */
  pit: number[];
  pitQuarters: [number, number, number, number];
  /** Pass: the model is not worse than the plain NB2 (the gain's interval reaches 0 or above). */
  pass: boolean;
}

/**
 * Scores the model's launch forecasts on the CNS months after the scenario's `asOf` (never used to fit or
 * weight): the predictive distribution of each month is the mixture over `futures` sampled futures (status quo,
 * equal weights) of NB(μ_t, α) with μ_t the model's own monthly launch mean — scheduled exercises, the threat ratio
 * of the arms path — against a plain NB2 with a constant mean fitted to 2012-01 … asOf. Only complete months count.
 */
export function launchOutOfSample(s: Scenario, cns: string, o: { futures?: number; seed?: number } = {}): OutOfSample | null {
  const launches = parseCnsLaunches(cns).rows;
  const monthly = new Map(cnsMonthly(launches).map((m) => [m.month, m.missiles]));
  const lastDay = launches.map((l) => l.date).sort().at(-1) ?? '';
  const asOf = (s.asOf ?? s.start ?? '').slice(0, 7);
  // The last month counts only when the record runs to its end (a day ≥ 28 is taken as complete).
  const lastMonth = Number(lastDay.slice(8, 10)) >= 28 ? lastDay.slice(0, 7) : prevMonth(lastDay.slice(0, 7));
  const after = monthRange(asOf, lastMonth).slice(1);
  if (!after.length || !s.crisis?.launches) return null;
  const y = after.map((m) => monthly.get(m) ?? 0);
  const design = sampleFutures(s, o.futures ?? 50, o.seed ?? 1);
  const components = design.futures.map((f) => {
    const p = prepareCrisis(scenarioForFuture(s, design, f), after.length);
    return { mu: Array.from(p.launchMean), alpha: p.launchDispersion };
  });
  const mixPmf = (t: number, k: number) => components.reduce((a, c) => a + Math.exp(nbLogPmf(k, c.mu[t], c.alpha)), 0) / components.length;
  const fitMonths = monthRange('2012-01', asOf).map((m) => monthly.get(m) ?? 0);
  const plainFit = fitCounts(fitMonths, [], { family: 'negbin' });
  const mu0 = Math.exp(plainFit.coefficients[0].estimate), a0 = plainFit.alpha!.estimate;
  const model = y.map((v, t) => Math.log(mixPmf(t, v)));
  const plain = y.map((v) => nbLogPmf(v, mu0, a0));
  const d = model.map((v, t) => v - plain[t]);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const sd = d.length > 1 ? Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1)) : 0;
  const half = (1.959963984540054 * sd) / Math.sqrt(d.length);
  const rng = streamFor(o.seed ?? 1, 2 ** 43);
  const pit = y.map((v, t) => {
    let F = 0;
    for (let k = 0; k < v; k++) F += mixPmf(t, k);
    return F + rng.nextDouble() * mixPmf(t, v);
  });
  const quarters = [0, 0, 0, 0] as [number, number, number, number];
  for (const u of pit) quarters[Math.min(3, Math.floor(u * 4))]++;
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    from: after[0], to: after.at(-1)!, months: after.length, observed: y,
    model: { logScore: avg(model), meanForecast: avg(y.map((_, t) => components.reduce((a, c) => a + c.mu[t], 0) / components.length)) },
    plain: { logScore: avg(plain), meanForecast: mu0 },
    gain: { mean, lo: mean - half, hi: mean + half },
    pit, pitQuarters: quarters,
    pass: mean + half >= 0,
  };
}

function prevMonth(m: string): string {
  const [y, mm] = m.split('-').map(Number);
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}
