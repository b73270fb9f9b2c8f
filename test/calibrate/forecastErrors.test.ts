import { describe, expect, it } from 'vitest';
import { linearTrendForecast, mape, meanIncrementForecast, randomWalkForecast, rmseLog } from '../../src/calibrate/forecastErrors.js';

// A hand case: actual 100 → 110 → 121 (10% a year) after a last observed value of 100, and a trend fitted on
// three years 1, 2, 4. Expected numbers are worked out by hand below each assertion.
const actual = [110, 121, 133.1];

describe('forecast errors of the naive benchmarks (hand case)', () => {
  it('random walk: RMSE of log levels and MAPE', () => {
    const rw = randomWalkForecast(100, 3);
    expect(rw).toEqual([100, 100, 100]);
    // ln(100/110) = −ln 1.1, ln(100/121) = −2 ln 1.1, ln(100/133.1) = −3 ln 1.1 → RMSE = ln 1.1 · √(14/3).
    expect(rmseLog(rw, actual)).toBeCloseTo(Math.log(1.1) * Math.sqrt(14 / 3), 12);
    // |100 − 110|/110 = 1/11, 21/121, 33.1/133.1 → mean × 100.
    expect(mape(rw, actual)).toBeCloseTo((100 * (1 / 11 + 21 / 121 + 33.1 / 133.1)) / 3, 10);
  });

  it('linear trend: the least-squares line through (2000, 1), (2001, 2), (2002, 4) extrapolated', () => {
    // Slope Σ(t − 2001)(v − 7/3)/Σ(t − 2001)² = (−1·−4/3 + 1·5/3)/2 = 1.5; the line passes through (2001, 7/3).
    const f = linearTrendForecast([2000, 2001, 2002], [1, 2, 4], [2003, 2004]);
    expect(f[0]).toBeCloseTo(7 / 3 + 3, 12);
    expect(f[1]).toBeCloseTo(7 / 3 + 4.5, 12);
    // Against actual values 5 and 7: errors +1/3 and −1/6 → MAPE = 100·(1/15 + 1/42)/2.
    expect(mape(f, [5, 7])).toBeCloseTo((100 * (1 / 15 + 1 / 42)) / 2, 10);
    expect(rmseLog(f, [5, 7])).toBeCloseTo(Math.sqrt((Math.log(16 / 15) ** 2 + Math.log(41 / 42) ** 2) / 2), 12);
  });

  it('a perfect forecast has zero error, and the log error is symmetric in over- and under-prediction', () => {
    expect(rmseLog(actual, actual)).toBe(0);
    expect(mape(actual, actual)).toBe(0);
    expect(rmseLog([200], [100])).toBeCloseTo(rmseLog([50], [100]), 15);
  });

  it('rejects empty or mismatched series and non-positive values for the log error', () => {
    expect(() => rmseLog([], [])).toThrow(RangeError);
    expect(() => mape([1, 2], [1])).toThrow(RangeError);
    expect(() => rmseLog([0], [1])).toThrow(/positive/);
    expect(() => mape([1], [0])).toThrow(/is 0/);
  });
});

describe('the anchored mean-increment forecast', () => {
  it('adds the mean yearly increment of the window, linearly, from the anchor level', () => {
    // 2004 → 2014: 80 → 100, 2 a year; the year 2009 in between does not matter.
    expect(meanIncrementForecast([2004, 2009, 2014], [80, 200, 100], 2014, 3)).toEqual([102, 104, 106]);
    // 2004 missing: the earliest year in the window (2006: 84) gives (100 − 84)/8 = 2 a year.
    expect(meanIncrementForecast([1990, 2006, 2014], [1, 84, 100], 2014, 1)).toEqual([102]);
    // Nothing in the window: a random walk.
    expect(meanIncrementForecast([1990, 2014], [1, 100], 2014, 2)).toEqual([100, 100]);
    expect(() => meanIncrementForecast([2004], [1], 2014, 1)).toThrow(/anchor year/);
  });
});
