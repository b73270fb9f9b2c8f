import { describe, expect, it } from 'vitest';
import { clashHazard, ladderOutcome, logit, warProbability } from '../../../src/models/crisis/ladder.js';
import { sigmoid } from '../../../src/models/crisis/choice.js';
import { streamFor } from '../../../src/math/rng/index.js';
import { sigmaP } from './helpers.js';

describe('escalation ladder', () => {
  it('one uniform gives P(clash) = q, P(war) = q·p_war, P(nuclear) = q·p_war·p_nuc within 4σ over 10⁶ draws', () => {
    const q = 0.02, pw = 0.3, pn = 0.15, n = 1_000_000;
    const rng = streamFor(2, 0, 0, 9);
    const c = [0, 0, 0, 0];
    for (let k = 0; k < n; k++) c[ladderOutcome(rng.nextDouble(), q, pw, pn)]++;
    const clash = (c[1] + c[2] + c[3]) / n, war = (c[2] + c[3]) / n, nuc = c[3] / n;
    expect(Math.abs(clash - q)).toBeLessThan(4 * sigmaP(q, n));
    expect(Math.abs(war - q * pw)).toBeLessThan(4 * sigmaP(q * pw, n));
    expect(Math.abs(nuc - q * pw * pn)).toBeLessThan(4 * sigmaP(q * pw * pn, n));
  });

  it('nuclear use needs war: P(nuclear | war) = 0 gives none, and no clash gives nothing', () => {
    expect(ladderOutcome(0.001, 0.01, 1, 0)).toBe(2);
    expect(ladderOutcome(0.5, 0.01, 1, 1)).toBe(0);
  });

  it('the clash hazard is the mutual hostility times σ(u − κ_v), and zero without friction', () => {
    expect(clashHazard(0.5, 2, 5)).toBeCloseTo(0.5 * sigmoid(-3), 15);
    expect(clashHazard(0, 100, 5)).toBe(0);
  });

  it('P(war | clash) rises with tension; logit(0) and logit(1) give probabilities 0 and 1', () => {
    expect(warProbability(logit(0.03), 0.5, 1)).toBeGreaterThan(0.03);
    expect(warProbability(logit(0.03), 0.5, 0)).toBeCloseTo(0.03, 14);
    expect(warProbability(logit(0), 0.5, 2)).toBe(0);
    expect(warProbability(logit(1), 0.5, 2)).toBe(1);
  });
});
