import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../cli/spawn.js';

// docs/library.md's code blocks, run as written against the built package: each block is saved as an ES module
// under dist/ (inside the package, so `import … from 'flashpoints/node'` resolves through package.json's
// "exports" by self-reference, exactly as for an installed package) and run from a directory that holds the
// repository's scenarios/ and examples/.
const blocks = [...readFileSync(join(root, 'docs/library.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const work = mkdtempSync(join(tmpdir(), 'flashpoints-libdocs-'));
symlinkSync(join(root, 'scenarios'), join(work, 'scenarios'));
symlinkSync(join(root, 'examples'), join(work, 'examples'));
const moduleDir = join(root, 'dist', 'doctest');
mkdirSync(moduleDir, { recursive: true });
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(moduleDir, { recursive: true, force: true });
});

const results = new Map<number, { code: number | null; out: string; err: string }>();
function runBlock(i: number) {
  const cached = results.get(i);
  if (cached) return cached;
  const file = join(moduleDir, `library-${i}.mjs`);
  writeFileSync(file, blocks[i]);
  const r = spawnSync(process.execPath, [file], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const result = { code: r.status, out: r.stdout, err: r.stderr };
  results.set(i, result);
  return result;
}

describe('docs/library.md', () => {
  it('has the quickstart blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(blocks.join('\n')).toMatch(/from 'flashpoints\/node'/);
  });

  it.each(blocks.map((_, i) => i))('block %i runs as written and exits 0', (i) => {
    const r = runBlock(i);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(0);
  }, 120_000);

  it('the quickstart prints the arms verdict; the bad file lists its issue; the fixed lever is no longer inert; the report is written', () => {
    const outs = blocks.map((_, i) => runBlock(i).out);
    const all = outs.join('\n');
    expect(all).toMatch(/North Korean warheads: \d+ → \d+ → \d+/);
    expect(all).toMatch(/^(stable|unstable|neutral):/m);
    expect(all).toMatch(/no-such-scenario\.yaml:0:0 cannot read the file \(ENOENT\)/);
    expect(all).toMatch(/^inert-lever at levers\[0\]\.path$/m);
    expect(all).toMatch(/^false$/m);
    expect(existsSync(join(work, 'report.html'))).toBe(true);
    expect(readFileSync(join(work, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  }, 240_000);
});
