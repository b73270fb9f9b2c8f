import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../src/scenario/apply.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { scenarioSchema, type Scenario } from '../../../src/scenario/schema.js';
import { buildArms, fearInto, fearMatrix, hostilityIndex, matVec } from '../../../src/models/arms/buildArms.js';
import { armsRhs } from '../../../src/models/arms/nonlinear.js';

const korea = (() => {
  const r = parseScenario(readFileSync(new URL('../../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
  if (!r.ok) throw new Error('invalid');
  return r.scenario;
})();

// Two rivals and an ally: X fears Y; Y fears X; Z is aligned with X.
const trio = (over: Partial<Record<string, unknown>> = {}): Scenario =>
  scenarioSchema.parse({
    id: 'trio',
    title: 'trio',
    actors: [
      { id: 'X', name: 'X', capabilities: { conventional: { value: 10, unit: 'bn', baseYear: 2024, growth: 0.02, elasticity: 0.5, reliance: 0.2, fatigue: 0.1 } } },
      { id: 'Y', name: 'Y', theatreShare: 0.5, capabilities: { conventional: { value: 40, unit: 'bn', baseYear: 2024, elasticity: 0.3, fatigue: 0.1 } } },
      { id: 'Z', name: 'Z', capabilities: { conventional: { value: 20, unit: 'bn', baseYear: 2024 } } },
    ],
    relations: [
      { from: 'X', to: 'Y', hostility: 0.8 },
      { from: 'Y', to: 'X', hostility: 0.6 },
      { from: 'X', to: 'Z', mutual: true, alignment: 0.5 },
    ],
    arms: { cohesion: 0.5 },
    ...over,
  });

describe('the arms system built from a scenario', () => {
  it('computes fear with the bloc term and caps it at 1 (hand-derived)', () => {
    const sys = buildArms(trio());
    const f = fearMatrix(sys.params);
    // Y fears X directly (0.6) and Z because Z is aligned with X whom Y fears: κ·h_YX·w_XZ = 0.5·0.6·0.5.
    expect(f[1 * 3 + 0]).toBeCloseTo(0.6, 15);
    expect(f[1 * 3 + 2]).toBeCloseTo(0.15, 15);
    expect(f[0 * 3 + 1]).toBeCloseTo(0.8, 15);
    // θ_X = (1 − r)·f·s·c·x = 0.8 · 0.5 · 40 = 16; θ_Y = 0.6·10 + 0.15·20 = 9.
    expect(Array.from(sys.theta0)).toEqual([16, 9, 0].map((v) => expect.closeTo(v, 12)));
    // π_X = w_XZ · s_Z · x_Z = 0.5 · 20 = 10.
    expect(sys.pi0[0]).toBeCloseTo(10, 12);
  });

  it('gives the elasticity form: dx/dt at the base year is x⁰·g', () => {
    const sys = buildArms(trio());
    const dx = matVec(sys.A, sys.x0, 3).map((v, i) => v + sys.b[i]);
    expect(Array.from(dx)).toEqual([0.2, 0, 0].map((v) => expect.closeTo(v, 12)));
  });

  it('assurance 1 removes a threat entirely', () => {
    const sys = buildArms(applyChanges(trio(), [{ path: 'relations.X.Y.assurance', set: 1 }]));
    expect(sys.theta0[0]).toBe(0);
    expect(sys.A[0 * 3 + 1]).toBe(0); // X no longer reacts to Y
  });

  it('scaling every capability by a constant leaves A unchanged and scales b (relative paths unchanged)', () => {
    const s = trio();
    const scaled = applyChanges(s, ['X', 'Y', 'Z'].map((a) => ({ path: `actors.${a}.capabilities.conventional.value`, scale: 7 })));
    const a = buildArms(s), b = buildArms(scaled);
    a.A.forEach((v, k) => expect(b.A[k]).toBeCloseTo(v, 12));
    a.b.forEach((v, k) => expect(b.b[k]).toBeCloseTo(7 * v, 10));
  });

  it('with alignment fixed, the non-linear right-hand side equals A x + b', () => {
    const sys = buildArms(korea);
    const rhs = armsRhs(sys, { endogenous: false, nonNegative: false });
    const n = sys.labels.length, m = sys.actors.length;
    const x = sys.x0.map((v, i) => v * (1 + 0.1 * Math.sin(i + 1)));
    const y = new Float64Array(n + m * m);
    y.set(x);
    y.set(sys.params.alignment, n);
    const dy = new Float64Array(n + m * m);
    rhs(0, y, dy);
    const lin = matVec(sys.A, x, n).map((v, i) => v + sys.b[i]);
    for (let q = 0; q < n; q++) expect(dy[q]).toBeCloseTo(lin[q], 8);
  });

  it('lays the Korea state out actor-major with typed stocks', () => {
    const sys = buildArms(korea);
    expect(sys.labels.slice(0, 3)).toEqual(['PRK.conventional', 'PRK.strategic', 'KOR.conventional']);
    expect(sys.labels).toHaveLength(13);
  });
});

describe('fear with the hostility index', () => {
  it('equals the full bloc sums bit for bit, and takes them in full when an alignment is not finite', () => {
    const p = buildArms(korea).params;
    const index = hostilityIndex(p);
    const m = p.m;
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 50; trial++) {
      const w = Float64Array.from({ length: m * m }, (_, e) => (e % (m + 1) === 0 ? 0 : next()));
      const full = fearInto(p, w, new Float64Array(m * m));
      const sparse = fearInto(p, w, new Float64Array(m * m), index);
      expect(Array.from(sparse).every((v, k) => Object.is(v, full[k]))).toBe(true);
    }
    const w = Float64Array.from(p.alignment);
    w[1] = Infinity;
    const full = fearInto(p, w, new Float64Array(m * m));
    const sparse = fearInto(p, w, new Float64Array(m * m), index);
    expect(Array.from(sparse).every((v, k) => Object.is(v, full[k]))).toBe(true);
    expect(Array.from(full).some(Number.isNaN)).toBe(true);
  });
});
