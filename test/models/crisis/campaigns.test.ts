import { describe, expect, it } from 'vitest';
import { LAUNCH_DRAWS, sampleNegBinomial, samplePoisson } from '../../../src/models/crisis/campaigns.js';
import { streamFor, type RandomSource } from '../../../src/math/rng/index.js';

function moments(mean: number, alpha: number, n: number, seed: number) {
  const rng = streamFor(seed, 0, 0, 0);
  let s = 0, s2 = 0;
  const xs = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const x = sampleNegBinomial(mean, alpha, rng);
    xs[k] = x;
    s += x;
  }
  const m = s / n;
  let m4 = 0;
  for (const x of xs) {
    s2 += (x - m) ** 2;
    m4 += (x - m) ** 4;
  }
  const v = s2 / (n - 1);
  return { m, v, seMean: Math.sqrt(v / n), seVar: Math.sqrt((m4 / n - v * v) / n) };
}

describe('launch campaigns (gamma–Poisson)', () => {
  it.each([
    [1.7, 2.5],
    [0.5, 1],
    [6, 0.3],
    [1.7, 0],
  ])('mean %s, dispersion %s: sample mean and variance match μ and μ + αμ² within 4σ', (mu, alpha) => {
    const { m, v, seMean, seVar } = moments(mu, alpha, 400_000, 5);
    expect(Math.abs(m - mu)).toBeLessThan(4 * seMean);
    expect(Math.abs(v - (mu + alpha * mu * mu))).toBeLessThan(4 * seVar);
  });

  it('consumes exactly LAUNCH_DRAWS uniforms per month whatever the mean', () => {
    const base = streamFor(3, 0, 0, 0);
    let used = 0;
    const counting: RandomSource = { nextDouble: () => (used++, base.nextDouble()) };
    for (const [mu, a] of [[1.7, 2.5], [0, 2.5], [1.7, 0], [40, 0.1]]) {
      used = 0;
      sampleNegBinomial(mu, a, counting);
      expect(used).toBe(LAUNCH_DRAWS);
    }
  });

  it('Poisson inversion gives 0 below e^{−λ} and 1 just above it', () => {
    expect(samplePoisson(2, Math.exp(-2) * 0.999)).toBe(0);
    expect(samplePoisson(2, Math.exp(-2) * 1.001)).toBe(1);
    expect(samplePoisson(0, 0.9)).toBe(0);
  });
});
