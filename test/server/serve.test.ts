import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentStore } from '../../src/engine/experimentStore.js';
import { root } from '../cli/spawn.js';
import { call, cliAsync, koreaYaml, tempDir, testServer, waitProgress } from './fixture.js';

/** Starts `flashpoints serve` (built) and resolves once it prints its address. */
function serveCli(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [`${root}dist/src/cli/main.js`, 'serve', '--port', '0', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let out = '', err = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /serving on (http:\/\/\S+?)\/ /.exec(out);
      if (m) resolve({ child, url: m[1], stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe('flashpoints serve', () => {
  it('binds loopback by default; another address only with --allow-remote, and with a warning', async () => {
    const refused = await cliAsync(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--host 0\.0\.0\.0 can be reached from other machines/);
    expect(refused.err).toMatch(/hint: add --allow-remote/);
    const local = await serveCli(['--store', join(tempDir(), 's.sqlite')]);
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call(local.url, 'GET', '/api/health')).json).toEqual({ ok: true, version: expect.any(String) });
    local.child.kill('SIGTERM');
    expect(await local.exited).toBe(0);
    const remote = await serveCli(['--host', '0.0.0.0', '--allow-remote', '--store', join(tempDir(), 's.sqlite')]);
    expect(remote.stderr()).toMatch(/^warning: serving on 0\.0\.0\.0: anyone who can reach it may run jobs/);
    remote.child.kill('SIGTERM');
    expect(await remote.exited).toBe(0);
  });

  it('SIGTERM during a compare job: the job stops, the process exits 0, the stored cells stay and check clean', async () => {
    const store = join(tempDir(), 'store.sqlite');
    const s = await serveCli(['--store', store, '--threads', '1']);
    const id = (await call(s.url, 'POST', '/api/jobs', { kind: 'compare', yaml: koreaYaml, options: { futures: 40, runs: 20, horizon: 60 } })).json.id;
    await waitProgress(s.url, id);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/SIGTERM: stopping/);
    const db = ExperimentStore.open(store, { mustExist: true });
    const [exp] = db.experiments();
    const check = db.check();
    db.close();
    expect(exp.cellsDone).toBeGreaterThan(0);
    expect(exp.cellsDone).toBeLessThan(240);
    expect(check).toMatchObject({ integrity: [], bad: [], cells: exp.cellsDone });
  });
});

describe('the app files', () => {
  it('serves web/dist with content types, falls back to index.html for app routes, and never outside the folder', async () => {
    const web = tempDir();
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(web, 'assets', 'main.js'), 'export {};');
    writeFileSync(join(web, 'assets', 'main.css'), 'body{}');
    writeFileSync(join(tempDir(), 'secret.txt'), 'no');
    const s = await testServer({ webDir: web });
    try {
      const html = { accept: 'text/html,application/xhtml+xml' };
      const cases: [string, Record<string, string>, number, RegExp, string?][] = [
        ['/', html, 200, /^text\/html/, 'app'],
        ['/assets/main.js', {}, 200, /^text\/javascript/, 'export'],
        ['/assets/main.css', {}, 200, /^text\/css/, 'body'],
        ['/compare/some-experiment', html, 200, /^text\/html/, 'app'],
        ['/assets/missing.js', {}, 404, /^application\/json/],
        ['/%2e%2e/%2e%2e/package.json', {}, 404, /^application\/json/],
        ['/..%2f..%2fpackage.json', html, 200, /^text\/html/, 'app'],
        ['/api/unknown', html, 404, /^application\/json/],
      ];
      for (const [path, headers, status, type, body] of cases) {
        const r = await call(s.url, 'GET', path, undefined, headers);
        expect(r.status, path).toBe(status);
        expect(r.type, path).toMatch(type);
        if (body) expect(r.text, path).toContain(body);
        expect(r.text, path).not.toContain('"name": "flashpoints"');
      }
    } finally {
      await s.close();
    }
    const unbuilt = await testServer({ webDir: join(web, 'missing') });
    try {
      const r = await call(unbuilt.url, 'GET', '/', undefined, { accept: 'text/html' });
      expect(r.status).toBe(200);
      expect(r.text).toMatch(/The app is not built/);
    } finally {
      await unbuilt.close();
    }
  });
});
