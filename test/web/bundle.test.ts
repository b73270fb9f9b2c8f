// The browser bundle runs the core unchanged and with no Node built-in: the built assets name no `node:` module,
// the build's guard rejects an entry that imports one, and the app reaches the core only through browser-safe
// layers (never engine/, cli/, server/ or the Node entry).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isNodeBuiltin, noNodeImports } from '../../web/build/noNodeImports.js';
import { buildApp } from './buildApp.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
const NODE_SPECIFIER = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']node:[a-z_/]+["']/;

describe('the browser bundle', () => {
  beforeAll(buildApp);

  it('holds the core worker and no node: import in any built asset', () => {
    const assets = files(`${repo}web/dist/assets`).filter((f) => f.endsWith('.js'));
    expect(assets.some((f) => /core\.worker/.test(f))).toBe(true);
    const worker = readFileSync(assets.find((f) => /core\.worker/.test(f))!, 'utf8');
    // The worker carries the project's own scenario parser, crisis runner and the bundled Korea scenario.
    expect(worker).toContain('korea-2024');
    expect(worker).toContain('nuclearGivenWar');
    for (const f of assets) expect(NODE_SPECIFIER.test(readFileSync(f, 'utf8')), relative(repo, f)).toBe(false);
  });

  it('the guard tells Node built-ins from packages', () => {
    for (const m of ['node:fs', 'fs', 'fs/promises', 'node:worker_threads', 'path', 'crypto']) expect(isNodeBuiltin(m), m).toBe(true);
    for (const m of ['preact', 'd3-force', 'yaml', './fs.js', 'zod']) expect(isNodeBuiltin(m), m).toBe(false);
  });

  it('a build whose code imports node:fs fails with the guard’s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flashpoints-web-guard-'));
    try {
      writeFileSync(join(dir, 'entry.js'), "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
      const { build } = await import('vite');
      const run = build({ configFile: false, root: dir, logLevel: 'silent', plugins: [noNodeImports()], build: { lib: { entry: join(dir, 'entry.js'), formats: ['es'] }, outDir: join(dir, 'out'), write: false } });
      await expect(run).rejects.toThrow(/imports the Node module 'node:fs'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the app imports the core only from browser-safe layers', () => {
    const web = files(`${repo}web/src`).filter((f) => /\.tsx?$/.test(f));
    const bad: string[] = [];
    for (const f of web) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (!spec.startsWith('.')) continue;
        const target = relative(`${repo}src`, resolve(f, '..', spec));
        if (target.startsWith('..')) continue; // inside web/
        if (/^(engine|cli|server)\//.test(target) || /^node\.(js|ts)$/.test(target)) bad.push(`${relative(repo, f)} → src/${target}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
