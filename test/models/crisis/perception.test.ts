import { describe, expect, it } from 'vitest';
import { channelShrink, normalQuantile, perceive } from '../../../src/models/crisis/perception.js';

describe('perception', () => {
  // Reference quantiles: scipy.stats.norm.ppf (and Φ⁻¹(0.975) = 1.959963984540054 from tables).
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.001, -3.090232306167813],
    [0.9999, 3.719016485455709],
    [1e-10, -6.361340902404056],
  ])('normalQuantile(%s) matches the normal quantile to 1e-8 relative', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(z)));
  });

  it('a reading is truth + bias with no spread, and the median reading with spread', () => {
    expect(perceive(4, 2, 0, 0.9)).toBe(6);
    expect(perceive(4, 2, 3, 0.5)).toBeCloseTo(6, 12);
  });

  it('an open channel shrinks misperception by dialogueShrink × openness', () => {
    expect(channelShrink(0, 0.5)).toBe(1);
    expect(channelShrink(1, 0.5)).toBe(0.5);
    expect(channelShrink(0.6, 0.5)).toBeCloseTo(0.7, 15);
  });
});
