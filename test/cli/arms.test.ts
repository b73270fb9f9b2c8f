import { describe, expect, it } from 'vitest';
import { cli, stackTrace } from './spawn.js';

describe('flashpoints simulate', () => {
  it('prints the contract: times, actors in state order, series, equilibrium, sorted eigenvalues, stable', () => {
    const r = cli(['simulate', 'test/fixtures/scenarios/textbook.yaml', '--times', '0,1,2', '--json']);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ command: 'simulate', times: [0, 1, 2], actors: ['X', 'Y'], stable: true, scenario: { id: 'textbook' } });
    expect(o.series.X[0]).toBe(5);
    expect(o.equilibrium).toEqual([expect.closeTo(1.5 / 0.36, 9), expect.closeTo(1.6 / 0.36, 9)]);
    expect(o.eigenvalues[0].re).toBeLessThan(o.eigenvalues[1].re);
  });

  it('keys a multi-stock scenario by ACTOR.kind', () => {
    const o = JSON.parse(cli(['simulate', 'scenarios/korea-2024.yaml', '--years', '2', '--json']).out);
    expect(o.actors.slice(0, 2)).toEqual(['PRK.conventional', 'PRK.strategic']);
    expect(o.times).toEqual([0, 1, 2]);
    expect(o.series['USA.strategic'][0]).toBe(3708);
    expect(o.options.mode).toBe('nonlinear');
  });

  it('writes CSV with a header row', () => {
    const r = cli(['simulate', 'test/fixtures/scenarios/textbook.yaml', '--years', '1', '--step', '0.5', '--csv']);
    expect(r.out.trim().split('\n')).toEqual([expect.stringMatching(/^time,X,Y$/), expect.stringMatching(/^0,5,3$/), expect.any(String), expect.any(String)]);
  });

  it.each([
    [['--times', '1,x']],
    [['--times', '2,1']],
    [['--years', '-1']],
    [['--years', '2', '--times', '1']],
    [['--mode', 'fast']],
    [['--json', '--csv']],
  ])('rejects bad options %j with exit 2', (opts) => {
    const r = cli(['simulate', 'test/fixtures/scenarios/textbook.yaml', ...opts]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(stackTrace);
  });
});

describe('flashpoints analyze', () => {
  it('states the verdict in words and lists who draws together under endogenous alignment', () => {
    const r = cli(['analyze', 'scenarios/korea-2024.yaml', '--json']);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.verdict).toMatch(/^(stable|unstable|neutral)/);
    expect(o.couplings.length).toBeGreaterThan(0);
    expect(o.alignment.length).toBeGreaterThan(0);
    expect(o.alignment[0]).toMatchObject({ pair: [expect.any(String), expect.any(String)] });
  });

  it('prints a readable report', () => {
    const r = cli(['analyze', 'scenarios/richardson-1909.yaml']);
    expect(r.out).toMatch(/verdict: unstable/);
    expect(r.out).toMatch(/couplings that drive the leading eigenvalue/);
  });
});
