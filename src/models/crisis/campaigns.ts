import type { RandomSource } from '../../math/rng/index.js';
import { normalQuantile } from './perception.js';

/**
 * Test campaigns (DESIGN.md §3.2): the launch actor's missile launches per month are negative binomial with mean
 * μ_t and dispersion α (variance μ + αμ²), drawn as a gamma–Poisson mixture: λ ~ Gamma(shape 1/α, scale αμ),
 * N ~ Poisson(λ). The monthly mean is
 *   μ_t = baseRate · exp(exerciseLift · scale_t + dialogueEffect · d̄ + threatElasticity · ln(θ_t/θ⁰)),
 * with scale_t the exercise scale in month t (0 when none) and d̄ the launch actor's hostility-weighted open channels.
 *
 * Every month consumes exactly LAUNCH_DRAWS uniforms whether or not they are needed, so that policies that change
 * μ_t leave the draws of later months (and of every dyad) aligned: the gamma variate by Marsaglia & Tsang (2000)
 * with a fixed budget of GAMMA_TRIES proposals (2 uniforms each; for shape < 1 the Gamma(shape+1)·U^{1/shape}
 * boost uses one more), then one uniform for the Poisson by inversion.
 */
export const GAMMA_TRIES = 8;
export const LAUNCH_DRAWS = 2 * GAMMA_TRIES + 2;
/** Largest Poisson mean used (launches per month); keeps e^{−λ} representable. No plausible scenario reaches it. */
export const MAX_LAUNCH_RATE = 500;

/**
 * One negative-binomial count with mean `mean` ≥ 0 and dispersion `alpha` ≥ 0 (α = 0: Poisson), consuming exactly
 * LAUNCH_DRAWS uniforms from `rng`. If all GAMMA_TRIES proposals are rejected (probability < 1e-12 for shape ≥ 1/5)
 * the gamma variate falls back to its mean.
 * Example: `sampleNegBinomial(1.7, 2.5, streamFor(1, 0, 0, 0))`.
 */
export function sampleNegBinomial(mean: number, alpha: number, rng: RandomSource): number {
  let lambda = mean;
  if (alpha > 0 && mean > 0) {
    const shape = 1 / alpha;
    const a = shape < 1 ? shape + 1 : shape;
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    let g = -1;
    for (let t = 0; t < GAMMA_TRIES; t++) {
      const Z = rng.nextDouble();
      const U = rng.nextDouble();
      if (g >= 0) continue; // keep consuming the budget (the quantile of Z is only needed for a live proposal)
      const x = normalQuantile(Z);
      const v1 = 1 + c * x;
      if (v1 <= 0) continue;
      const v = v1 * v1 * v1;
      if (Math.log(U > 0 ? U : 1e-300) < 0.5 * x * x + d - d * v + d * Math.log(v)) g = d * v;
    }
    const boost = rng.nextDouble();
    if (g < 0) g = a; // the mean of Gamma(a, 1): a fallback that never happens in practice
    if (shape < 1) g *= Math.pow(boost > 0 ? boost : 1e-300, 1 / shape);
    lambda = g * alpha * mean;
  } else {
    for (let t = 0; t < 2 * GAMMA_TRIES + 1; t++) rng.nextDouble();
  }
  return samplePoisson(Math.min(lambda, MAX_LAUNCH_RATE), rng.nextDouble());
}

/** Poisson(λ) by sequential inversion of one uniform U. */
export function samplePoisson(lambda: number, U: number): number {
  if (!(lambda > 0)) return 0;
  let k = 0;
  let p = Math.exp(-lambda);
  let F = p;
  const limit = 10 * lambda + 100;
  while (U > F && k < limit) {
    k++;
    p *= lambda / k;
    F += p;
  }
  return k;
}
