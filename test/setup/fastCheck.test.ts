import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMIT_MS, fastCheckSettings, timeLimitPlugin } from './fastCheck.js';

// Each call costs real time, so shrinking a long array takes thousands of calls (seconds) without a limit.
const busy = (ms: number) => {
  const start = Date.now();
  while (Date.now() - start < ms);
};
const longArrays = fc.array(fc.integer(), { minLength: 300, maxLength: 400 });

describe('property-test settings', () => {
  it('reads the seed and the time limit from the environment, and refuses what is not a whole number', () => {
    expect(fastCheckSettings({})).toEqual({ timeLimitMs: DEFAULT_TIME_LIMIT_MS });
    expect(fastCheckSettings({ FLASHPOINTS_FC_SEED: '-907749425', FLASHPOINTS_FC_TIME_LIMIT_MS: '0' })).toEqual({ seed: -907749425, timeLimitMs: 0 });
    expect(fastCheckSettings({ FLASHPOINTS_FC_SEED: '' })).toEqual({ timeLimitMs: DEFAULT_TIME_LIMIT_MS });
    // The long CLI fuzz runs for as long as it asks, unless a limit is given.
    expect(fastCheckSettings({ FLASHPOINTS_FUZZ_RUNS: '5000' })).toEqual({ timeLimitMs: 0 });
    expect(fastCheckSettings({ FLASHPOINTS_FUZZ_RUNS: '5000', FLASHPOINTS_FC_TIME_LIMIT_MS: '9000' })).toEqual({ timeLimitMs: 9000 });
    expect(() => fastCheckSettings({ FLASHPOINTS_FC_SEED: '12abc' })).toThrow(/FLASHPOINTS_FC_SEED="12abc": a whole number/);
    expect(() => fastCheckSettings({ FLASHPOINTS_FC_TIME_LIMIT_MS: '-5' })).toThrow(/FLASHPOINTS_FC_TIME_LIMIT_MS/);
  });

  it('sets the global seed from FLASHPOINTS_FC_SEED, and leaves fast-check its own when unset', () => {
    expect(fc.readConfigureGlobal().seed).toBe(fastCheckSettings(process.env).seed);
  });

  it('prints the seed (and the path) of a failing property, so it can be replayed', () => {
    expect(() => fc.assert(fc.property(fc.integer(), (n) => n < 10), { seed: 42 })).toThrow(/\{ seed: 42, path: "[0-9:]+"/);
  });

  it('stops the shrinking of a failing property at the time limit and reports it as failed and interrupted', () => {
    const r = fc.check(
      fc.property(longArrays, () => {
        busy(2);
        return false;
      }),
      { seed: 7, plugins: [timeLimitPlugin(200)] },
    );
    expect(r.failed).toBe(true);
    expect(r.interrupted).toBe(true);
    // The case it had reached is still reported (the first failing one, partly shrunk).
    expect(r.counterexample).not.toBeNull();
  });

  it('passes a property stopped at the time limit while still passing, on the runs it did (no pass/fail on wall time)', () => {
    const slow = fc.property(fc.integer(), () => {
      busy(20);
      return true;
    });
    const r = fc.check(slow, { seed: 7, numRuns: 1000, plugins: [timeLimitPlugin(100)] });
    expect(r.failed).toBe(false);
    expect(r.interrupted).toBe(true);
    expect(r.numRuns).toBeGreaterThan(0);
    expect(r.numRuns).toBeLessThan(1000);
    expect(() => fc.assert(slow, { seed: 7, numRuns: 1000, plugins: [timeLimitPlugin(100)] })).not.toThrow();
  });

  it('still fails, with its seed, a property whose counterexample is found before the limit stops the shrinking', () => {
    const failing = fc.property(longArrays, () => {
      busy(2);
      return false;
    });
    expect(() => fc.assert(failing, { seed: 7, plugins: [timeLimitPlugin(200)] })).toThrow(/\{ seed: 7, path: "[0-9:]+"/);
  });
});
