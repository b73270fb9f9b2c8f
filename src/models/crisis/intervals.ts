/**
 * Interval estimates for Monte Carlo outcomes (docs/conventions.md#statistics).
 */

/** z for a two-sided 95% interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion k/n (Wilson 1927; Newcombe 1998, method 3): with p̂ = k/n,
 * centre (p̂ + z²/2n)/(1 + z²/n) and half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²). n = 0 gives {0, 0, 1}.
 * Example: `wilson(0, 10)` → `{ p: 0, lo: 0, hi: 0.2775 }`.
 */
export function wilson(k: number, n: number, z = Z95): { p: number; lo: number; hi: number } {
  if (n <= 0) return { p: 0, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / den;
  const half = (z / den) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The interval contains p mathematically; the clamps keep it so at k = 0 or k = n where rounding can cross.
  return { p, lo: Math.max(0, Math.min(p, centre - half)), hi: Math.min(1, Math.max(p, centre + half)) };
}

/**
 * Mean of a sample given as a histogram of integer values v·scale (counts[k] runs with value k·scale), with a
 * normal-theory 95% interval mean ± z·sd/√n (sd with n − 1); lo is clamped at 0 for counts.
 */
export function meanInterval(counts: ArrayLike<number>, scale: number, z = Z95): { mean: number; lo: number; hi: number } {
  let n = 0, s = 0, s2 = 0;
  for (let k = 0; k < counts.length; k++) {
    n += counts[k];
    s += counts[k] * k;
  }
  if (n === 0) return { mean: 0, lo: 0, hi: 0 };
  const meanK = s / n;
  for (let k = 0; k < counts.length; k++) s2 += counts[k] * (k - meanK) * (k - meanK);
  const sd = n > 1 ? Math.sqrt(s2 / (n - 1)) : 0;
  const half = (z * sd) / Math.sqrt(n);
  return { mean: meanK * scale, lo: Math.max(0, (meanK - half) * scale), hi: (meanK + half) * scale };
}
