import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../cli/spawn.js';

// Every command of the README's tour must run on a fresh clone: it is read from README.md, `npx flashpoints` is
// replaced by the built CLI, and it runs in an empty directory that holds only the repository's tracked
// scenarios/ and examples/ (so outputs like monthly.csv and out.html land there, not in the checkout).
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const tour = readme.slice(readme.indexOf('## A tour of the CLI'), readme.indexOf('Every command has `--help`'));
const commands = tour.split('\n').filter((l) => l.startsWith('    npx flashpoints ')).map((l) => l.trim());
const work = mkdtempSync(join(tmpdir(), 'flashpoints-tour-'));
for (const d of ['scenarios', 'examples']) symlinkSync(join(root, d), join(work, d));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cliPath = join(root, 'dist/src/cli/main.js');

describe('README tour', () => {
  it('has the tour, with no command that needs data outside the repository', () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
    expect(commands.join('\n')).not.toMatch(/\.\.\/|shared\/data/);
  });

  it('reads only files the repository tracks', () => {
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n'));
    const inputs = commands.flatMap((c) => c.match(/(?:scenarios|examples)\/[\w.-]+/g) ?? []);
    expect(inputs.length).toBeGreaterThan(5);
    expect(inputs.filter((f) => !tracked.has(f))).toEqual([]);
  });

  it.each(commands)('%s → exit 0', (command) => {
    const shell = command.replace(/^npx flashpoints/, `"${process.execPath}" "${cliPath}"`);
    const r = spawnSync('sh', ['-c', shell], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
    expect(r.stderr).not.toMatch(/^\s+at .*(\.ts|\.js|node:)/m);
    expect(r.status, r.stderr).toBe(0);
  }, 300_000);
});
