import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './spawn.js';

/* compare's scenario warnings from the derived-results cache (docs/performance.md#derived-results-cache). */
describe("compare's warnings reused from the cache", () => {
  const dir = mkdtempSync(join(tmpdir(), 'flashpoints-warnings-cache-'));
  const cache = join(dir, 'cache');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const small = ['--futures', '3', '--runs', '2', '--horizon', '12', '--threads', '1', '--no-store'];
  const compare = (args: string[], env: Record<string, string> = {}) => cli(['compare', 'scenarios/richardson-1909.yaml', ...small, ...args], { env: { FLASHPOINTS_CACHE_DIR: cache, ...env } });
  const untimed = (out: string) => out.replace(/"seconds":\s*[0-9.e+-]+/g, '"seconds": 0');

  it('prints and returns the same warnings as computing them, for each scenario after --set its own', () => {
    const off = compare(['--json'], { FLASHPOINTS_CACHE: 'off' });
    const first = compare(['--json']), second = compare(['--json']);
    expect(off.code, off.err).toBe(0);
    expect(JSON.parse(off.out).warnings.length).toBeGreaterThan(0);
    for (const r of [first, second]) expect(untimed(r.out)).toBe(untimed(off.out));
    const entries = readdirSync(join(cache, 'derived')).filter((f) => f.startsWith('warnings-'));
    expect(entries).toHaveLength(1);
    const text = compare([]), textOff = compare([], { FLASHPOINTS_CACHE: 'off' });
    expect(text.err).toBe(textOff.err);
    expect(text.err).toMatch(/^warning: crisis: no calibration record/);
    // A damaged entry is ignored and rewritten.
    writeFileSync(join(cache, 'derived', entries[0]), '[');
    expect(untimed(compare(['--json']).out)).toBe(untimed(off.out));
    expect(JSON.parse(readFileSync(join(cache, 'derived', entries[0]), 'utf8')).kind).toBe('warnings');
    // --set makes another scenario: another key, its own warnings.
    const set = ['--set', 'crisis.memory=0.4'];
    expect(untimed(compare([...set, '--json']).out)).toBe(untimed(compare([...set, '--json'], { FLASHPOINTS_CACHE: 'off' }).out));
    expect(readdirSync(join(cache, 'derived')).filter((f) => f.startsWith('warnings-'))).toHaveLength(2);
  }, 300_000);
});
