import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../report/htmlCheck.js';
import { cli, cliJson, stackTrace } from './spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'sensitivity-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const duel = 'test/fixtures/scenarios/duel.yaml';
const tiny = ['--trajectories', '4', '--runs', '12', '--horizon', '24', '--threads', '1'];
const duelInputs = ['actors[A].capabilities.conventional.elasticity', 'relations[A>B].hostility', 'crisis.actors.A.baseline', 'crisis.clashThreshold', 'crisis.ladder.warGivenClash'];
const clean = (o: Record<string, unknown>) => ({ ...o, seconds: undefined, cells: undefined, options: undefined });

describe('flashpoints sensitivity', () => {
  it('screens every ranged parameter of the scenario with the dummy as the noise floor, in the envelope', () => {
    const o = cliJson(['sensitivity', duel, ...tiny, '--no-store', '--json']);
    expect(o).toMatchObject({ flashpoints: expect.any(String), command: 'sensitivity', scenario: { id: 'duel', hash: expect.stringMatching(/^[0-9a-f]{64}$/) }, seed: 1, method: 'morris', outcome: 'war' });
    expect(o.inputs.map((i: { name: string }) => i.name)).toEqual(duelInputs);
    expect(o.morris.factors.map((f: { name: string }) => f.name).sort()).toEqual([...duelInputs].sort());
    // r trajectories of (5 inputs + the dummy + 1) rows, one cell each
    expect(o.morris.evaluations).toBe(4 * 7);
    expect(o.cells).toEqual({ computed: 28, reused: 0 });
    const muStar = o.morris.factors.map((f: { muStar: number }) => f.muStar);
    expect(muStar).toEqual([...muStar].sort((a, b) => b - a));
    for (const f of o.morris.factors) {
      expect(f.muStarConf[0]).toBeLessThanOrEqual(f.muStar + 1e-12);
      expect(f.muStarConf[1]).toBeGreaterThanOrEqual(f.muStar - 1e-12);
      // μ* is a mean of |EE| over the trajectories, μ the signed mean
      const ee = o.morris.effects[f.name] as number[];
      expect(f.muStar).toBeCloseTo(ee.reduce((a, e) => a + Math.abs(e), 0) / 4, 12);
      expect(Math.abs(f.mu)).toBeLessThanOrEqual(f.muStar + 1e-12);
    }
    // the dummy moves no input, but each row draws its own streams: its effects are the run noise, not zero
    expect(o.morris.dummy.muStar).toBeGreaterThan(0);
  });

  it('--difference A,A gives exactly zero effects: the two cells of a row draw the same numbers (on 2 threads)', () => {
    const o = cliJson(['sensitivity', duel, ...tiny, '--threads', '2', '--difference', 'talk,talk', '--no-store', '--json']);
    expect(o.cells.computed).toBe(2 * 28);
    for (const f of [...o.morris.factors, o.morris.dummy]) expect([f.mu, f.muStar, f.sigma]).toEqual([0, 0, 0]);
  });

  it('a difference is paired: its elementary effects are those of A minus those of B, trajectory by trajectory', () => {
    const a = cliJson(['sensitivity', duel, ...tiny, '--policy', 'talk', '--no-store', '--json']);
    const b = cliJson(['sensitivity', duel, ...tiny, '--no-store', '--json']);
    const d = cliJson(['sensitivity', duel, ...tiny, '--threads', '2', '--difference', 'talk,status-quo', '--no-store', '--json']);
    expect(d.target).toBe('P(war) under talk − P(war) under status-quo');
    for (const name of duelInputs) {
      d.morris.effects[name].forEach((e: number, t: number) => expect(e).toBeCloseTo(a.morris.effects[name][t] - b.morris.effects[name][t], 12));
    }
  });

  it('resumes an interrupted analysis from the store with identical results, and the same on any thread count', () => {
    const store = join(dir, 'morris.sqlite');
    const args = ['sensitivity', duel, ...tiny, '--store', store, '--json'];
    const killed = cli(args, { env: { FLASHPOINTS_ABORT_AFTER_CELLS: '9' } });
    expect(killed.code).toBe(1);
    const resumed = cliJson(args);
    expect(resumed.cells).toEqual({ computed: 28 - 9, reused: 9 });
    const fresh = cliJson(['sensitivity', duel, ...tiny, '--threads', '2', '--no-store', '--json']);
    expect(clean(resumed)).toEqual(clean(fresh));
    // another outcome of the same design reads the stored cells only
    const again = cliJson(['sensitivity', duel, ...tiny, '--outcome', 'escalation', '--store', store, '--json']);
    expect(again.cells).toEqual({ computed: 0, reused: 28 });
  });

  it('Sobol\' on the top Morris inputs: the fixed inputs counted, the dummy\'s first-order index near zero', () => {
    const report = join(dir, 'sobol.html');
    const o = cliJson(['sensitivity', duel, '--method', 'sobol', '--top', '2', '--n', '32', '--trajectories', '4', '--runs', '20', '--horizon', '24', '--outcome', 'escalation', '--threads', '2', '--no-store', '--report', report, '--json']);
    // the page: valid, self-contained, with the μ*–σ figure, the Sobol' bars and the dummy lines
    const html = readFileSync(report, 'utf8');
    expect(checkHtml(html)).toEqual([]);
    for (const part of ['<svg id="fig-morris-0"', '<svg id="fig-sobol"', 'dummy S_T (noise)', 'dummy (noise)']) expect(html).toContain(part);
    expect(html).not.toMatch(/<script[\s>]/i);
    const morrisTop = o.morris.factors.slice(0, 2).map((f: { name: string }) => f.name);
    expect(o.sobol.factors.map((f: { name: string }) => f.name).sort()).toEqual(morrisTop.sort());
    expect(o.sobol.fixed).toBe('3 other inputs at their stated values');
    // N·(G+2) rows with G = 2 factors + the dummy
    expect(o.sobol.evaluations).toBe(32 * 5);
    // the dummy is a factor the model ignores: S = 0 in expectation (only the noise of the estimator remains)
    expect(Math.abs(o.sobol.dummy.first)).toBeLessThan(0.1);
    expect(o.sobol.dummy.total).toBeLessThan(o.sobol.factors[0].total);
  });

  it('Sobol\' on named groups moves each group as one factor, the rest as (other)', () => {
    const o = cliJson(['sensitivity', duel, '--method', 'sobol', '--groups', 'crisis', '--n', '8', '--runs', '4', '--horizon', '12', '--no-store', '--json']);
    expect(o.morris.factors).toEqual([]);
    expect(o.sobol.factors.map((f: { name: string }) => f.name).sort()).toEqual(['(other)', 'crisis']);
    // N·(G+2) rows with G = 2 groups + the dummy
    expect(o.sobol.evaluations).toBe(8 * 5);
  });

  it('takes the structural uncertainties as categorical inputs', () => {
    const file = join(dir, 'duel-types.yaml');
    const structural = `uncertainties:
  structural:
    - id: b-type
      title: What kind of actor Beta is
      default: calm
      alternatives:
        - { id: calm, title: Calm, weight: 1 }
        - { id: restless, title: Restless, weight: 1, changes: [{ path: crisis.actors.B.baseline, set: 3 }] }
`;
    writeFileSync(file, readFileSync(duel, 'utf8') + structural);
    const o = cliJson(['sensitivity', file, ...tiny, '--outcome', 'escalation', '--no-store', '--json']);
    expect(o.inputs.map((i: { name: string }) => i.name)).toEqual([...duelInputs, 'b-type']);
    expect(o.inputs.at(-1)).toEqual({ name: 'b-type', kind: 'structural' });
    expect(o.morris.evaluations).toBe(4 * 8);
    // a restless Beta raises the escalation score in every trajectory: the effect of moving up to it is positive
    expect(Math.min(...o.morris.effects['b-type'])).toBeGreaterThan(0);
  });

  it.each([
    [['--method', 'anova'], /--method must be morris or sobol/],
    [['--outcome', 'peace'], /--outcome must be one of war, nuclear, clashYears, escalation/],
    [['--policy', 'nope'], /has no policy 'nope'/],
    [['--difference', 'talk'], /--difference needs two policy ids/],
    [['--policy', 'talk', '--difference', 'talk,status-quo'], /exclude each other/],
    [['--levels', '3'], /--levels must be even/],
    [['--trajectories', '1'], /--trajectories must be an integer/],
    [['--method', 'sobol', '--n', '48'], /--n must be a power of 2/],
  ])('rejects %j with exit 2 and a message', (extra, message) => {
    const r = cli(['sensitivity', duel, ...tiny, '--no-store', ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(stackTrace);
  });
});
