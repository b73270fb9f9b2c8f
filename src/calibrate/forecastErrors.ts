/**
 * Forecast error measures and the two naive benchmarks of the arms backtest (docs/calibration.md#arms).
 */
/**
 * Root mean squared error of log levels, √(mean (ln f − ln a)²): scale-free, symmetric in over- and
 * under-prediction, and ≈ the relative error for small errors (0.1 ≈ 10%). Needs positive values.
 * Example: `rmseLog([110], [100])` = ln 1.1 ≈ 0.0953.
 */
export function rmseLog(forecast: readonly number[], actual: readonly number[]): number {
  checkPairs(forecast, actual);
  let s = 0;
  forecast.forEach((f, k) => {
    if (!(f > 0) || !(actual[k] > 0)) throw new RangeError(`rmseLog: values must be positive (forecast ${f}, actual ${actual[k]})`);
    s += Math.log(f / actual[k]) ** 2;
  });
  return Math.sqrt(s / forecast.length);
}

/**
 * Mean absolute percentage error, 100 · mean |f − a| / |a| (percent). Example: `mape([110, 90], [100, 100])` = 10.
 */
export function mape(forecast: readonly number[], actual: readonly number[]): number {
  checkPairs(forecast, actual);
  let s = 0;
  forecast.forEach((f, k) => {
    if (actual[k] === 0) throw new RangeError('mape: an actual value is 0');
    s += Math.abs((f - actual[k]) / actual[k]);
  });
  return (100 * s) / forecast.length;
}

/** Random-walk (no-change) forecast: the last observed value for every future year. */
export function randomWalkForecast(last: number, horizons: number): number[] {
  return new Array<number>(horizons).fill(last);
}

/**
 * Linear-trend forecast: least squares line of the level on the year over the fitting years, extrapolated to `future` years.
 * Example: `linearTrendForecast([2000, 2001, 2002], [1, 2, 3], [2003])` → [4].
 */
export function linearTrendForecast(years: readonly number[], values: readonly number[], future: readonly number[]): number[] {
  if (years.length < 3) throw new RangeError('linearTrendForecast: needs at least 3 years');
  const n = years.length;
  const ym = years.reduce((s, y) => s + y, 0) / n;
  const vm = values.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  years.forEach((y, k) => {
    sxy += (y - ym) * (values[k] - vm);
    sxx += (y - ym) ** 2;
  });
  const slope = sxy / sxx;
  return future.map((y) => vm + slope * (y - ym));
}

/**
 * Anchored mean-increment forecast: the last observed level plus, each year, the mean yearly increment over the
 * `window` years before it, x_T + h·(x_T − x_{T−w})/w (linear, not compounded). It uses the earliest observation
 * inside the window when x_{T−w} is missing; with none, the increment is 0 (a random walk).
 * Example: `meanIncrementForecast([2004, 2014], [80, 100], 2014, 2)` → [102, 104].
 */
export function meanIncrementForecast(years: readonly number[], values: readonly number[], anchor: number, horizons: number, window = 10): number[] {
  const k = years.indexOf(anchor);
  if (k < 0) throw new RangeError(`meanIncrementForecast: no observation in the anchor year ${anchor}`);
  let first = -1;
  years.forEach((y, j) => {
    if (y >= anchor - window && y < anchor && (first < 0 || y < years[first])) first = j;
  });
  const step = first < 0 ? 0 : (values[k] - values[first]) / (anchor - years[first]);
  return Array.from({ length: horizons }, (_, h) => values[k] + (h + 1) * step);
}

function checkPairs(f: readonly number[], a: readonly number[]): void {
  if (f.length !== a.length || f.length === 0) throw new RangeError('forecast and actual need the same, non-zero length');
}
