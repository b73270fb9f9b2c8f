import { describe, expect, it } from 'vitest';
import { cli, cliJson, stackTrace } from './spawn.js';

const korea = 'scenarios/korea-2024.yaml';

describe('--effects zero (the placebo)', () => {
  it('compare: every paired difference of every policy is exactly 0, weighted and unweighted', () => {
    const r = cliJson(['compare', korea, '--futures', '4', '--runs', '6', '--horizon', '36', '--no-store', '--effects', 'zero', '--json']);
    expect(r.options).toBeDefined();
    expect(r.reproduce.command).toMatch(/--effects zero$/);
    const others = r.policies.filter((p: { id: string }) => p.id !== 'status-quo');
    expect(others.length).toBe(5);
    for (const p of others) for (const side of ['weighted', 'unweighted']) {
      const diffs = Object.values(p[side].versusStatusQuo) as { diff: number; lo: number; hi: number }[];
      expect(diffs.length).toBeGreaterThan(0);
      for (const d of diffs) expect([p.id, side, d.diff, d.lo, d.hi]).toEqual([p.id, side, 0, 0, 0]);
    }
  });

  it('run: GRIT under the placebo gives the status quo figures; without it, it does not', () => {
    const args = ['run', korea, '--runs', '200', '--horizon', '60', '--json'];
    const sq = cliJson([...args, '--effects', 'zero']);
    const placebo = cliJson([...args, '--effects', 'zero', '--policy', 'grit']);
    const real = cliJson([...args, '--policy', 'grit']);
    expect(placebo.options.effects).toBe('zero');
    expect(placebo.outcomes).toEqual(sq.outcomes);
    expect(placebo.escalationScore).toEqual(sq.escalationScore);
    expect(real.escalationScore).not.toEqual(sq.escalationScore);
  });

  it('an unknown value is bad input: exit 2 with a hint, no stack trace', () => {
    const r = cli(['run', korea, '--runs', '10', '--effects', 'half']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--effects half: unknown value/);
    expect(r.err).toMatch(/zero/);
    expect(r.err).not.toMatch(stackTrace);
  });
});
