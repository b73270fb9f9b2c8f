import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expApprox } from '../../../src/math/expApprox.js';
import { orderedLogitBracketed, orderedLogitCategory, orderedLogitFromOdds, orderedLogitProbabilities, sigmoid, slackCutpoints } from '../../../src/models/crisis/choice.js';
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

describe('ordered logit from an approximate exponential', () => {
  const cut = Float64Array.of(-3, 1.5, 3.5);
  const expCut = cut.map(Math.exp);
  const below = new Float64Array(3), above = new Float64Array(3);
  slackCutpoints(expCut, below, above);

  it('when it decides, it decides as the exact odds and e^{−u} do; it declines only near a cutpoint', () => {
    fc.assert(
      fc.property(fc.double({ min: -12, max: 12, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u, U) => {
        const exact = orderedLogitFromOdds(U / (1 - U), Math.exp(-u), expCut);
        const c = orderedLogitBracketed(U, 1 - U, expApprox(-u), below, above);
        if (c >= 0) expect(c).toBe(exact);
        else expect(Math.min(...Array.from(expCut, (e) => Math.abs(Math.log(U / (1 - U)) - Math.log(e * Math.exp(-u)))))).toBeLessThan(1e-5);
      }),
      { numRuns: 20000 },
    );
  });

  it('declines exactly at a cutpoint and one ulp either side, where only the exact product decides', () => {
    for (const k of [0, 1, 2]) {
      const u = 0.3;
      const odds = expCut[k] * Math.exp(-u); // U/(1 − U) = the threshold itself
      const U = odds / (1 + odds);
      for (const V of [U, U * (1 + 2 ** -52), U * (1 - 2 ** -52)]) expect(orderedLogitBracketed(V, 1 - V, expApprox(-u), below, above)).toBe(-1);
    }
  });
});
