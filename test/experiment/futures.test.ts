import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { streamFor } from '../../src/math/rng/index.js';
import { parseScenario } from '../../src/scenario/load.js';
import { getValue, resolvePath, type ResolvedPath } from '../../src/scenario/paths.js';
import { latinHypercube } from '../../src/experiment/designs/latinHypercube.js';
import { categorical, fromUnit } from '../../src/experiment/designs/transform.js';
import { sampleFutures, scenarioForFuture } from '../../src/experiment/futures.js';
import { listUncertainties } from '../../src/experiment/uncertainties.js';

const korea = (() => {
  const r = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
  if (!r.ok) throw new Error('invalid');
  return r.scenario;
})();

describe('Latin hypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (n, d, seed) => {
        const pts = latinHypercube(n, d, (dim) => streamFor(seed, 5, dim));
        for (let dim = 0; dim < d; dim++) {
          const strata = pts.map((p) => Math.floor(p[dim] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('distributions over a range', () => {
  it('map quantiles exactly: uniform, loguniform, triangular (closed forms)', () => {
    expect(fromUnit(0.25, { value: 0, range: [2, 6], dist: 'uniform' })).toBe(3);
    expect(fromUnit(0.5, { value: 1, range: [1, 100], dist: 'loguniform' })).toBeCloseTo(10, 12);
    // Triangular(0, 1, 4) with mode 1: F(1) = 1/4, so u = 1/4 maps to the mode; the median satisfies 1 − (4−x)²/12 = 1/2.
    expect(fromUnit(0.25, { value: 1, range: [0, 4], dist: 'triangular' })).toBeCloseTo(1, 12);
    expect(fromUnit(0.5, { value: 1, range: [0, 4], dist: 'triangular' })).toBeCloseTo(4 - Math.sqrt(6), 12);
  });

  it('truncated normal: the median is the mean when the range is symmetric, and values stay in range', () => {
    expect(fromUnit(0.5, { value: 5, range: [3, 7], dist: 'normal' })).toBeCloseTo(5, 9);
    fc.assert(fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), (u) => {
      const v = fromUnit(u, { value: 0.2, range: [0, 1], dist: 'normal' });
      expect(v >= 0 && v <= 1).toBe(true);
    }));
  });

  it('picks alternatives by weight', () => {
    expect([0, 0.24, 0.25, 0.99].map((u) => categorical(u, [1, 3]))).toEqual([0, 0, 1, 1]);
  });
});

describe('futures of the Korea scenario', () => {
  it('sample every ranged parameter, lever effects included, within its range', () => {
    const d = sampleFutures(korea, 20, 7);
    expect(d.uncertainties.length).toBeGreaterThan(100);
    expect(d.uncertainties.map((u) => u.name)).toContain('levers[us-prk-channel].effect');
    // A beta's range is its central 95%, not a bound: its draws stay in [0, 1].
    for (const f of d.futures) d.uncertainties.forEach((u, k) => expect(u.dist === 'beta' ? f.values[k] >= 0 && f.values[k] <= 1 : f.values[k] >= u.range[0] && f.values[k] <= u.range[1]).toBe(true));
  });

  it('are identical for the same seed and differ for another', () => {
    expect(sampleFutures(korea, 10, 3).futures).toEqual(sampleFutures(korea, 10, 3).futures);
    expect(sampleFutures(korea, 10, 4).futures).not.toEqual(sampleFutures(korea, 10, 3).futures);
  });

  it('balance North Korea\'s two types (equal weights, stratified): 10 of 20 each in replicates of 10', () => {
    const d = sampleFutures(korea, 20, 11, { replicates: 2 });
    const types = d.futures.map((f) => f.alternatives['prk-type']);
    expect(types.filter((t) => t === 'spiral').length).toBe(10);
    for (const r of [0, 1]) expect(d.futures.filter((f) => f.replicate === r && f.alternatives['prk-type'] === 'spiral').length).toBe(5);
  });

  it('come as independent hypercubes: ten of five futures for 50, each stratifying every range on its own', () => {
    const d = sampleFutures(korea, 50, 3);
    expect(d.replicates).toBe(10);
    const k = d.uncertainties.findIndex((u) => u.dist === 'split-uniform' && u.range[0] < u.value && u.value < u.range[1]);
    const u = d.uncertainties[k];
    for (let r = 0; r < 10; r++) {
      const strata = d.futures.filter((f) => f.replicate === r).map((f) => {
        // the value's quantile under its split-uniform distribution, then its stratum of five
        const x = f.values[k];
        const q = x <= u.value ? (0.5 * (x - u.range[0])) / (u.value - u.range[0] || 1) : 0.5 + (0.5 * (x - u.value)) / (u.range[1] - u.value || 1);
        return Math.min(4, Math.floor(q * 5));
      });
      expect([...strata].sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('write the sampled values into the scenario and apply the chosen alternative', () => {
    const d = sampleFutures(korea, 4, 1);
    const f = d.futures[0];
    const s = scenarioForFuture(korea, d, f);
    const k = d.uncertainties.findIndex((u) => u.name === 'relations[PRK>USA].hostility');
    expect(getValue(s, resolvePath('relations.PRK.USA.hostility', s.actors.map((a) => a.id)) as ResolvedPath)).toBe(f.values[k]);
    expect(s.crisis!.actors.PRK.strategy).toBe(f.alternatives['prk-type'] === 'spiral' ? 'reciprocator' : 'regime-driven');
    expect(listUncertainties(korea)).toEqual(d.uncertainties); // the original is untouched
  });
});
