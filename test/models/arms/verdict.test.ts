import { describe, expect, it } from 'vitest';
import { analyzeArms, armsVerdict } from '../../../src/models/arms/analyzeArms.js';
import { stability } from '../../../src/math/eigen.js';
import { scenarioSchema } from '../../../src/scenario/schema.js';

/** A three-actor textbook system dx/dt = A x + g with the given A and g (arms.linear). */
const linear = (A: number[][], g: number[]) =>
  scenarioSchema.parse({
    id: 'lin', title: 'linear', actors: ['U', 'V', 'W'].map((id) => ({ id, name: id })),
    arms: { nonNegative: false, linear: { A, g, x0: [1, 1, 1] } },
  });

// A distant complex pair: period 2π/ω = 8,500 years, decaying at 10%/yr.
const omega = (2 * Math.PI) / 8500;

describe('the arms verdict in words', () => {
  it('a real leading eigenvalue with a distant decaying complex pair: unstable, and no "oscillation"', () => {
    // Block-diagonal A: eigenvalues 0.05 (U) and −0.1 ± iω (V, W). g = 0 for V, W and −0.05 for U: x* = (1, 0, 0)
    // solves A x* + g = 0, so the equilibrium is non-negative and no note is added.
    const a = analyzeArms(linear([[0.05, 0, 0], [0, -0.1, -omega], [0, omega, -0.1]], [-0.05, 0, 0]));
    expect(a.stability.verdict).toBe('unstable');
    expect(a.stability.maxRealPart).toBeCloseTo(0.05, 12);
    expect(a.verdict).toBe('unstable: the action–reaction spiral runs away — the leading mode grows at 5.0%/yr (doubling in 13.9 years)');
  });

  it('"with oscillation" only when the leading eigenvalue is complex with a period under a century', () => {
    const ten = (2 * Math.PI) / 10;
    const lead = [{ re: -0.5, im: 0 }, { re: -0.1, im: -ten }, { re: -0.1, im: ten }];
    expect(armsVerdict(stability(lead), lead, [0, 0, 0])).toBe('stable: every deviation from equilibrium dies out (slowest mode decays at 10.0%/yr, half-life 6.9 years), with oscillation (period 10.0 years)');
    const slow = [{ re: -0.5, im: 0 }, { re: -0.1, im: -omega }, { re: -0.1, im: omega }];
    expect(armsVerdict(stability(slow), slow, [0, 0, 0])).not.toMatch(/oscillation/);
  });

  it('says when the equilibrium is negative, and when there is none', () => {
    // A = −I, g = (1, −0.8, 2): x* = g, with V at −0.8.
    const a = analyzeArms(linear([[-1, 0, 0], [0, -1, 0], [0, 0, -1]], [1, -0.8, 2]));
    expect(a.equilibrium).toEqual([1, -0.8, 2]);
    expect(a.verdict).toMatch(/^stable: .*; the equilibrium is negative \(V -0\.800\): no stock can rest below zero, so it is meaningless as a level/);
    const values = [{ re: 0, im: 0 }];
    expect(armsVerdict(stability(values), values, null)).toBe('neutral: the leading mode neither grows nor decays; deviations persist; there is no equilibrium (A is singular)');
  });
});
