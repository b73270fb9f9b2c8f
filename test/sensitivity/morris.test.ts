import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/math/rng/index.js';
import { morrisAnalyze } from '../../src/sensitivity/morrisAnalyze.js';
import { morrisSample } from '../../src/sensitivity/morrisSample.js';
import type { InputBound } from '../../src/sensitivity/inputs.js';

const unitSquare: InputBound[] = [
  { name: 'x1', lower: 0, upper: 1 },
  { name: 'x2', lower: 0, upper: 1 },
];

describe('morrisSample', () => {
  it('trajectories move one factor at a time by ±Δ on the p-level grid, every factor once', () => {
    const bounds: InputBound[] = [
      { name: 'a', lower: -2, upper: 2 },
      { name: 'b', lower: 0, upper: 10 },
      { name: 'c', lower: 5, upper: 6 },
      { name: 'd', lower: 0, upper: 1 },
    ];
    for (const levels of [2, 4, 6]) {
      const { unit, X, layout } = morrisSample(bounds, { trajectories: 30, levels, seed: 8, groups: ['g', 'b', 'g', 'd'] });
      const delta = levels / (2 * (levels - 1));
      expect(layout.delta).toBe(delta);
      expect(layout.factors).toEqual(['g', 'b', 'd', '(dummy)']);
      expect(layout.rowsPerTrajectory).toBe(5);
      expect(unit.length).toBe(30 * 5);
      for (const row of unit) for (const u of row) {
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(u * (levels - 1) - Math.round(u * (levels - 1)))).toBeLessThan(1e-9); // on the grid
      }
      for (let t = 0; t < 30; t++) {
        const moved: number[] = [];
        for (let s = t * 5; s < t * 5 + 4; s++) {
          const changed = unit[s].map((u, i) => unit[s + 1][i] - u).map((d, i) => [d, i] as const).filter(([d]) => Math.abs(d) > 1e-12);
          changed.forEach(([d]) => expect(Math.abs(Math.abs(d) - delta)).toBeLessThan(1e-12));
          const factors = [...new Set(changed.map(([, i]) => layout.members.findIndex((m) => m.includes(i))))];
          expect(factors.length).toBeLessThanOrEqual(1);
          moved.push(factors.length === 0 ? 3 : factors[0]);
          if (factors[0] === 0) expect(changed.length).toBe(2); // the group moves together
        }
        expect(moved).toEqual(layout.order[t]);
        expect([...moved].sort()).toEqual([0, 1, 2, 3]);
      }
      X.forEach((x, s) => x.forEach((v, i) => expect(v).toBeCloseTo(bounds[i].lower + unit[s][i] * (bounds[i].upper - bounds[i].lower), 12)));
    }
  });

  it('any inputs, groups and levels: each step moves one whole factor by ±Δ inside [0, 1], each factor once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 7 }), fc.constantFrom(2, 4, 6, 8), fc.boolean(), fc.integer({ min: 1, max: 10 ** 6 }), (groupOf, levels, dummy, seed) => {
        const bounds = groupOf.map((_, i) => ({ name: `x${i}`, lower: -i, upper: 1 + i * i }));
        const groups = groupOf.map((g) => `g${g}`);
        const { unit, layout } = morrisSample(bounds, { trajectories: 3, levels, seed, groups, dummy });
        const delta = levels / (2 * (levels - 1));
        const G = layout.members.length;
        expect(G).toBe(new Set(groups).size + (dummy ? 1 : 0));
        expect(unit.length).toBe(3 * (G + 1));
        for (let t = 0; t < 3; t++) {
          const seen = new Set<number>();
          for (let s = t * (G + 1); s < (t + 1) * (G + 1) - 1; s++) {
            const moved = unit[s].flatMap((u, i) => (Math.abs(unit[s + 1][i] - u) > 1e-12 ? [i] : []));
            const g = layout.order[t][s - t * (G + 1)];
            expect(moved).toEqual(layout.members[g]);
            moved.forEach((i) => expect((unit[s + 1][i] - unit[s][i]) * layout.direction[t][g]).toBeCloseTo(delta, 12));
            seen.add(g);
          }
          expect(seen.size).toBe(G);
        }
        unit.flat().forEach((u) => expect(u >= 0 && u <= 1 + 1e-12).toBe(true));
      }),
      { numRuns: 100 },
    );
  });

  it('is reproducible by seed and refuses odd levels or one trajectory', () => {
    expect(morrisSample(unitSquare, { trajectories: 5, seed: 3 })).toEqual(morrisSample(unitSquare, { trajectories: 5, seed: 3 }));
    expect(morrisSample(unitSquare, { trajectories: 5, seed: 3 }).unit).not.toEqual(morrisSample(unitSquare, { trajectories: 5, seed: 4 }).unit);
    expect(() => morrisSample(unitSquare, { trajectories: 5, levels: 3 })).toThrow(/even/);
    expect(() => morrisSample(unitSquare, { trajectories: 1 })).toThrow(/≥ 2/);
  });
});

describe('morrisAnalyze', () => {
  it('a linear function: μ = μ* = c_i·(upper − lower), σ = 0, the dummy 0', () => {
    const bounds: InputBound[] = [
      { name: 'a', lower: 0, upper: 2 },
      { name: 'b', lower: -1, upper: 1 },
      { name: 'c', lower: 10, upper: 15 },
    ];
    const c = [3, -0.5, 0.2];
    const design = morrisSample(bounds, { trajectories: 12, seed: 2 });
    const Y = design.X.map((x) => x.reduce((s, xi, i) => s + c[i] * xi, 0));
    const m = morrisAnalyze(bounds, design.X, Y, { levels: 4 });
    const expected = [3 * 2, -0.5 * 2, 0.2 * 5];
    m.mu.forEach((mu, i) => expect(mu).toBeCloseTo(expected[i], 10));
    m.muStar.forEach((mu, i) => expect(mu).toBeCloseTo(Math.abs(expected[i]), 10));
    m.sigma.forEach((s) => expect(s).toBeLessThan(1e-10));
    m.muStarConf.forEach(([lo, hi], i) => {
      expect(lo).toBeCloseTo(Math.abs(expected[i]), 10);
      expect(hi).toBeCloseTo(Math.abs(expected[i]), 10);
    });
    expect(m.dummy!.muStar).toBe(0);
    expect(m.evaluations).toBe(12 * 5);
  });

  it('hand-built trajectories of f = x1·(x2 − ½): the elementary effects worked out by hand', () => {
    // p = 4, Δ = 2/3. EE_1 = x2 − ½ at x1's move, EE_2 = x1 at x2's move.
    const X = [
      [0, 1 / 3], [2 / 3, 1 / 3], [2 / 3, 1], // x1 up at x2 = 1/3, then x2 up at x1 = 2/3
      [1, 1], [1, 1 / 3], [1 / 3, 1 / 3], // x2 down at x1 = 1, then x1 down at x2 = 1/3
      [0, 1], [2 / 3, 1], [2 / 3, 1 / 3], // x1 up at x2 = 1, then x2 down at x1 = 2/3
    ];
    const Y = X.map(([x1, x2]) => x1 * (x2 - 0.5));
    const m = morrisAnalyze(unitSquare, X, Y, { levels: 4, dummy: false });
    const ee1 = [-1 / 6, -1 / 6, 1 / 2];
    const ee2 = [2 / 3, 1, 2 / 3];
    m.effects[0].forEach((e, t) => expect(e).toBeCloseTo(ee1[t], 12));
    m.effects[1].forEach((e, t) => expect(e).toBeCloseTo(ee2[t], 12));
    expect(m.mu[0]).toBeCloseTo(1 / 18, 12);
    expect(m.muStar[0]).toBeCloseTo(5 / 18, 12);
    expect(m.sigma[0]).toBeCloseTo(Math.sqrt(((1 / 18 + 1 / 6) ** 2 * 2 + (1 / 2 - 1 / 18) ** 2) / 2), 12);
    expect(m.mu[1]).toBeCloseTo(7 / 9, 12);
    expect(m.sigma[1]).toBeCloseTo(Math.sqrt(((7 / 9 - 2 / 3) ** 2 * 2 + (1 - 7 / 9) ** 2) / 2), 12);
    // The bootstrap interval of μ* lies between the smallest and largest possible resample means.
    m.muStarConf.forEach(([lo, hi], g) => {
      const abs = m.effects[g].map(Math.abs);
      expect(lo).toBeGreaterThanOrEqual(Math.min(...abs) - 1e-12);
      expect(hi).toBeLessThanOrEqual(Math.max(...abs) + 1e-12);
      expect(lo).toBeLessThanOrEqual(m.muStar[g]);
    });
  });

  it("a step that changes nothing is the dummy's; its effect is the output's noise between the two rows", () => {
    const X = [[0, 0], [0, 0], [2 / 3, 0], [2 / 3, 2 / 3], [1, 1], [1 / 3, 1], [1 / 3, 1], [1 / 3, 1 / 3]];
    const noise = [0, 0.1, 0, 0, 0, 0, -0.3, 0];
    const Y = X.map(([x1, x2], s) => x1 + x2 + noise[s]);
    const m = morrisAnalyze(unitSquare, X, Y, { levels: 4 });
    expect(m.dummy!.effects[0]).toBeCloseTo(0.1 / (2 / 3), 12);
    expect(m.dummy!.effects[1]).toBeCloseTo(-0.3 / (2 / 3), 12);
    expect(m.effects[0][0]).toBeCloseTo(1 - 0.1 / (2 / 3), 12);
    expect(m.effects[1]).toEqual([expect.closeTo(1, 12), expect.closeTo(1 - 0.3 / (2 / 3), 12)]); // measured from the noisy row
  });

  it("a noisy model's dummy: μ* ≈ E|ε₂ − ε₁|/Δ = 2σ/(Δ√π), inside its interval; inputs rank by the G-function's a_i", () => {
    // Sobol's G-function with a = (0, 1, 9, 99): importance falls with a_i. Each row adds N(0, σ²) noise drawn from
    // its own stream, so the dummy's effect (ε_{s+1} − ε_s)/Δ is N(0, 2σ²/Δ²) and E|EE| = 2σ/(Δ√π).
    const a = [0, 1, 9, 99];
    const g = (x: readonly number[]) => x.reduce((p, xi, i) => (p * (Math.abs(4 * xi - 2) + a[i])) / (1 + a[i]), 1);
    const sigma = 0.05;
    const noise = (row: number) => {
      const rng = streamFor(31, row);
      return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    };
    const bounds = a.map((_, i) => ({ name: `x${i + 1}`, lower: 0, upper: 1 }));
    const design = morrisSample(bounds, { trajectories: 400, seed: 9 });
    const Y = design.X.map((x, row) => g(x) + sigma * noise(row));
    const m = morrisAnalyze(bounds, design.X, Y, { seed: 3 });
    const expected = (2 * sigma) / ((2 / 3) * Math.sqrt(Math.PI));
    expect(Math.abs(m.dummy!.muStar - expected) / expected).toBeLessThan(0.1);
    expect(m.dummy!.muStarConf[0]).toBeLessThan(expected);
    expect(m.dummy!.muStarConf[1]).toBeGreaterThan(expected);
    expect(Math.abs(m.dummy!.mu)).toBeLessThan(3 * (Math.sqrt(2) * sigma / (2 / 3)) / Math.sqrt(400));
    for (let i = 1; i < a.length; i++) expect(m.muStar[i]).toBeLessThan(m.muStar[i - 1]);
    expect(m.muStarConf[0][0]).toBeGreaterThan(m.dummy!.muStarConf[1]);
  });

  it('rejects rows that are not trajectories', () => {
    expect(() => morrisAnalyze(unitSquare, [[0, 0], [2 / 3, 2 / 3], [1, 1]], [0, 1, 2], { dummy: false })).toThrow(/more than one factor/);
    expect(() => morrisAnalyze(unitSquare, [[0, 0], [0.5, 0], [0.5, 0.5]], [0, 1, 2], { dummy: false })).toThrow(/not by Δ/);
    expect(() => morrisAnalyze(unitSquare, [[0, 0], [2 / 3, 0], [0, 0]], [0, 1, 2], { dummy: false })).toThrow(/twice/);
    expect(() => morrisAnalyze(unitSquare, [[0, 0], [2 / 3, 0]], [0, 1], { dummy: false })).toThrow(/whole number/);
  });

  it('grouped inputs: a group moving together has the sum of its linear effects (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 10 ** 6 }), (c, seed) => {
        const bounds = c.map((_, i) => ({ name: `x${i}`, lower: 0, upper: 1 + i }));
        const groups = c.map((_, i) => (i < 2 ? 'pair' : `x${i}`));
        const design = morrisSample(bounds, { trajectories: 4, seed, groups });
        const Y = design.X.map((x) => x.reduce((s, xi, i) => s + c[i] * xi, 0));
        const m = morrisAnalyze(bounds, design.X, Y, { groups });
        expect(m.factors[0]).toBe('pair');
        expect(m.mu[0]).toBeCloseTo(c[0] * 1 + c[1] * 2, 9);
        for (let g = 1; g < m.factors.length; g++) {
          expect(m.mu[g]).toBeCloseTo(c[g + 1] * (g + 2), 9);
          expect(m.sigma[g]).toBeLessThan(1e-9);
          expect(m.muStar[g]).toBeCloseTo(Math.abs(m.mu[g]), 9);
        }
      }),
      { numRuns: 50 },
    );
  });
});
