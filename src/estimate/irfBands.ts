import { streamFor } from '../math/rng/index.js';
import { impulseResponses } from './irf.js';
import { EstimationError } from './leastSquares.js';
import { fitVar, type VarResult } from './var.js';

/** Options of {@link bootstrapIrfBands}. */
export interface IrfBandOptions {
  /** Bootstrap replications. @default 100 (R's `vars::irf` default `runs`) */
  replications?: number;
  /** Coverage of the percentile bands. @default 0.95 */
  level?: number;
  /** Seed of the random streams; replication b draws from `streamFor(seed, BAND_STREAM, b)`. @default 1 */
  seed?: number;
}

/** Lower and upper percentile bands, `[h][i][j]` for h = 0..H. */
export interface BandPair {
  lower: number[][][];
  upper: number[][][];
}

/** Bootstrap bands of the plain and orthogonalised impulse responses. */
export interface IrfBands {
  method: 'residual bootstrap, percentile intervals';
  replications: number;
  level: number;
  seed: number;
  plain: BandPair;
  orthogonalized: BandPair;
}

/** Stream key that keeps the bootstrap's draws apart from any other use of the same seed. */
export const BAND_STREAM = 0x1bf;

/**
 * Percentile bands for the impulse responses of a fitted VAR(p) by the residual (recursive-design) bootstrap,
 * the variant of R's `vars::irf(boot = TRUE)`: the residuals are centred; each replication draws nobs rows of
 * them with replacement, rebuilds a series from the fitted coefficients starting at the sample's first p
 * observations, refits a VAR(p) with constant, and computes its responses (the orthogonalised ones on the
 * replication's own Cholesky factor). The bands are the (1 − level)/2 and (1 + level)/2 quantiles of each
 * response over replications, by the project's rule (the smallest value whose cumulative share reaches q,
 * docs/conventions.md). Same seed → same bands. Cost: `replications` refits, O(B·(nobs·(Kp+1)² + H·K³·p)).
 * Reference: Efron & Tibshirani (1993) ch. 13; Lütkepohl (2005) Appendix D.3.
 * Example: `bootstrapIrfBands(fit, 10, { replications: 500, seed: 7 }).orthogonalized.lower[3]`.
 */
export function bootstrapIrfBands(fit: VarResult, horizon: number, options: IrfBandOptions = {}): IrfBands {
  const B = options.replications ?? 100;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 1;
  if (fit.lags === 0) throw new EstimationError('bootstrap bands need a VAR with at least one lag');
  if (!Number.isInteger(B) || B < 2) throw new EstimationError(`bootstrap bands need at least 2 replications, got ${B}`);
  if (!(level > 0 && level < 1)) throw new EstimationError(`the band level must be in (0, 1), got ${level}`);
  const K = fit.names.length;
  const p = fit.lags;
  const n = fit.nobs;
  const mean = new Array<number>(K).fill(0);
  for (const r of fit.resid) for (let i = 0; i < K; i++) mean[i] += r[i] / n;
  const centred = fit.resid.map((r) => r.map((v, i) => v - mean[i]));
  const cells = (horizon + 1) * K * K;
  const plain = Array.from({ length: cells }, () => new Float64Array(B));
  const orth = Array.from({ length: cells }, () => new Float64Array(B));
  for (let b = 0; b < B; b++) {
    const rng = streamFor(seed, BAND_STREAM, b);
    const series = fit.head.map((r) => r.slice());
    for (let t = 0; t < n; t++) {
      const e = centred[Math.min(n - 1, Math.floor(rng.nextDouble() * n))];
      const next = fit.intercept.map((c, i) => c + e[i]);
      for (let l = 1; l <= p; l++) {
        const prev = series[series.length - l];
        for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) next[i] += fit.coefs[l - 1][i][j] * prev[j];
      }
      series.push(next);
    }
    const ir = impulseResponses(fitVar(series, p, { names: fit.names }), horizon);
    let c = 0;
    for (let h = 0; h <= horizon; h++) {
      for (let i = 0; i < K; i++) {
        for (let j = 0; j < K; j++, c++) {
          plain[c][b] = ir.plain[h][i][j];
          orth[c][b] = ir.orthogonalized[h][i][j];
        }
      }
    }
  }
  const band = (draws: Float64Array[]): BandPair => {
    const lo: number[] = [];
    const hi: number[] = [];
    for (const d of draws) {
      const sorted = Float64Array.from(d).sort();
      lo.push(sampleQuantile(sorted, (1 - level) / 2));
      hi.push(sampleQuantile(sorted, (1 + level) / 2));
    }
    return { lower: reshape(lo, horizon, K), upper: reshape(hi, horizon, K) };
  };
  return { method: 'residual bootstrap, percentile intervals', replications: B, level, seed, plain: band(plain), orthogonalized: band(orth) };
}

/** The smallest value of an ascending sample whose cumulative share reaches q (docs/conventions.md). */
export function sampleQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  // The 1e-12 guards q·n landing a hair above an integer through rounding (0.025·200 = 5.000000000000001).
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n - 1e-12) - 1))];
}

function reshape(flat: number[], horizon: number, K: number): number[][][] {
  return Array.from({ length: horizon + 1 }, (_, h) => Array.from({ length: K }, (__, i) => flat.slice((h * K + i) * K, (h * K + i + 1) * K)));
}
