import { fitCounts } from '../../estimate/counts.js';
import type { LaunchDesign } from './covariates.js';
import { fitLaunches, launchMeans, nbCrps, nbLogPmf } from './launches.js';

/** Scores of one forecaster over the test months: mean log score (higher is better) and mean CRPS (lower is better). */
export interface ForecastScore {
  logScore: number;
  crps: number;
  /** Forecast mean and observed mean over the test months. */
  meanForecast: number;
}

/** The out-of-sample backtest of the launch process. */
export interface Backtest {
  trainMonths: number;
  testMonths: number;
  observedMean: number;
  /** The calibrated model: NB2 with exercise and dialogue indicators (plug-in parameters). */
  model: ForecastScore;
  /** The reference: NB2 with a constant mean, fitted on the same months. */
  plain: ForecastScore;
  /** Per-month log-score differences model − plain: mean and a normal 95% interval (months treated as independent). */
  logScoreGain: { mean: number; lo: number; hi: number };
}

function score(y: readonly number[], mu: readonly number[], alpha: number): ForecastScore & { perMonth: number[] } {
  const perMonth = y.map((v, t) => nbLogPmf(v, mu[t], alpha));
  return {
    logScore: perMonth.reduce((s, v) => s + v, 0) / y.length,
    crps: y.reduce((s, v, t) => s + nbCrps(v, mu[t], alpha), 0) / y.length,
    meanForecast: mu.reduce((s, v) => s + v, 0) / mu.length,
    perMonth,
  };
}

/**
 * Fits on `train` and scores the monthly predictive distributions on `test` (log score and CRPS, Gneiting &
 * Raftery 2007) against a plain NB2 with no covariates fitted on the same months. Plug-in forecasts: parameter
 * uncertainty is not propagated, for both forecasters alike.
 */
export function backtestLaunches(train: LaunchDesign, test: LaunchDesign): Backtest {
  const fit = fitLaunches(train);
  const model = score(test.y, launchMeans(fit, test), fit.dispersion.estimate);
  const plainFit = fitCounts(train.y, [], { family: 'negbin' });
  const m0 = Math.exp(plainFit.coefficients[0].estimate);
  const plain = score(test.y, test.y.map(() => m0), plainFit.alpha!.estimate);
  const diff = model.perMonth.map((v, t) => v - plain.perMonth[t]);
  const mean = diff.reduce((s, v) => s + v, 0) / diff.length;
  const sd = Math.sqrt(diff.reduce((s, v) => s + (v - mean) ** 2, 0) / (diff.length - 1));
  const half = (1.959963984540054 * sd) / Math.sqrt(diff.length);
  const strip = ({ perMonth: _p, ...rest }: ForecastScore & { perMonth: number[] }) => rest;
  return {
    trainMonths: train.y.length,
    testMonths: test.y.length,
    observedMean: test.y.reduce((s, v) => s + v, 0) / test.y.length,
    model: strip(model),
    plain: strip(plain),
    logScoreGain: { mean, lo: mean - half, hi: mean + half },
  };
}
