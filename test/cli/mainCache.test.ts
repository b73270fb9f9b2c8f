import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './spawn.js';

/*
 * The main job's answer cache (docs/performance.md#the-main-jobs-answer) on the built CLI with the real defaults
 * (the main job takes no size options): a cold run, a rerun with the cache off (it reads the store back and
 * recomputes everything else) and a rerun from the cache must print the same text and write the same report,
 * but for the cells line (counts, run time) and the report's run time.
 */
describe('the main job reused from the cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flashpoints-main-cache-'));
  const cache = join(dir, 'cache');
  const report = join(dir, 'report.html');
  const store = join(dir, 'store.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const main = (env: Record<string, string> = {}) => {
    const r = cli(['main', '--report', report, '--store', store], { env: { FLASHPOINTS_CACHE_DIR: cache, ...env } });
    return { ...r, report: r.code === 0 ? readFileSync(report, 'utf8') : '' };
  };
  const cellsLine = /^cells computed \d+, reused from the store \d+; .*$/m;
  const text = (out: string) => out.replace(cellsLine, '(cells line)');
  const page = (html: string) => html.replace(/(Run time \(varies by machine; not part of the result\)<\/dt><dd><code>)[^<]*</, '$1(run time)<');
  const answerEntry = () => readdirSync(join(cache, 'derived')).filter((f) => f.startsWith('main-answer-')).map((f) => join(cache, 'derived', f));
  let cold: ReturnType<typeof main>, read: ReturnType<typeof main>;

  it('prints and writes what the cold run and a run reading the store did, computing nothing', () => {
    cold = main();
    expect(cold.code, cold.err).toBe(0);
    expect(cold.out).toMatch(/^cells computed 300, reused from the store 0; /m);
    expect(answerEntry()).toHaveLength(1);
    read = main({ FLASHPOINTS_CACHE: 'off' });
    expect(read.code, read.err).toBe(0);
    expect(read.out).toMatch(/^cells computed 0, reused from the store 300; \d+\.\d s on \d threads?$/m);
    const warm = main();
    expect(warm.code, warm.err).toBe(0);
    expect(warm.out).toMatch(/^cells computed 0, reused from the store 300; answer reused from the cache in \d+\.\d s$/m);
    for (const other of [read, cold]) {
      expect(text(warm.out)).toBe(text(other.out));
      expect(warm.err).toBe(other.err);
      expect(page(warm.report)).toBe(page(other.report));
    }
    // Only the run time differs in the report, and it is this call's.
    expect(warm.report).not.toBe(page(warm.report));
  }, 900_000);

  it('ignores and rewrites a damaged or stale entry', () => {
    const [entry] = answerEntry();
    const stored = JSON.parse(readFileSync(entry, 'utf8'));
    writeFileSync(entry, JSON.stringify({ ...stored, stamp: 'another-build', value: { ...stored.value, text: 'poisoned\u0000cells\u0000' } }));
    const stale = main();
    expect(stale.code, stale.err).toBe(0);
    expect(stale.out).toMatch(/^cells computed 0, reused from the store 300; \d+\.\d s on \d threads?$/m);
    expect(text(stale.out)).toBe(text(read.out));
    expect(JSON.parse(readFileSync(entry, 'utf8')).stamp).toBe(stored.stamp);
    // This build's entry with a field missing is not believed either.
    writeFileSync(entry, JSON.stringify({ ...stored, value: { ...stored.value, warnings: undefined } }));
    const partial = main();
    expect(partial.code, partial.err).toBe(0);
    expect(partial.out).not.toMatch(/answer reused from the cache/);
    expect(text(partial.out)).toBe(text(read.out));
    writeFileSync(entry, '{"kind":"main-answer","stamp":');
    const damaged = main();
    expect(text(damaged.out)).toBe(text(read.out));
    expect(page(damaged.report)).toBe(page(read.report));
    expect(JSON.parse(readFileSync(entry, 'utf8')).value.digest).toBe(stored.value.digest);
    expect(main().out).toMatch(/answer reused from the cache/);
  }, 600_000);

  it('is not used once a stored cell changed: the error is the one the store gives without the cache', () => {
    const db = new Database(store);
    db.prepare("UPDATE cells SET data = replace(data, '\"runs\":40', '\"runs\":40 ') WHERE rowid = (SELECT MIN(rowid) FROM cells)").run();
    db.close();
    const cached = main(), off = main({ FLASHPOINTS_CACHE: 'off' });
    expect(off.code).toBe(2);
    expect(off.err).toMatch(/corrupt/);
    expect(cached.code).toBe(off.code);
    expect(cached.err).toBe(off.err);
    expect(cached.out).toBe(off.out);
  }, 600_000);
  // A cold main job is ~25 s on an idle two-core machine; the margins are for a shared machine under heavy load.
});
