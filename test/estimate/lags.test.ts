import { describe, expect, it } from 'vitest';
import { alignLags, parseLagSpec } from '../../src/estimate/lags.js';

describe('lags', () => {
  it('parses col and col:L', () => {
    expect(parseLagSpec('exercise:2')).toEqual({ column: 'exercise', lag: 2 });
    expect(parseLagSpec('a:b')).toEqual({ column: 'a:b', lag: 0 });
    expect(parseLagSpec('tension')).toEqual({ column: 'tension', lag: 0 });
  });

  it('aligns the response with each regressor taken lag rows earlier, dropping the first max-lag rows', () => {
    const series = { y: [10, 11, 12, 13, 14], a: [0, 1, 2, 3, 4], e: [30, 31, 30, 31, 30] };
    const r = alignLags(series, 'y', [{ column: 'a', lag: 2 }, { column: 'a', lag: 0 }], ['e']);
    expect(r).toEqual({ y: [12, 13, 14], x: [[0, 1, 2], [2, 3, 4]], same: [[30, 31, 30]], dropped: 2 });
  });

  it('needs at least one row after the lags', () => {
    expect(() => alignLags({ y: [1, 2] }, 'y', [{ column: 'y', lag: 2 }])).toThrow(/too few rows/);
  });
});
