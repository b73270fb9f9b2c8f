import { describe, expect, it } from 'vitest';
import { fSurvival, tTwoSided, zTwoSided } from '../../src/estimate/pValues.js';
import { expectClose } from './golden.js';

// References: scipy 1.10.1, 2*stats.norm.sf(z), 2*stats.t.sf(|t|, df), stats.f.sf(F, d1, d2).
describe('p-values', () => {
  it('two-sided normal p-values keep their relative accuracy far in the tail', () => {
    const ref: [number, number][] = [
      [2, 0.04550026389635839], [5, 5.733031437583866e-7], [8, 1.244192114854348e-15], [10, 1.523970604832094e-23],
      [20, 5.507248237212311e-89], [36, 8.365248131593616e-284],
    ];
    for (const [z, p] of ref) expectClose([zTwoSided(z), zTwoSided(-z)], [p, p], 1e-9, 0);
    // The switch at x = 3 is seamless: 2·Q(3) = 0.0026997960632601866.
    expectClose([zTwoSided(3), zTwoSided(2.9999999)], [0.0026997960632601866, 0.0026997960632601866], 1e-6, 0);
  });

  it('t and F tails agree with scipy for tiny values', () => {
    expectClose(tTwoSided(-40, 1000), 1.0478852155173472e-209, 1e-9, 0);
    expectClose(tTwoSided(12, 5000), 9.966656426348319e-33, 1e-9, 0);
    expectClose(fSurvival(1000, 3, 200), 4.2482384851151016e-120, 1e-9, 0);
    expect(fSurvival(0, 2, 10)).toBe(1);
  });
});
