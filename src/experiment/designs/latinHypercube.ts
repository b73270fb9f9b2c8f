import type { RandomSource } from '../../math/rng/index.js';

/**
 * A Latin hypercube sample of `n` points in [0, 1)^d (McKay, Beckman & Conover 1979): each dimension is cut into n
 * equal strata, each stratum holds exactly one point, and strata are paired across dimensions by independent
 * random permutations. `rngFor(dim)` supplies one seeded stream per dimension, so adding a dimension leaves the
 * others' columns unchanged. Returns points[k][dim]. Example: `latinHypercube(50, 3, (d) => streamFor(1, 9, d))`.
 */
export function latinHypercube(n: number, d: number, rngFor: (dim: number) => RandomSource): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  for (let dim = 0; dim < d; dim++) {
    const rng = rngFor(dim);
    const perm = Array.from({ length: n }, (_, k) => k);
    for (let k = n - 1; k > 0; k--) {
      const j = Math.floor(rng.nextDouble() * (k + 1));
      [perm[k], perm[j]] = [perm[j], perm[k]];
    }
    for (let k = 0; k < n; k++) points[k][dim] = (perm[k] + rng.nextDouble()) / n;
  }
  return points;
}
