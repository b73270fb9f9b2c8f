import { describe, expect, it } from 'vitest';
import { orderedLogitCategory, orderedLogitProbabilities, sigmoid } from '../../../src/models/crisis/choice.js';
import { streamFor } from '../../../src/math/rng/index.js';
import { sigmaP } from './helpers.js';

describe('ordered logit', () => {
  const cut = Float64Array.of(-3, 1.5, 3.5);

  it('analytic probabilities are differences of σ(κ − u) and sum to 1', () => {
    const p = orderedLogitProbabilities(0.7, cut);
    expect(p[0]).toBeCloseTo(sigmoid(-3.7), 15);
    expect(p[1]).toBeCloseTo(sigmoid(0.8) - sigmoid(-3.7), 15);
    expect(p[3]).toBeCloseTo(1 - sigmoid(2.8), 15);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  it('the noise-free choice (U = 0.5) counts the cutpoints below u', () => {
    expect(orderedLogitCategory(-4, cut, 0.5)).toBe(0);
    expect(orderedLogitCategory(0, cut, 0.5)).toBe(1);
    expect(orderedLogitCategory(2, cut, 0.5)).toBe(2);
    expect(orderedLogitCategory(9, cut, 0.5)).toBe(3);
  });

  it.each([0.7, -2.5, 3.2])('sampled frequencies match the analytic probabilities within 4σ over 10⁶ draws (u = %s)', (u) => {
    const n = 1_000_000;
    const rng = streamFor(11, 0, 0, 1);
    const counts = [0, 0, 0, 0];
    for (let k = 0; k < n; k++) counts[orderedLogitCategory(u, cut, rng.nextDouble())]++;
    const p = orderedLogitProbabilities(u, cut);
    for (let c = 0; c < 4; c++) expect(Math.abs(counts[c] / n - p[c])).toBeLessThan(4 * sigmaP(p[c], n) + 1e-12);
  });
});
