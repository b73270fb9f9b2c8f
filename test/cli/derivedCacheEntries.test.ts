import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, root } from './spawn.js';

/*
 * What the derived-results cache stores and believes (docs/performance.md#derived-results-cache). The built module
 * is imported, not the source: running the TypeScript sources has no build stamp, hence no cache.
 */
type DerivedCache = typeof import('../../src/cli/derivedCache.js');

describe('the derived cache keeps only values that survive JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flashpoints-derived-'));
  let cache: DerivedCache;
  const saved = { dir: process.env.FLASHPOINTS_CACHE_DIR, off: process.env.FLASHPOINTS_CACHE };
  beforeAll(async () => {
    process.env.FLASHPOINTS_CACHE_DIR = dir;
    delete process.env.FLASHPOINTS_CACHE;
    cache = (await import(pathToFileURL(join(root, 'dist/src/cli/derivedCache.js')).href)) as DerivedCache;
  });
  afterAll(() => {
    for (const [name, v] of [['FLASHPOINTS_CACHE_DIR', saved.dir], ['FLASHPOINTS_CACHE', saved.off]] as const) {
      if (v === undefined) delete process.env[name];
      else process.env[name] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const entries = () => (existsSync(join(dir, 'derived')) ? readdirSync(join(dir, 'derived')) : []);

  it('skips −0, typed arrays, Maps and Sets anywhere in the value, and stores plain JSON', () => {
    expect(cache.derivedCacheEnabled()).toBe(true);
    const unfaithful: unknown[] = [-0, { rate: { median: -0 } }, [1, -0], new Float64Array([1, 2]), { m: new Map([[1, 2]]) }, [new Set([1])], NaN, [undefined]];
    unfaithful.forEach((value, i) => cache.writeDerived('probe', { i }, value));
    expect(entries()).toEqual([]);
    for (const [i] of unfaithful.entries()) expect(cache.readDerived('probe', { i })).toBeUndefined();
    const plain = { rate: { median: 0, q05: -0.5 }, rows: [1, 'two', null, { three: true }] };
    cache.writeDerived('probe', { i: 'plain' }, plain);
    expect(entries()).toHaveLength(1);
    expect(cache.readDerived('probe', { i: 'plain' })).toEqual(plain);
  });

  it('does not believe an entry holding −0 (no write stores one), but a string with "-0" in it is fine', () => {
    const [name] = entries();
    const file = join(dir, 'derived', name!);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify(stored).replace('"median":0', '"median":-0'));
    expect(readFileSync(file, 'utf8')).toContain('"median":-0');
    expect(cache.readDerived('probe', { i: 'plain' })).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...stored, value: { label: 'x-0', n: -0.05 } }));
    expect(cache.readDerived('probe', { i: 'plain' })).toEqual({ label: 'x-0', n: -0.05 });
  });

  it('stays bounded: a write removes temporary files older than an hour and all but the newest entries of its kind', () => {
    const folder = join(dir, 'derived'), n = cache.DERIVED_ENTRIES_PER_KIND;
    for (let i = 0; i < n; i++) cache.writeDerived('growth', { i }, { i });
    const growth = () => entries().filter((f) => /^growth-[0-9a-f]{64}\.json$/.test(f));
    expect(growth()).toHaveLength(n);
    // Entry i was written i minutes after a day ago; so entry 0 is the oldest.
    const dayAgo = Date.now() / 1000 - 86_400;
    const nameOf = new Map<string, number>();
    for (const name of growth()) {
      const i = JSON.parse(readFileSync(join(folder, name), 'utf8')).value.i as number;
      nameOf.set(name, i);
      utimesSync(join(folder, name), dayAgo + 60 * i, dayAgo + 60 * i);
    }
    const crashed = join(folder, 'growth-x.json.123.tmp'), underWay = join(folder, 'growth-y.json.456.tmp');
    writeFileSync(crashed, '{');
    writeFileSync(underWay, '{');
    utimesSync(crashed, dayAgo, dayAgo);
    const others = entries().filter((f) => f.startsWith('probe-'));
    cache.writeDerived('growth', { i: n }, { i: n });
    const kept = growth();
    expect(kept).toHaveLength(n);
    expect(kept.map((f) => nameOf.get(f) ?? n).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(existsSync(crashed)).toBe(false);
    expect(existsSync(underWay)).toBe(true);
    expect(entries().filter((f) => f.startsWith('probe-'))).toEqual(others);
    expect(cache.readDerived('growth', { i: 0 })).toBeUndefined();
    expect(cache.readDerived('growth', { i: n })).toEqual({ i: n });
  });
});

describe("compare's warnings from a hand-written entry", () => {
  const dir = mkdtempSync(join(tmpdir(), 'flashpoints-warnings-shape-'));
  const cache = join(dir, 'cache');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const small = ['--futures', '2', '--runs', '2', '--horizon', '12', '--threads', '1', '--no-store', '--json'];
  const compare = (env: Record<string, string> = {}) => cli(['compare', 'scenarios/richardson-1909.yaml', ...small], { env: { FLASHPOINTS_CACHE_DIR: cache, ...env } });
  const untimed = (out: string) => out.replace(/"seconds":\s*[0-9.e+-]+/g, '"seconds": 0');

  it('of the wrong shape, or holding −0, is ignored: the output is the cache-off one and the entry is rewritten', () => {
    const off = compare({ FLASHPOINTS_CACHE: 'off' });
    expect(off.code, off.err).toBe(0);
    expect(untimed(compare().out)).toBe(untimed(off.out));
    const [name] = readdirSync(join(cache, 'derived')).filter((f) => f.startsWith('warnings-'));
    const file = join(cache, 'derived', name!);
    const good = JSON.parse(readFileSync(file, 'utf8'));
    expect(good.value.length).toBeGreaterThan(0);
    const wrong: unknown[] = [{}, 'warnings', [{ path: 1 }], [{ ...good.value[0], hint: undefined }], [{ ...good.value[0], weight: -0 }]];
    for (const value of wrong) {
      writeFileSync(file, JSON.stringify({ ...good, value }).replace('"weight":0', '"weight":-0'));
      const r = compare();
      expect(r.code, r.err).toBe(0);
      expect(r.err).toBe(off.err);
      expect(untimed(r.out)).toBe(untimed(off.out));
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(good);
    }
  }, 300_000);
});
