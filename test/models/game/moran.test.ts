import { describe, expect, it } from 'vitest';
import { initialCounts, moranProcess } from '../../../src/models/game/moran.js';
import { strategyById } from '../../../src/models/game/registry.js';
import type { Strategy } from '../../../src/models/game/strategy.js';

const cooperator = strategyById('cooperator');
const defector = strategyById('defector');
// Plays exactly as the cooperator (Axelrod MemoryOnePlayer docstring: Cooperator = (1, 1, 1, 1)): a neutral mutant.
const neutral = strategyById('memory-one:1,1,1,1');

describe('Moran process', () => {
  it('a neutral mutant fixes with probability 1/N (within 4σ of the binomial)', () => {
    const N = 10;
    const runs = 4000;
    const r = moranProcess([cooperator, neutral], { initial: [N - 1, 1], runs, seed: 21 });
    const p = 1 / N;
    expect(r.unfixed).toBe(0);
    expect(r.fixations[0] + r.fixations[1]).toBe(runs);
    expect(Math.abs(r.fixations[1] / runs - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
  });

  it('a neutral mutant fixes with probability 1/N also when every match is played (misperception forces play)', () => {
    // Neither strategy reads the opponent, so misperception leaves them neutral but sends the process down the
    // path that plays all N(N−1)/2 matches each step.
    const N = 5;
    const runs = 1500;
    const r = moranProcess([cooperator, neutral], { initial: [N - 1, 1], runs, seed: 22, turns: 5, misperception: 0.5 });
    const p = 1 / N;
    expect(Math.abs(r.fixations[1] / runs - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
  });

  it('a single mutant fixes with the closed-form probability of the frequency-dependent Moran process', () => {
    // Birth–death Moran with fitness f_j (mutant) and g_j (resident) when j mutants are present:
    // ρ = 1 / (1 + Σ_{k=1}^{N−1} Π_{j=1}^{k} g_j / f_j) (Taylor, Fudenberg, Sasaki & Nowak 2004; Nowak 2006 eq. 6.13).
    // Self-replacement only adds null steps, so the ratio of down/up transitions is still g_j / f_j.
    const N = 10;
    const rho = (a: number, b: number, c: number, d: number) => {
      let sum = 0;
      let prod = 1;
      for (let j = 1; j < N; j++) {
        prod *= (j * c + (N - j - 1) * d) / ((j - 1) * a + (N - j) * b);
        sum += prod;
      }
      return 1 / (1 + sum);
    };
    const tft = strategyById('tit-for-tat');
    const runs = 3000;
    // 200 turns: TFT–TFT 3, TFT vs ALLD 0.995, ALLD vs TFT 1.02, ALLD–ALLD 1 (per turn, hand-derived) → ρ ≈ 0.2432.
    const cases: [Strategy[], number][] = [
      [[tft, defector], rho(3, 0.995, 1.02, 1)],
      [[defector, cooperator], rho(1, 5, 0, 3)],
    ];
    for (const [[mutant, resident], p] of cases) {
      const r = moranProcess([mutant, resident], { initial: [1, N - 1], runs, seed: 31 });
      expect(Math.abs(r.fixations[0] / runs - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    }
  });

  it('one cooperator against one defector: the defector always fixes, after a geometric(1/2) number of steps', () => {
    // Cooperator fitness 0 (S), defector 5 (T): the defector always reproduces; its copy replaces the cooperator
    // with probability 1/2 and itself otherwise. Steps: mean 2, variance (1 − p)/p² = 2.
    const runs = 4000;
    const r = moranProcess([cooperator, defector], { initial: [1, 1], runs, seed: 3, turns: 10 });
    expect(r.fixations).toEqual([0, runs]);
    expect(Math.abs(r.meanSteps - 2)).toBeLessThan(4 * Math.sqrt(2 / runs));
  });

  it('records the first run as counts per step that always sum to N', () => {
    const r = moranProcess([cooperator, defector, strategyById('tit-for-tat')], { population: 12, seed: 2 });
    expect(r.trajectory[0]).toEqual([4, 4, 4]);
    for (const counts of r.trajectory) expect(counts.reduce((s, c) => s + c, 0)).toBe(12);
    const last = r.trajectory[r.trajectory.length - 1];
    expect(last.filter((c) => c === 12)).toHaveLength(1);
  });

  it('is reproducible under a seed', () => {
    const players = [cooperator, defector, strategyById('random')];
    const a = moranProcess(players, { population: 6, runs: 5, seed: 9, turns: 20 });
    const b = moranProcess(players, { population: 6, runs: 5, seed: 9, turns: 20 });
    expect(b).toEqual(a);
  });

  it('splits the population evenly with the remainder to the first strategies', () => {
    expect(initialCounts(3, { population: 11 })).toEqual([4, 4, 3]);
    expect(initialCounts(2, {})).toEqual([10, 10]);
  });
});
