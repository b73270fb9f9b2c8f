import { describe, expect, it } from 'vitest';
import { replicatorDynamics } from '../../../src/models/game/replicator.js';

describe('replicator dynamics', () => {
  it('one generation of cooperator vs defector from (1/2, 1/2) gives (1/3, 2/3) (hand-derived)', () => {
    // Fitness: C = (3 + 0)/2 = 1.5, D = (5 + 1)/2 = 3, mean 2.25 → x_C = 0.5·1.5/2.25 = 1/3.
    const r = replicatorDynamics(
      [
        [3, 0],
        [5, 1],
      ],
      { generations: 1 },
    );
    expect(r.shares[0]).toBeCloseTo(1 / 3, 14);
    expect(r.shares[1]).toBeCloseTo(2 / 3, 14);
  });

  it('the defector takes over a population of cooperators', () => {
    const r = replicatorDynamics(
      [
        [3, 0],
        [5, 1],
      ],
      { generations: 200 },
    );
    expect(r.shares[1]).toBeGreaterThan(1 - 1e-9);
  });

  it('equal fitness leaves the shares where they are; shares always sum to 1', () => {
    const r = replicatorDynamics(
      [
        [2, 2, 2],
        [2, 2, 2],
        [2, 2, 2],
      ],
      { initial: [1, 2, 7], generations: 50 },
    );
    r.shares.forEach((x, i) => expect(x).toBeCloseTo([0.1, 0.2, 0.7][i], 14));
    for (const row of r.trajectory) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('records generation 0, every stride, and the last generation', () => {
    const r = replicatorDynamics(
      [
        [1, 0],
        [0, 1],
      ],
      { generations: 25, stride: 10 },
    );
    expect(r.generations).toEqual([0, 10, 20, 25]);
  });

  it('negative payoffs are shifted so fitness stays non-negative', () => {
    const r = replicatorDynamics(
      [
        [-1, -3],
        [0, -2],
      ],
      { generations: 1 },
    );
    // Shifted by 3: [[2, 0], [3, 1]] → fitness (1, 2), mean 1.5 → (1/3, 2/3).
    expect(r.shares[0]).toBeCloseTo(1 / 3, 14);
  });
});
