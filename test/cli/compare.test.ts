import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, stackTrace } from './spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = ['--futures', '3', '--runs', '6', '--horizon', '24', '--threads', '1'];
const korea = 'scenarios/korea-2024.yaml';

describe('flashpoints compare', () => {
  it('prints the contract with every policy, intervals, differences against the status quo, byType and robustness', () => {
    const r = cli(['compare', korea, ...small, '--no-store', '--json']);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ command: 'compare', seed: 1, scenario: { id: 'korea-2024' } });
    expect(o.policies.map((p: { id: string }) => p.id)).toEqual(['status-quo', 'asian-nato', 'deterrence-assurance', 'dialogue', 'japan-bridge', 'grit']);
    expect(o.weights).toMatchObject({ method: 'history-matching', cutoff: 3, futures: 3 });
    expect(o.weights.ess).toBe(o.weights.perFuture.filter((f: { weight: number }) => f.weight === 1).length);
    for (const p of o.policies) {
      for (const b of [p.weighted, p.unweighted]) {
        for (const k of ['clash', 'war', 'nuclear']) expect(b.outcomes[k].lo).toBeLessThanOrEqual(b.outcomes[k].p);
        expect(b.acrossFutures.war).toEqual({ q05: expect.any(Number), q50: expect.any(Number), q95: expect.any(Number) });
        if (p.id === 'status-quo') expect(b.versusStatusQuo).toBeUndefined();
        else expect(b.versusStatusQuo.war.lo).toBeLessThanOrEqual(b.versusStatusQuo.war.diff);
        // the dyad groups split the war probability: they add up to it
        expect(b.groups.map((g: { id: string }) => g.id)).toEqual(['peninsula', 'great-powers', 'south-china-sea', 'other']);
      }
      expect(p.unweighted.groups.reduce((s: number, g: { war: { p: number } }) => s + g.war.p, 0)).toBeCloseTo(p.unweighted.outcomes.war.p, 12);
    }
    expect(o.byType.weighted[0].uncertainty).toBe('prk-type');
    expect(o.robustness.unweighted.policies).toHaveLength(6);
  });

  it('writes a self-contained HTML report naming every policy', () => {
    const file = join(dir, 'report.html');
    const r = cli(['compare', korea, ...small, '--no-store', '--report', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`report written to ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const id of ['status-quo', 'asian-nato', 'deterrence-assurance', 'dialogue', 'japan-bridge', 'grit']) expect(html).toContain(id);
    expect(html).not.toMatch(/<script[\s>]/i);
  });

  it('resumes a killed experiment from the store and ends with the same results', () => {
    const store = join(dir, 'killed.sqlite');
    const args = ['compare', korea, ...small, '--policies', 'dialogue', '--store', store, '--json'];
    const full = JSON.parse(cli(['compare', korea, ...small, '--policies', 'dialogue', '--store', join(dir, 'full.sqlite'), '--json']).out);
    const killed = cli(args, { env: { FLASHPOINTS_ABORT_AFTER_CELLS: '2' } });
    expect(killed.code).toBe(1);
    const resumed = JSON.parse(cli([...args, '--resume']).out);
    const clean = (o: Record<string, unknown>) => ({ ...o, timing: undefined, options: undefined });
    expect(clean(resumed)).toEqual(clean(full));
  });

  it.each([
    [['--policies', 'dialogue,nope'], /unknown policy 'nope'/],
    [['--futures', '0'], /--futures must be an integer/],
    [['--runs', '-3'], /--runs must be an integer/],
    [['--threshold', '2'], /--threshold must be a number/],
  ])('rejects %j with exit 2 and a message', (extra, message) => {
    const r = cli(['compare', korea, ...small, '--no-store', ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(stackTrace);
  });

  it('refuses a store from another scenario without --force, and loses nothing', () => {
    const store = join(dir, 'other.sqlite');
    expect(cli(['compare', korea, ...small, '--policies', 'grit', '--store', store]).code).toBe(0);
    const other = join(dir, 'textbook.yaml');
    writeFileSync(other, readFileSync(korea, 'utf8').replace('id: korea-2024', 'id: korea-variant'));
    const r = cli(['compare', other, ...small, '--store', store]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/belongs to scenario 'korea-2024'/);
    expect(existsSync(store)).toBe(true);
    const again = cli(['compare', korea, ...small, '--policies', 'grit', '--store', store, '--resume']);
    expect(again.out).toMatch(/cells computed 0, reused from the store 6/);
  });
});
