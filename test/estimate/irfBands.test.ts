import { describe, expect, it } from 'vitest';
import { fitVar } from '../../src/estimate/var.js';
import { impulseResponses } from '../../src/estimate/irf.js';
import { bootstrapIrfBands, sampleQuantile } from '../../src/estimate/irfBands.js';
import { csvRows, golden } from './golden.js';

const names = golden.var_workbench.vars as string[];
const rows = csvRows('macro_growth.csv', names);

describe('bootstrapIrfBands', () => {
  const fit = fitVar(rows, 2, { names });
  const bands = bootstrapIrfBands(fit, 6, { replications: 60, seed: 5 });

  it('is reproducible by seed, and another seed gives other bands', () => {
    expect(bootstrapIrfBands(fit, 6, { replications: 60, seed: 5 })).toEqual(bands);
    expect(bootstrapIrfBands(fit, 6, { replications: 60, seed: 6 }).orthogonalized.lower).not.toEqual(bands.orthogonalized.lower);
  });

  it('lower ≤ upper everywhere; the plain bands at h = 0 are the identity exactly (Φ₀ = I in every replication)', () => {
    for (const kind of ['plain', 'orthogonalized'] as const) {
      bands[kind].lower.forEach((m, h) => m.forEach((row, i) => row.forEach((lo, j) => expect(lo).toBeLessThanOrEqual(bands[kind].upper[h][i][j]))));
    }
    expect(bands.plain.lower[0]).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(bands.plain.upper[0]).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    // Orthogonalised responses at h = 0 are Cholesky factors: zero above the diagonal in every replication.
    expect(bands.orthogonalized.upper[0][0][1]).toBe(0);
    expect(bands.orthogonalized.lower[0][0][2]).toBe(0);
  });

  it('a wider level gives bands that contain the narrower ones', () => {
    const narrow = bootstrapIrfBands(fit, 6, { replications: 60, seed: 5, level: 0.5 });
    narrow.orthogonalized.lower.forEach((m, h) => m.forEach((row, i) => row.forEach((lo, j) => {
      expect(lo).toBeGreaterThanOrEqual(bands.orthogonalized.lower[h][i][j]);
      expect(narrow.orthogonalized.upper[h][i][j]).toBeLessThanOrEqual(bands.orthogonalized.upper[h][i][j]);
    })));
  });

  it('on a long simulated VAR(1), the 95% bands match the asymptotic ±1.96·se of statsmodels and cover the estimate', () => {
    const g = golden.var_workbench.long;
    const long = fitVar(csvRows('var_long.csv', g.vars), g.lags, { names: g.vars });
    const ir = impulseResponses(long, g.horizon);
    const b = bootstrapIrfBands(long, g.horizon, { replications: 400, seed: 2 });
    const ratios: number[] = [];
    for (const [kind, se, est] of [['plain', g.stderr, ir.plain], ['orthogonalized', g.orth_stderr, ir.orthogonalized]] as const) {
      for (let h = 1; h <= g.horizon; h++) {
        for (let i = 0; i < 2; i++) {
          for (let j = 0; j < 2; j++) {
            if (se[h][i][j] < 1e-3) continue; // responses that have died out: both widths are ~0
            const lo = b[kind].lower[h][i][j];
            const hi = b[kind].upper[h][i][j];
            expect(lo).toBeLessThan(est[h][i][j]);
            expect(hi).toBeGreaterThan(est[h][i][j]);
            ratios.push((hi - lo) / (2 * 1.959964 * se[h][i][j]));
          }
        }
      }
    }
    ratios.sort((x, y) => x - y);
    expect(ratios.length).toBeGreaterThan(12);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeGreaterThan(0.85);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeLessThan(1.15);
    expect(ratios[0]).toBeGreaterThan(0.6);
    expect(ratios[ratios.length - 1]).toBeLessThan(1.4);
  });

  it('sampleQuantile is the smallest value whose cumulative share reaches q', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([sampleQuantile(s, 0.1), sampleQuantile(s, 0.11), sampleQuantile(s, 0.5), sampleQuantile(s, 1), sampleQuantile(s, 0)]).toEqual([1, 2, 5, 10, 1]);
  });

  it('refuses a VAR(0) and a single replication', () => {
    expect(() => bootstrapIrfBands(fitVar(rows, 0), 3)).toThrow(/at least one lag/);
    expect(() => bootstrapIrfBands(fit, 3, { replications: 1 })).toThrow(/at least 2 replications/);
  });
});
