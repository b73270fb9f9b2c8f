import { describe, expect, it } from 'vitest';
import { PRISONERS_DILEMMA, STAG_HUNT } from '../../../src/models/game/payoffs.js';
import { STRATEGIES, strategyById } from '../../../src/models/game/registry.js';
import { runTournament } from '../../../src/models/game/tournament.js';

const ids = (s: string) => s.split(',').map(strategyById);

describe('round-robin tournament', () => {
  it('reproduces the Axelrod docs tournament of Cooperator, Defector, Tit For Tat, Grudger (10 turns, 3 repetitions)', () => {
    // Axelrod library docs, "Accessing tournament results": payoff_matrix, scores [60, 78, 69, 69],
    // normalised_scores [2.0, 2.6, 2.3, 2.3], ranked_names [Defector, Tit For Tat, Grudger, Cooperator].
    const r = runTournament(ids('cooperator,defector,tit-for-tat,grudger'), { turns: 10, repetitions: 3 });
    const expected = [
      [3, 0, 3, 3],
      [5, 1, 1.4, 1.4],
      [3, 0.9, 3, 3],
      [3, 0.9, 3, 3],
    ];
    r.payoffMatrix.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
    expect(r.scores).toEqual([
      [60, 60, 60],
      [78, 78, 78],
      [69, 69, 69],
      [69, 69, 69],
    ]);
    [2.0, 2.6, 2.3, 2.3].forEach((v, i) => expect(r.meanScores[i]).toBeCloseTo(v, 12));
    expect(r.ranking).toEqual([1, 2, 3, 0]);
  });

  it('the seven-strategy round robin of 200 turns matches its hand-derived payoff matrix', () => {
    // Row vs column, per turn, derived by hand from each rule (see docs/games.md, "The benchmark tournament").
    const order = 'cooperator,defector,tit-for-tat,tit-for-two-tats,grudger,alternator,win-stay-lose-shift';
    const expected = [
      [3, 0, 3, 3, 3, 1.5, 3],
      [5, 1, 1.02, 1.04, 1.02, 3, 3],
      [3, 0.995, 3, 3, 3, 2.49, 3],
      [3, 0.99, 3, 3, 3, 1.5, 3],
      [3, 0.995, 3, 3, 3, 2.985, 3],
      [4, 0.5, 2.515, 4, 0.535, 2, 2.25],
      [3, 0.5, 3, 3, 3, 2.25, 3],
    ];
    const r = runTournament(ids(order), { turns: 200, repetitions: 5 });
    r.payoffMatrix.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
    const means = expected.map((row, i) => row.reduce((s, v, j) => s + (i === j ? 0 : v), 0) / 6);
    r.meanScores.forEach((v, i) => expect(v).toBeCloseTo(means[i], 12));
    // Grudger 2.6633, Tit For Tat 2.5808, WSLS 2.4583, TF2T 2.415, Defector 2.3467, Alternator 2.3, Cooperator 2.25.
    expect(r.ranking.map((i) => r.players[i])).toEqual([
      'grudger',
      'tit-for-tat',
      'win-stay-lose-shift',
      'tit-for-two-tats',
      'defector',
      'alternator',
      'cooperator',
    ]);
  });

  it('self-play is on the diagonal and enters the mean scores only when asked', () => {
    const players = ids('cooperator,defector');
    const without = runTournament(players, { turns: 10, repetitions: 2 });
    const withSelf = runTournament(players, { turns: 10, repetitions: 2, selfPlay: true });
    expect(without.payoffMatrix).toEqual(withSelf.payoffMatrix);
    expect(without.meanScores).toEqual([0, 5]);
    expect(withSelf.meanScores).toEqual([1.5, 3]);
  });

  it('swapping two players transposes the payoff matrix (deterministic strategies)', () => {
    const det = STRATEGIES.filter((s) => !s.stochastic);
    const r = runTournament(det, { turns: 60, repetitions: 2 });
    const rev = runTournament([...det].reverse(), { turns: 60, repetitions: 2 });
    const n = det.length;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(rev.payoffMatrix[n - 1 - i][n - 1 - j]).toBe(r.payoffMatrix[i][j]);
  });

  it('payoffs stay within the stage game bounds; each pair earns at most 2R per turn', () => {
    const r = runTournament(STRATEGIES, { turns: 50, repetitions: 3, noise: 0.05, seed: 4 });
    for (let i = 0; i < r.players.length; i++) {
      for (let j = 0; j < r.players.length; j++) {
        expect(r.payoffMatrix[i][j]).toBeGreaterThanOrEqual(PRISONERS_DILEMMA.S);
        expect(r.payoffMatrix[i][j]).toBeLessThanOrEqual(PRISONERS_DILEMMA.T);
        expect(r.payoffMatrix[i][j] + r.payoffMatrix[j][i]).toBeLessThanOrEqual(2 * PRISONERS_DILEMMA.R + 1e-12);
      }
    }
  });

  it('reusing deterministic pairs gives exactly what replaying every repetition gives, fixed or probabilistic end', () => {
    const players = ids('cooperator,defector,tit-for-tat,grudger,alternator,random');
    for (const extra of [{ turns: 40 }, { probEnd: 0.05 }, { probEnd: 0.2, turns: 8 }]) {
      const a = runTournament(players, { ...extra, repetitions: 6, seed: 8 });
      const b = runTournament(players, { ...extra, repetitions: 6, seed: 8, reuseDeterministic: false });
      expect(a).toEqual(b);
    }
  });

  it('a match does not depend on the other matches: one stream per (seed, i, j, repetition)', () => {
    const big = runTournament(ids('random,generous-tit-for-tat,tit-for-tat'), { turns: 50, repetitions: 4, noise: 0.1, seed: 5 });
    const small = runTournament(ids('random,generous-tit-for-tat'), { turns: 50, repetitions: 4, noise: 0.1, seed: 5 });
    expect(small.payoffMatrix[0][1]).toBe(big.payoffMatrix[0][1]);
    expect(small.payoffMatrix[1][0]).toBe(big.payoffMatrix[1][0]);
  });

  it('is reproducible under a seed and varies across seeds when noisy', () => {
    const players = ids('tit-for-tat,win-stay-lose-shift,grudger');
    const a = runTournament(players, { turns: 100, repetitions: 5, noise: 0.05, seed: 11 });
    const b = runTournament(players, { turns: 100, repetitions: 5, noise: 0.05, seed: 11 });
    const c = runTournament(players, { turns: 100, repetitions: 5, noise: 0.05, seed: 12 });
    expect(b).toEqual(a);
    expect(c.payoffMatrix).not.toEqual(a.payoffMatrix);
  });

  it('noise 1 turns cooperators into defectors: cooperator against itself scores P', () => {
    const r = runTournament(ids('cooperator,defector'), { turns: 20, repetitions: 2, noise: 1 });
    expect(r.payoffMatrix).toEqual([
      [1, 5],
      [0, 3],
    ]);
  });

  it('in the stag hunt tit-for-tat and the cooperator beat the defector (defence-dominant world)', () => {
    const r = runTournament(ids('cooperator,defector,tit-for-tat'), { turns: 100, repetitions: 1, payoffs: STAG_HUNT });
    expect(r.players[r.ranking[r.ranking.length - 1]]).toBe('defector');
  });
});
