import { describe, expect, it } from 'vitest';
import { cli, cliJson as json } from './spawn.js';

describe('flashpoints match', () => {
  it('prints the envelope, the players, one letter per turn and total scores', () => {
    const o = json(['match', 'tit-for-tat', 'defector', '--turns', '5', '--json']);
    expect(o.command).toBe('match');
    expect(o.seed).toBe(1);
    expect(o.options).toMatchObject({ turns: 5, noise: 0, misperception: 0, game: 'pd', payoffs: { R: 3, S: 0, T: 5, P: 1 } });
    expect(o.players).toEqual(['tit-for-tat', 'defector']);
    expect(o.actions).toEqual(['CDDDD', 'DDDDD']);
    expect(o.scores).toEqual([4, 9]);
  });

  it('accepts memory-one ids and custom payoffs', () => {
    const o = json(['match', 'memory-one:1,0,0,1', 'alternator', '--turns', '5', '--payoffs', '4,0,6,1', '--json']);
    expect(o.actions).toEqual(['CCDDC', 'CDCDC']);
    expect(o.scores).toEqual([4 + 0 + 6 + 1 + 4, 4 + 6 + 0 + 1 + 4]);
  });

  it('is reproducible under --seed with noise and misperception', () => {
    const args = ['match', 'random', 'grudger', '--turns', '40', '--noise', '0.1', '--misperception', '0.1', '--seed', '7', '--json'];
    expect(json(args).actions).toEqual(json(args).actions);
  });

  it('an unknown strategy exits 2 and lists the known ids, without a stack trace', () => {
    const r = cli(['match', 'tit-for-tat', 'nice-guy', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain("unknown strategy 'nice-guy'");
    expect(r.err).toContain('tit-for-two-tats');
    expect(r.err).toContain('memory-one:p1,p2,p3,p4');
    expect(r.err).not.toMatch(/\bat .*\.js/);
  });

  it('bad option values exit 2', () => {
    expect(cli(['match', 'cooperator', 'defector', '--noise', '1.5']).code).toBe(2);
    expect(cli(['match', 'cooperator', 'defector', '--turns', '0']).code).toBe(2);
    expect(cli(['match', 'cooperator', 'defector', '--game', 'poker']).code).toBe(2);
    expect(cli(['match', 'cooperator', 'memory-one:1,2,0,0']).code).toBe(2);
  });
});

describe('flashpoints tournament', () => {
  it('prints meanScores by id, the payoff matrix with self-play on the diagonal, and the ranking', () => {
    const o = json(['tournament', '--players', 'cooperator,defector,tit-for-tat,grudger', '--turns', '10', '--repetitions', '3', '--json']);
    expect(o.players).toEqual(['cooperator', 'defector', 'tit-for-tat', 'grudger']);
    // Axelrod library docs, "Accessing tournament results" (normalised_scores, ranked_names).
    expect(o.meanScores.cooperator).toBeCloseTo(2.0, 12);
    expect(o.meanScores.defector).toBeCloseTo(2.6, 12);
    expect(o.payoffMatrix[1][1]).toBe(1);
    expect(o.ranking).toEqual(['defector', 'tit-for-tat', 'grudger', 'cooperator']);
    expect(o.options).toMatchObject({ repetitions: 3, selfPlay: false });
  });

  it('accepts memory-one ids inside the comma list', () => {
    const o = json(['tournament', '--players', 'memory-one:1,0,1,0,defector', '--turns', '10', '--repetitions', '1', '--json']);
    expect(o.players).toEqual(['memory-one:1,0,1,0', 'defector']);
  });

  it('rejects unknown ids, repeated ids and a single player with exit 2', () => {
    const r = cli(['tournament', '--players', 'cooperator,no-such-strategy', '--turns', '5', '--repetitions', '1', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('known strategies: cooperator, defector');
    expect(cli(['tournament', '--players', 'cooperator,cooperator']).code).toBe(2);
    expect(cli(['tournament', '--players', 'cooperator']).code).toBe(2);
  });

  it('prints a ranking table without --json', () => {
    const r = cli(['tournament', '--players', 'cooperator,defector', '--turns', '5', '--repetitions', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\s*│\s*defector/);
  });
});

describe('flashpoints evolve', () => {
  it('moran: fixation counts per strategy over the runs', () => {
    const o = json(['evolve', '--players', 'cooperator,defector', '--method', 'moran', '--population', '6', '--runs', '20', '--seed', '3', '--json']);
    expect(o.method).toBe('moran');
    expect(o.population).toBe(6);
    expect(o.fixations.cooperator + o.fixations.defector + o.unfixed).toBe(20);
    expect(o.trajectory[0]).toEqual([3, 3]);
  });

  it('replicator: final shares sum to 1 and the defector wins against unconditional cooperators', () => {
    const o = json(['evolve', '--players', 'cooperator,defector', '--method', 'replicator', '--turns', '20', '--json']);
    expect(o.method).toBe('replicator');
    expect(o.shares.cooperator + o.shares.defector).toBeCloseTo(1, 12);
    expect(o.shares.defector).toBeGreaterThan(0.99);
  });

  it('rejects an unknown method with exit 2', () => {
    expect(cli(['evolve', '--players', 'cooperator,defector', '--method', 'lamarck']).code).toBe(2);
  });
});

describe('help', () => {
  it('lists every registered strategy id in the help of each game command', async () => {
    const { knownStrategyIds } = await import('../../src/models/game/registry.js');
    for (const command of ['match', 'tournament', 'evolve']) {
      const r = cli([command, '--help']);
      expect(r.code).toBe(0);
      const text = r.out.replace(/\s+/g, ' ');
      for (const id of knownStrategyIds()) expect(text).toContain(id);
    }
  });
});

describe('envelope options', () => {
  it('echo the effective number of turns: 200 by default, the cap (or null) with --prob-end', () => {
    expect(json(['match', 'cooperator', 'defector', '--json']).options.turns).toBe(200);
    const o = json(['match', 'cooperator', 'defector', '--prob-end', '0.5', '--json']);
    expect(o.options).toMatchObject({ turns: null, probEnd: 0.5 });
    expect(o.actions[0].length).toBeGreaterThanOrEqual(1);
  });
});
