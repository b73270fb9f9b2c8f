import { streamFor } from '../../math/rng/index.js';

/*
 * Proper scoring rules, all negatively oriented (lower is better), and the paired comparison of two forecasters
 * with an interval over rivalries.
 */

/** Brier score (p − y)² of probability p for an event y ∈ {0, 1}. Example: `brier(0.2, 1)` → 0.64. */
export function brier(p: number, y: number): number {
  return (p - y) ** 2;
}

/** Log score −ln P(y) (natural log, nats) of probability p for y ∈ {0, 1}. Example: `logScore(0.2, 0)` → −ln 0.8. */
export function logScore(p: number, y: number): number {
  return -Math.log(y ? p : 1 - p);
}

/**
 * CRPS of a forecast distribution over counts 0, 1, 2, … (`pmf[k]` = P(K = k)) for the observed count y:
 * ∫ (F(x) − 1{x ≥ y})² dx, which for integer support and integer y is Σ_k (F(k) − 1{k ≥ y})² (F is constant on
 * [k, k + 1)). A point mass at m scores |m − y|. Example: `crpsCount([0.5, 0.5], 1)` → 0.25.
 */
export function crpsCount(pmf: readonly number[], y: number): number {
  let F = 0, s = 0;
  const top = Math.max(pmf.length - 1, y);
  for (let k = 0; k <= top; k++) {
    F += pmf[k] ?? 0;
    s += (Math.min(F, 1) - (k >= y ? 1 : 0)) ** 2;
  }
  return s;
}

/** One rivalry's summed scores of two forecasters over its `n` scored units (years, or 1 for a count). */
export interface PairedSums {
  a: number;
  b: number;
  n: number;
}

/** A paired comparison: mean score of each per unit, their difference a − b with a 95% interval over rivalries. */
export interface PairedComparison {
  a: number;
  b: number;
  difference: number;
  lo: number;
  hi: number;
  /** Rivalries where a scored lower (better), higher (worse), and equal. */
  better: number;
  worse: number;
  ties: number;
}

/**
 * Compares forecaster a with b: per-unit means Σ a / Σ n and Σ b / Σ n, and the difference with a percentile
 * interval from a cluster bootstrap over rivalries (rivalries resampled with replacement, `resamples` times, draws
 * from the project's seeded stream `streamFor(seed, stream)`). Same seed → same interval.
 * Example: `pairedComparison(rows, { resamples: 2000, seed: 1 })`.
 */
export function pairedComparison(rows: readonly PairedSums[], o: { resamples: number; seed: number; stream?: number }): PairedComparison {
  const sum = (f: (r: PairedSums) => number) => rows.reduce((s, r) => s + f(r), 0);
  const N = sum((r) => r.n);
  const a = sum((r) => r.a) / N, b = sum((r) => r.b) / N;
  const rng = streamFor(o.seed, o.stream ?? 0);
  const diffs = new Float64Array(o.resamples);
  for (let i = 0; i < o.resamples; i++) {
    let d = 0, n = 0;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[Math.min(rows.length - 1, Math.floor(rng.nextDouble() * rows.length))];
      d += r.a - r.b;
      n += r.n;
    }
    diffs[i] = n > 0 ? d / n : 0;
  }
  diffs.sort();
  const q = (p: number) => diffs[Math.min(diffs.length - 1, Math.max(0, Math.ceil(p * diffs.length) - 1))];
  const eps = 1e-12;
  return {
    a, b, difference: a - b, lo: q(0.025), hi: q(0.975),
    better: rows.filter((r) => r.a < r.b - eps).length,
    worse: rows.filter((r) => r.a > r.b + eps).length,
    ties: rows.filter((r) => Math.abs(r.a - r.b) <= eps).length,
  };
}

/** What a comparison says: `skill` (interval below 0), `worse` (above 0), or `no difference` (it covers 0). */
export function verdict(c: Pick<PairedComparison, 'lo' | 'hi'>): 'skill' | 'worse' | 'no difference' {
  return c.hi < 0 ? 'skill' : c.lo > 0 ? 'worse' : 'no difference';
}
