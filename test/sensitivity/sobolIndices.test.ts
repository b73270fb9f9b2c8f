import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/math/rng/index.js';
import { resampleInto } from '../../src/sensitivity/bootstrap.js';
import { sobolAnalyze } from '../../src/sensitivity/sobolAnalyze.js';
import { sobolIndices } from '../../src/sensitivity/sobolIndices.js';
import { sobolSample } from '../../src/sensitivity/sobolSample.js';
import type { InputBound } from '../../src/sensitivity/inputs.js';

const cube = (k: number, lower = 0, upper = 1): InputBound[] => Array.from({ length: k }, (_, i) => ({ name: `x${i + 1}`, lower, upper }));

// Ishigami & Homma (1990), a = 7, b = 0.1, x ~ U[−π, π]³. Partial variances (Sobol' & Levitan 1999; Saltelli et
// al. 2008, "Global Sensitivity Analysis: The Primer", §4.7): V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0,
// V13 = b²π⁸(1/18 − 1/50), V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½; so S ≈ (0.3139, 0.4424, 0), ST ≈ (0.5576, 0.4424, 0.2437).
const a = 7, b = 0.1, PI = Math.PI;
const ishigami = (x: readonly number[]) => Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
const V1 = 0.5 * (1 + (b * PI ** 4) / 5) ** 2;
const V2 = a ** 2 / 8;
const V13 = b ** 2 * PI ** 8 * (1 / 18 - 1 / 50);
const V = a ** 2 / 8 + (b * PI ** 4) / 5 + (b ** 2 * PI ** 8) / 18 + 0.5;
const ishigamiFirst = [V1 / V, V2 / V, 0];
const ishigamiTotal = [(V1 + V13) / V, V2 / V, V13 / V];
const ishigamiBounds = cube(3, -PI, PI);

// Sobol's G-function, f = Π (|4x_i − 2| + a_i)/(1 + a_i) on [0, 1]^k (Saltelli & Sobol' 1995): V_i = 1/(3(1 + a_i)²),
// V = Π(1 + V_i) − 1, S_i = V_i/V, S_Ti = V_i Π_{j≠i}(1 + V_j)/V; a group g has S_g = (Π_{i∈g}(1 + V_i) − 1)/V and
// S_Tg = 1 − (Π_{j∉g}(1 + V_j) − 1)/V.
const aG = [0, 1, 4.5, 9, 99, 99];
const gFunction = (x: readonly number[]) => x.reduce((p, xi, i) => (p * (Math.abs(4 * xi - 2) + aG[i])) / (1 + aG[i]), 1);
const Vi = aG.map((ai) => 1 / (3 * (1 + ai) ** 2));
const prod = (xs: number[]) => xs.reduce((p, x) => p * x, 1);
const VG = prod(Vi.map((v) => 1 + v)) - 1;

describe('sobolIndices', () => {
  it('recovers the Ishigami analytic indices (N = 2^13)', () => {
    const r = sobolIndices(ishigami, ishigamiBounds, { n: 2 ** 13, seed: 3 });
    expect(ishigamiFirst).toEqual([expect.closeTo(0.3139, 4), expect.closeTo(0.4424, 4), 0]);
    expect(ishigamiTotal.map((t) => +t.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
    r.first.forEach((s, i) => expect(Math.abs(s - ishigamiFirst[i])).toBeLessThan(0.02));
    r.total.forEach((s, i) => expect(Math.abs(s - ishigamiTotal[i])).toBeLessThan(0.02));
    r.firstConf.forEach(([lo, hi], i) => expect(lo <= ishigamiFirst[i] + 0.005 && ishigamiFirst[i] - 0.005 <= hi).toBe(true));
    r.totalConf.forEach(([lo, hi], i) => expect(lo <= ishigamiTotal[i] + 0.005 && ishigamiTotal[i] - 0.005 <= hi).toBe(true));
    expect(r.variance).toBeCloseTo(V, 0);
    expect(r.evaluations).toBe(2 ** 13 * (3 + 1 + 2));
    expect(r.factors).toEqual(['x1', 'x2', 'x3']);
  });

  it('recovers the G-function analytic indices, one input at a time and grouped', () => {
    const bounds = cube(aG.length);
    const r = sobolIndices(gFunction, bounds, { n: 2 ** 13, seed: 5, resamples: 200 });
    Vi.forEach((v, i) => {
      expect(Math.abs(r.first[i] - v / VG)).toBeLessThan(0.02);
      const others = prod(Vi.filter((_, j) => j !== i).map((w) => 1 + w));
      expect(Math.abs(r.total[i] - (v * others) / VG)).toBeLessThan(0.02);
    });
    const grouped = sobolIndices(gFunction, bounds, { n: 2 ** 13, seed: 5, resamples: 200, groups: ['g12', 'g12', 'x3', 'rest', 'rest', 'rest'] });
    expect(grouped.factors).toEqual(['g12', 'x3', 'rest']);
    const members = [[0, 1], [2], [3, 4, 5]];
    members.forEach((m, g) => {
      const S = (prod(m.map((i) => 1 + Vi[i])) - 1) / VG;
      const ST = 1 - (prod(Vi.filter((_, j) => !m.includes(j)).map((w) => 1 + w)) - 1) / VG;
      expect(Math.abs(grouped.first[g] - S)).toBeLessThan(0.02);
      expect(Math.abs(grouped.total[g] - ST)).toBeLessThan(0.02);
    });
    expect(grouped.evaluations).toBe(2 ** 13 * (3 + 1 + 2));
  });

  it('the dummy of a deterministic model is exactly zero: its block repeats A', () => {
    const r = sobolIndices(ishigami, ishigamiBounds, { n: 256, seed: 1, resamples: 100 });
    expect(r.dummy).toEqual({ first: 0, total: 0, firstConf: [0, 0], totalConf: [0, 0] });
  });

  it("a noisy model's dummy measures the noise: S_T ≈ σ²/(V + σ²), S ≈ 0 inside its interval", () => {
    const sigma = 1.5;
    const noise = (row: number) => {
      const rng = streamFor(99, row);
      return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * PI * rng.nextDouble());
    };
    const r = sobolIndices((x, row) => ishigami(x) + sigma * noise(row), ishigamiBounds, { n: 2 ** 13, seed: 2 });
    const share = sigma ** 2 / (V + sigma ** 2);
    const d = r.dummy!;
    expect(Math.abs(d.total - share)).toBeLessThan(0.02);
    expect(d.totalConf[0]).toBeLessThan(share);
    expect(d.totalConf[1]).toBeGreaterThan(share);
    expect(Math.abs(d.first)).toBeLessThan(0.03);
    expect(d.firstConf[0]).toBeLessThan(0);
    expect(d.firstConf[1]).toBeGreaterThan(0);
    // x3 alone has no first-order effect; its total lies above the dummy's noise floor.
    expect(r.totalConf[2][0]).toBeGreaterThan(d.totalConf[1]);
  });

  it('sobolAnalyze on outputs computed elsewhere equals sobolIndices', () => {
    const opts = { n: 512, seed: 4, resamples: 50 };
    const design = sobolSample(ishigamiBounds, opts.n, { seed: opts.seed });
    expect(design.X.length).toBe(512 * 6);
    expect(design.layout.factors).toEqual(['x1', 'x2', 'x3', '(dummy)']);
    const Y = design.X.map((x) => ishigami(x));
    expect(sobolAnalyze(Y, design.layout, { seed: 4, resamples: 50 })).toEqual(sobolIndices(ishigami, ishigamiBounds, opts));
    expect(() => sobolAnalyze(Y.slice(1), design.layout)).toThrow(/outputs for a design/);
    expect(() => sobolAnalyze(Y.map(() => 1), design.layout)).toThrow(/does not vary/);
  });

  it('the Saltelli layout: A, B, then A with each factor from B', () => {
    const bounds = cube(3, 10, 20);
    const { unit, X, layout } = sobolSample(bounds, 8, { groups: ['p', 'q', 'p'], dummy: true });
    const n = 8;
    expect(layout.members).toEqual([[0, 2], [1], []]);
    expect(unit.length).toBe(n * 5);
    for (let j = 0; j < n; j++) {
      const A = unit[j], B = unit[n + j];
      expect(unit[2 * n + j]).toEqual([B[0], A[1], B[2]]);
      expect(unit[3 * n + j]).toEqual([A[0], B[1], A[2]]);
      expect(unit[4 * n + j]).toEqual(A);
      X[j].forEach((x, i) => expect(x).toBeCloseTo(10 + 10 * A[i], 12));
    }
  });

  it('additive models: S_i = S_Ti = c_i² / Σ c² (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0.1, max: 5, noNaN: true })).map(([neg, m]) => (neg ? -m : m)), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 1000 }), (c, seed) => {
        const norm = c.reduce((s, x) => s + x * x, 0);
        const r = sobolIndices((x) => x.reduce((s, xi, i) => s + c[i] * xi, 0), cube(c.length), { n: 1024, seed, resamples: 20 });
        c.forEach((ci, i) => {
          expect(Math.abs(r.first[i] - (ci * ci) / norm)).toBeLessThan(0.02);
          expect(Math.abs(r.total[i] - (ci * ci) / norm)).toBeLessThan(0.02);
        });
        r.first.forEach((s, i) => expect(s).toBeLessThanOrEqual(r.total[i] + 0.02));
      }),
      { numRuns: 30 },
    );
  });
});

describe('resampleInto', () => {
  it('draws every index equally often, the paired halves independent', () => {
    // 2^10 points, 400 resamples: each index ~400 times (binomial sd ≈ 20), and the pairs (out[2k], out[2k+1])
    // spread over a 32×32 grid of blocks evenly (χ² with 1023 degrees of freedom).
    const n = 1024;
    const out = new Int32Array(n);
    const rng = streamFor(7, 1);
    const counts = new Float64Array(n);
    const pairs = new Float64Array(32 * 32);
    for (let r = 0; r < 400; r++) {
      resampleInto(out, rng);
      for (let k = 0; k < n; k++) counts[out[k]]++;
      for (let k = 0; k + 1 < n; k += 2) pairs[(out[k] >> 5) * 32 + (out[k + 1] >> 5)]++;
    }
    expect(Math.max(...counts)).toBeLessThan(400 + 5 * 20);
    expect(Math.min(...counts)).toBeGreaterThan(400 - 5 * 20);
    const expected = (400 * n) / 2 / 1024;
    const chi2 = pairs.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(1023 + 5 * Math.sqrt(2 * 1023));
    expect(chi2).toBeGreaterThan(1023 - 5 * Math.sqrt(2 * 1023));
  });
});

describe('sobolSample beyond the table', () => {
  it('40 inputs: the first 32 quasi-random, the rest seeded Monte Carlo; an additive model still gives c_i²/Σc²', () => {
    const k = 40;
    const c = Array.from({ length: k }, (_, i) => (i % 5 === 0 ? 3 : 1));
    const norm = c.reduce((s, x) => s + x * x, 0);
    const r = sobolIndices((x) => x.reduce((s, xi, i) => s + c[i] * xi, 0), cube(k), { n: 4096, seed: 6, resamples: 50 });
    r.first.forEach((s, i) => expect(Math.abs(s - (c[i] * c[i]) / norm)).toBeLessThan(0.03));
    r.total.forEach((s, i) => expect(Math.abs(s - (c[i] * c[i]) / norm)).toBeLessThan(0.03));
    const { unit } = sobolSample(cube(k), 64, { dummy: false, seed: 6 });
    // Quasi-random columns are stratified (one point per 1/64 interval); the Monte Carlo ones are not.
    const strata = (col: number) => new Set(unit.slice(0, 64).map((row) => Math.floor(row[col] * 64))).size;
    expect(strata(0)).toBe(64);
    expect(strata(31)).toBe(64);
    expect(strata(35)).toBeLessThan(64);
  });
});
