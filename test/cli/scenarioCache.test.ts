import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeSha256Hex } from '../../src/cli/nodeSha256.js';
import { parseScenario } from '../../src/scenario/load.js';
import { sha256Hex } from '../../src/scenario/sha256.js';
import { cli, root } from './spawn.js';

describe('SHA-256 by node:crypto and by the core', () => {
  it('give the same hex digest of any string (UTF-8, astral planes, empty, block boundaries)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => nodeSha256Hex(s) === sha256Hex(s)), { numRuns: 500 });
    for (const n of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) expect(nodeSha256Hex('x'.repeat(n))).toBe(sha256Hex('x'.repeat(n)));
    expect(nodeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-4 example
  });

  it('give the same scenario hash for Korea 2024', () => {
    const file = join(root, 'scenarios/korea-2024.yaml');
    const text = readFileSync(file, 'utf8');
    const core = parseScenario(text, file), node = parseScenario(text, file, { sha256: nodeSha256Hex });
    expect(core.ok && node.ok).toBe(true);
    if (core.ok && node.ok) expect(node.hash).toBe(core.hash);
  });
});

describe('the scenario cache of the built CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flashpoints-cache-'));
  const cache = join(dir, 'cache');
  const env = { FLASHPOINTS_CACHE_DIR: cache };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const korea = readFileSync(join(root, 'scenarios/korea-2024.yaml'), 'utf8');
  const file = join(dir, 'korea.yaml');
  writeFileSync(file, korea);
  const validate = () => cli(['validate', '--json', file], { env });
  const strip = (out: string) => ({ ...JSON.parse(out), options: undefined });

  it('stores a valid check under the hash of the text and answers the next call from it, identically', () => {
    const first = validate();
    expect(first.code).toBe(0);
    expect(readdirSync(cache)).toEqual([`${nodeSha256Hex(korea)}.json`]);
    const second = validate();
    expect(second.out).toBe(first.out);
    const sim = cli(['simulate', '--json', file], { env }), fresh = cli(['simulate', '--json', file], { env: { FLASHPOINTS_CACHE: 'off' } });
    expect(sim.code).toBe(0);
    expect(sim.out).toBe(fresh.out);
  });

  it('is safe when stale or damaged: another build\'s entry and a truncated one are ignored and rewritten', () => {
    const entry = join(cache, `${nodeSha256Hex(korea)}.json`);
    const good = validate().out;
    const stored = JSON.parse(readFileSync(entry, 'utf8'));
    // An entry from another build claims a different scenario: it must not be believed.
    writeFileSync(entry, JSON.stringify({ ...stored, stamp: 'another-build', hash: 'f'.repeat(64) }));
    expect(strip(validate().out)).toEqual(strip(good));
    expect(JSON.parse(readFileSync(entry, 'utf8')).stamp).toBe(stored.stamp);
    writeFileSync(entry, '{"stamp":');
    expect(validate().out).toBe(good);
  });

  it('never answers for edited bytes: an invalid edit is reported with its line even after the valid text was cached', () => {
    validate();
    writeFileSync(file, korea.replace(/^id: korea-2024$/m, 'id: 42\nnot-a-field: 1'));
    const r = cli(['validate', file], { env });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/korea\.yaml:\d+:\d+/);
    writeFileSync(file, korea);
  });
});
