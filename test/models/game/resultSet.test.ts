import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STRATEGIES, strategyById } from '../../../src/models/game/registry.js';
import { runTournament } from '../../../src/models/game/tournament.js';
import { median, tournamentResultSet } from '../../../src/models/game/resultSet.js';

const ids = (s: string) => s.split(',').map(strategyById);

describe('tournament result set', () => {
  it('the Axelrod docs tournament (10 turns, 3 repetitions): wins, cooperating rating, shared rank', () => {
    // Axelrod library docs: wins [[0,0,0],[3,3,3],[0,0,0],[0,0,0]], cooperating_rating [1.0, 0.0, 0.7, 0.7]
    // (Tit For Tat cooperates 10 + 1 + 10 of its 30 turns); Tit For Tat and Grudger tie at 2.3.
    const rs = tournamentResultSet(runTournament(ids('cooperator,defector,tit-for-tat,grudger'), { turns: 10, repetitions: 3 }));
    expect(runTournament(ids('cooperator,defector,tit-for-tat,grudger'), { turns: 10, repetitions: 3 }).wins).toEqual([[0, 0, 0], [3, 3, 3], [0, 0, 0], [0, 0, 0]]);
    expect(rs.wins).toEqual([0, 9, 0, 0]);
    expect(rs.medianWins).toEqual([0, 3, 0, 0]);
    rs.cooperationRates.forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0.7, 0.7][i], 14));
    expect(rs.ranks).toEqual([4, 1, 2, 2]);
    expect(rs.cooperationMatrix[2][1]).toBeCloseTo(0.1, 14); // Tit For Tat against Defector: C then nine Ds
    rs.medianScores.forEach((v, i) => expect(v).toBeCloseTo([2.0, 2.6, 2.3, 2.3][i], 12)); // deterministic: every repetition alike
  });

  it('tit-for-tat and grudger tie at 1.9975 against a defector (200 turns) and share rank 1', () => {
    // Hand-derived: each gets 0 + 199·1 = 199 over 200 turns against the defector (0.995) and 3 against the other.
    const rs = tournamentResultSet(runTournament(ids('tit-for-tat,defector,grudger'), { turns: 200, repetitions: 10 }));
    expect(rs.meanScores[0]).toBeCloseTo(1.9975, 14);
    expect(rs.meanScores[2]).toBeCloseTo(1.9975, 14);
    expect(rs.ranks).toEqual([1, 3, 1]);
    expect(rs.order.map((i) => rs.players[i])).toEqual(['tit-for-tat', 'grudger', 'defector']);
    // The defector beats both (204 to 199) in every repetition; tit-for-tat and grudger draw.
    expect(rs.wins).toEqual([0, 20, 0]);
  });

  it('the alternator cooperates on exactly half its turns; the cooperator on all; self-play never counts', () => {
    const r = runTournament(ids('alternator,cooperator,defector'), { turns: 200, repetitions: 2, selfPlay: true });
    const rs = tournamentResultSet(r);
    expect(rs.cooperationRates).toEqual([0.5, 1, 0]);
    expect(rs.cooperationMatrix[0][0]).toBe(0.5);
    // Alternator beats the cooperator (CD… against CC…), loses to the defector; a self-play match is no win.
    expect(r.wins).toEqual([[1, 1], [0, 0], [2, 2]]);
  });

  it('per-repetition mean scores average to the mean score; quantiles are ordered and lie among them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 9 }), (seed, reps) => {
        const r = runTournament(ids('random,tit-for-tat,win-stay-lose-shift,grudger'), { turns: 30, repetitions: reps, noise: 0.1, seed });
        const rs = tournamentResultSet(r);
        r.normalisedScores.forEach((s, i) => {
          expect(Math.abs(s.reduce((a, b) => a + b, 0) / reps - r.meanScores[i])).toBeLessThan(1e-12);
          const q = rs.scoreQuantiles[i];
          expect(q.q05 <= q.q25 && q.q25 <= q.q50 && q.q50 <= q.q75 && q.q75 <= q.q95).toBe(true);
          expect(s).toContain(q.q50);
          expect(rs.medianScores[i]).toBeGreaterThanOrEqual(q.q25);
          expect(rs.medianScores[i]).toBeLessThanOrEqual(q.q75);
        });
        // Ranks are competition ranks: sorted, they start at 1 and never skip past the count of better players.
        const sorted = [...rs.ranks].sort((a, b) => a - b);
        expect(sorted[0]).toBe(1);
        sorted.forEach((k, m) => expect(k).toBeLessThanOrEqual(m + 1));
      }),
      { seed: 17, numRuns: 25 },
    );
  });

  it('every registered strategy can play: the full round robin has one rank per player', () => {
    const rs = tournamentResultSet(runTournament(STRATEGIES, { turns: 20, repetitions: 2 }));
    expect(rs.players).toHaveLength(STRATEGIES.length);
    expect(rs.ranks.every((k) => k >= 1 && k <= STRATEGIES.length)).toBe(true);
  });

  it('median: middle value, or the mean of the middle two', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), median([])]).toEqual([2, 2.5, 0]);
  });
});
