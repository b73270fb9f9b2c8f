import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson as json, stackTrace } from './spawn.js';

const korea = 'scenarios/korea-2024.yaml';

describe('flashpoints run', () => {
  it('prints the envelope and the risk figures in the contract shape', () => {
    const o = json(['run', korea, '--runs', '60', '--seed', '1', '--horizon', '12', '--json']);
    expect(o).toMatchObject({ command: 'run', seed: 1, runs: 60, horizonMonths: 12, scenario: { id: 'korea-2024' } });
    expect(o.options).toEqual({ runs: 60, horizonMonths: 12, policy: null });
    for (const k of ['clash', 'war', 'nuclear']) {
      const x = o.outcomes[k];
      expect(0 <= x.lo && x.lo <= x.p && x.p <= x.hi && x.hi <= 1).toBe(true);
    }
    expect(Object.keys(o.outcomes.clashYearsPerDecade)).toEqual(['mean', 'lo', 'hi']);
    for (const q of ['mean', 'q05', 'q50', 'q95']) expect(o.escalationScore[q]).toHaveLength(12);
    expect(o.byActor.map((a: { id: string }) => a.id)).toEqual(['PRK', 'KOR', 'JPN', 'USA', 'CHN', 'RUS', 'AUS', 'PHL', 'VNM']);
    expect(Object.keys(o.byActor[0].actions)).toEqual(['de-escalation', 'status-quo', 'posturing', 'non-violent-escalation', 'violent-escalation', 'nuclear']);
    expect(o.byActor[0].launchesPerMonth).toBeGreaterThan(0);
    expect(o.byDyad).toHaveLength(72);
    expect(o.byDyad[0]).toMatchObject({ from: 'PRK', to: 'KOR' });
    expect(typeof o.byDyad[0].clashYears).toBe('number');
    expect(o.timing.seconds).toBeGreaterThan(0);
  });

  it('gives the same document on 1 and 2 threads, timing aside', () => {
    const args = ['run', korea, '--runs', '300', '--seed', '7', '--horizon', '24', '--policy', 'grit', '--json'];
    const { timing: _a, ...one } = json([...args, '--threads', '1']);
    const { timing: _b, ...two } = json([...args, '--threads', '2']);
    expect(two).toEqual(one);
    expect(one.policy).toBe('grit');
  });

  it.each([
    [['--runs', '0'], /--runs must be an integer/],
    [['--horizon', '0'], /--horizon must be an integer/],
    [['--threads', '0'], /--threads must be an integer/],
    [['--runs', 'many'], /--runs must be an integer/],
    [['--policy', 'appeasement'], /no policy 'appeasement'/],
  ])('bad input %j exits 2 with a message and no stack trace', (extra, message) => {
    const r = cli(['run', korea, '--json', ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(stackTrace);
    expect(r.out).toBe('');
  });

  it('a missing scenario file exits 2', () => {
    const r = cli(['run', 'no-such.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no such file/);
  });

  it('prints a short table without --json', () => {
    const r = cli(['run', korea, '--runs', '20', '--horizon', '12']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/P\(war\)/);
    expect(r.out).toMatch(/clash-years per decade/);
  });
});

describe('flashpoints run on other scenarios', () => {
  it('runs a scenario without a crisis section (defaults throughout: no launches, no ladder)', () => {
    const o = json(['run', 'test/fixtures/scenarios/textbook.yaml', '--runs', '10', '--horizon', '6', '--json']);
    expect(o.byDyad).toHaveLength(2);
    expect(o.outcomes.war.p).toBe(0);
    expect(o.byActor[0].launchesPerMonth).toBeUndefined();
  });

  it('crisis settings the schema cannot check (cutpoint count) exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-'));
    const file = join(dir, 'bad-cutpoints.yaml');
    writeFileSync(file, 'id: bad\ntitle: Bad cutpoints\nactors: [{ id: X, name: X }, { id: Y, name: Y }]\ncrisis: { cutpoints: [0, 1] }\n');
    const r = cli(['run', file, '--runs', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cutpoints needs 3 values/);
  });
});
